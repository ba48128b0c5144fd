import { Badge, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core'
import { EXECUTOR_ROLES, type ReportState } from '@qalxan/contracts'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { EmptyRow, Page, PageHeader, QueryState } from '../../../components/page.tsx'
import { localized } from '../../../lib/format.ts'
import { organizationQuery } from '../../organizations/api/organizations.ts'
import { NoStrategy } from '../../plan/components/strategy-header.tsx'
import { useActiveStrategy } from '../../plan/use-strategy.ts'
import { periodsQuery } from '../../reporting/api/reporting.ts'
import {
  CompletionBadge,
  RagBadge,
  ReportStateBadge,
  TimelinessBadge,
} from '../../reporting/components/badges.tsx'
import { periodOption } from '../../reporting/periods.ts'
import { type OrganisationView, organisationViewQuery } from '../api/dashboard.ts'
import '../dashboard.css'

type Row = OrganisationView['measures'][number]
const NOW = 'now'

/** Measures still to do: due now or late, not yet completed. */
export const isDue = (m: Pick<Row, 'timeliness'>) =>
  m.timeliness === 'on_track' || m.timeliness === 'at_risk' || m.timeliness === 'overdue'

function Rows({ rows, periodId, empty }: { rows: Row[]; periodId?: string; empty?: string }) {
  const { t, i18n } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('plan.measure')}</Table.Th>
            <Table.Th scope="col">{t('plan.deadline.title')}</Table.Th>
            <Table.Th scope="col">{t('reporting.report.title')}</Table.Th>
            <Table.Th scope="col">{t('common.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && <EmptyRow colSpan={4} text={empty ?? t('dashboard.noneHere')} />}
          {rows.map((m) => (
            <Table.Tr key={`${m.measureId}-${m.role}`}>
              <Table.Td>
                <Link
                  to="/plan/measures/$measureId"
                  params={{ measureId: m.measureId }}
                  search={periodId ? { period: periodId } : {}}
                >
                  {m.code}
                </Link>{' '}
                {localized(m.title, i18n.language)}
              </Table.Td>
              <Table.Td className="nowrap">
                {m.deadline === 'ongoing' ? t('plan.deadline.ongoing') : m.deadline}
              </Table.Td>
              <Table.Td>
                {m.reportState ? <ReportStateBadge state={m.reportState as ReportState} /> : '—'}
                {m.missing && (
                  <div>
                    <Badge variant="light" color="red" tt="none">
                      {t('dashboard.missing')}
                    </Badge>
                  </div>
                )}
              </Table.Td>
              <Table.Td>
                <div>
                  <TimelinessBadge value={m.timeliness} />
                </div>
                <div>
                  <CompletionBadge value={m.completion} />
                </div>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/** One organisation's measures by role, what is due now and which reports are missing. */
export function OrganisationPage({
  orgId,
  strategyId,
  periodId,
}: {
  orgId: string
  strategyId?: string
  periodId?: string
}) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const active = useActiveStrategy(strategyId)
  const strategy = active.strategy
  const sid = strategy?.id ?? ''
  const org = useQuery(organizationQuery(orgId))
  const periods = useQuery({ ...periodsQuery(sid), enabled: !!strategy })
  const view = useQuery({ ...organisationViewQuery(sid, orgId, periodId), enabled: !!strategy })
  const v = view.data
  const choices = [
    { value: NOW, label: t('dashboard.now') },
    ...[...(periods.data ?? [])]
      .filter((p) => p.state !== 'planned')
      .sort((a, b) => b.dueOn.localeCompare(a.dueOn))
      .map((p) => periodOption(p, t)),
  ]
  const name = org.data ? localized(org.data.name, i18n.language) : ''
  return (
    <Page>
      <Text size="sm">
        <Link to="/dashboard" search={periodId ? { period: periodId } : {}}>
          ← {t('dashboard.title')}
        </Link>
      </Text>
      <PageHeader
        title={name || t('dashboard.organisation')}
        description={t('dashboard.orgDescription')}
        actions={
          strategy && (
            <Select
              label={t('reporting.period')}
              allowDeselect={false}
              data={choices}
              value={periodId ?? NOW}
              onChange={(p) =>
                void navigate({
                  to: '/dashboard/organisations/$orgId',
                  params: { orgId },
                  search: { strategy: strategyId, period: p && p !== NOW ? p : undefined },
                })
              }
              w={340}
            />
          )
        }
      />
      <QueryState isPending={active.isPending} error={active.error} />
      {active.isSuccess && !strategy && <NoStrategy />}
      {strategy && <QueryState isPending={view.isPending} error={view.error} />}
      {v && (
        <>
          <Card withBorder>
            <Group gap="lg" wrap="wrap">
              <div>
                <Text size="xs" c="dimmed">
                  {t('dashboard.progress')}
                </Text>
                <RagBadge rag={v.summary.rag} score={v.summary.score} />
              </div>
              <div>
                <Text size="xs" c="dimmed">
                  {t('dashboard.leadMeasures')}
                </Text>
                <Text fw={700}>{v.summary.measures}</Text>
              </div>
              <div>
                <Text size="xs" c="dimmed">
                  {t('reporting.timeliness.overdue')}
                </Text>
                <Text fw={700}>{v.summary.overdue}</Text>
              </div>
              <div>
                <Text size="xs" c="dimmed">
                  {t('reporting.timeliness.at_risk')}
                </Text>
                <Text fw={700}>{v.summary.atRisk}</Text>
              </div>
              <div>
                <Text size="xs" c="dimmed">
                  {t('dashboard.missing')}
                </Text>
                <Text fw={700}>{v.measures.filter((m) => m.missing).length}</Text>
              </div>
            </Group>
          </Card>
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('dashboard.missingTitle')}
            </Title>
            <Rows
              rows={v.measures.filter((m) => m.missing)}
              periodId={periodId}
              empty={t('dashboard.nothingMissing')}
            />
          </Card>
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('dashboard.dueTitle')}
            </Title>
            <Rows rows={v.measures.filter(isDue)} periodId={periodId} />
          </Card>
          <Stack>
            {EXECUTOR_ROLES.map((role) => {
              const rows = v.measures.filter((m) => m.role === role)
              if (rows.length === 0) return null
              return (
                <Card withBorder key={role}>
                  <Title order={2} size="h4" mb="xs">
                    {t(`dashboard.asRole.${role}`, { n: rows.length })}
                  </Title>
                  <Rows rows={rows} periodId={periodId} />
                </Card>
              )
            })}
            {v.measures.length === 0 && (
              <Card withBorder>
                <Text size="sm" c="dimmed">
                  {t('dashboard.noMeasuresForOrg')}
                </Text>
              </Card>
            )}
          </Stack>
        </>
      )}
    </Page>
  )
}

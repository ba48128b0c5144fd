import { Badge, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core'
import { COMPLETIONS, canEverywhere, type Overview, TIMELINESS } from '@qalxan/contracts'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { EmptyRow, Page, PageHeader, QueryState } from '../../../components/page.tsx'
import { formatDate, localized } from '../../../lib/format.ts'
import { useCurrentMe } from '../../me/api/me.ts'
import { useOrganizationTree } from '../../organizations/api/organizations.ts'
import { indicatorsQuery } from '../../plan/api/plan.ts'
import { NoStrategy, StrategyPicker } from '../../plan/components/strategy-header.tsx'
import { useActiveStrategy } from '../../plan/use-strategy.ts'
import { periodsQuery } from '../../reporting/api/reporting.ts'
import { RagBadge } from '../../reporting/components/badges.tsx'
import { percent } from '../../reporting/labels.ts'
import { periodOption } from '../../reporting/periods.ts'
import { overviewQuery } from '../api/dashboard.ts'
import { Chart } from '../charts/chart.tsx'
import {
  COMPLETION_HEX,
  directionProgressOption,
  distributionOption,
  indicatorOption,
  TIMELINESS_HEX,
} from '../charts/options.ts'
import { MeasureBriefs } from './measure-briefs.tsx'
import { ReportDownloads } from './report-downloads.tsx'
import '../dashboard.css'

const NOW = 'now'

/** A ring of counts, or a dash when there is nothing to count. */
function Ring({
  label,
  counts,
  order,
  colors,
  name,
}: {
  label: string
  counts: Record<string, number>
  order: readonly string[]
  colors: Record<string, string>
  name: (k: string) => string
}) {
  const { t } = useTranslation()
  const total = order.reduce((n, k) => n + (counts[k] ?? 0), 0)
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {label}
      </Title>
      {total === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dashboard.noneHere')}
        </Text>
      ) : (
        <Chart label={label} height={300} option={distributionOption(counts, order, colors, name)} />
      )}
    </Card>
  )
}

function Kpi({ label, value, tone }: { label: string; value: string | number; tone?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <div className={tone ? `qx-kpi-value ${tone}` : 'qx-kpi-value'}>{value}</div>
    </Card>
  )
}

function Summary({ o }: { o: Overview }) {
  const { t } = useTranslation()
  const s = o.strategy
  return (
    <div className="qx-kpis">
      <Kpi
        label={t('dashboard.progress')}
        value={percent(s.score)}
        tone={s.rag === 'none' ? undefined : s.rag}
      />
      <Kpi label={t('dashboard.measures')} value={s.measures} />
      <Kpi label={t('dashboard.evaluated')} value={s.evaluated} />
      <Kpi
        label={t('reporting.timeliness.overdue')}
        value={s.overdue}
        tone={s.overdue > 0 ? 'red' : undefined}
      />
      <Kpi
        label={t('reporting.timeliness.at_risk')}
        value={s.atRisk}
        tone={s.atRisk > 0 ? 'amber' : undefined}
      />
    </div>
  )
}

function DirectionsTable({ o }: { o: Overview }) {
  const { t, i18n } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={460}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('plan.direction')}</Table.Th>
            <Table.Th scope="col">{t('dashboard.progress')}</Table.Th>
            <Table.Th scope="col">{t('dashboard.measures')}</Table.Th>
            <Table.Th scope="col">{t('reporting.timeliness.overdue')}</Table.Th>
            <Table.Th scope="col">{t('reporting.timeliness.at_risk')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {o.directions.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <strong>{d.code}</strong> {localized(d.title, i18n.language)}
              </Table.Td>
              <Table.Td>
                <RagBadge rag={d.rag} score={d.score} />
              </Table.Td>
              <Table.Td>{d.measures}</Table.Td>
              <Table.Td>{d.overdue}</Table.Td>
              <Table.Td>{d.atRisk}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

function NotReportedTable({ o, periodId }: { o: Overview; periodId?: string }) {
  const { t, i18n } = useTranslation()
  const orgs = useOrganizationTree()
  const name = (id: string, code: string) => {
    const org = orgs.data?.find((x) => x.id === id)
    return org ? localized(org.name, i18n.language) : code
  }
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('dashboard.organisation')}</Table.Th>
            <Table.Th scope="col">{t('reporting.notReported')}</Table.Th>
            <Table.Th scope="col">{t('dashboard.leadMeasures')}</Table.Th>
            <Table.Th scope="col">{t('dashboard.progress')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {o.organisations.length === 0 && <EmptyRow colSpan={4} />}
          {o.organisations.map((org) => (
            <Table.Tr key={org.id}>
              <Table.Td>
                <Link
                  to="/dashboard/organisations/$orgId"
                  params={{ orgId: org.id }}
                  search={periodId ? { period: periodId } : {}}
                >
                  {name(org.id, org.code)}
                </Link>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={org.notReported > 0 ? 'red' : 'green'}>
                  {org.notReported}
                </Badge>
              </Table.Td>
              <Table.Td>{org.measures}</Table.Td>
              <Table.Td>
                <RagBadge rag={org.rag} score={org.score} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

export function DashboardPage({ strategyId, periodId }: { strategyId?: string; periodId?: string }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const me = useCurrentMe()
  const active = useActiveStrategy(strategyId)
  const strategy = active.strategy
  const sid = strategy?.id ?? ''
  const periods = useQuery({ ...periodsQuery(sid), enabled: !!strategy })
  const overview = useQuery({ ...overviewQuery(sid, periodId), enabled: !!strategy })
  const indicators = useQuery({ ...indicatorsQuery(sid), enabled: !!strategy })
  const o = overview.data
  const lang = i18n.language
  const periodChoices = [
    { value: NOW, label: t('dashboard.now') },
    ...[...(periods.data ?? [])]
      .filter((p) => p.state !== 'planned')
      .sort((a, b) => b.dueOn.localeCompare(a.dueOn))
      .map((p) => periodOption(p, t)),
  ]
  const go = (search: { strategy?: string; period?: string }) => void navigate({ to: '/dashboard', search })
  const charted = (indicators.data ?? []).filter((i) => i.targets.length > 0 || i.values.length > 0)

  return (
    <Page>
      <PageHeader
        title={t('dashboard.title')}
        description={strategy ? localized(strategy.title, lang) : t('dashboard.description')}
        actions={
          <>
            <StrategyPicker
              strategies={active.strategies}
              value={strategy?.id}
              onChange={(id) => go({ strategy: id })}
            />
            {strategy && (
              <Select
                label={t('reporting.period')}
                allowDeselect={false}
                data={periodChoices}
                value={periodId ?? NOW}
                onChange={(v) => go({ strategy: strategyId, period: v && v !== NOW ? v : undefined })}
                w={340}
              />
            )}
          </>
        }
      />
      <QueryState isPending={active.isPending} error={active.error} />
      {active.isSuccess && !strategy && <NoStrategy />}
      {strategy && <QueryState isPending={overview.isPending} error={overview.error} />}
      {strategy && o && (
        <>
          <Group gap="xs">
            {o.period ? (
              <Text size="sm" c="dimmed">
                {t('dashboard.asOfPeriod', {
                  label: o.period.label,
                  from: formatDate(o.period.startsOn, lang),
                  to: formatDate(o.period.endsOn, lang),
                })}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {t('dashboard.asOfToday')}
              </Text>
            )}
            {o.frozen && (
              <Badge variant="light" color="blue" tt="none">
                {t('dashboard.frozen')}
              </Badge>
            )}
          </Group>
          <Summary o={o} />
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('dashboard.byDirection')}
            </Title>
            {o.directions.length > 0 ? (
              <div className="qx-direction">
                <Chart
                  label={t('dashboard.byDirection')}
                  height={Math.max(200, o.directions.length * 48 + 40)}
                  option={directionProgressOption(o.directions, (d) => localized(d.title, lang), t)}
                />
                <DirectionsTable o={o} />
              </div>
            ) : (
              <Text size="sm" c="dimmed">
                {t('dashboard.noneHere')}
              </Text>
            )}
          </Card>
          <div className="qx-rings">
            <Ring
              label={t('dashboard.completion')}
              counts={o.completionDistribution}
              order={[...COMPLETIONS, 'not_evaluated']}
              colors={COMPLETION_HEX}
              name={(k) => t(`reporting.completion.${k}`)}
            />
            <Ring
              label={t('dashboard.timeliness')}
              counts={o.timelinessDistribution}
              order={TIMELINESS}
              colors={TIMELINESS_HEX}
              name={(k) => t(`reporting.timeliness.${k}`)}
            />
          </div>
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('dashboard.overdue', { n: o.overdue.length })}
            </Title>
            <MeasureBriefs items={o.overdue} periodId={periodId} />
          </Card>
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('dashboard.atRisk', { n: o.atRisk.length })}
            </Title>
            <MeasureBriefs items={o.atRisk} periodId={periodId} />
          </Card>
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('dashboard.notReportedTitle')}
            </Title>
            <NotReportedTable o={o} periodId={periodId} />
          </Card>
          {charted.length > 0 && (
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t('dashboard.indicators')}
              </Title>
              <div className="qx-indicators">
                {charted.map((i) => {
                  const name = `${i.code} ${localized(i.name, lang)}`
                  return (
                    <Card withBorder key={i.id}>
                      <Text fw={600} size="sm" mb={4}>
                        {name}
                      </Text>
                      <Chart label={name} height={220} option={indicatorOption(i, name, t)} />
                    </Card>
                  )
                })}
              </div>
            </Stack>
          )}
          {canEverywhere(me.grants, 'report.read') && (
            <ReportDownloads strategy={strategy} periods={periods.data ?? []} />
          )}
        </>
      )}
    </Page>
  )
}

import { Badge, Button, Card, Group, Modal, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core'
import type { Period } from '@qalxan/contracts'
import { useQuery } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { Fragment, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { EmptyRow, Page, PageHeader, QueryState } from '../../../components/page.tsx'
import { formatDate, localized } from '../../../lib/format.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { overviewQuery } from '../../dashboard/api/dashboard.ts'
import { useCan } from '../../me/use-can.ts'
import { useOrganizationTree } from '../../organizations/api/organizations.ts'
import { NoStrategy, StrategyPicker } from '../../plan/components/strategy-header.tsx'
import { useActiveStrategy } from '../../plan/use-strategy.ts'
import { exceptionsQuery, periodsQuery, useMovePeriod, usePublishPeriod } from '../api/reporting.ts'
import { CalendarForm } from '../forms/calendar-form.tsx'
import { ExceptionForm } from '../forms/exception-form.tsx'
import { periodSteps, periodsByYear, type PeriodStep as Step } from '../periods.ts'
import { PeriodStateBadge } from './badges.tsx'
import '../reporting.css'

/** How many lead executors' reports the period still misses, from the overview. */
function NotReported({ strategyId, period }: { strategyId: string; period: Period }) {
  const o = useQuery({ ...overviewQuery(strategyId, period.id), enabled: period.state !== 'planned' })
  if (period.state === 'planned') return <>—</>
  if (!o.data) return <Text size="sm">{o.error ? '!' : '…'}</Text>
  const n = o.data.organisations.reduce((s, x) => s + x.notReported, 0)
  return (
    <Badge variant="light" color={n > 0 ? 'red' : 'green'}>
      {n}
    </Badge>
  )
}

function Exceptions({ period, canManage }: { period: Period; canManage: boolean }) {
  const { t, i18n } = useTranslation()
  const list = useQuery(exceptionsQuery(period.id))
  const orgs = useOrganizationTree()
  const name = (id: string) => {
    const o = orgs.data?.find((x) => x.id === id)
    return o ? localized(o.name, i18n.language) : id
  }
  return (
    <Stack gap="xs" p="sm">
      <Text size="sm" fw={600}>
        {t('reporting.exceptions.title')}
      </Text>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.data && list.data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('reporting.exceptions.none')}
        </Text>
      )}
      {list.data && list.data.length > 0 && (
        <ul className="plain-list">
          {list.data.map((e) => (
            <li key={e.id}>
              <Text size="sm">
                <strong>{name(e.orgId)}</strong> ·{' '}
                {t('reporting.exceptions.untilDate', { date: formatDate(e.until, i18n.language) })}
              </Text>
              <Text size="xs" c="dimmed">
                {e.reason}
              </Text>
            </li>
          ))}
        </ul>
      )}
      {canManage && period.state !== 'planned' && <ExceptionForm periodId={period.id} />}
    </Stack>
  )
}

export function PeriodsPage({ strategyId }: { strategyId?: string }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const allowed = useCan()
  const active = useActiveStrategy(strategyId)
  const strategy = active.strategy
  const periods = useQuery({ ...periodsQuery(strategy?.id ?? ''), enabled: !!strategy })
  const move = useMovePeriod()
  const publish = usePublishPeriod()
  const [year, setYear] = useState<number | null>(null)
  const [expanded, setExpanded] = useState<string | null>(null)
  const [confirm, setConfirm] = useState<{ period: Period; step: Step } | null>(null)
  const [showCalendar, setShowCalendar] = useState(false)
  const manage = allowed('period.manage')
  const groups = periodsByYear(periods.data ?? [])
  const thisYear = new Date().getFullYear()
  const chosen = year ?? (groups.find((g) => g.year === thisYear) ?? groups[0])?.year ?? null
  const shown = groups.find((g) => g.year === chosen)?.periods ?? []
  // The calendar form offers the first year that has no periods yet.
  const nextYear = groups.length ? Math.max(...groups.map((g) => g.year)) + 1 : thisYear

  const doStep = async () => {
    if (!confirm) return
    const { period, step } = confirm
    try {
      if (step === 'publish') await publish.mutateAsync(period.id)
      else await move.mutateAsync({ id: period.id, state: step })
      notifySuccess(t(`reporting.step.${step}Done`, { label: period.label }))
      setConfirm(null)
    } catch {
      // The error stays in the dialog.
    }
  }
  const stepError = confirm?.step === 'publish' ? publish.error : move.error

  return (
    <Page>
      <PageHeader
        title={t('reporting.title')}
        description={t('reporting.description')}
        actions={
          <>
            <StrategyPicker
              strategies={active.strategies}
              value={strategy?.id}
              onChange={(id) => void navigate({ to: '/reporting', search: { strategy: id } })}
            />
            {manage && strategy && (
              <Button variant={showCalendar ? 'light' : 'filled'} onClick={() => setShowCalendar((s) => !s)}>
                {t('reporting.calendar.title')}
              </Button>
            )}
          </>
        }
      />
      <QueryState isPending={active.isPending} error={active.error} />
      {active.isSuccess && !strategy && <NoStrategy />}
      {strategy && manage && showCalendar && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('reporting.calendar.title')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('reporting.calendar.hint')}
          </Text>
          <CalendarForm strategyId={strategy.id} defaultYear={nextYear} />
        </Card>
      )}
      {strategy && (
        <Card withBorder>
          <QueryState isPending={periods.isPending} error={periods.error} />
          {groups.length > 1 && (
            <SegmentedControl
              mb="sm"
              value={String(chosen)}
              onChange={(v) => setYear(Number(v))}
              data={[...groups].reverse().map((g) => ({ value: String(g.year), label: String(g.year) }))}
              aria-label={t('reporting.calendar.year')}
            />
          )}
          {periods.data && (
            <Table.ScrollContainer minWidth={860}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('reporting.label')}</Table.Th>
                    <Table.Th scope="col">{t('reporting.kindLabel')}</Table.Th>
                    <Table.Th scope="col">{t('reporting.window')}</Table.Th>
                    <Table.Th scope="col">{t('reporting.due')}</Table.Th>
                    <Table.Th scope="col">{t('common.status')}</Table.Th>
                    <Table.Th scope="col">{t('reporting.notReported')}</Table.Th>
                    <Table.Th scope="col">
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.length === 0 && <EmptyRow colSpan={7} text={t('reporting.noPeriods')} />}
                  {shown.map((p) => (
                    <Fragment key={p.id}>
                      <Table.Tr>
                        <Table.Td fw={600}>{p.label}</Table.Td>
                        <Table.Td>{t(`reporting.kind.${p.kind}`)}</Table.Td>
                        <Table.Td className="nowrap">
                          {formatDate(p.startsOn, i18n.language)} – {formatDate(p.endsOn, i18n.language)}
                        </Table.Td>
                        <Table.Td className="nowrap">{formatDate(p.dueOn, i18n.language)}</Table.Td>
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            <PeriodStateBadge state={p.state} />
                            {p.publishedAt && (
                              <Badge variant="light" color="cyan" tt="none">
                                {t('reporting.published')}
                              </Badge>
                            )}
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <NotReported strategyId={strategy.id} period={p} />
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4} wrap="nowrap" justify="flex-end">
                            {manage &&
                              periodSteps(p).map((step) => (
                                <Button
                                  key={step}
                                  size="compact-xs"
                                  variant="light"
                                  color={step === 'locked' ? 'red' : undefined}
                                  onClick={() => {
                                    move.reset()
                                    publish.reset()
                                    setConfirm({ period: p, step })
                                  }}
                                >
                                  {t(`reporting.step.${step}`)}
                                </Button>
                              ))}
                            {manage && (
                              <Button
                                size="compact-xs"
                                variant="subtle"
                                aria-expanded={expanded === p.id}
                                onClick={() => setExpanded(expanded === p.id ? null : p.id)}
                              >
                                {t('reporting.exceptions.title')}
                              </Button>
                            )}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                      {expanded === p.id && (
                        <Table.Tr>
                          <Table.Td colSpan={7}>
                            <Exceptions period={p} canManage={manage} />
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      )}
      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={confirm ? t(`reporting.step.${confirm.step}Title`, { label: confirm.period.label }) : ''}
      >
        <Stack>
          <Text size="sm">{confirm ? t(`reporting.step.${confirm.step}Text`) : ''}</Text>
          <ErrorAlert error={stepError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color={confirm?.step === 'locked' ? 'red' : undefined}
              loading={move.isPending || publish.isPending}
              onClick={doStep}
            >
              {confirm ? t(`reporting.step.${confirm.step}`) : ''}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Page>
  )
}

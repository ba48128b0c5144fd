import { Button, Card, Group, Stack, Table, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate } from '@tanstack/react-router'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { LinkButton } from '../../../components/link-button.tsx'
import { EmptyRow, Page, PageHeader, QueryState } from '../../../components/page.tsx'
import { Pager } from '../../../components/pager.tsx'
import { saveBlob } from '../../../lib/api.ts'
import { localized } from '../../../lib/format.ts'
import { useCan } from '../../me/use-can.ts'
import { exportMeasures, measureListQuery, planTreeQuery, versionsQuery } from '../api/plan.ts'
import { executorNames } from '../labels.ts'
import { MEASURE_PAGE_SIZE, type MeasureFilters, withFilter } from '../search.ts'
import { useActiveStrategy } from '../use-strategy.ts'
import { ConfidentialityBadge, DeadlineText } from './badges.tsx'
import { MeasureFilterBar } from './measure-filters.tsx'
import { PlanTree } from './plan-tree.tsx'
import { NoStrategy, StrategyHeader, StrategyPicker } from './strategy-header.tsx'
import '../plan.css'

export function PlanPage({ filters }: { filters: MeasureFilters }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const allowed = useCan()
  const active = useActiveStrategy(filters.strategy)
  const strategy = active.strategy
  const sid = strategy?.id ?? ''
  const tree = useQuery({ ...planTreeQuery(sid), enabled: !!strategy })
  const list = useQuery({ ...measureListQuery(sid, filters), enabled: !!strategy })
  const versions = useQuery({ ...versionsQuery(sid), enabled: !!strategy })
  const [exporting, setExporting] = useState(false)
  const [exportError, setExportError] = useState<unknown>(null)

  const change = useCallback(
    (patch: Partial<MeasureFilters>) => void navigate({ to: '/plan', search: withFilter(filters, patch) }),
    [navigate, filters],
  )

  const doExport = async () => {
    if (!strategy) return
    setExporting(true)
    setExportError(null)
    try {
      const { blob, filename } = await exportMeasures(strategy.id, filters, i18n.language)
      saveBlob(blob, filename ?? `${strategy.code}-measures.xlsx`)
    } catch (e) {
      setExportError(e)
    } finally {
      setExporting(false)
    }
  }

  const manage = allowed('plan.manage')
  return (
    <Page>
      <PageHeader
        title={t('plan.title')}
        description={t('plan.description')}
        actions={
          <>
            <StrategyPicker
              strategies={active.strategies}
              value={strategy?.id}
              onChange={(id) => change({ strategy: id, directionId: undefined, goalId: undefined })}
            />
            {manage && (
              <LinkButton to="/plan/import" search={strategy ? { strategy: strategy.id } : {}}>
                {t('plan.import.title')}
              </LinkButton>
            )}
            {strategy && (
              <LinkButton to="/plan/changes" search={{ strategy: strategy.id }} variant="default">
                {t('plan.changes.title')}
              </LinkButton>
            )}
          </>
        }
      />
      <QueryState isPending={active.isPending} error={active.error} />
      {active.isSuccess && !strategy && <NoStrategy />}
      {strategy && (
        <>
          <StrategyHeader strategy={strategy} frozen={versions.data ? versions.data.length > 0 : undefined} />
          <div className="qx-plan-layout">
            <Card withBorder>
              <Text fw={600} mb="xs">
                {t('plan.tree')}
              </Text>
              <QueryState isPending={tree.isPending} error={tree.error} />
              {tree.data && (
                <PlanTree
                  tree={tree.data}
                  directionId={filters.directionId}
                  goalId={filters.goalId}
                  onChoose={(c) => change(c)}
                />
              )}
            </Card>
            <Card withBorder>
              <Stack>
                <MeasureFilterBar filters={filters} tree={tree.data} strategy={strategy} onChange={change} />
                <Group justify="space-between">
                  <Text fw={600}>{t('plan.measures')}</Text>
                  <Button variant="default" size="xs" onClick={doExport} loading={exporting}>
                    {t('plan.export')}
                  </Button>
                </Group>
                <ErrorAlert error={exportError} />
                <QueryState isPending={list.isPending} error={list.error} />
                {list.data && (
                  <>
                    <Table.ScrollContainer minWidth={640}>
                      <Table striped highlightOnHover>
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th scope="col">{t('plan.code')}</Table.Th>
                            <Table.Th scope="col">{t('plan.measure')}</Table.Th>
                            <Table.Th scope="col">{t('plan.deadline.title')}</Table.Th>
                            <Table.Th scope="col">{t('plan.role.lead')}</Table.Th>
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {list.data.items.length === 0 && (
                            <EmptyRow colSpan={4} text={t('plan.noMeasures')} />
                          )}
                          {list.data.items.map((m) => (
                            <Table.Tr
                              key={m.id}
                              className={m.state === 'cancelled' ? 'qx-cancelled' : undefined}
                            >
                              <Table.Td className="nowrap">
                                <Link to="/plan/measures/$measureId" params={{ measureId: m.id }}>
                                  {m.code}
                                </Link>
                              </Table.Td>
                              <Table.Td>
                                {localized(m.title, i18n.language)}
                                <Group gap={6} mt={2}>
                                  <Text span size="xs" c="dimmed">
                                    {t('plan.goal')} {m.goalCode} · {t(`plan.output.${m.outputType}`)}
                                    {m.state === 'cancelled' && ` · ${t('plan.cancelled')}`}
                                  </Text>
                                  {m.confidentiality !== 'public' && (
                                    <ConfidentialityBadge value={m.confidentiality} />
                                  )}
                                </Group>
                              </Table.Td>
                              <Table.Td>
                                <DeadlineText measure={m} />
                              </Table.Td>
                              <Table.Td>{executorNames(m.executors, 'lead', i18n.language) || '—'}</Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </Table.ScrollContainer>
                    <Pager
                      total={list.data.total}
                      limit={MEASURE_PAGE_SIZE}
                      offset={((filters.page ?? 1) - 1) * MEASURE_PAGE_SIZE}
                      onOffset={(o) => change({ page: o / MEASURE_PAGE_SIZE + 1 })}
                    />
                  </>
                )}
              </Stack>
            </Card>
          </div>
        </>
      )}
    </Page>
  )
}

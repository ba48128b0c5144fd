import { Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { EmptyRow, Page, PageHeader, QueryState } from '../../../components/page.tsx'
import { formatDate, localized } from '../../../lib/format.ts'
import { Chart } from '../../dashboard/charts/chart.tsx'
import { OrgSelect } from '../../organizations/components/org-select.tsx'
import { summaryQuery } from '../api/assignments.ts'
import { bodiesQuery } from '../api/bodies.ts'
import { type ExecutionRow, executionChartHeight, executionOption } from '../charts.ts'
import '../i18n.ts'
import '../coordination.css'

const COLUMNS = ['total', 'done', 'doneLate', 'reported', 'open', 'overdue', 'cancelled'] as const
/** More bars than this make a chart nobody reads (300 organisations at national scale). */
const CHART_ROWS = 25

/** The rows the chart draws: all, or those with the most unfinished assignments. */
export function chartRows(rows: readonly ExecutionRow[], max = CHART_ROWS): readonly ExecutionRow[] {
  if (rows.length <= max) return rows
  const unfinished = (r: ExecutionRow) => r.open + r.reported
  const top = new Set(
    [...rows]
      .sort((a, b) => unfinished(b) - unfinished(a) || b.overdue - a.overdue || b.total - a.total)
      .slice(0, max),
  )
  return rows.filter((r) => top.has(r))
}

/** The numbers behind a chart, for everyone who does not read the canvas. */
export function ExecutionTable({ rows, caption }: { rows: readonly ExecutionRow[]; caption: string }) {
  const { t, i18n } = useTranslation()
  return (
    // A scrolling region a keyboard can reach, for a tablet's narrow screen.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1)
    <section className="qx-scroll" aria-label={caption} tabIndex={0}>
      <Table striped>
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{caption}</Table.Th>
            {COLUMNS.map((c) => (
              <Table.Th key={c} scope="col" ta="right">
                {t(`coord:summary.col.${c}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && <EmptyRow colSpan={COLUMNS.length + 1} />}
          {rows.map((r) => (
            <Table.Tr key={'bodyId' in r ? r.bodyId : r.orgId}>
              <Table.Th scope="row" fw={400}>
                <strong>{r.code}</strong> {localized(r.name, i18n.language)}
              </Table.Th>
              {COLUMNS.map((c) => (
                <Table.Td key={c} ta="right" c={c === 'overdue' && r.overdue > 0 ? 'red' : undefined}>
                  {r[c]}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  )
}

function ExecutionCard({ title, rows }: { title: string; rows: readonly ExecutionRow[] }) {
  const { t } = useTranslation()
  const drawn = chartRows(rows)
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h4">
          {title}
        </Title>
        <div className="qx-chart-table">
          {rows.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('coord:summary.empty')}
            </Text>
          ) : (
            <div>
              <Chart
                label={title}
                height={executionChartHeight(drawn.length)}
                option={executionOption(drawn, t)}
              />
              {drawn.length < rows.length && (
                <Text size="xs" c="dimmed">
                  {t('coord:summary.topN', { n: drawn.length })}
                </Text>
              )}
            </div>
          )}
          <ExecutionTable rows={rows} caption={title} />
        </div>
      </Stack>
    </Card>
  )
}

/** How the decisions' assignments are carried out, per body and per organisation. */
export function ExecutionSummaryPage({ bodyId, orgId }: { bodyId?: string; orgId?: string }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const summary = useQuery(summaryQuery({ bodyId, orgId }))
  const bodies = useQuery(bodiesQuery())
  const go = (patch: { body?: string; org?: string }) =>
    void navigate({ to: '/coordination/summary', search: { body: bodyId, org: orgId, ...patch } })
  return (
    <Page>
      <PageHeader
        title={t('coord:summary.title')}
        description={
          summary.data
            ? t('coord:summary.asOf', { date: formatDate(summary.data.asOf, i18n.language) })
            : t('coord:summary.description')
        }
      />
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('coord:body.one')}
          placeholder={t('coord:body.all')}
          clearable
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          data={(bodies.data ?? []).map((b) => ({
            value: b.id,
            label: `${b.code} · ${localized(b.name, i18n.language)}`,
          }))}
          value={bodyId ?? null}
          onChange={(v) => go({ body: v ?? undefined })}
          w={280}
        />
        <OrgSelect
          label={t('coord:assignment.org')}
          placeholder={t('coord:assignment.anyOrg')}
          clearable
          value={orgId ?? null}
          onChange={(v) => go({ org: v ?? undefined })}
          w={280}
        />
      </Group>
      <QueryState isPending={summary.isPending} error={summary.error} />
      {summary.data && (
        <>
          <ExecutionCard title={t('coord:summary.byBody')} rows={summary.data.byBody} />
          <ExecutionCard title={t('coord:summary.byOrg')} rows={summary.data.byOrg} />
        </>
      )}
    </Page>
  )
}

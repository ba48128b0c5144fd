import { Group, Select, Stack, Table, Text } from '@mantine/core'
import type { Indicator } from '@qalxan/contracts'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { QueryState } from '../../../components/page.tsx'
import { formatDateTime } from '../../../lib/format.ts'
import { diffQuery, revisionsQuery } from '../api/reporting.ts'
import { describeDiff } from '../diff.ts'
import { ReportStateBadge } from './badges.tsx'
import { CompareTable } from './compare-table.tsx'

/** Two revisions side by side, field by field. */
function DiffView({
  reportId,
  from,
  to,
  indicators,
}: {
  reportId: string
  from: number
  to: number
  indicators: Indicator[]
}) {
  const { t, i18n } = useTranslation()
  const diff = useQuery(diffQuery(reportId, from, to))
  if (!diff.data) return <QueryState isPending={diff.isPending} error={diff.error} />
  const lines = describeDiff(diff.data.changes, t, indicators, i18n.language)
  if (lines.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('reporting.revisions.same')}
      </Text>
    )
  return (
    <CompareTable
      caption={t('reporting.revisions.diff')}
      headers={[
        t('reporting.revisions.field'),
        t('reporting.revisions.revisionN', { n: from }),
        t('reporting.revisions.revisionN', { n: to }),
      ]}
      lines={lines}
    />
  )
}

/** Every saved version of the report, and the differences between any two. */
export function RevisionsPanel({ reportId, indicators }: { reportId: string; indicators: Indicator[] }) {
  const { t, i18n } = useTranslation()
  const revs = useQuery(revisionsQuery(reportId))
  const numbers = [...new Set((revs.data ?? []).map((r) => r.revision))].sort((a, b) => a - b)
  const [from, setFrom] = useState<number | null>(null)
  const [to, setTo] = useState<number | null>(null)
  const last = numbers.at(-1)
  const before = numbers.at(-2)
  // Open on the latest change: the revision before the last against the last.
  useEffect(() => {
    if (last !== undefined && to === null) setTo(last)
    if (before !== undefined && from === null) setFrom(before)
  }, [last, before, from, to])
  if (!revs.data) return <QueryState isPending={revs.isPending} error={revs.error} />
  const options = numbers.map((n) => ({ value: String(n), label: t('reporting.revisions.revisionN', { n }) }))
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">#</Table.Th>
              <Table.Th scope="col">{t('reporting.revisions.when')}</Table.Th>
              <Table.Th scope="col">{t('reporting.revisions.action')}</Table.Th>
              <Table.Th scope="col">{t('common.status')}</Table.Th>
              <Table.Th scope="col">{t('reporting.revisions.who')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...revs.data].reverse().map((r) => (
              <Table.Tr key={`${r.revision}-${r.action}-${r.createdAt}`}>
                <Table.Td>{r.revision}</Table.Td>
                <Table.Td className="nowrap">{formatDateTime(r.createdAt, i18n.language)}</Table.Td>
                <Table.Td>
                  {t(`reporting.revisions.actions.${r.action}`, { defaultValue: r.action })}
                  {r.comment && <div className="muted small pre-line">{r.comment}</div>}
                </Table.Td>
                <Table.Td>
                  <ReportStateBadge state={r.state} />
                </Table.Td>
                <Table.Td>{r.actorName ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {numbers.length > 1 && (
        <>
          <Group gap="sm" align="flex-end">
            <Select
              label={t('reporting.revisions.from')}
              data={options}
              value={from === null ? null : String(from)}
              onChange={(v) => setFrom(v === null ? null : Number(v))}
              allowDeselect={false}
              w={160}
            />
            <Select
              label={t('reporting.revisions.to')}
              data={options}
              value={to === null ? null : String(to)}
              onChange={(v) => setTo(v === null ? null : Number(v))}
              allowDeselect={false}
              w={160}
            />
          </Group>
          {from !== null && to !== null && (
            <DiffView reportId={reportId} from={from} to={to} indicators={indicators} />
          )}
        </>
      )}
    </Stack>
  )
}

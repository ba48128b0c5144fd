import { Button, Card, Checkbox, Group, Select, Stack, Text } from '@mantine/core'
import { ASSIGNMENT_STATES, type Assignment, canEverywhere, type Me } from '@qalxan/contracts'
import { useQuery } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { Page, PageHeader, QueryState } from '../../../components/page.tsx'
import { saveBlob } from '../../../lib/api.ts'
import { localized } from '../../../lib/format.ts'
import { useCurrentMe } from '../../me/api/me.ts'
import { OrgSelect } from '../../organizations/components/org-select.tsx'
import { assignmentsQuery, downloadExecutionReport } from '../api/assignments.ts'
import { bodiesQuery } from '../api/bodies.ts'
import type { AssignmentQuery } from '../api/keys.ts'
import type { AssignmentSearch } from '../search.ts'
import { AssignmentDialog } from './assignment-dialog.tsx'
import { AssignmentsTable } from './assignments-table.tsx'
import '../i18n.ts'
import '../coordination.css'

/**
 * What the list asks the server for. Focal points and heads, who see only their organisation's
 * share, start on its open assignments; `any` in the address lifts a default.
 */
export function assignmentQueryFor(
  s: AssignmentSearch,
  me: Pick<Me, 'grants' | 'organization'>,
): AssignmentQuery {
  const ownShare =
    !canEverywhere(me.grants, 'coord.read') &&
    !!me.organization &&
    me.grants.some((g) => g.orgId === me.organization?.id && (g.role === 'focal_point' || g.role === 'head'))
  const state = s.state === 'any' ? undefined : (s.state ?? (ownShare ? 'open' : undefined))
  const orgId = s.org === 'any' ? undefined : (s.org ?? (ownShare ? me.organization?.id : undefined))
  const q: AssignmentQuery = {}
  if (s.body) q.bodyId = s.body
  if (orgId) q.orgId = orgId
  if (state) q.state = state
  if (s.overdue) q.overdue = true
  return q
}

/** Assignments the reader may see, filtered, with each one's reports in a dialog. */
export function AssignmentsPage({ search }: { search: AssignmentSearch }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const me = useCurrentMe()
  const q = assignmentQueryFor(search, me)
  const list = useQuery(assignmentsQuery(q))
  const bodies = useQuery(bodiesQuery())
  const [open, setOpen] = useState<Assignment | null>(null)
  const [exporting, setExporting] = useState(false)
  const [exportError, setExportError] = useState<unknown>(null)
  const go = (patch: Partial<AssignmentSearch>) =>
    void navigate({ to: '/coordination/assignments', search: { ...search, ...patch } })

  const doExport = async () => {
    setExporting(true)
    setExportError(null)
    try {
      const { blob, filename } = await downloadExecutionReport(
        { bodyId: q.bodyId, orgId: q.orgId },
        i18n.language,
      )
      saveBlob(blob, filename ?? `decision-execution-${i18n.language}.xlsx`)
    } catch (e) {
      setExportError(e)
    } finally {
      setExporting(false)
    }
  }

  const items = list.data?.items ?? []
  return (
    <Page>
      <PageHeader
        title={t('coord:assignment.title')}
        description={t('coord:assignment.description')}
        actions={
          <Button variant="default" onClick={doExport} loading={exporting}>
            {t('coord:assignment.export')}
          </Button>
        }
      />
      <ErrorAlert error={exportError} />
      <Card withBorder>
        <Stack>
          <Group align="flex-end" wrap="wrap">
            <Select
              label={t('common.status')}
              allowDeselect={false}
              data={[
                { value: 'any', label: t('coord:assignment.anyState') },
                ...ASSIGNMENT_STATES.map((s) => ({ value: s, label: t(`coord:assignmentState.${s}`) })),
              ]}
              value={q.state ?? 'any'}
              onChange={(v) => go({ state: (v ?? 'any') as AssignmentSearch['state'] })}
              w={180}
            />
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
              value={search.body ?? null}
              onChange={(v) => go({ body: v ?? undefined })}
              w={260}
            />
            <OrgSelect
              label={t('coord:assignment.org')}
              placeholder={t('coord:assignment.anyOrg')}
              clearable
              value={q.orgId ?? null}
              onChange={(v) => go({ org: v ?? 'any' })}
              w={280}
            />
            <Checkbox
              label={t('coord:assignment.onlyOverdue')}
              checked={!!search.overdue}
              onChange={(e) => go({ overdue: e.currentTarget.checked || undefined })}
              mb={8}
            />
          </Group>
          <QueryState isPending={list.isPending} error={list.error} />
          {list.data && (
            <>
              <AssignmentsTable assignments={items} onOpen={setOpen} withDecision />
              <Text size="sm" c="dimmed">
                {list.data.total > items.length
                  ? t('coord:assignment.shownOf', { shown: items.length, total: list.data.total })
                  : t('common.totalRows', { count: list.data.total })}
              </Text>
            </>
          )}
        </Stack>
      </Card>
      <AssignmentDialog assignment={open} onClose={() => setOpen(null)} />
    </Page>
  )
}

import { Alert, Button, Card, Group, Stack, Tabs, Text, Title } from '@mantine/core'
import type { Indicator, Measure, Period, Report } from '@qalxan/contracts'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { QueryState } from '../../../components/page.tsx'
import { isApiError } from '../../../lib/api-client.ts'
import { formatDateTime, localized } from '../../../lib/format.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import {
  reportQuery,
  useAddEvidence,
  useRemoveEvidence,
  useReportAction,
  useSaveReport,
} from '../api/reporting.ts'
import { type ReportFormValues, toDraft } from '../draft.ts'
import { EvidenceForm } from '../forms/evidence-form.tsx'
import { ReportForm } from '../forms/report-form.tsx'
import { LateBadge, ReportStateBadge } from './badges.tsx'
import { EvidenceList } from './evidence-list.tsx'
import { ReviewDialog } from './review-dialog.tsx'
import { RevisionsPanel } from './revisions-panel.tsx'

/** A stale revision: someone else saved since this page loaded the report. */
const isStale = (e: unknown) => isApiError(e) && e.code === 'CONFLICT'

function ReportReadOnly({ report, indicators }: { report: Report; indicators: Indicator[] }) {
  const { t, i18n } = useTranslation()
  const block = (label: string, text: string) => (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm" className="pre-line">
        {text.trim() || '—'}
      </Text>
    </div>
  )
  return (
    <Stack gap="sm">
      <dl className="qx-facts">
        <dt>{t('reporting.field.reportedStatus')}</dt>
        <dd>{report.reportedStatus ? t(`reporting.status.${report.reportedStatus}`) : '—'}</dd>
        <dt>{t('reporting.field.progress')}</dt>
        <dd>{report.progress === null ? '—' : `${report.progress}%`}</dd>
      </dl>
      {block(t('reporting.field.workDone'), report.workDone)}
      {block(t('reporting.field.problems'), report.problems)}
      {block(t('reporting.field.nextSteps'), report.nextSteps)}
      {report.indicatorValues.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            {t('reporting.field.indicatorValues')}
          </Text>
          <ul className="plain-list">
            {report.indicatorValues.map((v) => {
              const i = indicators.find((x) => x.id === v.indicatorId)
              return (
                <li key={v.indicatorId}>
                  <Text size="sm">
                    {i ? `${i.code} ${localized(i.name, i18n.language)}` : v.indicatorId}:{' '}
                    <strong>{v.value}</strong> {i?.unit}
                  </Text>
                </li>
              )
            })}
          </ul>
        </div>
      )}
    </Stack>
  )
}

/**
 * The measure report of one period: the lead executor writes it, the head submits it, the
 * secretariat returns or accepts it. The buttons come from the `allowed` list the server sends.
 */
export function ReportPanel({
  measure,
  period,
  indicators,
}: {
  measure: Measure
  period: Period
  indicators: Indicator[]
}) {
  const { t, i18n } = useTranslation()
  const q = useQuery(reportQuery(measure.id, period.id))
  const save = useSaveReport(measure.id, period.id)
  const act = useReportAction(measure.id, period.id)
  const addEvidence = useAddEvidence(measure.id, period.id)
  const removeEvidence = useRemoveEvidence(measure.id, period.id)
  const [error, setError] = useState<unknown>(null)
  const [dialog, setDialog] = useState<'submit' | 'return' | 'accept' | null>(null)
  const report = q.data

  if (!report)
    return (
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('reporting.report.title')}
        </Title>
        {isApiError(q.error) && (q.error.status === 404 || q.error.status === 403) ? (
          <Text size="sm" c="dimmed">
            {t('reporting.report.notVisible')}
          </Text>
        ) : (
          <QueryState isPending={q.isPending} error={q.error} />
        )}
      </Card>
    )

  const can = (a: Report['allowed'][number]) => report.allowed.includes(a)
  const guard = async <T,>(fn: () => Promise<T>): Promise<T> => {
    setError(null)
    try {
      return await fn()
    } catch (e) {
      setError(e)
      throw e
    }
  }
  const onSave = (v: ReportFormValues) =>
    guard(async () => {
      await save.mutateAsync(toDraft(v, report.revision))
      notifySuccess(t('reporting.report.saved'))
    })
  // The head may write too: unsaved changes are saved before the report goes to the secretariat.
  const onSaveAndSubmit = (v: ReportFormValues, dirty: boolean) =>
    guard(async () => {
      const saved = dirty || !report.id ? await save.mutateAsync(toDraft(v, report.revision)) : report
      setDialog(null)
      await act.mutateAsync({ id: saved.id, action: 'submit' })
      notifySuccess(t('reporting.report.submitted'))
    })
  const review = (action: 'submit' | 'return' | 'accept', comment: string) =>
    guard(async () => {
      await act.mutateAsync({ id: report.id, action, comment: comment || undefined })
      setDialog(null)
      notifySuccess(t(`reporting.review.${action}Done`))
    }).catch(() => setDialog(null))

  const editing = can('edit')
  const busy = save.isPending || act.isPending
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Title order={2} size="h4">
              {t('reporting.report.titleFor', { period: period.label })}
            </Title>
            <Text size="xs" c="dimmed">
              {report.id
                ? t('reporting.report.meta', {
                    revision: report.revision,
                    updated: formatDateTime(report.updatedAt, i18n.language),
                  })
                : t('reporting.report.notStarted')}
              {report.submittedAt &&
                ` · ${t('reporting.report.submittedAt', { when: formatDateTime(report.submittedAt, i18n.language) })}`}
            </Text>
          </div>
          <Group gap={6}>
            <ReportStateBadge state={report.state} />
            {report.late && <LateBadge />}
          </Group>
        </Group>

        {report.state === 'returned' && report.reviewComment && (
          <Alert color="orange" title={t('reporting.report.returnedTitle')} role="status">
            <span className="pre-line">{report.reviewComment}</span>
          </Alert>
        )}

        {error !== null && (
          <Stack gap="xs">
            <ErrorAlert error={error} />
            {isStale(error) && (
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => {
                    setError(null)
                    void q.refetch()
                  }}
                >
                  {t('reporting.report.reload')}
                </Button>
                <Text size="xs" c="dimmed">
                  {t('reporting.report.reloadHint')}
                </Text>
              </Group>
            )}
          </Stack>
        )}

        {editing ? (
          <ReportForm
            key={`${report.id}:${report.revision}`}
            report={report}
            indicators={indicators}
            onSave={onSave}
            onSaveAndSubmit={can('submit') ? onSaveAndSubmit : undefined}
            canSubmit={can('submit')}
            busy={busy}
          />
        ) : (
          <ReportReadOnly report={report} indicators={indicators} />
        )}

        {!editing && (can('submit') || can('return') || can('accept')) && (
          <Group>
            {can('submit') && (
              <Button color="green" onClick={() => setDialog('submit')}>
                {t('reporting.report.submit')}
              </Button>
            )}
            {can('return') && (
              <Button onClick={() => setDialog('return')}>{t('reporting.review.return')}</Button>
            )}
            {can('accept') && (
              <Button color="green" onClick={() => setDialog('accept')}>
                {t('reporting.review.accept')}
              </Button>
            )}
          </Group>
        )}
        {!editing &&
          report.allowed.length === 0 &&
          period.state !== 'open' &&
          report.state !== 'accepted' && (
            <Text size="xs" c="dimmed">
              {t('reporting.report.periodNotOpen', { state: t(`reporting.periodState.${period.state}`) })}
            </Text>
          )}

        <Tabs defaultValue="evidence" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="evidence">
              {t('reporting.evidence.title')} ({report.evidence.length})
            </Tabs.Tab>
            {report.id && <Tabs.Tab value="revisions">{t('reporting.revisions.title')}</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="evidence" pt="sm">
            <Stack>
              <EvidenceList
                evidence={report.evidence}
                onRemove={
                  editing
                    ? (e) =>
                        guard(() =>
                          removeEvidence.mutateAsync({ reportId: report.id, evidenceId: e.id }),
                        ).catch(() => undefined)
                    : undefined
                }
              />
              {editing &&
                (report.id ? (
                  <EvidenceForm
                    onAdd={async (input) => {
                      await addEvidence.mutateAsync({ reportId: report.id, input })
                      notifySuccess(t('reporting.evidence.added'))
                    }}
                  />
                ) : (
                  <Text size="xs" c="dimmed">
                    {t('reporting.evidence.saveFirst')}
                  </Text>
                ))}
            </Stack>
          </Tabs.Panel>
          {report.id && (
            <Tabs.Panel value="revisions" pt="sm">
              <RevisionsPanel reportId={report.id} indicators={indicators} />
            </Tabs.Panel>
          )}
        </Tabs>
      </Stack>
      <ReviewDialog
        action={dialog}
        onClose={() => setDialog(null)}
        busy={act.isPending}
        onConfirm={(comment) => {
          if (dialog) void review(dialog, comment)
        }}
      />
    </Card>
  )
}

import { Anchor, Badge, Card, Divider, Group, Stack, Text, Title } from '@mantine/core'
import type { Assignment, AssignmentReport } from '@qalxan/contracts'
import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { QueryState } from '../../../components/page.tsx'
import { formatDate, formatDateTime, localized } from '../../../lib/format.ts'
import { fileContentPath } from '../../reporting/api/reporting.ts'
import { assignmentQuery } from '../api/assignments.ts'
import { CancelAssignmentForm, ReportExecutionForm, ReviewExecutionForm } from '../forms/execution-forms.tsx'
import { AssignmentStateBadge } from './badges.tsx'
import { Dialog } from './dialog.tsx'

export function ReportsList({ reports }: { reports: readonly AssignmentReport[] }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  if (reports.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('coord:execution.none')}
      </Text>
    )
  return (
    <ol className="plain-list">
      {[...reports]
        .sort((a, b) => b.at.localeCompare(a.at))
        .map((r) => (
          <li key={r.id}>
            <Card withBorder padding="xs">
              <Group gap="xs">
                <Badge variant="light" color={r.done ? 'green' : 'blue'} tt="none">
                  {r.done ? t('coord:execution.kindDone') : t('coord:execution.kindProgress')}
                </Badge>
                <Text size="xs" c="dimmed">
                  {r.by} · {formatDateTime(r.at, lang)}
                </Text>
              </Group>
              <Text size="sm" className="pre-line" mt={4}>
                {r.text}
              </Text>
              {r.fileId && (
                <Anchor size="sm" href={fileContentPath(r.fileId)} target="_blank" rel="noopener noreferrer">
                  {r.filename ?? t('coord:execution.file')}
                </Anchor>
              )}
              {r.review && (
                <Text size="sm" mt={4} c={r.review.accepted ? 'green' : 'red'}>
                  {r.review.accepted ? t('coord:execution.acceptedBy') : t('coord:execution.returnedBy')}{' '}
                  {r.review.by} · {formatDateTime(r.review.at, lang)}
                  {r.review.comment && `: ${r.review.comment}`}
                </Text>
              )}
            </Card>
          </li>
        ))}
    </ol>
  )
}

/** One assignment with its reports, and the report or review form the reader may use. */
export function AssignmentView({ assignment: a, onDone }: { assignment: Assignment; onDone: () => void }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const active = a.state === 'open' || a.state === 'reported'
  const awaitingReview = a.state === 'reported' && a.reports.some((r) => r.done && !r.review)
  return (
    <Stack>
      <Group gap="xs">
        <AssignmentStateBadge state={a.state} overdue={a.overdue} />
      </Group>
      <dl className="qx-facts">
        <dt>{t('coord:decision.one')}</dt>
        <dd>
          <Link to="/coordination/meetings/$meetingId" params={{ meetingId: a.meetingId }}>
            {a.bodyCode} №{a.meetingNumber}
          </Link>{' '}
          · {t('coord:decision.numbered', { number: a.decisionNumber })}
        </dd>
        <dt>{t('coord:assignment.org')}</dt>
        <dd>
          {a.orgCode} · {localized(a.orgName, lang)}
        </dd>
        <dt>{t('coord:assignment.responsible')}</dt>
        <dd>{a.responsibleName ?? '—'}</dd>
        <dt>{t('coord:assignment.dueOn')}</dt>
        <dd>{formatDate(a.dueOn, lang)}</dd>
        {a.completedOn && (
          <>
            <dt>{t('coord:assignment.completed')}</dt>
            <dd>{formatDate(a.completedOn, lang)}</dd>
          </>
        )}
        <dt>{t('coord:assignment.measure')}</dt>
        <dd>
          {a.measureId && a.measureCode ? (
            <Link to="/plan/measures/$measureId" params={{ measureId: a.measureId }}>
              {a.measureCode}
            </Link>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('coord:assignment.task')}</dt>
        <dd className="pre-line">{a.task || '—'}</dd>
      </dl>
      <Divider />
      <Title order={3} size="h5">
        {t('coord:execution.title')}
      </Title>
      <ReportsList reports={a.reports} />
      {a.canReview && awaitingReview && (
        <>
          <Divider />
          <Title order={3} size="h5">
            {t('coord:execution.review')}
          </Title>
          <ReviewExecutionForm assignmentId={a.id} onDone={onDone} />
        </>
      )}
      {a.canReport && active && (
        <>
          <Divider />
          <Title order={3} size="h5">
            {t('coord:execution.report')}
          </Title>
          <ReportExecutionForm assignmentId={a.id} onDone={onDone} />
        </>
      )}
      {a.canReview && active && (
        <details>
          <summary>
            <Text span size="sm">
              {t('coord:execution.cancel')}
            </Text>
          </summary>
          <CancelAssignmentForm assignmentId={a.id} onDone={onDone} />
        </details>
      )}
    </Stack>
  )
}

/** The assignment's dialog, fetched afresh so its reports are current. */
export function AssignmentDialog({
  assignment,
  onClose,
}: {
  assignment: Assignment | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  const fresh = useQuery({ ...assignmentQuery(assignment?.id ?? ''), enabled: !!assignment })
  const a = fresh.data ?? assignment
  return (
    <Dialog
      opened={assignment !== null}
      onClose={onClose}
      size="lg"
      title={
        a
          ? `${t('coord:assignment.one')} · ${a.orgCode} · ${t('coord:decision.numbered', { number: a.decisionNumber })}`
          : ''
      }
    >
      {fresh.error ? <QueryState isPending={false} error={fresh.error} /> : null}
      {a && <AssignmentView assignment={a} onDone={() => undefined} />}
    </Dialog>
  )
}

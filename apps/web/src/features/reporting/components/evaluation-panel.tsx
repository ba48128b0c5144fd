import { Card, Group, Stack, Text, Title } from '@mantine/core'
import type { Evaluation, Period } from '@qalxan/contracts'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../../lib/format.ts'
import { EvaluationForm } from '../forms/evaluation-form.tsx'
import { CompletionBadge, TimelinessBadge } from './badges.tsx'

/** The independent evaluation of the period: read by all who may, written by the evaluator. */
export function EvaluationPanel({
  measureId,
  period,
  evaluation,
  canWrite,
}: {
  measureId: string
  period: Period
  evaluation?: Evaluation
  canWrite: boolean
}) {
  const { t, i18n } = useTranslation()
  const writable = canWrite && period.state !== 'locked' && period.state !== 'planned'
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('reporting.evaluation.titleFor', { period: period.label })}
        </Title>
        {evaluation ? (
          <Stack gap={4}>
            <Group gap={6}>
              <CompletionBadge value={evaluation.completion} />
              <TimelinessBadge value={evaluation.timeliness} />
            </Group>
            {evaluation.comment && (
              <Text size="sm" className="pre-line">
                {evaluation.comment}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {[evaluation.evaluatorName, formatDateTime(evaluation.updatedAt, i18n.language)]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('reporting.evaluation.none')}
          </Text>
        )}
        {writable && (
          <EvaluationForm
            key={evaluation?.updatedAt ?? 'new'}
            measureId={measureId}
            periodId={period.id}
            current={evaluation}
          />
        )}
        {canWrite && !writable && (
          <Text size="xs" c="dimmed">
            {t('reporting.evaluation.closedFor', { state: t(`reporting.periodState.${period.state}`) })}
          </Text>
        )}
      </Stack>
    </Card>
  )
}

import { Badge } from '@mantine/core'
import type { Completion, PeriodState, Rag, ReportState, Timeliness } from '@qalxan/contracts'
import { useTranslation } from 'react-i18next'
import {
  COMPLETION_COLORS,
  PERIOD_STATE_COLORS,
  percent,
  RAG_COLORS,
  REPORT_STATE_COLORS,
  TIMELINESS_COLORS,
} from '../labels.ts'

export function PeriodStateBadge({ state }: { state: PeriodState }) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color={PERIOD_STATE_COLORS[state]} tt="none">
      {t(`reporting.periodState.${state}`)}
    </Badge>
  )
}

export function ReportStateBadge({ state }: { state: ReportState }) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color={REPORT_STATE_COLORS[state]} tt="none">
      {t(`reporting.state.${state}`)}
    </Badge>
  )
}

export function TimelinessBadge({ value }: { value: Timeliness }) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color={TIMELINESS_COLORS[value]} tt="none">
      {t(`reporting.timeliness.${value}`)}
    </Badge>
  )
}

export function CompletionBadge({ value }: { value: Completion | null }) {
  const { t } = useTranslation()
  const v = value ?? 'not_evaluated'
  return (
    <Badge variant="light" color={COMPLETION_COLORS[v]} tt="none">
      {t(`reporting.completion.${v}`)}
    </Badge>
  )
}

export function RagBadge({ rag, score }: { rag: Rag; score: number | null }) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color={RAG_COLORS[rag]} tt="none">
      {rag === 'none' ? t('reporting.rag.none') : `${t(`reporting.rag.${rag}`)} · ${percent(score)}`}
    </Badge>
  )
}

export function LateBadge() {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color="red" tt="none">
      {t('reporting.late')}
    </Badge>
  )
}

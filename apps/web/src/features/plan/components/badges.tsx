import { Badge, Text } from '@mantine/core'
import type { Clearance, Measure } from '@qalxan/contracts'
import { useTranslation } from 'react-i18next'
import { CLEARANCE_COLORS, deadlineLabel, revisedFrom } from '../labels.ts'

export function ConfidentialityBadge({ value }: { value: Clearance }) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color={CLEARANCE_COLORS[value]} tt="none">
      {t(`clearance.${value}`)}
    </Badge>
  )
}

/** The current deadline, with the approved plan's one beside it when a change moved it. */
export function DeadlineText({ measure }: { measure: Pick<Measure, 'deadline' | 'originalDeadline'> }) {
  const { t } = useTranslation()
  const ongoing = t('plan.deadline.ongoing')
  const original = revisedFrom(measure)
  return (
    <span className="nowrap">
      {deadlineLabel(measure.deadline.value, ongoing)}
      {original && (
        <Text span size="xs" c="dimmed" ml={6}>
          ({t('plan.deadline.original')}: <s>{deadlineLabel(original, ongoing)}</s>)
        </Text>
      )}
    </span>
  )
}

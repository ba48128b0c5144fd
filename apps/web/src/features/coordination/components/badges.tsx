import { Badge } from '@mantine/core'
import type { AssignmentState, MeetingState, MemberRole, MinutesState } from '@qalxan/contracts'
import { useTranslation } from 'react-i18next'
import { ASSIGNMENT_STATE_COLORS, MEETING_STATE_COLORS, MINUTES_STATE_COLORS } from '../labels.ts'

export function MeetingStateBadge({ state }: { state: MeetingState }) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color={MEETING_STATE_COLORS[state]} tt="none">
      {t(`coord:meetingState.${state}`)}
    </Badge>
  )
}

export function MinutesStateBadge({ state }: { state: MinutesState }) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color={MINUTES_STATE_COLORS[state]} tt="none">
      {t(`coord:minutesState.${state}`)}
    </Badge>
  )
}

export function AssignmentStateBadge({ state, overdue }: { state: AssignmentState; overdue?: boolean }) {
  const { t } = useTranslation()
  return (
    <>
      <Badge variant="light" color={ASSIGNMENT_STATE_COLORS[state]} tt="none">
        {t(`coord:assignmentState.${state}`)}
      </Badge>
      {overdue && (
        <Badge variant="light" color="red" tt="none" ml={4}>
          {t('coord:overdue')}
        </Badge>
      )}
    </>
  )
}

export function RoleBadge({ role }: { role: MemberRole | null }) {
  const { t } = useTranslation()
  if (!role) return <>—</>
  return (
    <Badge variant="light" color={role === 'member' ? 'gray' : 'blue'} tt="none">
      {t(`coord:role.${role}`)}
    </Badge>
  )
}

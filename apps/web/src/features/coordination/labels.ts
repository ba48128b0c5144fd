import type {
  AssignmentState,
  AttendanceStatus,
  Body,
  Meeting,
  MeetingState,
  MinutesState,
} from '@qalxan/contracts'

/** Badge colours; only those whose light variant app.css darkens to a 4.5:1 contrast. */
export const MEETING_STATE_COLORS: Record<MeetingState, string> = {
  scheduled: 'blue',
  held: 'green',
  cancelled: 'gray',
}

export const MINUTES_STATE_COLORS: Record<MinutesState, string> = {
  none: 'gray',
  draft: 'orange',
  approved: 'green',
}

export const ASSIGNMENT_STATE_COLORS: Record<AssignmentState, string> = {
  open: 'blue',
  reported: 'yellow',
  done: 'green',
  cancelled: 'gray',
}

export const ATTENDANCE_COLORS: Record<AttendanceStatus, string> = {
  present: 'green',
  absent: 'red',
  excused: 'orange',
}

/** Whether a meeting has begun: attendance, minutes and decisions are recorded only from then on. */
export const hasBegun = (m: Pick<Meeting, 'startsAt'>, now = Date.now()) => Date.parse(m.startsAt) <= now

/** The bodies whose meetings the reader runs, for the "Schedule a meeting" form. */
export const managedBodies = (bodies: readonly Body[]) => bodies.filter((b) => b.canManage && !b.archivedAt)

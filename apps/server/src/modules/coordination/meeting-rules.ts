import type { Clock } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import type { MeetingRow } from './coordination.repository.ts'

/** What a meeting's state allows, the same for every service that changes a meeting. */
export const meetingRules = (clock: Clock) => ({
  requireNotCancelled: (m: MeetingRow) => {
    if (m.state === 'cancelled')
      throw new AppError('PRECONDITION_FAILED', `Meeting "${m.number}" is cancelled`)
  },
  requireMinutesOpen: (m: MeetingRow) => {
    if (m.minutesState === 'approved')
      throw new AppError(
        'PRECONDITION_FAILED',
        `The minutes of meeting "${m.number}" are approved and locked`,
      )
  },
  requireStarted: (m: MeetingRow, what: string) => {
    if (m.startsAt.getTime() > clock.now().getTime())
      throw new AppError(
        'PRECONDITION_FAILED',
        `${what} can be recorded once meeting "${m.number}" has begun`,
      )
  },
})

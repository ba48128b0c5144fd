import { ASSIGNMENT_STATES, type AssignmentState } from '@qalxan/contracts'
import { compact } from '../plan/search.ts'

/**
 * The coordination pages' search parameters. The router loads this file with the first screen, so
 * it stays tiny; the address is user input, so only well-formed values pass.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

const uuid = (v: unknown): string | undefined => (typeof v === 'string' && UUID.test(v) ? v : undefined)

export interface CalendarSearch {
  /** YYYY-MM; the current month when absent. */
  month?: string
  body?: string
}

export const parseCalendarSearch = (s: Record<string, unknown>): CalendarSearch =>
  compact({
    month: typeof s.month === 'string' && MONTH.test(s.month) ? s.month : undefined,
    body: uuid(s.body),
  })

/** `any` says the reader chose to see every state (or organisation), so no default applies. */
export interface AssignmentSearch {
  state?: AssignmentState | 'any'
  overdue?: boolean
  body?: string
  org?: string
}

export const parseAssignmentSearch = (s: Record<string, unknown>): AssignmentSearch =>
  compact({
    state:
      s.state === 'any' || ASSIGNMENT_STATES.includes(s.state as AssignmentState)
        ? (s.state as AssignmentState | 'any')
        : undefined,
    overdue: s.overdue === true || s.overdue === 'true' ? true : undefined,
    body: uuid(s.body),
    org: s.org === 'any' ? 'any' : uuid(s.org),
  })

export interface SummarySearch {
  body?: string
  org?: string
}

export const parseSummarySearch = (s: Record<string, unknown>): SummarySearch =>
  compact({ body: uuid(s.body), org: uuid(s.org) })

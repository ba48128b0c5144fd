/** Query keys of the coordination pages; every mutation refreshes `coordKeys.all`. */
export interface AssignmentQuery {
  bodyId?: string
  orgId?: string
  state?: string
  overdue?: boolean
}

export interface SummaryQuery {
  bodyId?: string
  orgId?: string
}

export const coordKeys = {
  all: ['coordination'] as const,
  bodies: () => [...coordKeys.all, 'bodies'] as const,
  body: (id: string) => [...coordKeys.all, 'body', id] as const,
  members: (id: string, on?: string) => [...coordKeys.body(id), 'members', on ?? 'today'] as const,
  history: (id: string) => [...coordKeys.body(id), 'history'] as const,
  proposed: (id: string, strategyId?: string) =>
    [...coordKeys.body(id), 'proposed', strategyId ?? ''] as const,
  bodyMeetings: (id: string) => [...coordKeys.body(id), 'meetings'] as const,
  calendar: (from: string, to: string, bodyId?: string) =>
    [...coordKeys.all, 'calendar', from, to, bodyId ?? 'all'] as const,
  meeting: (id: string) => [...coordKeys.all, 'meeting', id] as const,
  assignments: (q: AssignmentQuery) => [...coordKeys.all, 'assignments', q] as const,
  assignment: (id: string) => [...coordKeys.all, 'assignment', id] as const,
  summary: (q: SummaryQuery) => [...coordKeys.all, 'summary', q] as const,
}

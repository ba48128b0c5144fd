import type { Completion, PeriodState, Rag, ReportState, Timeliness } from '@qalxan/contracts'

/** Badge colours; only those whose light variant app.css darkens to a 4.5:1 contrast. */
export const PERIOD_STATE_COLORS: Record<PeriodState, string> = {
  planned: 'gray',
  open: 'green',
  closed: 'orange',
  locked: 'blue',
}

export const REPORT_STATE_COLORS: Record<ReportState, string> = {
  draft: 'gray',
  submitted: 'blue',
  returned: 'orange',
  accepted: 'green',
}

export const TIMELINESS_COLORS: Record<Timeliness, string> = {
  not_due: 'gray',
  on_track: 'blue',
  at_risk: 'yellow',
  overdue: 'red',
  completed: 'green',
  completed_late: 'orange',
}

export const COMPLETION_COLORS: Record<Completion | 'not_evaluated', string> = {
  no_evidence: 'gray',
  not_started: 'red',
  limited: 'orange',
  substantial: 'yellow',
  complete: 'green',
  not_due: 'cyan',
  not_evaluated: 'gray',
}

export const RAG_COLORS: Record<Rag, string> = { red: 'red', amber: 'yellow', green: 'green', none: 'gray' }

/** Score 0..1 as a whole percentage, or a dash. */
export const percent = (score: number | null | undefined): string =>
  score === null || score === undefined ? '—' : `${Math.round(score * 100)}%`

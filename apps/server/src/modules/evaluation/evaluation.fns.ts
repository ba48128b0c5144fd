import {
  COMPLETION_SCORE,
  type Completion,
  type DeadlineKind,
  type Rag,
  type ReportedStatus,
  type RollupNode,
  type Timeliness,
} from '@qalxan/contracts'

const day = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`)

export type TimelinessInput = {
  deadline: { kind: DeadlineKind; start: string | null; end: string | null }
  /** The day the question is asked (the period's end for a period view, today for the dashboard). */
  asOf: string
  /** The evaluator's assessment, when there is one. */
  completion: Completion | null
  /** The executor's latest accepted or submitted figures, when there are some. */
  reportedProgress: number | null
  reportedStatus: ReportedStatus | null
  /** The day the measure was found complete (the accepted report or the evaluation). */
  completedOn: string | null
}

/** Below the straight line from the window's start to its end by more than this: at risk. */
export const AT_RISK_LAG = 0.25
/** In the last tenth of the window and not complete: at risk whatever the progress. */
export const FINAL_STRETCH = 0.9

/**
 * Timeliness from the deadline kind and the dates. Year ranges, years, half-years and quarters
 * expect linear progress over their window; a date deadline over the strategy period up to it;
 * ongoing measures are never overdue, only at risk when reported delayed or assessed as lagging.
 */
export const timeliness = (t: TimelinessInput): Timeliness => {
  const asOf = day(t.asOf)
  const done = t.completion === 'complete' || (t.completion === null && t.reportedStatus === 'completed')
  const end = t.deadline.end ? day(t.deadline.end) : null
  if (done) {
    const on = t.completedOn ? day(t.completedOn) : asOf
    return end !== null && on > end ? 'completed_late' : 'completed'
  }
  if (t.completion === 'not_due') return 'not_due'
  const start = t.deadline.start ? day(t.deadline.start) : null
  if (start !== null && asOf < start) return 'not_due'
  if (end !== null && asOf > end) return 'overdue'
  if (t.reportedStatus === 'delayed') return 'at_risk'
  const actual =
    t.completion !== null
      ? (COMPLETION_SCORE[t.completion] ?? 0)
      : t.reportedProgress !== null
        ? t.reportedProgress / 100
        : null
  if (t.deadline.kind === 'ongoing' || end === null || start === null || end <= start) {
    return actual !== null && actual === 0 && t.completion === 'not_started' ? 'at_risk' : 'on_track'
  }
  const elapsed = (asOf - start) / (end - start)
  if (elapsed >= FINAL_STRETCH) return 'at_risk'
  if (actual === null) return elapsed > AT_RISK_LAG ? 'at_risk' : 'on_track'
  return actual + AT_RISK_LAG < elapsed ? 'at_risk' : 'on_track'
}

/** Green from two thirds, amber from one third; many overdue measures pull the light down. */
export const ragOf = (score: number | null, overdueShare: number): Rag => {
  if (score === null) return 'none'
  if (score >= 0.67 && overdueShare <= 0.1) return 'green'
  if (score >= 0.34 && overdueShare <= 0.25) return 'amber'
  return 'red'
}

export type MeasureFigure = {
  measureId: string
  weight: number
  completion: Completion | null
  timeliness: Timeliness
}

/**
 * Weighted completion over the measures that are due and evaluated: Σ wᵢ·sᵢ / Σ wᵢ, where sᵢ is
 * the completion score. Not-due measures and measures not yet evaluated are counted but do not
 * pull the score down; cancelled measures are left out by the caller.
 */
export const rollup = (id: string, code: string, figures: readonly MeasureFigure[]): RollupNode => {
  let wsum = 0
  let ssum = 0
  let evaluated = 0
  let overdue = 0
  let atRisk = 0
  let due = 0
  for (const f of figures) {
    if (f.timeliness === 'overdue') overdue++
    if (f.timeliness === 'at_risk') atRisk++
    if (f.timeliness !== 'not_due') due++
    const s = f.completion === null ? null : COMPLETION_SCORE[f.completion]
    if (f.completion !== null) evaluated++
    if (s === null || s === undefined || f.timeliness === 'not_due') continue
    wsum += f.weight
    ssum += f.weight * s
  }
  const score = wsum > 0 ? Math.round((ssum / wsum) * 10_000) / 10_000 : null
  return {
    id,
    code,
    score,
    rag: ragOf(score, due > 0 ? overdue / due : 0),
    measures: figures.length,
    evaluated,
    overdue,
    atRisk,
  }
}

/** Is a measure due in a period: does its deadline window overlap the period's days? */
export const dueInPeriod = (
  deadline: { start: string | null; end: string | null },
  period: { startsOn: string; endsOn: string },
): boolean =>
  (deadline.start === null || deadline.start <= period.endsOn) &&
  (deadline.end === null || deadline.end >= period.startsOn)

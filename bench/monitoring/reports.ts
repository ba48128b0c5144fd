import type { Loader, Value } from './copy.ts'
import type { Person } from './people.ts'
import type { Measure, Period } from './plan.ts'
import {
  contributionText,
  EVALUATION_COMMENTS,
  evidenceText,
  int,
  pick,
  REVIEW_COMMENTS,
  type Rnd,
  reportTexts,
  uuid,
} from './vocab.ts'

/** A draft of the open period that the benchmark saves and submits. */
export type OpenDraft = {
  reportId: string
  measureId: string
  periodId: string
  orgId: string
  revision: number
  confidentiality: string
}

type State = 'draft' | 'submitted' | 'returned' | 'accepted'

/** How a period's reports stand: nearly all accepted long after, a mix while it is still open. */
const STATE_MIX: Record<'locked' | 'closed' | 'open', [State, number][]> = {
  locked: [
    ['accepted', 86],
    ['submitted', 2],
    ['returned', 4],
    ['draft', 8],
  ],
  closed: [
    ['accepted', 45],
    ['submitted', 30],
    ['returned', 10],
    ['draft', 15],
  ],
  open: [
    ['draft', 62],
    ['submitted', 22],
    ['returned', 10],
    ['accepted', 6],
  ],
}

const day = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`)
const at = (ms: number) => new Date(ms).toISOString()
const hex = (rnd: Rnd, n: number) =>
  Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('')

/** Reported progress on a day: linear to the day the measure is done, or up to its cap if it never is. */
const progressOn = (m: Measure, iso: string): number => {
  const t = day(iso)
  const s = day(m.start)
  // Before its window opens a measure is reported as not started.
  if (t < s) return 0
  if (m.end === null) return Math.min(90, 10 + Math.round(((t - s) / (day('2027-12-31') - s)) * 80))
  if (m.doneOn) return Math.min(100, Math.round(((t - s) / Math.max(1, day(m.doneOn) - s)) * 100))
  return Math.min(m.cap, Math.round(((t - s) / Math.max(1, day(m.end) - s)) * m.cap))
}

const COMPLETION = (state: State, progress: number, due: boolean) => {
  if (!due) return 'not_due'
  if (state !== 'accepted' && state !== 'submitted') return 'no_evidence'
  if (progress === 0) return 'not_started'
  if (progress >= 100) return 'complete'
  return progress >= 60 ? 'substantial' : 'limited'
}

/**
 * One report per measure and reporting period (the unique key allows no more: 500 × 20 at most),
 * for every period that is not planned, from the measure's start until it has been reported done;
 * every save and workflow step as a revision; co-executors' contributions; evidence on both (links,
 * legal acts and stored files with their `files` rows); the evaluator's assessments of the closed
 * and locked periods.
 */
export const generateReports = async (
  loader: Loader,
  rnd: Rnd,
  opts: {
    measures: Measure[]
    periods: Period[]
    people: Person[]
    orgName: Map<string, string>
    today: string
    now: number
  },
) => {
  const { measures, periods, people, today, now } = opts
  const headOf = new Map<string, string>()
  const focalOf = new Map<string, string>()
  for (const p of people) {
    if (p.role === 'head' && !headOf.has(p.orgId)) headOf.set(p.orgId, p.id)
    if (p.role === 'focal_point' && !focalOf.has(p.orgId)) focalOf.set(p.orgId, p.id)
  }
  const secretariat = people.filter((p) => p.role === 'secretariat').map((p) => p.id)
  const evaluators = people.filter((p) => p.role === 'evaluator').map((p) => p.id)

  const reports: Value[][] = []
  const revisions: Value[][] = []
  const contributions: Value[][] = []
  const files: Value[][] = []
  const evidence: Value[][] = []
  const reportValues: Value[][] = []
  const indicatorValues: Value[][] = []
  const evaluations: Value[][] = []
  const openDrafts: OpenDraft[] = []

  const addEvidence = (
    owner: { reportId: string | null; contributionId: string | null },
    orgId: string,
    m: Measure,
    n: number,
    from: number,
    to: number,
  ) => {
    const titles: string[] = []
    for (let k = 0; k < n; k++) {
      const e = evidenceText(rnd, m.topic)
      const id = uuid(rnd)
      const by = focalOf.get(orgId) ?? null
      const when = at(from + rnd() * Math.max(0, to - from))
      let fileId: string | null = null
      if (e.kind === 'file') {
        fileId = uuid(rnd)
        files.push([fileId, hex(rnd, 64), e.title, e.mime, int(rnd, 20_000, 8_000_000), orgId, by, when])
      }
      evidence.push([
        id,
        owner.reportId,
        owner.contributionId,
        orgId,
        e.kind,
        e.title,
        fileId,
        e.kind === 'link' ? e.url : null,
        e.kind === 'legal_act' ? e.actType : null,
        e.kind === 'legal_act' ? e.actNumber : null,
        e.kind === 'legal_act'
          ? new Date(to - int(rnd, 5, 90) * 86_400_000).toISOString().slice(0, 10)
          : null,
        by,
        when,
      ])
      titles.push(`${e.kind}: ${e.title}`)
    }
    return titles
  }

  const reportable = periods
    .filter((p) => p.state !== 'planned')
    .sort((a, b) => a.endsOn.localeCompare(b.endsOn))
  for (const m of measures) {
    let finished = false
    for (const p of reportable) {
      if (finished) break
      // A cancelled measure reported until its cancellation in 2025.
      if (m.state === 'cancelled' && p.endsOn > '2025-06-30') break
      const progress = progressOn(m, p.endsOn)
      const pclass = p.state === 'locked' ? 'locked' : p.state === 'closed' ? 'closed' : 'open'
      const mix = STATE_MIX[pclass]
      let r = rnd() * 100
      let state: State = 'draft'
      for (const [s, w] of mix) {
        r -= w
        if (r < 0) {
          state = s
          break
        }
      }
      const lead = m.leads[0] as string
      const writer = focalOf.get(lead) ?? null
      const head = headOf.get(lead) ?? null
      const reviewer = pick(rnd, secretariat)
      const status =
        progress >= 100
          ? 'completed'
          : m.end !== null && p.endsOn > m.end
            ? 'delayed'
            : progress === 0
              ? 'not_started'
              : rnd() < 0.08
                ? 'delayed'
                : 'in_progress'
      const text = reportTexts(rnd, m.topic)
      // An open period's drafts are mostly complete; a tenth still lack the work done.
      if (state === 'draft' && rnd() < 0.1) text.workDone = ''
      const id = uuid(rnd)
      // Writing starts two weeks before the period ends (the open period: some weeks ago).
      const open = Math.min(day(p.endsOn) - 14 * 86_400_000, now - 25 * 86_400_000)
      const due = day(p.dueOn)
      const last = pclass === 'open' ? now - 3_600_000 : due + 20 * 86_400_000
      let t = Math.min(open + rnd() * 10 * 86_400_000, last - 86_400_000)
      const step = () => {
        t = Math.min(last, t + rnd() * 5 * 86_400_000)
        return t
      }
      const late = state !== 'draft' && pclass !== 'open' && rnd() < 0.03

      const titles = addEvidence(
        { reportId: id, contributionId: null },
        lead,
        m,
        state === 'draft' ? int(rnd, 0, 3) : int(rnd, 2, 9),
        open,
        last,
      )
      const snapshot = (s: State) => ({
        state: s,
        reportedStatus: status,
        progress,
        workDone: text.workDone,
        problems: text.problems,
        nextSteps: text.nextSteps,
        indicatorValues: m.indicatorIds.map((indicatorId) => ({ indicatorId, value: progress })),
        evidence: titles,
      })
      const steps: { action: string; state: State; by: string | null; comment: string | null; t: number }[] =
        []
      const saves = (n: number) => {
        for (let k = 0; k < n; k++)
          steps.push({
            action: 'saved',
            state: steps.at(-1)?.state === 'returned' ? 'returned' : 'draft',
            by: writer,
            comment: null,
            t: step(),
          })
      }
      saves(int(rnd, 1, 3))
      let comment: string | null = null
      let submittedAt: number | null = null
      let reviewedAt: number | null = null
      const push = (action: string, s: State, by: string | null, note: string | null = null) => {
        const when = step()
        steps.push({ action, state: s, by, comment: note, t: when })
        return when
      }
      if (state !== 'draft') {
        const roundTrip = state === 'returned' || (state === 'accepted' && rnd() < 0.3)
        submittedAt = push('submitted', 'submitted', head)
        if (roundTrip) {
          comment = pick(rnd, REVIEW_COMMENTS)
          reviewedAt = push('returned', 'returned', reviewer, comment)
          if (state === 'accepted') {
            saves(int(rnd, 1, 2))
            submittedAt = push('submitted', 'submitted', head)
          }
        }
        if (state === 'accepted') reviewedAt = push('accepted', 'accepted', reviewer)
      }
      steps.forEach((s, i) => {
        revisions.push([uuid(rnd), id, i + 1, s.action, s.state, s.comment, snapshot(s.state), s.by, at(s.t)])
      })
      const updatedAt = (steps.at(-1) as { t: number }).t
      reports.push([
        id,
        m.id,
        p.id,
        lead,
        state,
        status,
        progress,
        text.workDone,
        text.problems,
        text.nextSteps,
        steps.length,
        late,
        comment,
        submittedAt === null ? null : at(submittedAt),
        state === 'draft' ? null : head,
        reviewedAt === null ? null : at(reviewedAt),
        reviewedAt === null ? null : reviewer,
        at(open),
        at(updatedAt),
        writer,
      ])
      for (const indicatorId of m.indicatorIds) {
        reportValues.push([id, indicatorId, progress])
        if (state === 'accepted' && p.kind === 'annual')
          indicatorValues.push([
            uuid(rnd),
            indicatorId,
            Number(p.endsOn.slice(0, 4)),
            p.id,
            progress,
            'report',
            id,
            at(updatedAt),
          ])
      }
      if (pclass === 'open' && state === 'draft' && text.workDone)
        openDrafts.push({
          reportId: id,
          measureId: m.id,
          periodId: p.id,
          orgId: lead,
          revision: steps.length,
          confidentiality: m.confidentiality,
        })
      if (state === 'accepted' && status === 'completed') finished = true

      // Co-executors' contributions, most of them filed; their evidence.
      for (const co of m.cos) {
        if (rnd() < 0.07) continue
        const submitted = pclass === 'open' ? rnd() < 0.5 : rnd() < 0.95
        const cid = uuid(rnd)
        const ct = at(open + rnd() * Math.max(0, last - open))
        contributions.push([
          cid,
          m.id,
          p.id,
          co,
          submitted ? 'submitted' : 'draft',
          contributionText(rnd, m.topic, opts.orgName.get(co) ?? ''),
          submitted ? ct : null,
          focalOf.get(co) ?? null,
          ct,
          ct,
        ])
        addEvidence(
          { reportId: null, contributionId: cid },
          co,
          m,
          submitted ? int(rnd, 0, 6) : int(rnd, 0, 1),
          open,
          last,
        )
      }

      // The evaluator assesses the closed and locked periods (most of the closed one so far).
      if (pclass === 'locked' || (pclass === 'closed' && rnd() < 0.6)) {
        const completion = COMPLETION(state, progress, m.start <= p.endsOn)
        const when = at(Math.min(now - 86_400_000, due + int(rnd, 15, 40) * 86_400_000))
        evaluations.push([
          uuid(rnd),
          m.id,
          p.id,
          completion,
          pick(rnd, EVALUATION_COMMENTS[completion] ?? ['']),
          pick(rnd, evaluators),
          when,
          when,
        ])
      }
    }
  }
  void today
  await loader.copy(
    'measure_reports',
    [
      'id',
      'measure_id',
      'period_id',
      'org_id',
      'state',
      'reported_status',
      'progress',
      'work_done',
      'problems',
      'next_steps',
      'revision',
      'late',
      'review_comment',
      'submitted_at',
      'submitted_by',
      'reviewed_at',
      'reviewed_by',
      'created_at',
      'updated_at',
      'updated_by',
    ],
    reports,
  )
  const chunked = async (table: string, cols: string[], rows: Value[][]) => {
    for (let i = 0; i < rows.length; i += 50_000) await loader.copy(table, cols, rows.slice(i, i + 50_000))
  }
  await chunked(
    'measure_report_revisions',
    ['id', 'report_id', 'revision', 'action', 'state', 'comment', 'snapshot', 'actor_user_id', 'created_at'],
    revisions,
  )
  await loader.copy('report_indicator_values', ['report_id', 'indicator_id', 'value'], reportValues)
  await loader.copy(
    'indicator_values',
    ['id', 'indicator_id', 'year', 'period_id', 'value', 'source', 'report_id', 'created_at'],
    indicatorValues,
  )
  await chunked(
    'contributions',
    [
      'id',
      'measure_id',
      'period_id',
      'org_id',
      'state',
      'text',
      'submitted_at',
      'updated_by',
      'created_at',
      'updated_at',
    ],
    contributions,
  )
  await chunked(
    'files',
    ['id', 'sha256', 'filename', 'mime', 'size', 'org_id', 'uploaded_by', 'created_at'],
    files,
  )
  await chunked(
    'evidence',
    [
      'id',
      'report_id',
      'contribution_id',
      'org_id',
      'kind',
      'title',
      'file_id',
      'url',
      'act_type',
      'act_number',
      'act_date',
      'added_by',
      'created_at',
    ],
    evidence,
  )
  await loader.copy(
    'evaluations',
    ['id', 'measure_id', 'period_id', 'completion', 'comment', 'evaluator_id', 'created_at', 'updated_at'],
    evaluations,
  )
  return {
    openDrafts,
    reportIds: reports.map((r) => r[0] as string),
    contributionIds: contributions.map((r) => r[0] as string),
    counts: {
      measureReports: reports.length,
      reportRevisions: revisions.length,
      reportIndicatorValues: reportValues.length,
      contributions: contributions.length,
      files: files.length,
      evidence: evidence.length,
      evaluations: evaluations.length,
    },
  }
}

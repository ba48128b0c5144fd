import { z } from 'zod'
import { isoDateSchema } from './primitives.ts'

// ---- Reporting periods ----

export const PERIOD_KINDS = ['quarterly', 'semiannual', 'annual'] as const
export const PeriodKindSchema = z.enum(PERIOD_KINDS)
export type PeriodKind = z.infer<typeof PeriodKindSchema>

export const PERIOD_STATES = ['planned', 'open', 'closed', 'locked'] as const
export const PeriodStateSchema = z.enum(PERIOD_STATES)
export type PeriodState = z.infer<typeof PeriodStateSchema>

export const PeriodSchema = z.object({
  id: z.string(),
  strategyId: z.string(),
  kind: PeriodKindSchema,
  label: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  dueOn: z.string(),
  state: PeriodStateSchema,
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  lockedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
})
export type Period = z.infer<typeof PeriodSchema>

export const PeriodInputSchema = z
  .object({
    kind: PeriodKindSchema,
    label: z
      .string()
      .trim()
      .min(1)
      .max(20)
      .regex(/^[0-9A-Za-z-]+$/, 'Use digits, letters and dashes, e.g. 2025-H1'),
    startsOn: isoDateSchema,
    endsOn: isoDateSchema,
    dueOn: isoDateSchema,
  })
  .refine((p) => p.startsOn <= p.endsOn, { message: 'The period ends before it starts', path: ['endsOn'] })
  .refine((p) => p.dueOn >= p.endsOn, {
    message: 'Reports cannot be due before the period ends',
    path: ['dueOn'],
  })

/** The default calendar (configurable per strategy): when each kind of report is due. */
export const CalendarSchema = z.object({
  /** Days after a quarter ends that its working update is due. */
  quarterlyDueDays: z.number().int().min(0).max(120).default(15),
  /** Days after a half-year ends that the consolidated report is due. */
  semiannualDueDays: z.number().int().min(0).max(120).default(20),
  /** Month and day of the following year the annual report with supporting documents is due. */
  annualDue: z
    .string()
    .regex(/^\d{2}-\d{2}$/)
    .default('01-20'),
  kinds: z.array(PeriodKindSchema).min(1).default(['quarterly', 'semiannual', 'annual']),
})
export type Calendar = z.infer<typeof CalendarSchema>

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10)
const addDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/** The periods of one year under a calendar, in due-date order. */
export const calendarPeriods = (year: number, cal: Calendar) => {
  const out: z.infer<typeof PeriodInputSchema>[] = []
  if (cal.kinds.includes('quarterly'))
    for (let q = 1; q <= 4; q++) {
      const endsOn = iso(year, q * 3 + 1, 0)
      out.push({
        kind: 'quarterly',
        label: `${year}-Q${q}`,
        startsOn: iso(year, q * 3 - 2, 1),
        endsOn,
        dueOn: addDays(endsOn, cal.quarterlyDueDays),
      })
    }
  if (cal.kinds.includes('semiannual'))
    for (let h = 1; h <= 2; h++) {
      const endsOn = iso(year, h * 6 + 1, 0)
      out.push({
        kind: 'semiannual',
        label: `${year}-H${h}`,
        startsOn: iso(year, h * 6 - 5, 1),
        endsOn,
        dueOn: addDays(endsOn, cal.semiannualDueDays),
      })
    }
  if (cal.kinds.includes('annual')) {
    const [mm, dd] = cal.annualDue.split('-').map(Number)
    out.push({
      kind: 'annual',
      label: `${year}`,
      startsOn: iso(year, 1, 1),
      endsOn: iso(year, 12, 31),
      dueOn: iso(year + 1, mm ?? 1, dd ?? 20),
    })
  }
  return out.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.label.localeCompare(b.label))
}

/** planned → open → closed → locked; a closed period can be opened again, a locked one never. */
export const PERIOD_TRANSITIONS: Record<PeriodState, readonly PeriodState[]> = {
  planned: ['open'],
  open: ['closed'],
  closed: ['open', 'locked'],
  locked: [],
}

/**
 * The period a page opens on: an open one that covers today (the nearest due date first), else
 * any open one, else the last one opened before (closed or locked), else the first planned. The
 * server picks it for the measure page, the web where it lists periods itself.
 */
export function defaultPeriod<P extends { state: string; startsOn: string; dueOn: string }>(
  periods: readonly P[],
  today: string,
): P | null {
  const byDue = [...periods].sort((a, b) => a.dueOn.localeCompare(b.dueOn))
  const open = byDue.filter((p) => p.state === 'open')
  const current = open.find((p) => p.startsOn <= today && today <= p.dueOn)
  if (current) return current
  if (open[0]) return open[0]
  const started = byDue.filter((p) => p.state !== 'planned')
  return started[started.length - 1] ?? byDue[0] ?? null
}

// ---- Measure reports ----

export const REPORT_STATES = ['draft', 'submitted', 'returned', 'accepted'] as const
export const ReportStateSchema = z.enum(REPORT_STATES)
export type ReportState = z.infer<typeof ReportStateSchema>

/** The executor's own view of progress (the evaluator's assessment is kept apart). */
export const REPORTED_STATUSES = ['not_started', 'in_progress', 'completed', 'delayed', 'cancelled'] as const
export const ReportedStatusSchema = z.enum(REPORTED_STATUSES)
export type ReportedStatus = z.infer<typeof ReportedStatusSchema>
/** Each reported status suggests a default percentage (Decidim's status progress). */
export const STATUS_DEFAULT_PROGRESS: Record<ReportedStatus, number | null> = {
  not_started: 0,
  in_progress: null,
  completed: 100,
  delayed: null,
  cancelled: null,
}

export const REPORT_ACTIONS = ['edit', 'submit', 'return', 'accept'] as const
export type ReportAction = (typeof REPORT_ACTIONS)[number]

/** What the deciding side knows about the actor and the moment, for the workflow rules. */
export type ReportContext = {
  /** A focal point of the measure's lead executor (or its head, who may also write). */
  isLeadWriter: boolean
  /** The head of the lead executor, who approves and submits. */
  isLeadHead: boolean
  /** The coordinating body's secretariat. */
  isSecretariat: boolean
  periodState: PeriodState
  /** A secretariat exception lets this organisation submit after the period closed. */
  hasLateException: boolean
  /** The report has status, progress and work done filled in. */
  complete: boolean
  /** The return carries a comment. */
  hasComment: boolean
}

export type WorkflowRefusal = {
  code: 'FORBIDDEN' | 'PRECONDITION_FAILED' | 'VALIDATION_FAILED'
  reason: string
}
export type WorkflowResult =
  | { ok: true; state: ReportState; late: boolean }
  | ({ ok: false } & WorkflowRefusal)

const refuse = (code: WorkflowRefusal['code'], reason: string): WorkflowResult => ({
  ok: false,
  code,
  reason,
})

/**
 * The one rule book of the measure-report workflow, used by the server (which decides) and the
 * web (which only offers the allowed buttons). `late` says the step happens through an exception.
 */
export const reportTransition = (
  state: ReportState,
  action: ReportAction,
  ctx: ReportContext,
): WorkflowResult => {
  const executorWindow = ctx.periodState === 'open' || (ctx.periodState !== 'planned' && ctx.hasLateException)
  const late = ctx.periodState !== 'open'
  switch (action) {
    case 'edit':
    case 'submit': {
      if (action === 'edit' && !ctx.isLeadWriter)
        return refuse('FORBIDDEN', 'Only the lead executor writes this report')
      if (action === 'submit' && !ctx.isLeadHead)
        return refuse('FORBIDDEN', 'Only the head of the lead executor submits this report')
      if (state === 'submitted')
        return refuse('PRECONDITION_FAILED', 'The report is with the secretariat for review')
      if (state === 'accepted')
        return refuse('PRECONDITION_FAILED', 'The report has been accepted and is final')
      if (ctx.periodState === 'planned')
        return refuse('PRECONDITION_FAILED', 'The reporting period is not open yet')
      if (!executorWindow)
        return refuse(
          'PRECONDITION_FAILED',
          ctx.periodState === 'locked'
            ? 'The reporting period is locked; only a secretariat exception allows a late report'
            : 'The reporting period is closed; only a secretariat exception allows a late report',
        )
      if (action === 'submit' && !ctx.complete)
        return refuse(
          'VALIDATION_FAILED',
          'Fill in the status, the percentage and the work done before submitting',
        )
      return { ok: true, state: action === 'edit' ? state : 'submitted', late: action === 'submit' && late }
    }
    case 'return':
    case 'accept': {
      if (!ctx.isSecretariat) return refuse('FORBIDDEN', 'Only the secretariat reviews reports')
      if (state !== 'submitted')
        return refuse(
          'PRECONDITION_FAILED',
          state === 'accepted'
            ? 'The report has already been accepted'
            : 'Only a submitted report can be reviewed',
        )
      if (ctx.periodState === 'planned')
        return refuse('PRECONDITION_FAILED', 'The reporting period is not open yet')
      if (ctx.periodState === 'locked' && !ctx.hasLateException)
        return refuse('PRECONDITION_FAILED', 'The reporting period is locked')
      if (action === 'return' && !ctx.hasComment)
        return refuse('VALIDATION_FAILED', 'Say in a comment what the executor should fix')
      return { ok: true, state: action === 'return' ? 'returned' : 'accepted', late: false }
    }
  }
}

export const EVIDENCE_KINDS = ['file', 'link', 'legal_act'] as const
export const EvidenceKindSchema = z.enum(EVIDENCE_KINDS)

export const EvidenceSchema = z.object({
  id: z.string(),
  kind: EvidenceKindSchema,
  title: z.string(),
  fileId: z.string().nullable(),
  filename: z.string().nullable(),
  size: z.number().int().nullable(),
  sha256: z.string().nullable(),
  url: z.string().nullable(),
  actType: z.string().nullable(),
  actNumber: z.string().nullable(),
  actDate: z.string().nullable(),
  createdAt: z.string(),
})
export type Evidence = z.infer<typeof EvidenceSchema>

export const EvidenceInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), fileId: z.uuid(), title: z.string().trim().max(300).optional() }),
  z.object({
    kind: z.literal('link'),
    title: z.string().trim().min(1).max(300),
    url: z
      .url({ protocol: /^https?$/, message: 'Give a web address starting with http:// or https://' })
      .max(2000),
  }),
  z.object({
    kind: z.literal('legal_act'),
    title: z.string().trim().min(1).max(300),
    actType: z.string().trim().min(1).max(60),
    actNumber: z.string().trim().min(1).max(40),
    actDate: isoDateSchema,
  }),
])
export type EvidenceInput = z.infer<typeof EvidenceInputSchema>

const longText = z.string().max(20_000)

export const ReportDraftSchema = z.object({
  reportedStatus: ReportedStatusSchema.nullable().optional(),
  progress: z.number().int().min(0).max(100).nullable().optional(),
  workDone: longText.optional(),
  problems: longText.optional(),
  nextSteps: longText.optional(),
  indicatorValues: z
    .array(z.object({ indicatorId: z.uuid(), value: z.number().finite() }))
    .max(50)
    .optional(),
  /** The revision the writer started from; a stale one is refused instead of overwriting. */
  revision: z.number().int().min(0),
})
export type ReportDraft = z.infer<typeof ReportDraftSchema>

export const ReportSchema = z.object({
  id: z.string(),
  measureId: z.string(),
  measureCode: z.string(),
  periodId: z.string(),
  periodLabel: z.string(),
  orgId: z.string(),
  state: ReportStateSchema,
  reportedStatus: ReportedStatusSchema.nullable(),
  progress: z.number().int().nullable(),
  workDone: z.string(),
  problems: z.string(),
  nextSteps: z.string(),
  indicatorValues: z.array(z.object({ indicatorId: z.string(), value: z.number() })),
  evidence: z.array(EvidenceSchema),
  revision: z.number().int(),
  late: z.boolean(),
  reviewComment: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  updatedAt: z.string(),
  /** What the caller may do now, from `reportTransition`. */
  allowed: z.array(z.enum(REPORT_ACTIONS)),
})
export type Report = z.infer<typeof ReportSchema>

export const ReportRevisionSchema = z.object({
  revision: z.number().int(),
  action: z.string(),
  state: ReportStateSchema,
  comment: z.string().nullable(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
  snapshot: z.record(z.string(), z.unknown()),
})

export const ReportDiffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
})

export const ContributionSchema = z.object({
  id: z.string(),
  measureId: z.string(),
  periodId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  state: z.enum(['draft', 'submitted']),
  text: z.string(),
  evidence: z.array(EvidenceSchema),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
})
export type Contribution = z.infer<typeof ContributionSchema>

export const ContributionInputSchema = z.object({
  text: z.string().trim().min(1).max(20_000),
  submit: z.boolean().default(false),
})

export const LateExceptionInputSchema = z.object({
  orgId: z.uuid(),
  reason: z.string().trim().min(1).max(2000),
  until: isoDateSchema,
})

// ---- Evaluation ----

/** The evaluator's assessed completion (the OGP IRM scale plus "not due"). */
export const COMPLETIONS = [
  'no_evidence',
  'not_started',
  'limited',
  'substantial',
  'complete',
  'not_due',
] as const
export const CompletionSchema = z.enum(COMPLETIONS)
export type Completion = z.infer<typeof CompletionSchema>

/** Score of each level for roll-ups; "not due" is left out of them. */
export const COMPLETION_SCORE: Record<Completion, number | null> = {
  no_evidence: 0,
  not_started: 0,
  limited: 0.33,
  substantial: 0.67,
  complete: 1,
  not_due: null,
}

export const TIMELINESS = [
  'not_due',
  'on_track',
  'at_risk',
  'overdue',
  'completed',
  'completed_late',
] as const
export const TimelinessSchema = z.enum(TIMELINESS)
export type Timeliness = z.infer<typeof TimelinessSchema>

export const RAGS = ['red', 'amber', 'green', 'none'] as const
export type Rag = (typeof RAGS)[number]

export const EvaluationInputSchema = z.object({
  completion: CompletionSchema,
  comment: z.string().trim().max(4000).default(''),
})

export const EvaluationSchema = z.object({
  id: z.string(),
  measureId: z.string(),
  periodId: z.string(),
  periodLabel: z.string(),
  completion: CompletionSchema,
  comment: z.string(),
  timeliness: TimelinessSchema,
  evaluatorName: z.string().nullable(),
  updatedAt: z.string(),
})
export type Evaluation = z.infer<typeof EvaluationSchema>

export const RollupNodeSchema = z.object({
  id: z.string(),
  code: z.string(),
  /** Weighted completion 0..1 over the measures that are due; null when none is. */
  score: z.number().nullable(),
  rag: z.enum(RAGS),
  measures: z.number().int(),
  evaluated: z.number().int(),
  overdue: z.number().int(),
  atRisk: z.number().int(),
})
export type RollupNode = z.infer<typeof RollupNodeSchema>

import { z } from 'zod'
import { ClearanceSchema } from './access.ts'
import { codeSchema, i18nTextSchema, isoDateSchema } from './primitives.ts'

/** Longer text in the three languages (descriptions, expected results); Azerbaijani is required. */
export const i18nLongTextSchema = z.object({
  az: z.string().trim().min(1).max(5000),
  en: z.string().trim().max(5000).optional(),
  ru: z.string().trim().max(5000).optional(),
})
export type I18nLongText = z.infer<typeof i18nLongTextSchema>
/** The same, where the text may be left out altogether. */
export const optionalI18nLongTextSchema = z.object({
  az: z.string().trim().max(5000).default(''),
  en: z.string().trim().max(5000).optional(),
  ru: z.string().trim().max(5000).optional(),
})

export const OUTPUT_TYPES = [
  'normative_act',
  'info_system',
  'proposals',
  'training',
  'report',
  'other',
] as const
export const OutputTypeSchema = z.enum(OUTPUT_TYPES)
export type OutputType = z.infer<typeof OutputTypeSchema>

export const EXECUTOR_ROLES = ['lead', 'co', 'recommended'] as const
export const ExecutorRoleSchema = z.enum(EXECUTOR_ROLES)
export type ExecutorRole = z.infer<typeof ExecutorRoleSchema>

/**
 * How an Action Plan deadline is written: "2023-2024" (year range), "2025" (year), "2025-H1"
 * (half-year), "2025-Q3" (quarter), "2025-06-30" (date) or "ongoing" (davamlı).
 */
export const DEADLINE_KINDS = ['year_range', 'year', 'half_year', 'quarter', 'date', 'ongoing'] as const
export const DeadlineKindSchema = z.enum(DEADLINE_KINDS)
export type DeadlineKind = z.infer<typeof DeadlineKindSchema>

export type DeadlineWindow = { kind: DeadlineKind; value: string; start: string | null; end: string | null }

const pad = (n: number) => String(n).padStart(2, '0')
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()
const validYear = (y: number) => y >= 2000 && y <= 2100

/**
 * Reads a deadline as written in the plan into its window of dates; null when it is not one of the
 * forms above. `ongoing` measures have no end; their window starts with the strategy (`periodStart`).
 */
export const parseDeadline = (raw: string, periodStart?: string): DeadlineWindow | null => {
  const v = raw.trim().replace(/[–—]/g, '-').replace(/\s+/g, '')
  const lower = v.toLowerCase()
  if (lower === 'ongoing' || lower === 'davamlı' || lower === 'davamli' || lower === 'постоянно')
    return { kind: 'ongoing', value: 'ongoing', start: periodStart ?? null, end: null }
  let m = /^(\d{4})-(\d{4})$/.exec(v)
  if (m) {
    const a = Number(m[1])
    const b = Number(m[2])
    if (!validYear(a) || !validYear(b) || b <= a) return null
    return { kind: 'year_range', value: `${a}-${b}`, start: `${a}-01-01`, end: `${b}-12-31` }
  }
  m = /^(\d{4})$/.exec(v)
  if (m) {
    const y = Number(m[1])
    if (!validYear(y)) return null
    return { kind: 'year', value: `${y}`, start: `${y}-01-01`, end: `${y}-12-31` }
  }
  m = /^(\d{4})-?(H|Y)([12])$/i.exec(v)
  if (m) {
    const y = Number(m[1])
    const h = Number(m[3])
    if (!validYear(y)) return null
    const from = h === 1 ? 1 : 7
    return {
      kind: 'half_year',
      value: `${y}-H${h}`,
      start: `${y}-${pad(from)}-01`,
      end: `${y}-${pad(from + 5)}-${lastDay(y, from + 5)}`,
    }
  }
  m = /^(\d{4})-?(Q|R)([1-4])$/i.exec(v)
  if (m) {
    const y = Number(m[1])
    const q = Number(m[3])
    if (!validYear(y)) return null
    const from = (q - 1) * 3 + 1
    return {
      kind: 'quarter',
      value: `${y}-Q${q}`,
      start: `${y}-${pad(from)}-01`,
      end: `${y}-${pad(from + 2)}-${lastDay(y, from + 2)}`,
    }
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v)
  if (m) {
    const y = Number(m[1])
    const mo = Number(m[2])
    const d = Number(m[3])
    if (!validYear(y) || mo < 1 || mo > 12 || d < 1 || d > lastDay(y, mo)) return null
    return { kind: 'date', value: v, start: periodStart ?? null, end: v }
  }
  return null
}

export const deadlineSchema = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .refine((s) => parseDeadline(s) !== null, {
    message: 'Write the deadline as 2023-2024, 2025, 2025-H1, 2025-Q3, 2025-06-30 or ongoing',
  })

export const FrameworkTagSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._:/-]*$/, 'Use letters, digits, space, dot, colon, slash or dash')

export const StrategySchema = z.object({
  id: z.string(),
  code: z.string(),
  title: i18nTextSchema,
  actType: z.string(),
  actNumber: z.string(),
  actDate: z.string(),
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  baselineVersion: z.number().int(),
  createdAt: z.string(),
})
export type Strategy = z.infer<typeof StrategySchema>

export const StrategyInputSchema = z.object({
  code: codeSchema,
  title: i18nTextSchema,
  actType: z.string().trim().min(1).max(60),
  actNumber: z.string().trim().min(1).max(40),
  actDate: isoDateSchema,
  periodStart: z.number().int().min(2000).max(2100),
  periodEnd: z.number().int().min(2000).max(2100),
})

export const DirectionSchema = z.object({
  id: z.string(),
  strategyId: z.string(),
  code: z.string(),
  title: i18nTextSchema,
  position: z.number().int(),
})
export type Direction = z.infer<typeof DirectionSchema>

export const GoalSchema = z.object({
  id: z.string(),
  directionId: z.string(),
  code: z.string(),
  title: i18nLongTextSchema,
  position: z.number().int(),
})
export type Goal = z.infer<typeof GoalSchema>

export const ExecutorSchema = z.object({
  orgId: z.string(),
  role: ExecutorRoleSchema,
  code: z.string(),
  name: i18nTextSchema,
})
export type Executor = z.infer<typeof ExecutorSchema>

export const MILESTONE_STAGES = ['draft', 'agreed', 'submitted', 'adopted'] as const
export const MilestoneStageSchema = z.enum(MILESTONE_STAGES)
export type MilestoneStage = z.infer<typeof MilestoneStageSchema>

export const MilestoneSchema = z.object({
  id: z.string(),
  measureId: z.string(),
  title: i18nTextSchema,
  originalPlannedDate: z.string().nullable(),
  plannedDate: z.string().nullable(),
  actualDate: z.string().nullable(),
  /** Normative acts only: where the draft act is on its way to adoption. */
  stage: MilestoneStageSchema.nullable(),
  actType: z.string().nullable(),
  actNumber: z.string().nullable(),
  actDate: z.string().nullable(),
  position: z.number().int(),
})
export type Milestone = z.infer<typeof MilestoneSchema>

export const MilestoneInputSchema = z
  .object({
    title: i18nTextSchema,
    plannedDate: isoDateSchema.nullable().default(null),
    actualDate: isoDateSchema.nullable().default(null),
    stage: MilestoneStageSchema.nullable().default(null),
    actType: z.string().trim().max(60).nullable().default(null),
    actNumber: z.string().trim().max(40).nullable().default(null),
    actDate: isoDateSchema.nullable().default(null),
  })
  .refine((m) => m.stage !== 'adopted' || (m.actType && m.actNumber && m.actDate), {
    message: 'An adopted act needs its type, number and date',
    path: ['actNumber'],
  })
export type MilestoneInput = z.infer<typeof MilestoneInputSchema>

export const INDICATOR_DIRECTIONS = ['up', 'down'] as const
export const IndicatorTargetSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  value: z.number().finite(),
})
export const IndicatorValueSchema = z.object({
  year: z.number().int(),
  periodLabel: z.string().nullable(),
  value: z.number(),
  source: z.enum(['report', 'secretariat', 'data']),
})
export const IndicatorSchema = z.object({
  id: z.string(),
  strategyId: z.string(),
  measureId: z.string().nullable(),
  code: z.string(),
  name: i18nTextSchema,
  unit: z.string(),
  baseline: z.number().nullable(),
  baselineYear: z.number().int().nullable(),
  direction: z.enum(INDICATOR_DIRECTIONS),
  targets: z.array(IndicatorTargetSchema),
  values: z.array(IndicatorValueSchema),
})
export type Indicator = z.infer<typeof IndicatorSchema>

export const IndicatorInputSchema = z.object({
  code: codeSchema,
  name: i18nTextSchema,
  unit: z.string().trim().min(1).max(40),
  baseline: z.number().finite().nullable().default(null),
  baselineYear: z.number().int().min(2000).max(2100).nullable().default(null),
  direction: z.enum(INDICATOR_DIRECTIONS).default('up'),
  targets: z.array(IndicatorTargetSchema).max(30).default([]),
})

export const MEASURE_STATES = ['active', 'cancelled'] as const

/** One measure of the Action Plan as the portal shows it. */
export const MeasureSchema = z.object({
  id: z.string(),
  strategyId: z.string(),
  goalId: z.string(),
  goalCode: z.string(),
  directionId: z.string(),
  directionCode: z.string(),
  code: z.string(),
  title: i18nLongTextSchema,
  description: optionalI18nLongTextSchema,
  expectedResult: optionalI18nLongTextSchema,
  outputType: OutputTypeSchema,
  deadline: z.object({
    kind: DeadlineKindSchema,
    value: z.string(),
    start: z.string().nullable(),
    end: z.string().nullable(),
  }),
  /** The deadline of the approved plan (baseline v1), shown beside the current one when they differ. */
  originalDeadline: z.string(),
  weight: z.number(),
  confidentiality: ClearanceSchema,
  frameworkTags: z.array(z.string()),
  state: z.enum(MEASURE_STATES),
  executors: z.array(ExecutorSchema),
  updatedAt: z.string(),
})
export type Measure = z.infer<typeof MeasureSchema>

const orgCodeList = z.array(codeSchema).max(60)

/** A measure as the secretariat enters or imports it; executors by organisation code. */
export const MeasureInputSchema = z.object({
  goalCode: codeSchema,
  code: codeSchema,
  title: i18nLongTextSchema,
  description: optionalI18nLongTextSchema.default({ az: '' }),
  expectedResult: optionalI18nLongTextSchema.default({ az: '' }),
  outputType: OutputTypeSchema.default('other'),
  deadline: deadlineSchema,
  weight: z.number().positive().max(100).default(1),
  confidentiality: ClearanceSchema.default('public'),
  frameworkTags: z.array(FrameworkTagSchema).max(20).default([]),
  leadExecutors: orgCodeList.min(1, 'A measure needs at least one lead executor'),
  coExecutors: orgCodeList.default([]),
  recommended: orgCodeList.default([]),
})
export type MeasureInput = z.infer<typeof MeasureInputSchema>

export const MeasureListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  directionId: z.uuid().optional(),
  goalId: z.uuid().optional(),
  orgId: z.uuid().optional(),
  executorRole: ExecutorRoleSchema.optional(),
  outputType: OutputTypeSchema.optional(),
  deadlineYear: z.coerce.number().int().min(2000).max(2100).optional(),
  confidentiality: ClearanceSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
})
export type MeasureListQuery = z.infer<typeof MeasureListQuerySchema>

export const PlanTreeSchema = z.object({
  strategy: StrategySchema,
  directions: z.array(
    DirectionSchema.extend({
      goals: z.array(GoalSchema.extend({ measureCount: z.number().int() })),
    }),
  ),
})

// ---- Plan versions and change requests ----

export const CHANGE_KINDS = ['deadline', 'executor', 'scope', 'cancel'] as const
export const ChangeKindSchema = z.enum(CHANGE_KINDS)
export const CHANGE_STATES = ['proposed', 'approved', 'rejected'] as const

/** The Commission (or working-group) decision a change cites. */
export const DecisionRefSchema = z.object({
  body: z.string().trim().min(1).max(200),
  number: z.string().trim().min(1).max(40),
  date: isoDateSchema,
  /** A decision recorded in the portal; its body, number and date are then taken from it. */
  decisionId: z.uuid().optional(),
})

export const ChangeProposalSchema = z.object({
  deadline: deadlineSchema.optional(),
  leadExecutors: orgCodeList.min(1).optional(),
  coExecutors: orgCodeList.optional(),
  recommended: orgCodeList.optional(),
  title: i18nLongTextSchema.optional(),
  description: optionalI18nLongTextSchema.optional(),
  expectedResult: optionalI18nLongTextSchema.optional(),
  outputType: OutputTypeSchema.optional(),
})
export type ChangeProposal = z.infer<typeof ChangeProposalSchema>

export const ChangeRequestInputSchema = z.object({
  measureId: z.uuid(),
  kind: ChangeKindSchema,
  proposed: ChangeProposalSchema,
  justification: z.string().trim().min(1).max(4000),
})

export const ChangeRequestSchema = z.object({
  id: z.string(),
  strategyId: z.string(),
  measureId: z.string(),
  measureCode: z.string(),
  kind: ChangeKindSchema,
  proposed: ChangeProposalSchema,
  /** The measure's values when the request was made, for the side-by-side view. */
  current: z.record(z.string(), z.unknown()),
  justification: z.string(),
  state: z.enum(CHANGE_STATES),
  decision: DecisionRefSchema.nullable(),
  resultingVersion: z.number().int().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
})
export type ChangeRequest = z.infer<typeof ChangeRequestSchema>

export const PlanVersionSchema = z.object({
  version: z.number().int(),
  createdAt: z.string(),
  note: z.string(),
  decision: DecisionRefSchema.nullable(),
  changeRequestId: z.string().nullable(),
})

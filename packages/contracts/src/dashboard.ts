import { z } from 'zod'
import { i18nTextSchema } from './primitives.ts'
import {
  CompletionSchema,
  ContributionSchema,
  EvaluationSchema,
  PeriodSchema,
  ReportSchema,
  RollupNodeSchema,
  TimelinessSchema,
} from './reporting.ts'
import {
  ChangeRequestSchema,
  IndicatorSchema,
  i18nLongTextSchema,
  MeasureSchema,
  MilestoneSchema,
} from './strategy.ts'

const MeasureBriefSchema = z.object({
  measureId: z.string(),
  code: z.string(),
  title: i18nLongTextSchema,
  deadline: z.string(),
  timeliness: TimelinessSchema,
  completion: CompletionSchema.nullable(),
  leads: z.array(z.string()),
})
export type MeasureBrief = z.infer<typeof MeasureBriefSchema>

const countsOf = <T extends readonly string[]>(keys: T) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as { [K in T[number]]: z.ZodNumber })

export const CompletionDistributionSchema = countsOf([
  'no_evidence',
  'not_started',
  'limited',
  'substantial',
  'complete',
  'not_due',
  'not_evaluated',
] as const)
export const TimelinessDistributionSchema = countsOf([
  'not_due',
  'on_track',
  'at_risk',
  'overdue',
  'completed',
  'completed_late',
] as const)

export const OverviewSchema = z.object({
  period: PeriodSchema.nullable(),
  /** Answered from the locked period's snapshot. */
  frozen: z.boolean(),
  strategy: RollupNodeSchema,
  directions: z.array(RollupNodeSchema.extend({ title: i18nTextSchema })),
  goals: z.array(
    RollupNodeSchema.extend({
      directionId: z.string(),
      title: z.object({ az: z.string(), en: z.string().optional(), ru: z.string().optional() }),
    }),
  ),
  organisations: z.array(RollupNodeSchema.extend({ notReported: z.number().int() })),
  completionDistribution: CompletionDistributionSchema,
  timelinessDistribution: TimelinessDistributionSchema,
  overdue: z.array(MeasureBriefSchema),
  atRisk: z.array(MeasureBriefSchema),
})
export type Overview = z.infer<typeof OverviewSchema>

export const OrganisationViewSchema = z.object({
  period: PeriodSchema.nullable(),
  frozen: z.boolean(),
  summary: RollupNodeSchema,
  measures: z.array(
    z.object({
      measureId: z.string(),
      code: z.string(),
      title: i18nLongTextSchema,
      role: z.string(),
      deadline: z.string(),
      timeliness: TimelinessSchema,
      completion: CompletionSchema.nullable(),
      reportState: z.string().nullable(),
      missing: z.boolean(),
    }),
  ),
})

export const PublicResultsSchema = z
  .object({
    period: PeriodSchema,
    strategy: RollupNodeSchema,
    directions: z.array(RollupNodeSchema.extend({ title: i18nTextSchema })),
    completionDistribution: CompletionDistributionSchema,
    measures: z.array(
      z.object({
        code: z.string(),
        title: i18nLongTextSchema,
        deadline: z.string(),
        completion: CompletionSchema.nullable(),
        timeliness: TimelinessSchema,
        leads: z.array(z.string()),
      }),
    ),
  })
  .nullable()

export const MeasureDetailSchema = z.object({
  measure: MeasureSchema,
  milestones: z.array(MilestoneSchema),
  indicators: z.array(IndicatorSchema),
})

/**
 * Everything the measure page shows, in one answer: the measure, the periods and the period shown,
 * and what the reader may read of its reports (null when none), evaluations and change requests.
 */
export const MeasurePageSchema = MeasureDetailSchema.extend({
  periods: z.array(PeriodSchema),
  /** The period asked for, else the one the page opens on; null when the strategy has none. */
  periodId: z.string().nullable(),
  reports: z.array(ReportSchema).nullable(),
  /** The shown period's report (an empty draft when nobody has written it yet). */
  report: ReportSchema.nullable(),
  contributions: z.array(ContributionSchema).nullable(),
  evaluations: z.array(EvaluationSchema),
  changeRequests: z.array(ChangeRequestSchema),
})
export type MeasurePage = z.infer<typeof MeasurePageSchema>

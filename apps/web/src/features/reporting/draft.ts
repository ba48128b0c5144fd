import { type Indicator, type Report, ReportDraftSchema } from '@qalxan/contracts'
import { z } from 'zod'

/**
 * The draft as the form holds it: the contract's fields, with the indicator values kept one per
 * indicator of the measure and left empty until known (only known values are sent).
 */
export const ReportFormSchema = ReportDraftSchema.omit({ indicatorValues: true, revision: true }).extend({
  indicatorValues: z.array(z.object({ indicatorId: z.string(), value: z.number().finite().nullable() })),
})
export type ReportFormIn = z.input<typeof ReportFormSchema>
export type ReportFormValues = z.output<typeof ReportFormSchema>

export const reportFormDefaults = (report: Report, indicators: readonly Indicator[]): ReportFormIn => ({
  reportedStatus: report.reportedStatus,
  progress: report.progress,
  workDone: report.workDone,
  problems: report.problems,
  nextSteps: report.nextSteps,
  indicatorValues: indicators.map((i) => ({
    indicatorId: i.id,
    value: report.indicatorValues.find((v) => v.indicatorId === i.id)?.value ?? null,
  })),
})

/** The body of PUT …/report: the revision the writer started from, and only known indicator values. */
export const toDraft = (v: ReportFormValues, revision: number) => ({
  reportedStatus: v.reportedStatus ?? null,
  progress: v.progress ?? null,
  workDone: v.workDone ?? '',
  problems: v.problems ?? '',
  nextSteps: v.nextSteps ?? '',
  indicatorValues: v.indicatorValues.flatMap((x) =>
    x.value === null ? [] : [{ indicatorId: x.indicatorId, value: x.value }],
  ),
  revision,
})

import { CLEARANCES, type Clearance, type Locale, type ReportedStatus } from '@qalxan/contracts'
import { and, eq, inArray } from 'drizzle-orm'
import { measureReports } from '../../db/schema/index.ts'
import type { Clock } from '../../platform/clock.ts'
import type { Database } from '../../platform/db.ts'
import { renderDocx, renderPdf } from '../../platform/documents/index.ts'
import { AppError, notFound } from '../../platform/errors.ts'
import type { AccessPolicy } from '../access/access.policy.ts'
import type { Actor } from '../access/actor.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { reportColumns, reportingRepository } from '../reporting/reporting.repository.ts'
import { listWorkbook } from '../strategy/plan-xlsx.fns.ts'
import { strategyRepository } from '../strategy/strategy.repository.ts'
import type { EvaluationService } from './evaluation.service.ts'
import {
  COMPLETION_LABEL,
  officialReport,
  type ReportMeasure,
  TIMELINESS_LABEL,
} from './official-report.fns.ts'

export type OfficialReportService = ReturnType<typeof createOfficialReportService>

/**
 * The annual report to the President (for a year: its annual period, or else its second
 * half-year) and the half-year working-group report, as DOCX or PDF in az, en or ru. A locked
 * period is reported from its snapshot; only measures the reader's clearance opens are included,
 * and the footer carries the highest level included.
 */
export const createOfficialReportService = (deps: {
  database: Database
  clock: Clock
  audit: AuditService
  policy: AccessPolicy
  evaluation: Pick<EvaluationService, 'figuresFor' | 'summarise' | 'visible'>
}) => {
  const { database, clock, audit, policy, evaluation } = deps
  const db = database.db

  const build = async (
    actor: Actor,
    strategyId: string,
    kind: 'annual' | 'half_year',
    pick: { year?: number; periodId?: string },
    lang: Locale,
    format: 'pdf' | 'docx',
  ) => {
    await policy.requireEverywhere(actor, 'report.read')
    const s = await strategyRepository.strategyById(db, strategyId)
    if (!s) throw notFound('Strategy', strategyId)
    const periods = await reportingRepository.periods(db, strategyId)
    const period =
      kind === 'annual'
        ? (periods.find((p) => p.kind === 'annual' && p.label === String(pick.year)) ??
          periods.find((p) => p.label === `${pick.year}-H2`))
        : periods.find((p) => p.id === pick.periodId && p.kind === 'semiannual')
    if (!period)
      throw kind === 'annual'
        ? new AppError('NOT_FOUND', `There is no reporting period for the year ${pick.year}`)
        : notFound('Reporting period', pick.periodId ?? '')
    if (period.state === 'planned')
      throw new AppError('PRECONDITION_FAILED', 'The reporting period is not open yet')
    const { fs } = await evaluation.figuresFor(strategyId, period.id)
    const seen = evaluation.visible(actor, fs)
    const summary = await evaluation.summarise(db, strategyId, seen)
    const reports = seen.length
      ? await db
          .select(reportColumns)
          .from(measureReports)
          .where(
            and(
              eq(measureReports.periodId, period.id),
              inArray(
                measureReports.measureId,
                seen.map((f) => f.measureId),
              ),
            ),
          )
      : []
    const year = Number(period.endsOn.slice(0, 4))
    const inds = await strategyRepository.indicators(db, strategyId, null)
    const values = await strategyRepository.indicatorValues(
      db,
      inds.map((i) => i.id),
    )
    const measuresOut: ReportMeasure[] = seen.map((f) => {
      const r = reports.find(
        (x) => x.measureId === f.measureId && (x.state === 'accepted' || x.state === 'submitted'),
      )
      return {
        code: f.code,
        title: f.title,
        directionId: f.directionId,
        leads: f.leads.map((l) => l.code),
        deadline: f.deadline,
        completion: f.completion,
        timeliness: f.timeliness,
        reportedStatus: (r?.reportedStatus as ReportedStatus | null) ?? null,
        progress: r?.progress ?? null,
        workDone: r?.workDone ?? '',
        problems: r?.problems ?? '',
        nextSteps: r?.nextSteps ?? '',
        reported: !!r,
      }
    })
    const level = seen.reduce<Clearance>(
      (a, f) => (CLEARANCES.indexOf(f.confidentiality) > CLEARANCES.indexOf(a) ? f.confidentiality : a),
      'public',
    )
    const model = officialReport({
      kind,
      lang,
      strategy: s,
      periodLabel: period.label,
      preparedOn: clock.now().toISOString().slice(0, 10),
      classification: level,
      overall: summary.strategy,
      directions: summary.directions,
      measures: measuresOut,
      indicators: inds.map((i) => {
        const target = [...i.targets].sort((a, b) => a.year - b.year).find((x) => x.year >= year) ?? null
        const actual = values.filter((v) => v.indicatorId === i.id && v.year === year).at(-1)?.value ?? null
        return { code: i.code, name: i.name, unit: i.unit, baseline: i.baseline, target, actual }
      }),
    })
    const body = format === 'pdf' ? await renderPdf(model) : await renderDocx(model)
    await audit.recordAlone(actor, {
      action: 'report.official_generated',
      targetType: 'reporting_period',
      targetId: period.id,
      data: { kind, lang, format, period: period.label, measures: seen.length, classification: level },
    })
    const name = `qalxan-${kind === 'annual' ? 'annual' : 'half-year'}-${period.label}-${lang}.${format}`
    return {
      body,
      name,
      type:
        format === 'pdf'
          ? 'application/pdf'
          : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    }
  }

  return {
    /** A period's standing measure by measure, as a spreadsheet: the secretariat's working list. */
    async periodWorkbook(actor: Actor, periodId: string, lang: Locale) {
      await policy.requireEverywhere(actor, 'report.read')
      const period = await reportingRepository.periodById(db, periodId)
      if (!period) throw notFound('Reporting period', periodId)
      const { fs } = await evaluation.figuresFor(period.strategyId, periodId)
      const t = (x: { az: string; en?: string; ru?: string }) => (lang === 'az' ? x.az : (x[lang] ?? x.az))
      return listWorkbook(
        period.label,
        [
          { key: 'code', header: 'code' },
          { key: 'title', header: 'title' },
          { key: 'leads', header: 'lead_executors' },
          { key: 'deadline', header: 'deadline' },
          { key: 'report', header: 'report_state' },
          { key: 'progress', header: 'reported_progress' },
          { key: 'completion', header: 'assessed_completion' },
          { key: 'timeliness', header: 'timeliness' },
          { key: 'missing', header: 'not_reported' },
        ],
        evaluation.visible(actor, fs).map((f) => ({
          code: f.code,
          title: t(f.title),
          leads: f.leads.map((l) => l.code).join('; '),
          deadline: f.deadline,
          report: f.reportState ?? '',
          progress: f.reportedProgress,
          completion: t(COMPLETION_LABEL[f.completion ?? 'none']),
          timeliness: t(TIMELINESS_LABEL[f.timeliness]),
          missing: f.missing ? 'x' : '',
        })),
      )
    },
    annual: (actor: Actor, strategyId: string, year: number, lang: Locale, format: 'pdf' | 'docx') =>
      build(actor, strategyId, 'annual', { year }, lang, format),
    halfYear: (actor: Actor, strategyId: string, periodId: string, lang: Locale, format: 'pdf' | 'docx') =>
      build(actor, strategyId, 'half_year', { periodId }, lang, format),
  }
}

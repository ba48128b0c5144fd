import {
  type Clearance,
  COMPLETIONS,
  type Completion,
  type Evaluation,
  type I18nLongText,
  type ReportedStatus,
  TIMELINESS,
  type Timeliness,
} from '@qalxan/contracts'
import { and, eq } from 'drizzle-orm'
import { evaluations, measureReports, reportingPeriods, user } from '../../db/schema/index.ts'
import type { Clock } from '../../platform/clock.ts'
import type { Database, Executor, Tx } from '../../platform/db.ts'
import { AppError, notFound } from '../../platform/errors.ts'
import type { AccessPolicy } from '../access/access.policy.ts'
import type { Actor } from '../access/actor.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { type PeriodRow, reportingRepository } from '../reporting/reporting.repository.ts'
import { periodOut } from '../reporting/reporting.service.ts'
import { visibleLevels } from '../strategy/strategy.fns.ts'
import { type MeasureRow, strategyRepository } from '../strategy/strategy.repository.ts'
import type { StrategyService } from '../strategy/strategy.service.ts'
import { dueInPeriod, type MeasureFigure, rollup, timeliness } from './evaluation.fns.ts'

const isoDay = (d: Date) => d.toISOString().slice(0, 10)

/** One measure's standing at a moment: what roll-ups, lists and snapshots are made of. */
export type Figure = MeasureFigure & {
  code: string
  title: I18nLongText
  goalId: string
  goalCode: string
  directionId: string
  directionCode: string
  confidentiality: Clearance
  deadline: string
  deadlineEnd: string | null
  leads: { orgId: string; code: string }[]
  reportState: string | null
  reportedProgress: number | null
  /** The lead executor owes a report for the period and has not submitted it. */
  missing: boolean
}

export type EvaluationService = ReturnType<typeof createEvaluationService>

export const createEvaluationService = (deps: {
  database: Database
  clock: Clock
  audit: AuditService
  policy: AccessPolicy
  strategy: Pick<StrategyService, 'visibleMeasure'>
}) => {
  const { database, clock, audit, policy, strategy } = deps
  const db = database.db

  const periodOrThrow = async (ex: Executor, id: string) => {
    const p = await reportingRepository.periodById(ex, id)
    if (!p) throw notFound('Reporting period', id)
    return p
  }

  /**
   * Every active measure's figure for a period (or, without one, as of today from the latest
   * evaluations and reports). The caller filters by clearance before showing or rolling up.
   */
  const figures = async (ex: Executor, strategyId: string, period: PeriodRow | null): Promise<Figure[]> => {
    const ms = (await strategyRepository.allMeasures(ex, strategyId)).filter((m) => m.state === 'active')
    const execs = await strategyRepository.executors(
      ex,
      ms.map((m) => m.id),
    )
    const execsOf = new Map<string, typeof execs>()
    for (const e of execs) execsOf.set(e.measureId, [...(execsOf.get(e.measureId) ?? []), e])
    // One row per measure: the period's own, or (live) the latest evaluation and the latest
    // submitted or accepted report of any period, picked in SQL.
    const evalRows = period
      ? await ex.select().from(evaluations).where(eq(evaluations.periodId, period.id))
      : await reportingRepository.latestEvaluations(ex, strategyId)
    const reportRows = period
      ? await ex.select().from(measureReports).where(eq(measureReports.periodId, period.id))
      : await reportingRepository.latestUsableReports(ex, strategyId)
    const evalOf = new Map(evalRows.map((e) => [e.measureId, e]))
    const reportOf = new Map(reportRows.map((r) => [r.measureId, r]))
    const allPeriods = await reportingRepository.periods(ex, strategyId)
    const endOf = new Map(allPeriods.map((p) => [p.id, p.endsOn]))
    // "Not reported" is about a period: the one asked for, or (live) the open one due soonest.
    const owedIn =
      period ??
      allPeriods.filter((p) => p.state === 'open').sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0] ??
      null
    const owedReports =
      owedIn && !period
        ? new Map(
            (await ex.select().from(measureReports).where(eq(measureReports.periodId, owedIn.id))).map(
              (r) => [r.measureId, r],
            ),
          )
        : reportOf
    const asOf = period ? period.endsOn : isoDay(clock.now())
    return ms.map((m) => {
      const ev = evalOf.get(m.id) ?? null
      const rep = reportOf.get(m.id) ?? null
      const completion = (ev?.completion ?? null) as Completion | null
      const reportUsable = rep && (rep.state === 'accepted' || rep.state === 'submitted')
      // A report covers its period: work found complete was complete by the period's end.
      const completedOn =
        completion === 'complete'
          ? (endOf.get(ev?.periodId ?? '') ?? null)
          : reportUsable && rep.reportedStatus === 'completed'
            ? (endOf.get(rep.periodId) ?? null)
            : null
      const t: Timeliness = timeliness({
        deadline: { kind: m.deadlineKind as never, start: m.deadlineStart, end: m.deadlineEnd },
        asOf,
        completion,
        reportedProgress: reportUsable ? rep.progress : null,
        reportedStatus: reportUsable ? (rep.reportedStatus as ReportedStatus | null) : null,
        completedOn,
      })
      const owes =
        owedIn !== null &&
        owedIn.state !== 'planned' &&
        t !== 'completed' &&
        t !== 'completed_late' &&
        (dueInPeriod({ start: m.deadlineStart, end: m.deadlineEnd }, owedIn) ||
          (m.deadlineEnd !== null && m.deadlineEnd < owedIn.startsOn))
      const owedReport = owedReports.get(m.id)
      const leads = (execsOf.get(m.id) ?? []).filter((e) => e.role === 'lead')
      return {
        measureId: m.id,
        weight: m.weight,
        completion,
        timeliness: t,
        code: m.code,
        title: m.title,
        goalId: m.goalId,
        goalCode: m.goalCode,
        directionId: m.directionId,
        directionCode: m.directionCode,
        confidentiality: m.confidentiality as Clearance,
        deadline: m.deadlineValue,
        deadlineEnd: m.deadlineEnd,
        leads: leads.map((l) => ({ orgId: l.orgId, code: l.code })),
        reportState: rep?.state ?? null,
        reportedProgress: reportUsable ? rep.progress : null,
        missing:
          owes && !(owedReport && (owedReport.state === 'submitted' || owedReport.state === 'accepted')),
      }
    })
  }

  /** Roll-ups and lists from a set of figures (already filtered to what the reader may see). */
  const summarise = async (ex: Executor, strategyId: string, fs: Figure[]) => {
    const dirs = await strategyRepository.directions(ex, strategyId)
    const gs = await strategyRepository.goals(ex, strategyId)
    const s = await strategyRepository.strategyById(ex, strategyId)
    const completionDistribution = Object.fromEntries(
      [...COMPLETIONS, 'not_evaluated'].map((c) => [
        c,
        fs.filter((f) => (f.completion ?? 'not_evaluated') === c).length,
      ]),
    ) as Record<Completion | 'not_evaluated', number>
    const timelinessDistribution = Object.fromEntries(
      TIMELINESS.map((t) => [t, fs.filter((f) => f.timeliness === t).length]),
    ) as Record<Timeliness, number>
    const byOrg = new Map<string, { orgId: string; code: string; missing: number; measures: number }>()
    for (const f of fs)
      for (const l of f.leads) {
        const o = byOrg.get(l.orgId) ?? { orgId: l.orgId, code: l.code, missing: 0, measures: 0 }
        o.measures++
        if (f.missing) o.missing++
        byOrg.set(l.orgId, o)
      }
    const brief = (f: Figure) => ({
      measureId: f.measureId,
      code: f.code,
      title: f.title,
      deadline: f.deadline,
      timeliness: f.timeliness,
      completion: f.completion,
      leads: f.leads.map((l) => l.code),
    })
    return {
      strategy: rollup(strategyId, s?.code ?? '', fs),
      directions: dirs.map((d) => ({
        ...rollup(
          d.id,
          d.code,
          fs.filter((f) => f.directionId === d.id),
        ),
        title: d.title,
      })),
      goals: gs.map((g) => ({
        ...rollup(
          g.id,
          g.code,
          fs.filter((f) => f.goalId === g.id),
        ),
        directionId: g.directionId,
        title: { az: g.title.az, en: g.title.en, ru: g.title.ru },
      })),
      organisations: [...byOrg.values()]
        .map((o) => ({
          ...rollup(
            o.orgId,
            o.code,
            fs.filter((f) => f.leads.some((l) => l.orgId === o.orgId)),
          ),
          notReported: o.missing,
        }))
        .sort((a, b) => b.notReported - a.notReported || a.code.localeCompare(b.code)),
      completionDistribution,
      timelinessDistribution,
      overdue: fs.filter((f) => f.timeliness === 'overdue').map(brief),
      atRisk: fs.filter((f) => f.timeliness === 'at_risk').map(brief),
    }
  }

  const visible = (actor: Actor, fs: Figure[]) => {
    const levels = new Set(visibleLevels(actor.clearance))
    return fs.filter((f) => levels.has(f.confidentiality))
  }

  /** A locked period answers from its snapshot, which no later change can alter. */
  const figuresFor = async (strategyId: string, periodId: string | undefined) => {
    if (!periodId) return { period: null, fs: await figures(db, strategyId, null), frozen: false }
    const period = await periodOrThrow(db, periodId)
    if (period.strategyId !== strategyId) throw notFound('Reporting period', periodId)
    const snap = await reportingRepository.snapshot(db, periodId)
    if (snap) return { period, fs: (snap.data as { figures: Figure[] }).figures, frozen: true }
    return { period, fs: await figures(db, strategyId, period), frozen: false }
  }

  const evaluationOut = (
    e: typeof evaluations.$inferSelect,
    p: PeriodRow,
    m: MeasureRow,
    evaluatorName: string | null,
  ): Evaluation => ({
    id: e.id,
    measureId: e.measureId,
    periodId: e.periodId,
    periodLabel: p.label,
    completion: e.completion as Completion,
    comment: e.comment,
    timeliness: timeliness({
      deadline: { kind: m.deadlineKind as never, start: m.deadlineStart, end: m.deadlineEnd },
      asOf: p.endsOn,
      completion: e.completion as Completion,
      reportedProgress: null,
      reportedStatus: null,
      completedOn: e.completion === 'complete' ? p.endsOn : null,
    }),
    evaluatorName,
    updatedAt: e.updatedAt.toISOString(),
  })

  return {
    /** The immutable content of a locked period, written once by `movePeriod`. */
    async snapshotFor(tx: Tx, period: PeriodRow) {
      const fs = await figures(tx, period.strategyId, period)
      return {
        figures: fs,
        summary: await summarise(tx, period.strategyId, fs),
        takenAt: clock.now().toISOString(),
      }
    },

    async evaluate(
      actor: Actor,
      measureId: string,
      periodId: string,
      input: { completion: Completion; comment: string },
    ) {
      await policy.require(actor, 'evaluation.write')
      const m = await strategy.visibleMeasure(actor, measureId)
      const p = await periodOrThrow(db, periodId)
      if (p.strategyId !== m.strategyId) throw notFound('Reporting period', periodId)
      if (p.state === 'planned')
        throw new AppError('PRECONDITION_FAILED', 'The reporting period is not open yet')
      if (p.state === 'locked')
        throw new AppError('PRECONDITION_FAILED', 'The reporting period is locked; its evaluations are final')
      if (input.completion !== 'not_due' && input.completion !== 'no_evidence' && !input.comment.trim())
        throw new AppError('VALIDATION_FAILED', 'Explain the assessment in a comment')
      const now = clock.now()
      return db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(evaluations)
          .where(and(eq(evaluations.measureId, measureId), eq(evaluations.periodId, periodId)))
        const [e] = await tx
          .insert(evaluations)
          .values({
            measureId,
            periodId,
            completion: input.completion,
            comment: input.comment,
            evaluatorId: actor.userId,
            updatedAt: now,
          })
          .onConflictDoUpdate({
            target: [evaluations.measureId, evaluations.periodId],
            set: {
              completion: input.completion,
              comment: input.comment,
              evaluatorId: actor.userId,
              updatedAt: now,
            },
          })
          .returning()
        await audit.record(tx, actor, {
          action: 'evaluation.recorded',
          targetType: 'evaluation',
          targetId: e?.id ?? null,
          data: {
            measure: m.code,
            period: p.label,
            before: before?.completion ?? null,
            after: input.completion,
          },
        })
        return evaluationOut(e as typeof evaluations.$inferSelect, p, m, null)
      })
    },

    async evaluationsOfMeasure(actor: Actor, measureId: string) {
      await policy.require(actor, 'plan.read')
      const m = await strategy.visibleMeasure(actor, measureId)
      const leads = (await strategyRepository.executors(db, [measureId])).map((e) => e.orgId)
      if (
        !policy.canEverywhere(actor, 'evaluation.read') &&
        !leads.some((o) => policy.can(actor, 'evaluation.read', o))
      )
        return []
      const rows = await db
        .select({ e: evaluations, p: reportingPeriods, name: user.name })
        .from(evaluations)
        .innerJoin(reportingPeriods, eq(reportingPeriods.id, evaluations.periodId))
        .leftJoin(user, eq(user.id, evaluations.evaluatorId))
        .where(eq(evaluations.measureId, measureId))
      return rows
        .map((r) => evaluationOut(r.e, r.p, m, r.name))
        .sort((a, b) => a.periodLabel.localeCompare(b.periodLabel))
    },

    /** The strategy overview: roll-ups, distributions, overdue and at-risk measures, not-reported counts. */
    async overview(actor: Actor, strategyId: string, periodId?: string) {
      await policy.require(actor, 'plan.read')
      const s = await strategyRepository.strategyById(db, strategyId)
      if (!s) throw notFound('Strategy', strategyId)
      const { period, fs, frozen } = await figuresFor(strategyId, periodId)
      return {
        period: period ? periodOut(period) : null,
        frozen,
        ...(await summarise(db, strategyId, visible(actor, fs))),
      }
    },

    /** One organisation's measures, what is due and what is missing. */
    async organisation(actor: Actor, strategyId: string, orgId: string, periodId?: string) {
      await policy.require(actor, 'plan.read')
      if (!policy.canEverywhere(actor, 'report.read') && !policy.can(actor, 'report.read', orgId))
        await policy.requireVisible(actor, 'report.read', orgId, 'Organisation', orgId)
      const { period, fs, frozen } = await figuresFor(strategyId, periodId)
      const roleOf = new Map(
        (await strategyRepository.measuresOfOrg(db, orgId)).map((e) => [e.measureId, e.role]),
      )
      const mine = visible(actor, fs).filter((f) => roleOf.has(f.measureId))
      return {
        period: period ? periodOut(period) : null,
        frozen,
        summary: rollup(
          orgId,
          '',
          mine.filter((f) => roleOf.get(f.measureId) === 'lead'),
        ),
        measures: mine.map((f) => ({
          measureId: f.measureId,
          code: f.code,
          title: f.title,
          role: roleOf.get(f.measureId) as string,
          deadline: f.deadline,
          timeliness: f.timeliness,
          completion: f.completion,
          reportState: f.reportState,
          missing: f.missing && roleOf.get(f.measureId) === 'lead',
        })),
      }
    },

    /** Strategies with at least one published period, for the public page. */
    async publicStrategies() {
      const ss = await strategyRepository.strategies(db)
      const out = []
      for (const s of ss)
        if ((await reportingRepository.periods(db, s.id)).some((p) => p.publishedAt))
          out.push({
            id: s.id,
            code: s.code,
            title: s.title,
            periodStart: s.periodStart,
            periodEnd: s.periodEnd,
          })
      return out
    },

    /** Published, public results only: for the page anyone may open. */
    async publicResults(strategyId: string) {
      const periods = (await reportingRepository.periods(db, strategyId)).filter((p) => p.publishedAt)
      const latest = periods.sort((a, b) => b.endsOn.localeCompare(a.endsOn))[0]
      if (!latest) return null
      const snap = await reportingRepository.snapshot(db, latest.id)
      if (!snap) return null
      const fs = (snap.data as { figures: Figure[] }).figures.filter((f) => f.confidentiality === 'public')
      const sum = await summarise(db, strategyId, fs)
      return {
        period: periodOut(latest),
        strategy: sum.strategy,
        directions: sum.directions,
        completionDistribution: sum.completionDistribution,
        measures: fs.map((f) => ({
          code: f.code,
          title: f.title,
          deadline: f.deadline,
          completion: f.completion,
          timeliness: f.timeliness,
          leads: f.leads.map((l) => l.code),
        })),
      }
    },

    async publish(actor: Actor, periodId: string) {
      await policy.require(actor, 'period.manage')
      const p = await periodOrThrow(db, periodId)
      if (p.state !== 'locked')
        throw new AppError('PRECONDITION_FAILED', 'Only a locked period can be published')
      return db.transaction(async (tx) => {
        const [u] = await tx
          .update(reportingPeriods)
          .set({ publishedAt: clock.now() })
          .where(eq(reportingPeriods.id, periodId))
          .returning()
        await audit.record(tx, actor, {
          action: 'period.published',
          targetType: 'reporting_period',
          targetId: periodId,
          data: { label: p.label },
        })
        return periodOut(u as PeriodRow)
      })
    },

    figures,
    summarise,
    figuresFor,
    visible,
  }
}

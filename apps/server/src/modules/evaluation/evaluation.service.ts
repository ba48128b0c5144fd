import {
  CLEARANCES,
  type Clearance,
  COMPLETIONS,
  type Completion,
  clearanceAllows,
  type Evaluation,
  type I18nLongText,
  type ReportedStatus,
  TIMELINESS,
  type Timeliness,
} from '@qalxan/contracts'
import { and, eq, sql } from 'drizzle-orm'
import { evaluations, reportingPeriods, user } from '../../db/schema/index.ts'
import type { Clock } from '../../platform/clock.ts'
import type { Database, Executor, Tx } from '../../platform/db.ts'
import { AppError, notFound } from '../../platform/errors.ts'
import { allInOrder } from '../../platform/parallel.ts'
import { prepared } from '../../platform/prepared.ts'
import type { AccessPolicy } from '../access/access.policy.ts'
import type { Actor } from '../access/actor.ts'
import type { AuditService } from '../audit/audit.service.ts'
import {
  type EvaluationRow,
  evaluationColumns,
  type PeriodRow,
  reportingRepository,
} from '../reporting/reporting.repository.ts'
import { periodOut } from '../reporting/reporting.service.ts'
import { visibleLevels } from '../strategy/strategy.fns.ts'
import {
  type MeasureRow,
  type MeasureWithExecutors,
  strategyRepository,
} from '../strategy/strategy.repository.ts'
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

/** A measure's evaluations with their periods and evaluators (the measure page reads them): prepared once. */
const evaluationsOfMeasure = prepared('evaluation_of_measure', (db) =>
  db
    .select({ e: evaluationColumns, p: reportingPeriods, name: user.name })
    .from(evaluations)
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, evaluations.periodId))
    .leftJoin(user, eq(user.id, evaluations.evaluatorId))
    .where(eq(evaluations.measureId, sql.placeholder('measureId'))),
)

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
    // One row per measure: the period's own, or (live) the latest evaluation and the latest
    // submitted or accepted report of any period, picked in SQL; only the columns used below.
    const [ms, evalRows, reportRows, allPeriods] = await Promise.all([
      strategyRepository.figureMeasures(ex, strategyId),
      reportingRepository.figureEvaluations(ex, strategyId, period?.id ?? null),
      reportingRepository.figureReports(ex, strategyId, period?.id ?? null),
      reportingRepository.periods(ex, strategyId),
    ])
    const evalOf = new Map(evalRows.map((e) => [e.measureId, e]))
    const reportOf = new Map(reportRows.map((r) => [r.measureId, r]))
    const endOf = new Map(allPeriods.map((p) => [p.id, p.endsOn]))
    // "Not reported" is about a period: the one asked for, or (live) the open one due soonest.
    const owedIn =
      period ??
      allPeriods.filter((p) => p.state === 'open').sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0] ??
      null
    const owedReports =
      owedIn && !period
        ? new Map(
            (await reportingRepository.figureReports(ex, strategyId, owedIn.id)).map((r) => [r.measureId, r]),
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
        leads: m.leads,
        reportState: rep?.state ?? null,
        reportedProgress: reportUsable ? rep.progress : null,
        missing:
          owes && !(owedReport && (owedReport.state === 'submitted' || owedReport.state === 'accepted')),
      }
    })
  }

  /** The strategy's code and its directions and goals: what a summary names its nodes by. */
  type Tree = Awaited<ReturnType<typeof treeOf>>
  const treeOf = async (ex: Executor, strategyId: string, known?: { code: string } | null) => {
    const [dirs, gs, s] = await Promise.all([
      strategyRepository.directions(ex, strategyId),
      strategyRepository.goals(ex, strategyId),
      known === undefined ? strategyRepository.strategyById(ex, strategyId) : Promise.resolve(known),
    ])
    return { strategyId, code: s?.code ?? '', dirs, gs }
  }

  /** Roll-ups and lists from a set of figures (already filtered to what the reader may see), in one pass. */
  const summariseIn = (tree: Tree, fs: Figure[]) => {
    const completionDistribution = Object.fromEntries(
      [...COMPLETIONS, 'not_evaluated'].map((c) => [c, 0]),
    ) as Record<Completion | 'not_evaluated', number>
    const timelinessDistribution = Object.fromEntries(TIMELINESS.map((t) => [t, 0])) as Record<
      Timeliness,
      number
    >
    const byDirection = new Map<string, Figure[]>()
    const byGoal = new Map<string, Figure[]>()
    const byOrg = new Map<string, { orgId: string; code: string; missing: number; fs: Figure[] }>()
    const push = (m: Map<string, Figure[]>, k: string, f: Figure) => {
      const list = m.get(k)
      if (list) list.push(f)
      else m.set(k, [f])
    }
    for (const f of fs) {
      completionDistribution[f.completion ?? 'not_evaluated']++
      timelinessDistribution[f.timeliness]++
      push(byDirection, f.directionId, f)
      push(byGoal, f.goalId, f)
      // A measure with two lead executors counts once for each of them.
      for (const orgId of new Set(f.leads.map((l) => l.orgId))) {
        const code = f.leads.find((l) => l.orgId === orgId)?.code ?? ''
        const o = byOrg.get(orgId) ?? { orgId, code, missing: 0, fs: [] }
        o.fs.push(f)
        if (f.missing) o.missing++
        byOrg.set(orgId, o)
      }
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
      strategy: rollup(tree.strategyId, tree.code, fs),
      directions: tree.dirs.map((d) => ({
        ...rollup(d.id, d.code, byDirection.get(d.id) ?? []),
        title: d.title,
      })),
      goals: tree.gs.map((g) => ({
        ...rollup(g.id, g.code, byGoal.get(g.id) ?? []),
        directionId: g.directionId,
        title: { az: g.title.az, en: g.title.en, ru: g.title.ru },
      })),
      organisations: [...byOrg.values()]
        .map((o) => ({ ...rollup(o.orgId, o.code, o.fs), notReported: o.missing }))
        .sort((a, b) => b.notReported - a.notReported || a.code.localeCompare(b.code)),
      completionDistribution,
      timelinessDistribution,
      overdue: fs.filter((f) => f.timeliness === 'overdue').map(brief),
      atRisk: fs.filter((f) => f.timeliness === 'at_risk').map(brief),
    }
  }
  type Summary = ReturnType<typeof summariseIn>
  const summarise = async (ex: Executor, strategyId: string, fs: Figure[]) =>
    summariseIn(await treeOf(ex, strategyId), fs)

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
    e: EvaluationRow,
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

  /** A measure's evaluations with their periods and evaluators, by the measure's id alone. */
  const evaluationRows = (measureId: string) => evaluationsOfMeasure(db, { measureId })

  /** A visible measure's evaluations (read already, or read now); none for a reader who may not read them. */
  const evaluationsFor = async (
    actor: Actor,
    m: MeasureWithExecutors,
    read?: Awaited<ReturnType<typeof evaluationRows>>,
  ) => {
    const orgs = m.executors.map((e) => e.orgId)
    if (
      !policy.canEverywhere(actor, 'evaluation.read') &&
      !orgs.some((o) => policy.can(actor, 'evaluation.read', o))
    )
      return []
    return (read ?? (await evaluationRows(m.id)))
      .map((r) => evaluationOut(r.e, r.p, m, r.name))
      .sort((a, b) => a.periodLabel.localeCompare(b.periodLabel))
  }

  return {
    evaluationRows,
    evaluationsFor,
    /** The immutable content of a locked period, written once by `movePeriod`. */
    async snapshotFor(tx: Tx, period: PeriodRow) {
      const [fs, tree] = await Promise.all([
        figures(tx, period.strategyId, period),
        treeOf(tx, period.strategyId),
      ])
      // The complete summary (what the highest clearance sees) and one per lower clearance, so
      // that the period's dashboard is read, not recomputed, whoever asks.
      const lower = CLEARANCES.filter((c) => c !== 'restricted')
      return {
        figures: fs,
        summary: summariseIn(tree, fs),
        summaries: Object.fromEntries(
          lower.map((c) => [
            c,
            summariseIn(
              tree,
              fs.filter((f) => clearanceAllows(c, f.confidentiality)),
            ),
          ]),
        ),
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
          .select(evaluationColumns)
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
          .returning(evaluationColumns)
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
        return evaluationOut(e as EvaluationRow, p, m, null)
      })
    },

    async evaluationsOfMeasure(actor: Actor, measureId: string) {
      return evaluationsFor(actor, await strategy.visibleMeasure(actor, measureId))
    },

    /** The strategy overview: roll-ups, distributions, overdue and at-risk measures, not-reported counts. */
    async overview(actor: Actor, strategyId: string, periodId?: string) {
      await policy.require(actor, 'plan.read')
      const strategyOrThrow = strategyRepository
        .strategyById(db, strategyId)
        .then((s) => s ?? Promise.reject(notFound('Strategy', strategyId)))
      const answer = async (
        period: PeriodRow | null,
        fs: Figure[],
        frozen: boolean,
        s: { code: string },
      ) => ({
        period: period ? periodOut(period) : null,
        frozen,
        ...summariseIn(await treeOf(db, strategyId, s), visible(actor, fs)),
      })
      if (!periodId) {
        const [s, fs] = await allInOrder([strategyOrThrow, figures(db, strategyId, null)])
        return answer(null, fs, false, s)
      }
      const [s, period, snap] = await allInOrder([
        strategyOrThrow,
        periodOrThrow(db, periodId),
        reportingRepository.snapshotSummary(db, periodId, actor.clearance),
      ])
      if (period.strategyId !== strategyId) throw notFound('Reporting period', periodId)
      // A locked period answers with the summary its snapshot keeps for the reader's clearance.
      if (snap?.summary) return { period: periodOut(period), frozen: true, ...(snap.summary as Summary) }
      if (snap) return answer(period, (await figuresFor(strategyId, periodId)).fs, true, s)
      return answer(period, await figures(db, strategyId, period), false, s)
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

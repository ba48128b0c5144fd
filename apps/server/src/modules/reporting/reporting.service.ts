import {
  type Calendar,
  type Contribution,
  calendarPeriods,
  defaultPeriod,
  type Evidence,
  type EvidenceInput,
  PERIOD_TRANSITIONS,
  type Period,
  type PeriodInputSchema,
  type PeriodState,
  REPORT_ACTIONS,
  type Report,
  type ReportAction,
  type ReportContext,
  type ReportDraft,
  type ReportState,
  reportTransition,
} from '@qalxan/contracts'
import type { z } from 'zod'
import type { contributions, evidence } from '../../db/schema/index.ts'
import type { Clock } from '../../platform/clock.ts'
import type { Database, Executor, Tx } from '../../platform/db.ts'
import { AppError, notFound } from '../../platform/errors.ts'
import { allInOrder } from '../../platform/parallel.ts'
import type { AccessPolicy } from '../access/access.policy.ts'
import type { Actor } from '../access/actor.ts'
import type { AuditService } from '../audit/audit.service.ts'
import type { NotificationsService } from '../notifications/notifications.service.ts'
import type { OutboxService } from '../notifications/outbox.service.ts'
import { diffSnapshots } from '../strategy/strategy.fns.ts'
import { type MeasureWithExecutors, strategyRepository } from '../strategy/strategy.repository.ts'
import type { StrategyService } from '../strategy/strategy.service.ts'
import { type NoticeEvent, sendNotices } from './reporting.notices.ts'
import {
  type Attachments,
  type EvidenceRow,
  type PeriodRow,
  type ReportRow,
  reportingRepository as repo,
} from './reporting.repository.ts'

export const periodOut = (p: PeriodRow): Period => ({
  id: p.id,
  strategyId: p.strategyId,
  kind: p.kind as Period['kind'],
  label: p.label,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  dueOn: p.dueOn,
  state: p.state as PeriodState,
  openedAt: p.openedAt?.toISOString() ?? null,
  closedAt: p.closedAt?.toISOString() ?? null,
  lockedAt: p.lockedAt?.toISOString() ?? null,
  publishedAt: p.publishedAt?.toISOString() ?? null,
})

const evidenceOut = (r: EvidenceRow): Evidence => ({
  id: r.id,
  kind: r.kind as Evidence['kind'],
  title: r.title,
  fileId: r.fileId,
  filename: r.filename ?? null,
  size: r.size ?? null,
  sha256: r.sha256 ?? null,
  url: r.url,
  actType: r.actType,
  actNumber: r.actNumber,
  actDate: r.actDate,
  createdAt: new Date(r.createdAt).toISOString(),
})

/** What a revision keeps: the content of the report as a reviewer would compare it. */
const contentOf = (r: ReportRow, values: { indicatorId: string; value: number }[], ev: Evidence[]) => ({
  state: r.state,
  reportedStatus: r.reportedStatus,
  progress: r.progress,
  workDone: r.workDone,
  problems: r.problems,
  nextSteps: r.nextSteps,
  indicatorValues: [...values].sort((a, b) => a.indicatorId.localeCompare(b.indicatorId)),
  evidence: ev.map((e) => `${e.kind}: ${e.title}${e.sha256 ? ` (${e.sha256.slice(0, 12)})` : ''}`),
})

const isoDay = (d: Date) => d.toISOString().slice(0, 10)
const NOTHING_ATTACHED: Attachments = { values: [], evidence: [] }
type ContributionRows = Awaited<ReturnType<typeof repo.contributions>>

export type ReportingService = ReturnType<typeof createReportingService>

export const createReportingService = (deps: {
  database: Database
  clock: Clock
  audit: AuditService
  policy: AccessPolicy
  strategy: Pick<StrategyService, 'visibleMeasure' | 'visibleMeasureOfReport'>
  notifyAll: NotificationsService['notifyAll']
  outbox: Pick<OutboxService, 'enqueueAll'>
  publicUrl: string
}) => {
  const { database, clock, audit, policy, strategy } = deps
  const db = database.db

  const periodOrThrow = async (ex: Executor, id: string) => {
    const p = await repo.periodById(ex, id)
    if (!p) throw notFound('Reporting period', id)
    return p
  }

  const isComplete = (
    r: { reportedStatus: string | null; progress: number | null; workDone: string } | null,
  ) => !!r && !!r.reportedStatus && r.progress !== null && r.workDone.trim().length > 0

  const executorsOf = (m: MeasureWithExecutors) => ({
    all: m.executors,
    leads: m.executors.filter((e) => e.role === 'lead').map((e) => e.orgId),
    others: m.executors.filter((e) => e.role !== 'lead').map((e) => e.orgId),
  })

  /** Reports are read by the roles that read everywhere, the lead executor and the other executors. */
  const mayReadReports = (actor: Actor, e: { leads: string[]; others: string[] }) =>
    [...e.leads, ...e.others].some((o) => policy.can(actor, 'report.read', o)) ||
    policy.canEverywhere(actor, 'report.read')
  const requireReportRead = async (actor: Actor, m: MeasureWithExecutors) => {
    const e = executorsOf(m)
    if (!mayReadReports(actor, e)) {
      await policy.requireVisible(actor, 'report.read', e.leads[0] ?? m.id, 'Measure', m.id)
    }
    return e
  }

  /**
   * What the workflow rules need to know of the reader and the period. Whether a late exception
   * holds is read here unless the caller read it already (`excepted`) for several periods at once.
   */
  const contextFor = async (
    actor: Actor,
    ex: Executor,
    leads: string[],
    period: PeriodRow,
    r: { reportedStatus: string | null; progress: number | null; workDone: string } | null,
    comment?: string,
    excepted?: boolean,
  ): Promise<ReportContext> => ({
    isLeadWriter: leads.some((o) => policy.can(actor, 'report.write', o)),
    isLeadHead: leads.some((o) => policy.can(actor, 'report.submit', o)),
    isSecretariat: policy.can(actor, 'report.review'),
    periodState: period.state as PeriodState,
    hasLateException:
      period.state !== 'open' &&
      (excepted ?? !!(await repo.exception(ex, period.id, leads, isoDay(clock.now())))),
    complete: isComplete(r),
    hasComment: !!comment?.trim(),
  })

  const allowedActions = (state: ReportState, ctx: ReportContext) =>
    REPORT_ACTIONS.filter((a) => reportTransition(state, a, { ...ctx, hasComment: true, complete: true }).ok)

  const reportShape = (
    m: MeasureWithExecutors,
    period: PeriodRow,
    r: ReportRow,
    ctx: ReportContext,
    { values, evidence: ev }: Attachments,
  ): Report => ({
    id: r.id,
    measureId: m.id,
    measureCode: m.code,
    periodId: period.id,
    periodLabel: period.label,
    orgId: r.orgId,
    state: r.state as ReportState,
    reportedStatus: r.reportedStatus as Report['reportedStatus'],
    progress: r.progress,
    workDone: r.workDone,
    problems: r.problems,
    nextSteps: r.nextSteps,
    indicatorValues: values.map((v) => ({ indicatorId: v.indicatorId, value: v.value })),
    evidence: ev.map(evidenceOut),
    revision: r.revision,
    late: r.late,
    reviewComment: r.reviewComment,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
    allowed: allowedActions(r.state as ReportState, ctx),
  })

  const refuseUnless = (state: ReportState, action: ReportAction, ctx: ReportContext) => {
    const t = reportTransition(state, action, ctx)
    if (!t.ok) throw new AppError(t.code, t.reason)
    return t
  }

  /** `r` as the update that made the revision returned it, with its values and evidence. */
  const writeRevision = async (
    tx: Tx,
    actor: Actor,
    r: ReportRow & Attachments,
    action: string,
    comment: string | null,
  ) => {
    const attached = { values: r.values, evidence: r.evidence }
    await repo.insertRevision(tx, {
      reportId: r.id,
      revision: r.revision,
      action,
      state: r.state,
      comment,
      snapshot: contentOf(r, attached.values, attached.evidence.map(evidenceOut)),
      actorUserId: actor.userId === 'system' ? null : actor.userId,
    })
    // What the revision was made of is the report's answer too: no second read after the commit.
    return { r, attached }
  }

  /** The answer to a change: the reader and the period are as before it, only the report moved on. */
  const changedOut = (
    m: MeasureWithExecutors,
    period: PeriodRow,
    ctx: ReportContext,
    saved: Awaited<ReturnType<typeof writeRevision>>,
  ) =>
    reportShape(
      m,
      period,
      saved.r,
      { ...ctx, complete: isComplete(saved.r), hasComment: false },
      saved.attached,
    )

  /** In-app notice and e-mail to each person, in their own language, in the transaction of the event. */
  const tell = async (
    tx: Tx,
    people: { id: string; email: string; locale: string }[],
    e: NoticeEvent,
    link: string,
  ) =>
    sendNotices(
      deps,
      tx,
      people.map((person) => ({ person, event: e, link })),
    )

  /** Of a period's contributions to a measure whose reports the reader may read, those they see. */
  const contributionsFor = (actor: Actor, m: MeasureWithExecutors, rows: ContributionRows) => {
    const e = executorsOf(m)
    // The lead executor and the roles that read everywhere see all; a co-executor its own.
    const seesAll =
      e.leads.some((o) => policy.can(actor, 'report.read', o)) || policy.canEverywhere(actor, 'report.read')
    return rows
      .filter((c) => seesAll || policy.can(actor, 'report.read', c.c.orgId))
      .filter((c) => c.c.state === 'submitted' || policy.can(actor, 'report.write', c.c.orgId))
      .map((c) => contributionOut(c.c, c.orgName.az, c.evidence.map(evidenceOut)))
  }

  /** A report nobody has written yet: an empty draft, not stored, with nothing attached. */
  const unwritten = (m: MeasureWithExecutors, period: PeriodRow): ReportRow => {
    const now = clock.now()
    return {
      id: '',
      measureId: m.id,
      periodId: period.id,
      orgId: executorsOf(m).leads[0] ?? '',
      state: 'draft',
      reportedStatus: null,
      progress: null,
      workDone: '',
      problems: '',
      nextSteps: '',
      revision: 0,
      late: false,
      reviewComment: null,
      submittedAt: null,
      submittedBy: null,
      reviewedAt: null,
      reviewedBy: null,
      createdAt: now,
      updatedAt: now,
      updatedBy: null,
    }
  }

  /** A report with its measure and period, all three read at once by the report's id. */
  const loadForAction = async (actor: Actor, reportId: string, ex: Executor = db) => {
    const [r, m, period] = await allInOrder([
      repo.reportById(ex, reportId).then((r) => r ?? Promise.reject(notFound('Report', reportId))),
      strategy.visibleMeasureOfReport(actor, reportId, ex),
      repo.periodOfReport(ex, reportId).then((p) => p ?? Promise.reject(notFound('Report', reportId))),
    ])
    const e = await requireReportRead(actor, m)
    return { r, m, e, period }
  }

  /**
   * Every report of a measure the reader may read (checked by the caller), with one read each of
   * the indicator values, the evidence and the late exceptions for all of them; `shown` is a period
   * whose report is wanted as well, written or not.
   */
  const reportsFor = async (
    actor: Actor,
    m: MeasureWithExecutors,
    periods: PeriodsExcepted,
    rows: (ReportRow & Attachments)[],
    shown?: PeriodRow,
  ) => {
    const { leads } = executorsOf(m)
    const periodOf = new Map(periods.map((p) => [p.p.id, p]))
    const ctxOf = (period: PeriodRow, r: ReportRow | null) =>
      contextFor(actor, db, leads, period, r, undefined, periodOf.get(period.id)?.excepted ?? false)
    const reports: Report[] = []
    for (const r of rows) {
      const period = periodOf.get(r.periodId)?.p
      if (!period) continue
      reports.push(reportShape(m, period, r, await ctxOf(period, r), r))
    }
    reports.sort((a, b) => a.periodLabel.localeCompare(b.periodLabel))
    const current = shown
      ? (reports.find((r) => r.periodId === shown.id) ??
        reportShape(m, shown, unwritten(m, shown), await ctxOf(shown, null), NOTHING_ATTACHED))
      : null
    return { reports, current }
  }
  type PeriodsExcepted = { p: PeriodRow; excepted: boolean }[]
  const periodsExcepted = (measureId: string) => repo.periodsExcepted(db, measureId, isoDay(clock.now()))

  return {
    // ---- periods ----
    async periods(actor: Actor, strategyId: string) {
      await policy.require(actor, 'plan.read')
      return (await repo.periods(db, strategyId)).map(periodOut)
    },
    async period(actor: Actor, id: string) {
      await policy.require(actor, 'plan.read')
      return periodOut(await periodOrThrow(db, id))
    },

    async createPeriod(actor: Actor, strategyId: string, input: z.infer<typeof PeriodInputSchema>) {
      await policy.require(actor, 'period.manage')
      const s = await strategyRepository.strategyById(db, strategyId)
      if (!s) throw notFound('Strategy', strategyId)
      if ((await repo.periods(db, strategyId)).some((p) => p.label === input.label))
        throw new AppError('CONFLICT', `A reporting period "${input.label}" already exists`)
      return db.transaction(async (tx) => {
        const p = await repo.insertPeriod(tx, { strategyId, ...input })
        await audit.record(tx, actor, {
          action: 'period.created',
          targetType: 'reporting_period',
          targetId: p.id,
          data: { label: p.label },
        })
        return periodOut(p)
      })
    },

    /** The periods of a year under the calendar; those that already exist are left as they are. */
    async generateCalendar(actor: Actor, strategyId: string, year: number, cal: Calendar) {
      await policy.require(actor, 'period.manage')
      const s = await strategyRepository.strategyById(db, strategyId)
      if (!s) throw notFound('Strategy', strategyId)
      if (year < s.periodStart || year > s.periodEnd)
        throw new AppError('VALIDATION_FAILED', `The year ${year} is outside the strategy period`)
      return db.transaction(async (tx) => {
        const have = new Set((await repo.periods(tx, strategyId)).map((p) => p.label))
        const made: Period[] = []
        for (const p of calendarPeriods(year, cal)) {
          if (have.has(p.label)) continue
          made.push(periodOut(await repo.insertPeriod(tx, { strategyId, ...p })))
        }
        await audit.record(tx, actor, {
          action: 'period.calendar_generated',
          targetType: 'strategy',
          targetId: strategyId,
          data: { year, created: made.map((p) => p.label) },
        })
        return made
      })
    },

    /**
     * open, close, reopen (closed → open) and lock. Locking asks `onLock` for the immutable
     * snapshot of the period's evaluations and roll-ups, written in the same transaction.
     */
    async movePeriod(
      actor: Actor,
      id: string,
      to: PeriodState,
      onLock?: (tx: Tx, period: PeriodRow) => Promise<Record<string, unknown>>,
    ) {
      await policy.require(actor, 'period.manage')
      const p = await periodOrThrow(db, id)
      if (!PERIOD_TRANSITIONS[p.state as PeriodState].includes(to))
        throw new AppError(
          'PRECONDITION_FAILED',
          to === 'open'
            ? 'Only a planned or closed period can be opened'
            : to === 'closed'
              ? 'Only an open period can be closed'
              : 'Only a closed period can be locked',
        )
      const now = clock.now()
      return db.transaction(async (tx) => {
        const set =
          to === 'open'
            ? { state: to, openedAt: p.openedAt ?? now, closedAt: null }
            : to === 'closed'
              ? { state: to, closedAt: now }
              : { state: to, lockedAt: now }
        const moved = await repo.setPeriodState(tx, id, p.state, set)
        if (!moved)
          throw new AppError('CONFLICT', 'The period was changed by someone else; reload and try again')
        if (to === 'locked' && onLock) {
          await repo.insertSnapshot(tx, {
            periodId: id,
            data: await onLock(tx, moved),
            takenBy: actor.userId === 'system' ? null : actor.userId,
          })
        }
        if (to === 'open' && p.state === 'planned') {
          const focal = await repo.holders(tx, null, ['focal_point', 'head'])
          await tell(tx, focal, { kind: 'period_opened', period: p.label, dueOn: p.dueOn }, '/reporting')
        }
        await audit.record(tx, actor, {
          action: `period.${to === 'open' ? 'opened' : to}`,
          targetType: 'reporting_period',
          targetId: id,
          data: { label: p.label, from: p.state },
        })
        return periodOut(moved)
      })
    },

    async grantException(
      actor: Actor,
      periodId: string,
      input: { orgId: string; reason: string; until: string },
    ) {
      await policy.require(actor, 'period.manage')
      const p = await periodOrThrow(db, periodId)
      if (p.state === 'planned' || p.state === 'open')
        throw new AppError(
          'PRECONDITION_FAILED',
          'A late exception is only needed once the period has closed',
        )
      if (input.until < isoDay(clock.now()))
        throw new AppError('VALIDATION_FAILED', 'The exception would end in the past')
      return db.transaction(async (tx) => {
        const e = await repo.insertException(tx, { periodId, ...input, grantedBy: actor.userId })
        const people = await repo.holders(tx, [input.orgId], ['focal_point', 'head'])
        await tell(tx, people, { kind: 'late_exception', period: p.label, until: input.until }, '/reporting')
        await audit.record(tx, actor, {
          action: 'period.late_exception_granted',
          targetType: 'reporting_period',
          targetId: periodId,
          data: { orgId: input.orgId, until: input.until, reason: input.reason },
        })
        return { id: e.id, orgId: e.orgId, reason: e.reason, until: e.until }
      })
    },
    async exceptions(actor: Actor, periodId: string) {
      await policy.require(actor, 'period.manage')
      return (await repo.exceptions(db, periodId)).map((e) => ({
        id: e.id,
        orgId: e.orgId,
        reason: e.reason,
        until: e.until,
      }))
    },

    // ---- measure reports ----

    /** The report of a measure for a period; before anyone wrote, an empty draft (not stored). */
    async report(actor: Actor, measureId: string, periodId: string): Promise<Report> {
      const [m, period, r] = await allInOrder([
        strategy.visibleMeasure(actor, measureId),
        periodOrThrow(db, periodId),
        repo.reportWithAttachments(db, measureId, periodId),
      ])
      const e = await requireReportRead(actor, m)
      const ctx = await contextFor(actor, db, e.leads, period, r)
      return r
        ? reportShape(m, period, r, ctx, r)
        : reportShape(m, period, unwritten(m, period), ctx, NOTHING_ATTACHED)
    },

    async reportsOfMeasure(actor: Actor, measureId: string) {
      const m = await strategy.visibleMeasure(actor, measureId)
      await requireReportRead(actor, m)
      const [periods, rows] = await Promise.all([
        periodsExcepted(m.id),
        repo.reportsWithAttachments(db, m.id),
      ])
      return (await reportsFor(actor, m, periods, rows)).reports
    },

    /**
     * The rows the measure page shows of reporting, read by the measure's id alone, beside the
     * measure itself; `pageOf` decides what the reader gets of them once the measure is read.
     */
    pageRows: (measureId: string, periodId?: string) =>
      Promise.all([
        periodsExcepted(measureId),
        repo.reportsWithAttachments(db, measureId),
        // The shown period is known in advance only when asked for; otherwise its rows are read after.
        periodId ? repo.contributions(db, measureId, periodId) : Promise.resolve(null),
      ]),

    /**
     * What the measure page shows of reporting, for a measure the reader may see: the periods, the
     * period shown (the one asked for, else the one a page opens on), and when the reader may read
     * the measure's reports, all of them, the shown period's report and its contributions.
     */
    async pageOf(
      actor: Actor,
      m: MeasureWithExecutors,
      periodId: string | undefined,
      [periods, rows, contributionRows]: [
        PeriodsExcepted,
        (ReportRow & Attachments)[],
        ContributionRows | null,
      ],
    ) {
      const readable = mayReadReports(actor, executorsOf(m))
      const list = periods.map((p) => p.p)
      const shown = periodId
        ? list.find((p) => p.id === periodId)
        : (defaultPeriod(list, isoDay(clock.now())) ?? undefined)
      if (periodId && !shown) throw notFound('Reporting period', periodId)
      const base = { periods: list.map(periodOut), periodId: shown?.id ?? null }
      if (!readable) return { ...base, reports: null, report: null, contributions: null }
      const { reports, current } = await reportsFor(actor, m, periods, rows, shown)
      const contributions = shown
        ? contributionsFor(actor, m, contributionRows ?? (await repo.contributions(db, m.id, shown.id)))
        : null
      return { ...base, reports, report: current, contributions }
    },

    /** Saves the lead executor's draft; the first save creates the report. */
    async saveDraft(actor: Actor, measureId: string, periodId: string, d: ReportDraft) {
      const [m, period, existing] = await allInOrder([
        strategy.visibleMeasure(actor, measureId),
        periodOrThrow(db, periodId),
        repo.report(db, measureId, periodId),
      ])
      const e = await requireReportRead(actor, m)
      const ctx = await contextFor(actor, db, e.leads, period, existing)
      refuseUnless((existing?.state ?? 'draft') as ReportState, 'edit', ctx)
      if (d.indicatorValues?.length) {
        const own = new Set((await strategyRepository.indicators(db, m.strategyId, m.id)).map((i) => i.id))
        const stray = d.indicatorValues.find((v) => !own.has(v.indicatorId))
        if (stray)
          throw new AppError(
            'VALIDATION_FAILED',
            `The indicator "${stray.indicatorId}" is not one of this measure's`,
          )
      }
      const now = clock.now()
      const result = await db.transaction(async (tx) => {
        let r =
          existing ??
          (await repo.insertReport(tx, {
            measureId,
            periodId,
            orgId: e.leads[0] as string,
            revision: 0,
            updatedBy: actor.userId,
          }))
        if (!r)
          throw new AppError(
            'CONFLICT',
            'Someone else started this report at the same moment; reload and try again',
          )
        if (existing && existing.revision !== d.revision)
          throw new AppError(
            'CONFLICT',
            'The report was changed by someone else since you opened it; reload to see their changes',
          )
        const set = {
          ...(d.reportedStatus !== undefined ? { reportedStatus: d.reportedStatus } : {}),
          ...(d.progress !== undefined ? { progress: d.progress } : {}),
          ...(d.workDone !== undefined ? { workDone: d.workDone } : {}),
          ...(d.problems !== undefined ? { problems: d.problems } : {}),
          ...(d.nextSteps !== undefined ? { nextSteps: d.nextSteps } : {}),
          revision: r.revision + 1,
          updatedAt: now,
          updatedBy: actor.userId,
        }
        // Before the update, which reads the report's values back; a refused update rolls them back.
        if (d.indicatorValues) await repo.setIndicatorValues(tx, r.id, d.indicatorValues)
        const u = await repo.updateReport(tx, r.id, r.revision, set)
        if (!u)
          throw new AppError(
            'CONFLICT',
            'The report was changed by someone else since you opened it; reload to see their changes',
          )
        r = u
        const saved = await writeRevision(tx, actor, u, 'saved', null)
        await audit.record(tx, actor, {
          action: 'report.saved',
          targetType: 'measure_report',
          targetId: r.id,
          data: { measure: m.code, period: period.label, revision: r.revision },
        })
        return saved
      })
      return changedOut(m, period, ctx, result)
    },

    async addEvidence(actor: Actor, reportId: string, input: EvidenceInput) {
      const { r, m, e, period } = await loadForAction(actor, reportId)
      const ctx = await contextFor(actor, db, e.leads, period, r)
      refuseUnless(r.state as ReportState, 'edit', ctx)
      const fields = await evidenceFields(actor, r.orgId, input)
      const saved = await db.transaction(async (tx) => {
        const ev = await repo.insertEvidence(tx, {
          reportId,
          orgId: r.orgId,
          addedBy: actor.userId,
          ...fields,
        })
        const u = await repo.updateReport(tx, r.id, r.revision, {
          revision: r.revision + 1,
          updatedAt: clock.now(),
          updatedBy: actor.userId,
        })
        if (!u)
          throw new AppError(
            'CONFLICT',
            'The report was changed by someone else since you opened it; reload to see their changes',
          )
        const written = await writeRevision(tx, actor, u, 'evidence_added', fields.title)
        await audit.record(tx, actor, {
          action: 'report.evidence_added',
          targetType: 'measure_report',
          targetId: r.id,
          data: { measure: m.code, kind: input.kind, evidenceId: ev.id },
        })
        return written
      })
      return changedOut(m, period, ctx, saved)
    },

    async removeEvidence(actor: Actor, reportId: string, evidenceId: string) {
      const { r, m, e, period } = await loadForAction(actor, reportId)
      const ctx = await contextFor(actor, db, e.leads, period, r)
      refuseUnless(r.state as ReportState, 'edit', ctx)
      const ev = await repo.evidenceById(db, evidenceId)
      if (!ev || ev.reportId !== reportId) throw notFound('Evidence', evidenceId)
      const saved = await db.transaction(async (tx) => {
        await repo.deleteEvidence(tx, evidenceId)
        const u = await repo.updateReport(tx, r.id, r.revision, {
          revision: r.revision + 1,
          updatedAt: clock.now(),
          updatedBy: actor.userId,
        })
        if (!u)
          throw new AppError(
            'CONFLICT',
            'The report was changed by someone else since you opened it; reload to see their changes',
          )
        const written = await writeRevision(tx, actor, u, 'evidence_removed', ev.title)
        await audit.record(tx, actor, {
          action: 'report.evidence_removed',
          targetType: 'measure_report',
          targetId: r.id,
          data: { measure: m.code, evidenceId },
        })
        return written
      })
      return changedOut(m, period, ctx, saved)
    },

    /** submit (the head), return with a comment or accept (the secretariat). */
    async act(actor: Actor, reportId: string, action: 'submit' | 'return' | 'accept', comment?: string) {
      // Who hears of a submission does not depend on the report: read beside it, not in the transaction.
      // (A settled promise: a query builder would run again each time it is awaited.)
      const secretariat =
        action === 'submit' ? Promise.resolve(repo.holders(db, null, ['secretariat'])) : null
      secretariat?.catch(() => {})
      const { r, m, e, period } = await loadForAction(actor, reportId)
      const ctx = await contextFor(actor, db, e.leads, period, r, comment)
      const t = refuseUnless(r.state as ReportState, action, ctx)
      const now = clock.now()
      const saved = await db.transaction(async (tx) => {
        const set =
          action === 'submit'
            ? {
                state: t.state,
                late: r.late || t.late,
                submittedAt: now,
                submittedBy: actor.userId,
                reviewComment: r.reviewComment,
              }
            : {
                state: t.state,
                reviewedAt: now,
                reviewedBy: actor.userId,
                reviewComment: action === 'return' ? (comment?.trim() ?? null) : r.reviewComment,
              }
        const u = await repo.updateReport(tx, r.id, r.revision, {
          ...set,
          revision: r.revision + 1,
          updatedAt: now,
        })
        if (!u)
          throw new AppError(
            'CONFLICT',
            'The report was changed by someone else since you opened it; reload to see their changes',
          )
        const written = await writeRevision(
          tx,
          actor,
          u,
          action === 'submit' ? 'submitted' : action === 'return' ? 'returned' : 'accepted',
          comment?.trim() || null,
        )
        if (action === 'accept') {
          // Accepted figures become the indicators' observed values for the period's year.
          for (const v of written.attached.values)
            await strategyRepository.insertIndicatorValue(tx, {
              indicatorId: v.indicatorId,
              year: Number(period.endsOn.slice(0, 4)),
              periodId: period.id,
              value: v.value,
              source: 'report',
              reportId: r.id,
            })
        }
        const link = `/plan/measures/${m.id}?period=${period.id}`
        if (action === 'submit') {
          await tell(
            tx,
            (await secretariat) ?? [],
            { kind: 'report_submitted', measure: m.code, period: period.label, late: u.late },
            link,
          )
        } else {
          const people = await repo.holders(tx, e.leads, ['focal_point', 'head'])
          await tell(
            tx,
            people,
            action === 'return'
              ? {
                  kind: 'report_returned',
                  measure: m.code,
                  period: period.label,
                  comment: comment?.trim() ?? '',
                }
              : { kind: 'report_accepted', measure: m.code, period: period.label },
            link,
          )
        }
        await audit.record(tx, actor, {
          action: `report.${action === 'submit' ? 'submitted' : action === 'return' ? 'returned' : 'accepted'}`,
          targetType: 'measure_report',
          targetId: r.id,
          data: { measure: m.code, period: period.label, late: u.late, from: r.state, to: u.state },
        })
        return written
      })
      return changedOut(m, period, ctx, saved)
    },

    async revisions(actor: Actor, reportId: string) {
      await loadForAction(actor, reportId)
      return (await repo.revisions(db, reportId)).map(({ r, actorName }) => ({
        revision: r.revision,
        action: r.action,
        state: r.state as ReportState,
        comment: r.comment,
        actorUserId: r.actorUserId,
        actorName,
        createdAt: r.createdAt.toISOString(),
        snapshot: r.snapshot,
      }))
    },

    async diff(actor: Actor, reportId: string, from: number, to: number) {
      await loadForAction(actor, reportId)
      const revs = await repo.revisions(db, reportId)
      // The last row of a revision number is its final content.
      const at = (n: number) => [...revs].reverse().find((x) => x.r.revision === n)?.r.snapshot
      const a = at(from)
      const b = at(to)
      if (!a) throw notFound('Revision', String(from))
      if (!b) throw notFound('Revision', String(to))
      return { from, to, changes: diffSnapshots(a, b) }
    },

    // ---- contributions ----

    async contributions(actor: Actor, measureId: string, periodId: string): Promise<Contribution[]> {
      const [m] = await allInOrder([strategy.visibleMeasure(actor, measureId), periodOrThrow(db, periodId)])
      await requireReportRead(actor, m)
      return contributionsFor(actor, m, await repo.contributions(db, m.id, periodId))
    },

    async saveContribution(
      actor: Actor,
      measureId: string,
      periodId: string,
      input: { text: string; submit: boolean; orgId?: string },
    ) {
      const m = await strategy.visibleMeasure(actor, measureId)
      const e = executorsOf(m)
      const orgId = input.orgId ?? e.others.find((o) => policy.can(actor, 'report.write', o))
      if (!orgId || !e.others.includes(orgId) || !policy.can(actor, 'report.write', orgId)) {
        await policy.require(actor, 'report.write', e.others[0] ?? m.id)
        throw new AppError('FORBIDDEN', 'Only a co-executor of the measure files a contribution')
      }
      const period = await periodOrThrow(db, periodId)
      const open =
        period.state === 'open' ||
        (period.state !== 'planned' && !!(await repo.exception(db, periodId, [orgId], isoDay(clock.now()))))
      if (!open)
        throw new AppError('PRECONDITION_FAILED', 'The reporting period is not open for contributions')
      const lead = await repo.report(db, measureId, periodId)
      if (lead?.state === 'accepted')
        throw new AppError('PRECONDITION_FAILED', 'The report has been accepted and is final')
      const now = clock.now()
      return db.transaction(async (tx) => {
        const c = await repo.upsertContribution(tx, {
          measureId,
          periodId,
          orgId,
          text: input.text,
          state: input.submit ? 'submitted' : 'draft',
          submittedAt: input.submit ? now : null,
          updatedBy: actor.userId,
          updatedAt: now,
        })
        await audit.record(tx, actor, {
          action: input.submit ? 'contribution.submitted' : 'contribution.saved',
          targetType: 'contribution',
          targetId: c.id,
          data: { measure: m.code, period: period.label },
        })
        return contributionOut(c, '', [])
      })
    },

    async addContributionEvidence(actor: Actor, contributionId: string, input: EvidenceInput) {
      const c = await repo.contributionById(db, contributionId)
      if (!c) throw notFound('Contribution', contributionId)
      await strategy.visibleMeasure(actor, c.measureId)
      if (!policy.can(actor, 'report.write', c.orgId)) {
        await policy.requireVisible(actor, 'report.write', c.orgId, 'Contribution', contributionId)
      }
      const fields = await evidenceFields(actor, c.orgId, input)
      return db.transaction(async (tx) => {
        const ev = await repo.insertEvidence(tx, {
          contributionId,
          orgId: c.orgId,
          addedBy: actor.userId,
          ...fields,
        })
        await audit.record(tx, actor, {
          action: 'contribution.evidence_added',
          targetType: 'contribution',
          targetId: contributionId,
          data: { evidenceId: ev.id, kind: input.kind },
        })
        return { ok: true as const }
      })
    },
  }

  /** A file must be one the organisation uploaded; links and legal acts carry their own fields. */
  async function evidenceFields(
    actor: Actor,
    orgId: string,
    input: EvidenceInput,
  ): Promise<Omit<typeof evidence.$inferInsert, 'orgId'>> {
    if (input.kind === 'file') {
      const f = await repo.fileById(db, input.fileId)
      if (!f || f.orgId !== orgId) throw notFound('File', input.fileId)
      return { kind: 'file', title: input.title || f.filename, fileId: f.id }
    }
    if (input.kind === 'link') return { kind: 'link', title: input.title, url: input.url }
    void actor
    return {
      kind: 'legal_act',
      title: input.title,
      actType: input.actType,
      actNumber: input.actNumber,
      actDate: input.actDate,
    }
  }
}

const contributionOut = (
  c: typeof contributions.$inferSelect,
  orgName: string,
  ev: Evidence[],
): Contribution => ({
  id: c.id,
  measureId: c.measureId,
  periodId: c.periodId,
  orgId: c.orgId,
  orgName,
  state: c.state as Contribution['state'],
  text: c.text,
  evidence: ev,
  submittedAt: c.submittedAt?.toISOString() ?? null,
  updatedAt: c.updatedAt.toISOString(),
})

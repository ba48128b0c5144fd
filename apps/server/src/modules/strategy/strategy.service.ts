import {
  type ChangeProposal,
  type ChangeRequest,
  type ChangeRequestInputSchema,
  type Clearance,
  type DecisionRefSchema,
  type ExecutorRole,
  type IndicatorInputSchema,
  type Measure,
  type MeasureInput,
  type MeasureListQuery,
  type MilestoneInput,
  parseDeadline,
  type StrategyInputSchema,
} from '@qalxan/contracts'
import type { z } from 'zod'
import type { indicators, milestones, strategies } from '../../db/schema/index.ts'
import type { Clock } from '../../platform/clock.ts'
import type { Database, Executor, Tx } from '../../platform/db.ts'
import { AppError, isUniqueViolation, notFound } from '../../platform/errors.ts'
import type { AccessPolicy } from '../access/access.policy.ts'
import type { Actor } from '../access/actor.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { measureSearchText, visibleLevels } from './strategy.fns.ts'
import {
  type ExecutorRow,
  type IndicatorValueRow,
  type MeasureRow,
  type MeasureWithExecutors,
  type MilestoneRow,
  strategyRepository as repo,
} from './strategy.repository.ts'

export const strategyOut = (s: typeof strategies.$inferSelect) => ({
  id: s.id,
  code: s.code,
  title: s.title,
  actType: s.actType,
  actNumber: s.actNumber,
  actDate: s.actDate,
  periodStart: s.periodStart,
  periodEnd: s.periodEnd,
  baselineVersion: s.baselineVersion,
  createdAt: s.createdAt.toISOString(),
})

export const measureOut = (m: MeasureRow, execs: ExecutorRow[]): Measure => ({
  id: m.id,
  strategyId: m.strategyId,
  goalId: m.goalId,
  goalCode: m.goalCode,
  directionId: m.directionId,
  directionCode: m.directionCode,
  code: m.code,
  title: m.title,
  description: { az: '', ...m.description },
  expectedResult: { az: '', ...m.expectedResult },
  outputType: m.outputType as Measure['outputType'],
  deadline: {
    kind: m.deadlineKind as Measure['deadline']['kind'],
    value: m.deadlineValue,
    start: m.deadlineStart,
    end: m.deadlineEnd,
  },
  originalDeadline: m.originalDeadline,
  weight: m.weight,
  confidentiality: m.confidentiality as Clearance,
  frameworkTags: m.frameworkTags,
  state: m.state as Measure['state'],
  executors: execs
    .filter((e) => e.measureId === m.id)
    .map((e) => ({ orgId: e.orgId, role: e.role as ExecutorRole, code: e.code, name: e.name })),
  updatedAt: m.updatedAt.toISOString(),
})

const milestoneOut = (m: MilestoneRow) => ({
  id: m.id,
  measureId: m.measureId,
  title: m.title,
  originalPlannedDate: m.originalPlannedDate,
  plannedDate: m.plannedDate,
  actualDate: m.actualDate,
  stage: m.stage as 'draft' | 'agreed' | 'submitted' | 'adopted' | null,
  actType: m.actType,
  actNumber: m.actNumber,
  actDate: m.actDate,
  position: m.position,
})

const indicatorOut = (i: typeof indicators.$inferSelect, values: IndicatorValueRow[]) => ({
  id: i.id,
  strategyId: i.strategyId,
  measureId: i.measureId,
  code: i.code,
  name: i.name,
  unit: i.unit,
  baseline: i.baseline,
  baselineYear: i.baselineYear,
  direction: i.direction as 'up' | 'down',
  targets: i.targets,
  values: values
    .filter((v) => v.indicatorId === i.id)
    .map((v) => ({
      year: v.year,
      periodLabel: null,
      value: v.value,
      source: v.source as 'report' | 'secretariat' | 'data',
    })),
})

/** The fields of a measure that only a change request may change, as they stand. */
const baselineFields = (m: Measure) => ({
  deadline: m.deadline.value,
  leadExecutors: m.executors.filter((e) => e.role === 'lead').map((e) => e.code),
  coExecutors: m.executors.filter((e) => e.role === 'co').map((e) => e.code),
  recommended: m.executors.filter((e) => e.role === 'recommended').map((e) => e.code),
  title: m.title,
  description: m.description,
  expectedResult: m.expectedResult,
  outputType: m.outputType,
  state: m.state,
})

export type StrategyService = ReturnType<typeof createStrategyService>

export const createStrategyService = (deps: {
  database: Database
  clock: Clock
  audit: AuditService
  policy: AccessPolicy
  /** Looks up a decision recorded in the portal (coordination), for a change request that cites one. */
  decisionRef?: (
    ex: Executor,
    id: string,
  ) => Promise<{ decisionId: string; body: string; number: string; date: string } | null>
}) => {
  const { database, clock, audit, policy } = deps
  const db = database.db

  const strategyOrThrow = async (ex: Executor, id: string) => {
    const s = await repo.strategyById(ex, id)
    if (!s) throw notFound('Strategy', id)
    return s
  }

  /** A measure the actor's clearance opens; any other answers as if it did not exist. */
  const visibleMeasure = async (actor: Actor, id: string, ex: Executor = db) => {
    await policy.require(actor, 'plan.read')
    return refuseUnseen(actor, id, await repo.measureById(ex, id))
  }
  /** The measure of a report, if the actor's clearance opens it (the caller has found the report). */
  const visibleMeasureOfReport = async (actor: Actor, reportId: string, ex: Executor = db) => {
    await policy.require(actor, 'plan.read')
    const m = await repo.measureOfReport(ex, reportId)
    return refuseUnseen(actor, m?.id ?? reportId, m)
  }
  const refuseUnseen = async <M extends MeasureRow>(actor: Actor, id: string, m: M | null) => {
    if (!m) throw notFound('Measure', id)
    if (!policy.clearanceAllows(actor, m.confidentiality as Clearance)) {
      await audit.recordAlone(actor, {
        action: 'access.denied',
        outcome: 'denied',
        targetType: 'measure',
        targetId: id,
        data: { reason: 'clearance', needed: m.confidentiality },
      })
      throw notFound('Measure', id)
    }
    return m
  }

  const fullMeasure = (m: MeasureWithExecutors) => measureOut(m, m.executors)

  /** A visible measure with its milestones and indicators, read in one statement. */
  const visibleMeasureDetail = async (actor: Actor, id: string) => {
    await policy.require(actor, 'plan.read')
    const m = await refuseUnseen(actor, id, await repo.measureDetailById(db, id))
    return {
      m,
      detail: {
        measure: measureOut(m, m.executors),
        milestones: m.milestones.map(milestoneOut),
        indicators: m.indicators.map((i) => indicatorOut(i, i.values)),
      },
    }
  }

  /** Organisation codes → ids, with one problem per unknown code. */
  const resolveOrgs = async (ex: Executor, codes: string[]) => {
    const found = await repo.orgsByCodes(ex, [...new Set(codes)])
    const byCode = new Map(found.map((o) => [o.code, o.id]))
    return { byCode, unknown: codes.filter((c) => !byCode.has(c)) }
  }

  const executorRows = (
    byCode: Map<string, string>,
    e: { leadExecutors: string[]; coExecutors: string[]; recommended: string[] },
  ) => {
    const seen = new Set<string>()
    const rows: { orgId: string; role: ExecutorRole }[] = []
    const add = (codes: string[], role: ExecutorRole) => {
      for (const c of codes) {
        const id = byCode.get(c)
        if (!id) continue
        if (seen.has(id))
          throw new AppError(
            'VALIDATION_FAILED',
            `The organisation "${c}" is named twice among the executors`,
          )
        seen.add(id)
        rows.push({ orgId: id, role })
      }
    }
    add(e.leadExecutors, 'lead')
    add(e.coExecutors, 'co')
    add(e.recommended, 'recommended')
    return rows
  }

  /** The whole plan as it stands, for versions and exports. */
  const snapshot = async (ex: Executor, strategyId: string) => {
    const s = await strategyOrThrow(ex, strategyId)
    const ms = await repo.allMeasures(ex, strategyId)
    const execs = await repo.executors(
      ex,
      ms.map((m) => m.id),
    )
    return {
      strategy: strategyOut(s),
      directions: (await repo.directions(ex, strategyId)).map((d) => ({ code: d.code, title: d.title })),
      goals: (await repo.goals(ex, strategyId)).map((g) => ({
        code: g.code,
        directionId: g.directionId,
        title: g.title,
      })),
      measures: ms.map((m) => {
        const o = measureOut(m, execs)
        return {
          code: o.code,
          goalCode: o.goalCode,
          weight: o.weight,
          confidentiality: o.confidentiality,
          ...baselineFields(o),
        }
      }),
    }
  }

  const insertMeasure = async (tx: Tx, strategyId: string, input: MeasureInput, position: number) => {
    const s = await strategyOrThrow(tx, strategyId)
    const goal = (await repo.goals(tx, strategyId)).find((g) => g.code === input.goalCode)
    if (!goal)
      throw new AppError('VALIDATION_FAILED', `No goal "${input.goalCode}" in this strategy`, [
        { path: 'body.goalCode', message: `No goal "${input.goalCode}"` },
      ])
    const { byCode, unknown } = await resolveOrgs(tx, [
      ...input.leadExecutors,
      ...input.coExecutors,
      ...input.recommended,
    ])
    if (unknown.length)
      throw new AppError(
        'VALIDATION_FAILED',
        `No organisation "${unknown[0]}"`,
        unknown.map((c) => ({ path: 'body.executors', message: `No organisation "${c}"` })),
      )
    const dl = parseDeadline(input.deadline, `${s.periodStart}-01-01`)
    if (!dl) throw new AppError('VALIDATION_FAILED', `The deadline "${input.deadline}" cannot be read`)
    const m = await repo.insertMeasure(tx, {
      strategyId,
      goalId: goal.id,
      code: input.code,
      title: input.title,
      description: input.description,
      expectedResult: input.expectedResult,
      outputType: input.outputType,
      deadlineKind: dl.kind,
      deadlineValue: dl.value,
      deadlineStart: dl.start,
      deadlineEnd: dl.end,
      originalDeadline: dl.value,
      weight: input.weight,
      confidentiality: input.confidentiality,
      frameworkTags: input.frameworkTags,
      position,
      searchText: measureSearchText(input.code, input.title, input.description),
    })
    await repo.setExecutors(tx, m.id, executorRows(byCode, input))
    return m
  }

  return {
    visibleMeasure,
    visibleMeasureOfReport,
    visibleMeasureDetail,
    snapshot,
    insertMeasure,

    async strategies(actor: Actor) {
      await policy.require(actor, 'plan.read')
      return (await repo.strategies(db)).map(strategyOut)
    },

    async createStrategy(actor: Actor, input: z.infer<typeof StrategyInputSchema>) {
      await policy.require(actor, 'plan.manage')
      if (input.periodEnd < input.periodStart)
        throw new AppError('VALIDATION_FAILED', 'The strategy period ends before it starts')
      try {
        return await db.transaction(async (tx) => {
          const s = await repo.insertStrategy(tx, input)
          await audit.record(tx, actor, {
            action: 'strategy.created',
            targetType: 'strategy',
            targetId: s.id,
            data: { code: s.code },
          })
          return strategyOut(s)
        })
      } catch (err) {
        if (isUniqueViolation(err))
          throw new AppError('CONFLICT', `A strategy with code "${input.code}" already exists`)
        throw err
      }
    },

    async plan(actor: Actor, strategyId: string) {
      await policy.require(actor, 'plan.read')
      const s = await strategyOrThrow(db, strategyId)
      const [dirs, gs, counts] = await Promise.all([
        repo.directions(db, strategyId),
        repo.goals(db, strategyId),
        repo.measureCounts(db, strategyId, visibleLevels(actor.clearance)),
      ])
      return {
        strategy: strategyOut(s),
        directions: dirs.map((d) => ({
          id: d.id,
          strategyId: d.strategyId,
          code: d.code,
          title: d.title,
          position: d.position,
          goals: gs
            .filter((g) => g.directionId === d.id)
            .map((g) => ({
              id: g.id,
              directionId: g.directionId,
              code: g.code,
              title: g.title,
              position: g.position,
              measureCount: counts.get(g.id) ?? 0,
            })),
        })),
      }
    },

    async createDirection(actor: Actor, strategyId: string, input: { code: string; title: { az: string } }) {
      await policy.require(actor, 'plan.manage')
      await strategyOrThrow(db, strategyId)
      try {
        return await db.transaction(async (tx) => {
          const position = (await repo.directions(tx, strategyId)).length
          const d = await repo.insertDirection(tx, {
            strategyId,
            code: input.code,
            title: input.title,
            position,
          })
          await audit.record(tx, actor, {
            action: 'direction.created',
            targetType: 'direction',
            targetId: d.id,
            data: { code: d.code },
          })
          return { id: d.id, strategyId, code: d.code, title: d.title, position: d.position }
        })
      } catch (err) {
        if (isUniqueViolation(err))
          throw new AppError('CONFLICT', `A direction with code "${input.code}" already exists`)
        throw err
      }
    },

    async createGoal(
      actor: Actor,
      strategyId: string,
      input: { directionId: string; code: string; title: { az: string } },
    ) {
      await policy.require(actor, 'plan.manage')
      const dirs = await repo.directions(db, strategyId)
      if (!dirs.some((d) => d.id === input.directionId))
        throw new AppError('VALIDATION_FAILED', `No direction "${input.directionId}" in this strategy`)
      try {
        return await db.transaction(async (tx) => {
          const position = (await repo.goals(tx, strategyId)).length
          const g = await repo.insertGoal(tx, { strategyId, ...input, position })
          await audit.record(tx, actor, {
            action: 'goal.created',
            targetType: 'goal',
            targetId: g.id,
            data: { code: g.code },
          })
          return { id: g.id, directionId: g.directionId, code: g.code, title: g.title, position: g.position }
        })
      } catch (err) {
        if (isUniqueViolation(err))
          throw new AppError('CONFLICT', `A goal with code "${input.code}" already exists`)
        throw err
      }
    },

    async listMeasures(actor: Actor, strategyId: string, q: MeasureListQuery) {
      await policy.require(actor, 'plan.read')
      const r = await repo.listMeasures(db, strategyId, q, visibleLevels(actor.clearance))
      // An empty page may be a strategy that does not exist: only then is that looked up.
      if (r.items.length === 0) await strategyOrThrow(db, strategyId)
      return { items: r.items.map((m) => measureOut(m, m.executors)), total: r.total }
    },

    async measure(actor: Actor, id: string) {
      return (await visibleMeasureDetail(actor, id)).detail
    },

    async createMeasure(actor: Actor, strategyId: string, input: MeasureInput) {
      await policy.require(actor, 'plan.manage')
      try {
        return await db.transaction(async (tx) => {
          const position = (await repo.allMeasures(tx, strategyId)).length
          const m = await insertMeasure(tx, strategyId, input, position)
          await audit.record(tx, actor, {
            action: 'measure.created',
            targetType: 'measure',
            targetId: m.id,
            data: { code: m.code },
          })
          const row = await repo.measureById(tx, m.id)
          return fullMeasure(row as MeasureWithExecutors)
        })
      } catch (err) {
        if (isUniqueViolation(err))
          throw new AppError('CONFLICT', `A measure with code "${input.code}" already exists`)
        throw err
      }
    },

    /** Weight, confidentiality and framework tags: not part of the approved baseline. */
    async updateMeasureAttributes(
      actor: Actor,
      id: string,
      input: { weight?: number; confidentiality?: Clearance; frameworkTags?: string[] },
    ) {
      await policy.require(actor, 'plan.manage')
      const m = await visibleMeasure(actor, id)
      return db.transaction(async (tx) => {
        await repo.updateMeasure(tx, id, { ...input, updatedAt: clock.now() })
        await audit.record(tx, actor, {
          action: 'measure.updated',
          targetType: 'measure',
          targetId: id,
          data: {
            code: m.code,
            before: { weight: m.weight, confidentiality: m.confidentiality, frameworkTags: m.frameworkTags },
            after: input,
          },
        })
        return fullMeasure((await repo.measureById(tx, id)) as MeasureWithExecutors)
      })
    },

    async addMilestone(actor: Actor, measureId: string, input: MilestoneInput) {
      await policy.require(actor, 'plan.manage')
      await visibleMeasure(actor, measureId)
      return db.transaction(async (tx) => {
        const position = (await repo.milestones(tx, [measureId])).length
        const m = await repo.insertMilestone(tx, {
          measureId,
          ...input,
          originalPlannedDate: input.plannedDate,
          position,
        })
        await audit.record(tx, actor, {
          action: 'milestone.created',
          targetType: 'milestone',
          targetId: m.id,
          data: { measureId },
        })
        return milestoneOut(m)
      })
    },

    /**
     * The secretariat revises any field (the first planned date is kept); the lead executor records
     * progress: the actual date and the stage of a normative act, with its type, number and date.
     */
    async updateMilestone(actor: Actor, id: string, input: Partial<MilestoneInput>) {
      const ms = await repo.milestoneById(db, id)
      if (!ms) throw notFound('Milestone', id)
      const m = await visibleMeasure(actor, ms.measureId)
      const manager = policy.can(actor, 'plan.manage')
      if (!manager) {
        const leads = m.executors.filter((e) => e.role === 'lead').map((e) => e.orgId)
        if (!leads.some((o) => policy.can(actor, 'report.write', o)))
          await policy.require(actor, 'plan.manage')
        if (input.title !== undefined || input.plannedDate !== undefined)
          throw new AppError(
            'FORBIDDEN',
            'Only the secretariat changes the title or the planned date of a milestone',
          )
      }
      const next = { ...milestoneOut(ms), ...input }
      if (next.stage === 'adopted' && !(next.actType && next.actNumber && next.actDate))
        throw new AppError('VALIDATION_FAILED', 'An adopted act needs its type, number and date')
      return db.transaction(async (tx) => {
        const u = await repo.updateMilestone(tx, id, { ...input, updatedAt: clock.now() })
        await audit.record(tx, actor, {
          action: 'milestone.updated',
          targetType: 'milestone',
          targetId: id,
          data: { measureId: ms.measureId, before: milestoneOut(ms), after: input },
        })
        return milestoneOut(u as typeof milestones.$inferSelect)
      })
    },

    async indicators(actor: Actor, strategyId: string) {
      await policy.require(actor, 'plan.read')
      await strategyOrThrow(db, strategyId)
      const inds = await repo.indicators(db, strategyId, null)
      const values = await repo.indicatorValues(
        db,
        inds.map((i) => i.id),
      )
      return inds.map((i) => indicatorOut(i, values))
    },

    async addIndicator(
      actor: Actor,
      strategyId: string,
      input: z.infer<typeof IndicatorInputSchema> & { measureId?: string | null },
    ) {
      await policy.require(actor, 'plan.manage')
      await strategyOrThrow(db, strategyId)
      if (input.measureId) await visibleMeasure(actor, input.measureId)
      const years = input.targets.map((t) => t.year)
      if (new Set(years).size !== years.length)
        throw new AppError('VALIDATION_FAILED', 'Give each year one target only')
      try {
        return await db.transaction(async (tx) => {
          const i = await repo.insertIndicator(tx, {
            strategyId,
            ...input,
            measureId: input.measureId ?? null,
          })
          await audit.record(tx, actor, {
            action: 'indicator.created',
            targetType: 'indicator',
            targetId: i.id,
            data: { code: i.code },
          })
          return indicatorOut(i, [])
        })
      } catch (err) {
        if (isUniqueViolation(err))
          throw new AppError('CONFLICT', `An indicator with code "${input.code}" already exists`)
        throw err
      }
    },

    async recordIndicatorValue(
      actor: Actor,
      strategyId: string,
      indicatorId: string,
      v: { year: number; value: number },
    ) {
      await policy.require(actor, 'plan.manage')
      const ind = (await repo.indicators(db, strategyId)).find((i) => i.id === indicatorId)
      if (!ind) throw notFound('Indicator', indicatorId)
      return db.transaction(async (tx) => {
        await repo.insertIndicatorValue(tx, {
          indicatorId,
          year: v.year,
          value: v.value,
          source: 'secretariat',
        })
        await audit.record(tx, actor, {
          action: 'indicator.value_recorded',
          targetType: 'indicator',
          targetId: indicatorId,
          data: v,
        })
        return { ok: true as const }
      })
    },

    // ---- baselines and change requests ----

    /** Freezes the plan as it stands as baseline v1 (the approved plan). */
    async approveBaseline(actor: Actor, strategyId: string, note: string, tx?: Tx) {
      await policy.require(actor, 'plan.manage')
      const run = async (t: Tx) => {
        if (await repo.version(t, strategyId, 1))
          throw new AppError('CONFLICT', 'The approved plan has already been frozen as baseline v1')
        await repo.insertVersion(t, {
          strategyId,
          version: 1,
          note,
          snapshot: await snapshot(t, strategyId),
          createdBy: actor.userId === 'system' ? null : actor.userId,
        })
        await repo.setBaseline(t, strategyId, 1)
        await audit.record(t, actor, {
          action: 'plan.baseline_approved',
          targetType: 'strategy',
          targetId: strategyId,
          data: { version: 1 },
        })
        return { version: 1 }
      }
      return tx ? run(tx) : db.transaction(run)
    },

    async versions(actor: Actor, strategyId: string) {
      await policy.require(actor, 'plan.read')
      await strategyOrThrow(db, strategyId)
      return (await repo.versions(db, strategyId)).map((v) => ({
        version: v.version,
        note: v.note,
        decision: v.decision,
        changeRequestId: v.changeRequestId,
        createdAt: v.createdAt.toISOString(),
      }))
    },

    async version(actor: Actor, strategyId: string, version: number) {
      await policy.require(actor, 'plan.read')
      const v = await repo.version(db, strategyId, version)
      if (!v) throw notFound('Plan version', String(version))
      const snap = v.snapshot as { measures?: { confidentiality: Clearance }[] }
      // A version shows only the measures the reader's clearance opens.
      return {
        version: v.version,
        note: v.note,
        createdAt: v.createdAt.toISOString(),
        snapshot: {
          ...snap,
          measures: (snap.measures ?? []).filter((m) => policy.clearanceAllows(actor, m.confidentiality)),
        },
      }
    },

    async changeRequests(actor: Actor, strategyId: string, measureId?: string) {
      await policy.require(actor, 'plan.read')
      if (measureId) await visibleMeasure(actor, measureId)
      const rows = await repo.changeRequests(db, strategyId, measureId)
      const levels = new Set(visibleLevels(actor.clearance))
      return rows.filter((r) => levels.has(r.confidentiality as Clearance)).map(changeOut)
    },
    /** A measure's change requests, by its id alone (the caller has checked that the reader sees it). */
    changeRequestsFor: async (measureId: string) =>
      (await repo.changeRequestsOfMeasure(db, measureId)).map(changeOut),

    async proposeChange(actor: Actor, input: z.infer<typeof ChangeRequestInputSchema>) {
      await policy.require(actor, 'plan.manage')
      const m = await visibleMeasure(actor, input.measureId)
      const p = input.proposed
      const needs: Record<string, (keyof ChangeProposal)[]> = {
        deadline: ['deadline'],
        executor: ['leadExecutors', 'coExecutors', 'recommended'],
        scope: ['title', 'description', 'expectedResult', 'outputType'],
        cancel: [],
      }
      const allowed = needs[input.kind] ?? []
      const given = Object.keys(p).filter((k) => p[k as keyof ChangeProposal] !== undefined)
      if (input.kind !== 'cancel' && !given.some((k) => allowed.includes(k as keyof ChangeProposal)))
        throw new AppError(
          'VALIDATION_FAILED',
          'The change request must propose a new value for what it changes',
        )
      const stray = given.filter((k) => !allowed.includes(k as keyof ChangeProposal))
      if (stray.length)
        throw new AppError(
          'VALIDATION_FAILED',
          `A change request of this kind cannot also change "${stray[0]}"`,
        )
      if (input.kind === 'executor') {
        const { unknown } = await resolveOrgs(db, [
          ...(p.leadExecutors ?? []),
          ...(p.coExecutors ?? []),
          ...(p.recommended ?? []),
        ])
        if (unknown.length) throw new AppError('VALIDATION_FAILED', `No organisation "${unknown[0]}"`)
      }
      const current = baselineFields(fullMeasure(m))
      return db.transaction(async (tx) => {
        const c = await repo.insertChangeRequest(tx, {
          strategyId: m.strategyId,
          measureId: m.id,
          kind: input.kind,
          proposed: p,
          current,
          justification: input.justification,
          createdBy: actor.userId,
        })
        await audit.record(tx, actor, {
          action: 'change_request.created',
          targetType: 'change_request',
          targetId: c.id,
          data: { measure: m.code, kind: c.kind },
        })
        return changeOut({ c, measureCode: m.code })
      })
    },

    /**
     * Approval cites the Commission's decision, applies the change to the measure and freezes a
     * new baseline; rejection records the decision and changes nothing else.
     */
    async decideChange(
      actor: Actor,
      id: string,
      input: { approve: boolean; decision: z.infer<typeof DecisionRefSchema> },
    ) {
      await policy.require(actor, 'plan.manage')
      const found = await repo.changeRequestById(db, id)
      if (!found) throw notFound('Change request', id)
      const m = await visibleMeasure(actor, found.c.measureId)
      if (found.c.state !== 'proposed')
        throw new AppError('CONFLICT', 'This change request has already been decided')
      const s = await strategyOrThrow(db, m.strategyId)
      if (!(await repo.version(db, s.id, 1)))
        throw new AppError(
          'PRECONDITION_FAILED',
          'Freeze the approved plan as baseline v1 before changing it',
        )
      const p = found.c.proposed
      const cited = input.decision.decisionId
        ? await deps.decisionRef?.(db, input.decision.decisionId)
        : input.decision
      if (!cited) throw notFound('Decision', input.decision.decisionId as string)
      return db.transaction(async (tx) => {
        const version = input.approve ? s.baselineVersion + 1 : null
        const c = await repo.decideChangeRequest(tx, id, {
          state: input.approve ? 'approved' : 'rejected',
          decision: cited,
          decidedBy: actor.userId,
          decidedAt: clock.now(),
          resultingVersion: version,
        })
        if (!c) throw new AppError('CONFLICT', 'This change request has already been decided')
        if (input.approve && version) {
          const set: Parameters<typeof repo.updateMeasure>[2] = { updatedAt: clock.now() }
          if (p.deadline) {
            const dl = parseDeadline(p.deadline, `${s.periodStart}-01-01`)
            if (dl)
              Object.assign(set, {
                deadlineKind: dl.kind,
                deadlineValue: dl.value,
                deadlineStart: dl.start,
                deadlineEnd: dl.end,
              })
          }
          if (p.title) set.title = p.title
          if (p.description) set.description = p.description
          if (p.expectedResult) set.expectedResult = p.expectedResult
          if (p.outputType) set.outputType = p.outputType
          if (found.c.kind === 'cancel') set.state = 'cancelled'
          if (p.title || p.description)
            set.searchText = measureSearchText(m.code, p.title ?? m.title, p.description ?? m.description)
          await repo.updateMeasure(tx, m.id, set)
          if (found.c.kind === 'executor') {
            const cur = baselineFields(fullMeasure(m))
            const next = {
              leadExecutors: p.leadExecutors ?? cur.leadExecutors,
              coExecutors: p.coExecutors ?? cur.coExecutors,
              recommended: p.recommended ?? cur.recommended,
            }
            const { byCode, unknown } = await resolveOrgs(tx, [
              ...next.leadExecutors,
              ...next.coExecutors,
              ...next.recommended,
            ])
            if (unknown.length) throw new AppError('VALIDATION_FAILED', `No organisation "${unknown[0]}"`)
            await repo.setExecutors(tx, m.id, executorRows(byCode, next))
          }
          await repo.insertVersion(tx, {
            strategyId: s.id,
            version,
            note: `${found.c.kind} change of ${m.code}`,
            decision: cited,
            changeRequestId: id,
            snapshot: await snapshot(tx, s.id),
            createdBy: actor.userId,
          })
          await repo.setBaseline(tx, s.id, version)
        }
        await audit.record(tx, actor, {
          action: input.approve ? 'change_request.approved' : 'change_request.rejected',
          targetType: 'change_request',
          targetId: id,
          data: { measure: m.code, decision: cited, version },
        })
        return changeOut({ c, measureCode: m.code })
      })
    },
  }
}

const changeOut = (r: {
  c: {
    id: string
    strategyId: string
    measureId: string
    kind: string
    proposed: ChangeProposal
    current: Record<string, unknown>
    justification: string
    state: string
    decision: { body: string; number: string; date: string } | null
    resultingVersion: number | null
    createdAt: Date
    decidedAt: Date | null
  }
  measureCode: string
}): ChangeRequest => ({
  id: r.c.id,
  strategyId: r.c.strategyId,
  measureId: r.c.measureId,
  measureCode: r.measureCode,
  kind: r.c.kind as ChangeRequest['kind'],
  proposed: r.c.proposed,
  current: r.c.current,
  justification: r.c.justification,
  state: r.c.state as ChangeRequest['state'],
  decision: r.c.decision,
  resultingVersion: r.c.resultingVersion,
  createdAt: r.c.createdAt.toISOString(),
  decidedAt: r.c.decidedAt?.toISOString() ?? null,
})

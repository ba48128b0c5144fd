import type { Locale, MeasureListQuery } from '@qalxan/contracts'
import type { Clock } from '../../platform/clock.ts'
import type { Database } from '../../platform/db.ts'
import { AppError, notFound } from '../../platform/errors.ts'
import type { AccessPolicy } from '../access/access.policy.ts'
import type { Actor } from '../access/actor.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { listWorkbook, type PlanData } from './plan-xlsx.fns.ts'
import { type PlanIssue, parsePlanWorkbook } from './plan-xlsx.read.ts'
import { planTemplate, planWorkbook } from './plan-xlsx.write.ts'
import { strategyRepository as repo } from './strategy.repository.ts'
import type { StrategyService } from './strategy.service.ts'

export type PlanImportReport = {
  dryRun: boolean
  written: boolean
  counts: { directions: number; goals: number; measures: number; indicators: number }
  issues: PlanIssue[]
}

export type PlanImportService = ReturnType<typeof createPlanImportService>

/**
 * The Action Plan in and out of XLSX. An import is checked whole first (every sheet, row and
 * column problem reported); a real run writes everything in one transaction or nothing. Once the
 * approved plan is frozen as baseline v1, it changes only through change requests.
 */
export const createPlanImportService = (deps: {
  database: Database
  clock: Clock
  audit: AuditService
  policy: AccessPolicy
  strategy: Pick<StrategyService, 'insertMeasure' | 'snapshot' | 'listMeasures'>
}) => {
  const { database, audit, policy, strategy } = deps
  const db = database.db

  const strategyOrThrow = async (id: string) => {
    const s = await repo.strategyById(db, id)
    if (!s) throw notFound('Strategy', id)
    return s
  }

  /** The plan as it stands, in the import format (for the round trip). */
  const currentPlan = async (strategyId: string): Promise<PlanData> => {
    const dirs = await repo.directions(db, strategyId)
    const goals = await repo.goals(db, strategyId)
    const ms = await repo.allMeasures(db, strategyId)
    const execs = await repo.executors(
      db,
      ms.map((m) => m.id),
    )
    const inds = await repo.indicators(db, strategyId)
    const codeOf = new Map(ms.map((m) => [m.id, m.code]))
    const dirCode = new Map(dirs.map((d) => [d.id, d.code]))
    const of = (id: string, role: string) =>
      execs.filter((e) => e.measureId === id && e.role === role).map((e) => e.code)
    return {
      directions: dirs.map((d) => ({ code: d.code, title: d.title })),
      goals: goals.map((g) => ({
        code: g.code,
        directionCode: dirCode.get(g.directionId) as string,
        title: g.title,
      })),
      measures: ms.map((m) => ({
        goalCode: m.goalCode,
        code: m.code,
        title: m.title,
        description: { az: '', ...m.description },
        expectedResult: { az: '', ...m.expectedResult },
        outputType: m.outputType as PlanData['measures'][number]['outputType'],
        deadline: m.deadlineValue,
        weight: m.weight,
        confidentiality: m.confidentiality as PlanData['measures'][number]['confidentiality'],
        frameworkTags: m.frameworkTags,
        leadExecutors: of(m.id, 'lead'),
        coExecutors: of(m.id, 'co'),
        recommended: of(m.id, 'recommended'),
      })),
      indicators: inds.map((i) => ({
        code: i.code,
        measureCode: i.measureId ? (codeOf.get(i.measureId) ?? null) : null,
        name: i.name,
        unit: i.unit,
        baseline: i.baseline,
        baselineYear: i.baselineYear,
        direction: i.direction as 'up' | 'down',
        targets: i.targets,
      })),
    }
  }

  return {
    async template(actor: Actor, locale: Locale) {
      await policy.require(actor, 'plan.manage')
      return planTemplate(locale)
    },

    async exportPlan(actor: Actor, strategyId: string, locale: Locale) {
      await policy.require(actor, 'plan.manage')
      await strategyOrThrow(strategyId)
      return planWorkbook(await currentPlan(strategyId), locale)
    },

    /** Any filtered measure list as a spreadsheet, with what the reader may see. */
    async exportMeasures(actor: Actor, strategyId: string, q: MeasureListQuery, locale: Locale) {
      const page = await strategy.listMeasures(actor, strategyId, { ...q, limit: 500, offset: 0 })
      const t = (x: { az: string; en?: string; ru?: string }) =>
        locale === 'az' ? x.az : (x[locale] ?? x.az)
      return listWorkbook(
        'Measures',
        [
          { key: 'code', header: 'code' },
          { key: 'direction', header: 'direction' },
          { key: 'goal', header: 'goal' },
          { key: 'title', header: 'title' },
          { key: 'outputType', header: 'output_type' },
          { key: 'deadline', header: 'deadline' },
          { key: 'originalDeadline', header: 'original_deadline' },
          { key: 'lead', header: 'lead_executors' },
          { key: 'co', header: 'co_executors' },
          { key: 'recommended', header: 'recommended' },
          { key: 'weight', header: 'weight' },
          { key: 'confidentiality', header: 'confidentiality' },
        ],
        page.items.map((m) => ({
          code: m.code,
          direction: m.directionCode,
          goal: m.goalCode,
          title: t(m.title),
          outputType: m.outputType,
          deadline: m.deadline.value,
          originalDeadline: m.originalDeadline,
          lead: m.executors
            .filter((e) => e.role === 'lead')
            .map((e) => e.code)
            .join('; '),
          co: m.executors
            .filter((e) => e.role === 'co')
            .map((e) => e.code)
            .join('; '),
          recommended: m.executors
            .filter((e) => e.role === 'recommended')
            .map((e) => e.code)
            .join('; '),
          weight: m.weight,
          confidentiality: m.confidentiality,
        })),
      )
    },

    async importPlan(
      actor: Actor,
      strategyId: string,
      buf: Buffer,
      dryRun: boolean,
    ): Promise<PlanImportReport> {
      await policy.require(actor, 'plan.manage')
      const s = await strategyOrThrow(strategyId)
      if (await repo.version(db, strategyId, 1))
        throw new AppError(
          'PRECONDITION_FAILED',
          'The approved plan is frozen as baseline v1; change it through change requests',
        )
      const orgs = await db.query.organizations.findMany({ columns: { code: true } })
      const existing = await repo.allMeasures(db, strategyId)
      const { plan, issues } = await parsePlanWorkbook(buf, {
        orgCodes: new Set(orgs.map((o) => o.code)),
        existingMeasureCodes: new Set(existing.map((m) => m.code)),
      })
      const counts = {
        directions: plan.directions.length,
        goals: plan.goals.length,
        measures: plan.measures.length,
        indicators: plan.indicators.length,
      }
      const report: PlanImportReport = { dryRun, written: false, counts, issues }
      if (dryRun) return report
      if (issues.length)
        throw new AppError(
          'VALIDATION_FAILED',
          'The import was refused, nothing was written: fix the problems listed',
          report,
        )
      await db.transaction(async (tx) => {
        const dirs = new Map((await repo.directions(tx, strategyId)).map((d) => [d.code, d.id]))
        let pos = dirs.size
        for (const d of plan.directions)
          if (!dirs.has(d.code))
            dirs.set(
              d.code,
              (await repo.insertDirection(tx, { strategyId, code: d.code, title: d.title, position: pos++ }))
                .id,
            )
        const goals = new Set((await repo.goals(tx, strategyId)).map((g) => g.code))
        pos = goals.size
        for (const g of plan.goals)
          if (!goals.has(g.code))
            await repo.insertGoal(tx, {
              strategyId,
              directionId: dirs.get(g.directionCode) as string,
              code: g.code,
              title: g.title,
              position: pos++,
            })
        const ids = new Map<string, string>()
        pos = existing.length
        for (const m of plan.measures)
          ids.set(m.code, (await strategy.insertMeasure(tx, strategyId, m, pos++)).id)
        for (const i of plan.indicators) {
          const { measureCode, ...rest } = i
          await repo.insertIndicator(tx, {
            strategyId,
            ...rest,
            measureId: measureCode ? (ids.get(measureCode) ?? null) : null,
          })
        }
        await audit.record(tx, actor, {
          action: 'plan.imported',
          targetType: 'strategy',
          targetId: strategyId,
          data: { code: s.code, ...counts },
        })
      })
      return { ...report, written: true }
    },
  }
}

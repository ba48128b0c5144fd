import type { MeasurePage } from '@qalxan/contracts'
import { allInOrder } from '../../platform/parallel.ts'
import type { Actor } from '../access/actor.ts'
import type { EvaluationService } from '../evaluation/evaluation.service.ts'
import type { StrategyService } from '../strategy/strategy.service.ts'
import type { ReportingService } from './reporting.service.ts'

export type MeasurePageService = ReturnType<typeof createMeasurePageService>

/**
 * The measure page in one request: the measure, its plan, reporting and evaluation parts are read
 * side by side, and the measure's visibility is checked once for all of them. The separate
 * endpoints (measure, reports, report, contributions, evaluations, change requests) answer the
 * same as the parts here.
 */
export const createMeasurePageService = (deps: {
  strategy: Pick<StrategyService, 'visibleMeasureDetail' | 'changeRequestsFor'>
  reporting: Pick<ReportingService, 'pageRows' | 'pageOf'>
  evaluation: Pick<EvaluationService, 'evaluationRows' | 'evaluationsFor'>
}) => ({
  async page(actor: Actor, measureId: string, periodId?: string): Promise<MeasurePage> {
    // Everything is read by the measure's id at once, beside the measure; nothing of it leaves
    // before the measure is found visible to the reader (the first failure in this order wins).
    const [{ m, detail }, reportingRows, evaluationRows, changeRequests] = await allInOrder([
      deps.strategy.visibleMeasureDetail(actor, measureId),
      deps.reporting.pageRows(measureId, periodId),
      deps.evaluation.evaluationRows(measureId),
      deps.strategy.changeRequestsFor(measureId),
    ])
    const [reporting, evaluations] = await Promise.all([
      deps.reporting.pageOf(actor, m, periodId, reportingRows),
      deps.evaluation.evaluationsFor(actor, m, evaluationRows),
    ])
    return { ...detail, ...reporting, evaluations, changeRequests }
  },
})

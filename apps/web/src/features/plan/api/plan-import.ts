import type { Strategy, StrategyInputSchema } from '@qalxan/contracts'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import { api } from '../../../lib/api.ts'
import { isApiError } from '../../../lib/api-client.ts'
import { planKeys } from './plan.ts'

/**
 * The answer of the Action Plan import. @qalxan/contracts has no schema for it yet, so this is
 * the shape the import route documents; replace it with the contract's type when there is one.
 */
export interface PlanImportReport {
  dryRun: boolean
  written: boolean
  counts: { directions: number; goals: number; measures: number; indicators: number }
  issues: { sheet: string; row: number; column: string; message: string }[]
}

const isReport = (v: unknown): v is PlanImportReport =>
  typeof v === 'object' &&
  v !== null &&
  Array.isArray((v as PlanImportReport).issues) &&
  typeof (v as PlanImportReport).counts === 'object'

/**
 * A dry run reports every problem; a real run that meets a problem answers 422 with the same
 * report in the error's details, which is returned here like a dry run's.
 */
export async function importPlan(strategyId: string, file: File, dryRun: boolean): Promise<PlanImportReport> {
  const body = new FormData()
  body.append('file', file)
  try {
    const r = await api.request<unknown>(
      'POST',
      `/api/strategies/${encodeURIComponent(strategyId)}/plan/import`,
      {
        body,
        query: { dryRun },
      },
    )
    if (!isReport(r)) throw new Error('Unexpected import answer')
    return r
  } catch (e) {
    if (isApiError(e) && e.status === 422 && isReport(e.details)) return e.details
    throw e
  }
}

export const downloadPlanTemplate = (strategyId: string, lang: string) =>
  api.download(`/api/strategies/${encodeURIComponent(strategyId)}/plan/template.xlsx`, { query: { lang } })

export function useCreateStrategy() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: z.input<typeof StrategyInputSchema>) => api.post<Strategy>('/api/strategies', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: planKeys.all }),
  })
}

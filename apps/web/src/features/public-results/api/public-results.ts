import type { PublicResultsSchema } from '@qalxan/contracts'
import { queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import { api } from '../../../lib/api.ts'

export type PublicResults = z.infer<typeof PublicResultsSchema>

/**
 * A strategy as the public list names it. @qalxan/contracts has no schema for this list yet;
 * this is the documented shape of GET /api/public/strategies.
 */
export interface PublicStrategy {
  id: string
  code: string
  title: { az: string; en?: string; ru?: string }
  periodStart: number
  periodEnd: number
}

export const publicKeys = {
  all: ['public'] as const,
  strategies: () => [...publicKeys.all, 'strategies'] as const,
  results: (strategyId: string) => [...publicKeys.all, 'results', strategyId] as const,
}

export const publicStrategiesQuery = () =>
  queryOptions({
    queryKey: publicKeys.strategies(),
    queryFn: ({ signal }) => api.get<PublicStrategy[]>('/api/public/strategies', { signal }),
    staleTime: 5 * 60_000,
  })

/** Published, public results of the latest published period; null while nothing is published. */
export const publicResultsQuery = (strategyId: string) =>
  queryOptions({
    queryKey: publicKeys.results(strategyId),
    queryFn: ({ signal }) =>
      api.get<PublicResults>(`/api/public/strategies/${encodeURIComponent(strategyId)}/results`, { signal }),
    staleTime: 5 * 60_000,
  })

import type { Strategy } from '@qalxan/contracts'
import { useStrategies } from './api/plan.ts'

/**
 * The strategy a page opens on when the address names none: the one whose period covers this
 * year (the latest such), else the first the server lists.
 */
export function defaultStrategy<S extends Pick<Strategy, 'periodStart' | 'periodEnd'>>(
  strategies: readonly S[],
  year: number,
): S | null {
  const current = strategies
    .filter((s) => s.periodStart <= year && year <= s.periodEnd)
    .sort((a, b) => b.periodStart - a.periodStart)[0]
  return current ?? strategies[0] ?? null
}

/** The strategy a page is about: the one in the address, else the current one. */
export function useActiveStrategy(id?: string) {
  const q = useStrategies()
  const strategies = q.data ?? []
  const strategy: Strategy | null =
    strategies.find((s) => s.id === id) ?? defaultStrategy(strategies, new Date().getFullYear())
  return { ...q, strategies, strategy }
}

import type { Strategy } from '@qalxan/contracts'
import { useStrategies } from './api/plan.ts'

/** The strategy a page is about: the one in the address, else the first (there is usually one). */
export function useActiveStrategy(id?: string) {
  const q = useStrategies()
  const strategies = q.data ?? []
  const strategy: Strategy | null = strategies.find((s) => s.id === id) ?? strategies[0] ?? null
  return { ...q, strategies, strategy }
}

import { PERIOD_TRANSITIONS, type Period } from '@qalxan/contracts'

export { defaultPeriod } from '@qalxan/contracts'

/** Periods grouped by the year they start in, newest year first, each year in due-date order. */
export function periodsByYear(periods: readonly Period[]): { year: number; periods: Period[] }[] {
  const years = new Map<number, Period[]>()
  for (const p of periods) {
    const y = Number(p.startsOn.slice(0, 4))
    years.set(y, [...(years.get(y) ?? []), p])
  }
  return [...years.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([year, ps]) => ({
      year,
      periods: ps.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.label.localeCompare(b.label)),
    }))
}

/** A period in a selector: "2025-Q1 · Quarterly · Open". */
export const periodOption = (p: Period, t: (k: string) => string) => ({
  value: p.id,
  label: `${p.label} · ${t(`reporting.kind.${p.kind}`)} · ${t(`reporting.periodState.${p.state}`)}`,
})

export type PeriodStep = 'open' | 'closed' | 'locked' | 'publish'

/** The steps a period can take now: its state transitions, and publishing once locked. */
export const periodSteps = (p: Period): PeriodStep[] => [
  ...(PERIOD_TRANSITIONS[p.state] as PeriodStep[]),
  ...(p.state === 'locked' && !p.publishedAt ? (['publish'] as const) : []),
]

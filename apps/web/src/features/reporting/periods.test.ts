import type { Period } from '@qalxan/contracts'
import { describe, expect, it } from 'vitest'
import { toDraft } from './draft.ts'
import { defaultPeriod, periodSteps, periodsByYear } from './periods.ts'

const period = (label: string, over: Partial<Period>): Period => ({
  id: label,
  strategyId: 's',
  kind: 'semiannual',
  label,
  startsOn: '2025-01-01',
  endsOn: '2025-06-30',
  dueOn: '2025-07-20',
  state: 'planned',
  openedAt: null,
  closedAt: null,
  lockedAt: null,
  publishedAt: null,
  ...over,
})

const h1 = period('2025-H1', { state: 'locked', publishedAt: '2025-08-01' })
const h2 = period('2025-H2', {
  state: 'closed',
  startsOn: '2025-07-01',
  endsOn: '2025-12-31',
  dueOn: '2026-01-20',
})
const q1 = period('2026-Q1', {
  kind: 'quarterly',
  state: 'open',
  startsOn: '2026-01-01',
  endsOn: '2026-03-31',
  dueOn: '2026-04-15',
})
const y26 = period('2026', {
  kind: 'annual',
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  dueOn: '2027-01-20',
})

describe('reporting periods', () => {
  it('open on the open period that covers today, else the last one that ran', () => {
    expect(defaultPeriod([h1, h2, q1, y26], '2026-02-10')?.label).toBe('2026-Q1')
    expect(defaultPeriod([h1, h2, y26], '2026-02-10')?.label).toBe('2025-H2')
    expect(defaultPeriod([y26], '2026-02-10')?.label).toBe('2026')
    expect(defaultPeriod([], '2026-02-10')).toBeNull()
  })

  it('group by year, newest first, each year by due date', () => {
    expect(periodsByYear([y26, h2, q1, h1]).map((g) => [g.year, g.periods.map((p) => p.label)])).toEqual([
      [2026, ['2026-Q1', '2026']],
      [2025, ['2025-H1', '2025-H2']],
    ])
  })

  it('offer the steps the state allows, and publishing once locked', () => {
    expect(periodSteps(y26)).toEqual(['open'])
    expect(periodSteps(q1)).toEqual(['closed'])
    expect(periodSteps(h2)).toEqual(['open', 'locked'])
    expect(periodSteps({ ...h1, publishedAt: null })).toEqual(['publish'])
    expect(periodSteps(h1)).toEqual([])
  })
})

describe('report draft', () => {
  it('sends the revision it started from and only the indicator values that are known', () => {
    expect(
      toDraft(
        {
          reportedStatus: 'in_progress',
          progress: 40,
          workDone: 'x',
          problems: undefined,
          nextSteps: '',
          indicatorValues: [
            { indicatorId: 'a', value: 3 },
            { indicatorId: 'b', value: null },
          ],
        },
        7,
      ),
    ).toEqual({
      reportedStatus: 'in_progress',
      progress: 40,
      workDone: 'x',
      problems: '',
      nextSteps: '',
      indicatorValues: [{ indicatorId: 'a', value: 3 }],
      revision: 7,
    })
  })
})

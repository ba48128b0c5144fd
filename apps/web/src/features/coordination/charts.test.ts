import type { ExecutionSummary } from '@qalxan/contracts'
import { describe, expect, it } from 'vitest'
import { executionChartHeight, executionOption } from './charts.ts'

const row = (
  code: string,
  c: Partial<ExecutionSummary['byBody'][number]>,
): ExecutionSummary['byBody'][number] => ({
  bodyId: code,
  code,
  name: { az: code },
  total: 0,
  open: 0,
  reported: 0,
  done: 0,
  cancelled: 0,
  overdue: 0,
  doneLate: 0,
  ...c,
})

describe('the decision-execution chart', () => {
  const t = (k: string) => k
  const rows = [
    row('KK', { total: 10, done: 5, reported: 2, open: 2, cancelled: 1, overdue: 3 }),
    row('IQ-1', { total: 4, done: 1, open: 3, overdue: 1 }),
  ]
  const option = executionOption(rows, t)

  it('stacks the states that add up to the total, and draws overdue beside them', () => {
    const stacked = option.series.filter((s) => s.stack === 'total')
    expect(stacked.map((s) => s.name)).toEqual([
      'coord:assignmentState.done',
      'coord:assignmentState.reported',
      'coord:assignmentState.open',
      'coord:assignmentState.cancelled',
    ])
    // Categories run bottom-up, so the first row of the table is the top bar.
    expect(option.yAxis.data).toEqual(['IQ-1', 'KK'])
    const sumAt = (i: number) => stacked.reduce((n, s) => n + (s.data[i] ?? 0), 0)
    expect(sumAt(1)).toBe(10)
    expect(sumAt(0)).toBe(4)
    const overdue = option.series.find((s) => s.stack === 'overdue')
    expect(overdue?.data).toEqual([1, 3])
  })

  it('draws on the canvas only: rich-text tooltips, an aria description', () => {
    expect(option.tooltip.renderMode).toBe('richText')
    expect(option.aria.enabled).toBe(true)
    expect(executionChartHeight(1)).toBeGreaterThanOrEqual(160)
    expect(executionChartHeight(20)).toBeGreaterThan(executionChartHeight(5))
  })
})

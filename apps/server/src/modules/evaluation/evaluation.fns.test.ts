import { parseDeadline } from '@qalxan/contracts'
import { describe, expect, it } from 'vitest'
import {
  dueInPeriod,
  type MeasureFigure,
  ragOf,
  rollup,
  type TimelinessInput,
  timeliness,
} from './evaluation.fns.ts'

const dl = (v: string) => {
  const d = parseDeadline(v, '2023-01-01')
  if (!d) throw new Error(v)
  return d
}
const t = (deadline: string, asOf: string, more: Partial<TimelinessInput> = {}) =>
  timeliness({
    deadline: dl(deadline),
    asOf,
    completion: null,
    reportedProgress: null,
    reportedStatus: null,
    completedOn: null,
    ...more,
  })

describe('timeliness per deadline kind', () => {
  it('year range: not due before, linear inside, at risk near the end, overdue after', () => {
    expect(t('2024-2025', '2023-12-31')).toBe('not_due')
    // A quarter of the way through with 30 %: on track; with 0 % at the half-way mark: at risk.
    expect(t('2024-2025', '2024-07-01', { reportedProgress: 30 })).toBe('on_track')
    expect(t('2024-2025', '2024-12-31', { reportedProgress: 0 })).toBe('at_risk')
    expect(t('2024-2025', '2024-12-31', { reportedProgress: 30 })).toBe('on_track')
    expect(t('2024-2025', '2025-11-15', { reportedProgress: 95 })).toBe('at_risk')
    expect(t('2024-2025', '2026-01-01', { reportedProgress: 95 })).toBe('overdue')
  })
  it('year, half-year and quarter windows', () => {
    expect(t('2025', '2025-02-01', { reportedProgress: 10 })).toBe('on_track')
    expect(t('2025', '2025-09-01', { reportedProgress: 10 })).toBe('at_risk')
    expect(t('2025-H2', '2025-06-30')).toBe('not_due')
    expect(t('2025-H2', '2026-01-01')).toBe('overdue')
    expect(t('2025-Q3', '2025-07-10', { reportedProgress: 20 })).toBe('on_track')
    expect(t('2025-Q3', '2025-10-01')).toBe('overdue')
  })
  it('date deadlines run from the strategy start; ongoing measures are never overdue', () => {
    expect(t('2024-06-30', '2023-06-01', { reportedProgress: 10 })).toBe('on_track')
    expect(t('2024-06-30', '2024-07-01')).toBe('overdue')
    expect(t('ongoing', '2030-01-01')).toBe('on_track')
    expect(t('ongoing', '2030-01-01', { reportedStatus: 'delayed' })).toBe('at_risk')
    expect(t('ongoing', '2030-01-01', { completion: 'not_started' })).toBe('at_risk')
  })
  it('completion on time, late, and the evaluator over the executor', () => {
    expect(t('2024', '2025-03-01', { completion: 'complete', completedOn: '2024-12-31' })).toBe('completed')
    expect(t('2024', '2025-03-01', { completion: 'complete', completedOn: '2025-06-30' })).toBe(
      'completed_late',
    )
    expect(t('2024', '2024-06-30', { reportedStatus: 'completed', completedOn: '2024-06-30' })).toBe(
      'completed',
    )
    // The executor says done, the evaluator says limited: the assessment decides.
    expect(t('2024', '2025-01-10', { reportedStatus: 'completed', completion: 'limited' })).toBe('overdue')
    expect(t('2024', '2024-03-01', { completion: 'not_due' })).toBe('not_due')
    // A reported delay puts a measure inside its window at risk.
    expect(t('2024-2025', '2024-02-01', { reportedProgress: 50, reportedStatus: 'delayed' })).toBe('at_risk')
  })
  it('knows which measures a period covers', () => {
    const q = { startsOn: '2024-04-01', endsOn: '2024-06-30' }
    expect(dueInPeriod(dl('2023-2024'), q)).toBe(true)
    expect(dueInPeriod(dl('2024-Q1'), q)).toBe(false)
    expect(dueInPeriod(dl('2025'), q)).toBe(false)
    expect(dueInPeriod(dl('ongoing'), q)).toBe(true)
  })
})

const fig = (
  weight: number,
  completion: MeasureFigure['completion'],
  tl: MeasureFigure['timeliness'] = 'on_track',
): MeasureFigure => ({
  measureId: crypto.randomUUID(),
  weight,
  completion,
  timeliness: tl,
})

describe('weighted roll-ups and the traffic light', () => {
  it('weighs each evaluated, due measure by its weight', () => {
    // (2·1 + 1·0.33 + 1·0) / 4 = 0.5825
    const r = rollup('x', 'X', [
      fig(2, 'complete', 'completed'),
      fig(1, 'limited'),
      fig(1, 'not_started', 'at_risk'),
    ])
    expect(r).toMatchObject({ score: 0.5825, rag: 'amber', measures: 3, evaluated: 3, atRisk: 1, overdue: 0 })
  })
  it('leaves out not-due and unevaluated measures, but counts them', () => {
    const r = rollup('x', 'X', [
      fig(1, 'substantial'),
      fig(5, 'not_due', 'not_due'),
      fig(3, null),
      fig(4, 'complete', 'not_due'),
    ])
    expect(r).toMatchObject({ score: 0.67, evaluated: 3, measures: 4 })
    expect(rollup('x', 'X', [fig(1, null)])).toMatchObject({ score: null, rag: 'none' })
    expect(rollup('x', 'X', [])).toMatchObject({ score: null, rag: 'none', measures: 0 })
  })
  it('turns red when many due measures are overdue, whatever the score', () => {
    const r = rollup('x', 'X', [
      fig(1, 'complete', 'completed'),
      fig(1, 'complete', 'completed'),
      fig(1, 'substantial', 'overdue'),
    ])
    expect(r.score).toBe(0.89)
    expect(r.rag).toBe('red')
    expect(ragOf(0.9, 0.05)).toBe('green')
    expect(ragOf(0.9, 0.2)).toBe('amber')
    expect(ragOf(0.5, 0)).toBe('amber')
    expect(ragOf(0.33, 0)).toBe('red')
    expect(ragOf(0.67, 0.1)).toBe('green')
    expect(ragOf(0.34, 0.25)).toBe('amber')
  })
})

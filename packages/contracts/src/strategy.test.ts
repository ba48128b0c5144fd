import { describe, expect, it } from 'vitest'
import { parseDeadline } from './strategy.ts'

describe('Action Plan deadlines', () => {
  it('reads every kind into its window of dates', () => {
    expect(parseDeadline('2023-2024')).toEqual({
      kind: 'year_range',
      value: '2023-2024',
      start: '2023-01-01',
      end: '2024-12-31',
    })
    expect(parseDeadline('2023–2024')?.value).toBe('2023-2024')
    expect(parseDeadline('2025')).toEqual({
      kind: 'year',
      value: '2025',
      start: '2025-01-01',
      end: '2025-12-31',
    })
    expect(parseDeadline('2025-H2')).toEqual({
      kind: 'half_year',
      value: '2025-H2',
      start: '2025-07-01',
      end: '2025-12-31',
    })
    expect(parseDeadline('2024 H1')?.end).toBe('2024-06-30')
    expect(parseDeadline('2024-Q1')).toEqual({
      kind: 'quarter',
      value: '2024-Q1',
      start: '2024-01-01',
      end: '2024-03-31',
    })
    expect(parseDeadline('2024-Q4')?.end).toBe('2024-12-31')
    expect(parseDeadline('2024-02-29', '2023-01-01')).toEqual({
      kind: 'date',
      value: '2024-02-29',
      start: '2023-01-01',
      end: '2024-02-29',
    })
    expect(parseDeadline('davamlı', '2023-01-01')).toEqual({
      kind: 'ongoing',
      value: 'ongoing',
      start: '2023-01-01',
      end: null,
    })
    expect(parseDeadline('Ongoing')?.kind).toBe('ongoing')
  })
  it('refuses impossible deadlines', () => {
    for (const bad of [
      '2025-2024',
      '2024-2024',
      '2024-Q5',
      '2024-H3',
      '2023-02-29',
      '2024-13-01',
      '1800',
      'soon',
      '',
      '2024-1-1',
    ])
      expect(parseDeadline(bad)).toBeNull()
  })
})

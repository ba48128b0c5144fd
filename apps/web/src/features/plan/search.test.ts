import { describe, expect, it } from 'vitest'
import {
  activeFilterCount,
  MEASURE_PAGE_SIZE,
  parseChangesSearch,
  parseMeasureSearch,
  parsePeriodSearch,
  toMeasureQuery,
  withFilter,
} from './search.ts'

const A = '11111111-1111-4111-8111-111111111111'
const B = '22222222-2222-4222-8222-222222222222'

describe('measure filters in the address', () => {
  it('keep well-formed values, as strings or as the numbers the router parses them into', () => {
    expect(
      parseMeasureSearch({
        strategy: A,
        q: '  risk  ',
        directionId: B,
        executorRole: 'co',
        outputType: 'normative_act',
        deadlineYear: 2025,
        confidentiality: 'internal',
        page: '3',
      }),
    ).toEqual({
      strategy: A,
      q: 'risk',
      directionId: B,
      executorRole: 'co',
      outputType: 'normative_act',
      deadlineYear: 2025,
      confidentiality: 'internal',
      page: 3,
    })
    expect(parseMeasureSearch({ deadlineYear: '2024', q: 2025 })).toEqual({ deadlineYear: 2024, q: '2025' })
  })

  it('drop anything else: the address is user input', () => {
    expect(
      parseMeasureSearch({
        directionId: "1' OR '1'='1",
        goalId: 42,
        orgId: 'not-a-uuid',
        executorRole: 'boss',
        outputType: 'poem',
        deadlineYear: 1999,
        confidentiality: 'secret',
        page: -1,
        q: '   ',
      }),
    ).toEqual({})
    expect(parseMeasureSearch({ deadlineYear: '2025.5', page: '1' })).toEqual({})
    expect(parseMeasureSearch({ q: 'x'.repeat(300) }).q).toHaveLength(100)
  })

  it('turn the page into limit and offset, and leave the strategy out of the API query', () => {
    expect(toMeasureQuery({ strategy: A, q: 'a', page: 3 })).toEqual({
      q: 'a',
      limit: MEASURE_PAGE_SIZE,
      offset: 2 * MEASURE_PAGE_SIZE,
    })
    expect(toMeasureQuery({})).toEqual({ limit: MEASURE_PAGE_SIZE, offset: 0 })
  })

  it('start again from the first page when a filter changes, and forget a goal of another direction', () => {
    expect(withFilter({ q: 'a', page: 4 }, { outputType: 'training' })).toEqual({
      q: 'a',
      outputType: 'training',
    })
    expect(withFilter({ q: 'a', page: 4 }, { page: 5 })).toEqual({ q: 'a', page: 5 })
    expect(withFilter({ q: 'a', page: 4 }, { page: 1 })).toEqual({ q: 'a' })
    expect(withFilter({ directionId: A, goalId: B }, { directionId: B })).toEqual({ directionId: B })
    expect(withFilter({ directionId: A }, { directionId: B, goalId: A })).toEqual({
      directionId: B,
      goalId: A,
    })
    expect(withFilter({ q: 'a' }, { q: undefined })).toEqual({})
  })

  it('count the filters that a "clear" would remove', () => {
    expect(activeFilterCount({ strategy: A, page: 2 })).toBe(0)
    expect(activeFilterCount({ strategy: A, q: 'x', orgId: B })).toBe(2)
  })

  it('read the period and the change page parameters', () => {
    expect(parsePeriodSearch({ period: A, strategy: 'x' })).toEqual({ period: A })
    expect(parseChangesSearch({ measure: B, strategy: A })).toEqual({ measure: B, strategy: A })
  })
})

describe('default strategy', () => {
  it('opens on the strategy that covers this year, else the first', async () => {
    const { defaultStrategy } = await import('./use-strategy.ts')
    const a = { id: 'a', periodStart: 2028, periodEnd: 2030 }
    const b = { id: 'b', periodStart: 2023, periodEnd: 2027 }
    expect(defaultStrategy([a, b], 2026)?.id).toBe('b')
    expect(defaultStrategy([a, b], 2031)?.id).toBe('a')
    expect(defaultStrategy([], 2026)).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import { parseAssignmentSearch, parseCalendarSearch, parseSummarySearch } from './search.ts'

const id = '0b9d6a52-4f7e-4d3c-9a51-2a4c1f7e8b10'

describe('coordination search parameters', () => {
  it('keep a well-formed month and body, and drop anything else', () => {
    expect(parseCalendarSearch({ month: '2025-03', body: id })).toEqual({ month: '2025-03', body: id })
    expect(parseCalendarSearch({ month: '2025-13', body: 'x' })).toEqual({})
    expect(parseCalendarSearch({ month: 202503 })).toEqual({})
  })

  it('keep known assignment states, `any`, the overdue flag and ids', () => {
    expect(parseAssignmentSearch({ state: 'reported', overdue: 'true', body: id, org: 'any' })).toEqual({
      state: 'reported',
      overdue: true,
      body: id,
      org: 'any',
    })
    expect(parseAssignmentSearch({ state: 'any', overdue: true })).toEqual({ state: 'any', overdue: true })
    expect(parseAssignmentSearch({ state: 'lost', overdue: 'no', org: '<script>' })).toEqual({})
  })

  it('keep only ids for the summary', () => {
    expect(parseSummarySearch({ body: id, org: id, extra: 1 })).toEqual({ body: id, org: id })
    expect(parseSummarySearch({ body: '1' })).toEqual({})
  })
})

import { describe, expect, it } from 'vitest'
import { parseOrgSearch, parseRedirectSearch, parseTokenSearch } from './search.ts'

describe('search parameters', () => {
  it('accept only a well-formed organisation id', () => {
    expect(parseOrgSearch({ orgId: '11111111-1111-4111-8111-111111111111' })).toEqual({
      orgId: '11111111-1111-4111-8111-111111111111',
    })
    expect(parseOrgSearch({ orgId: "1' OR '1'='1" })).toEqual({})
    expect(parseOrgSearch({ orgId: 42 })).toEqual({})
  })

  it('drop oversized or missing values', () => {
    expect(parseTokenSearch({ token: 'x'.repeat(501) })).toEqual({})
    expect(parseTokenSearch({ token: 'abc' })).toEqual({ token: 'abc' })
    expect(parseRedirectSearch({})).toEqual({})
  })
})

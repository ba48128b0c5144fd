import { describe, expect, it } from 'vitest'
import { safeRedirect } from './redirect.ts'

describe('safeRedirect', () => {
  it('keeps same-site paths with their query', () => {
    expect(safeRedirect('/users?orgId=1')).toBe('/users?orgId=1')
  })
  it('refuses other origins and odd values', () => {
    for (const v of ['https://evil.example', '//evil.example', '/\\evil.example', 'users', '', null, 42])
      expect(safeRedirect(v)).toBe('/')
  })
  it('does not send someone back to the sign-in page', () => {
    expect(safeRedirect('/sign-in?redirect=/x')).toBe('/')
  })
})

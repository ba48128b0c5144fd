import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { readCookie, verifySignedCookie } from './identity.fns.ts'

const SECRET = 'a-secret-of-at-least-thirty-two-characters'
const signed = (value: string, secret = SECRET) =>
  `${value}.${createHmac('sha256', secret).update(value).digest('base64')}`

describe('session cookies', () => {
  it('reads one cookie of a header, URL-decoded', () => {
    const header = `other=1; qalxan.session_token=${encodeURIComponent(signed('tok'))}; last=2`
    expect(readCookie(header, 'qalxan.session_token')).toBe(signed('tok'))
    expect(readCookie(header, 'session_token')).toBeNull()
    expect(readCookie('qalxan.session_token=%E0%A4%A', 'qalxan.session_token')).toBeNull()
    expect(readCookie(undefined, 'qalxan.session_token')).toBeNull()
  })

  it('accepts only a value signed with the secret, as better-auth signs it', () => {
    expect(verifySignedCookie(signed('tok'), SECRET)).toBe('tok')
    expect(verifySignedCookie(signed('tok', 'another-secret-another-secret-another'), SECRET)).toBeNull()
    expect(verifySignedCookie(signed('tok').replace('tok.', 'tak.'), SECRET)).toBeNull()
    expect(verifySignedCookie('tok', SECRET)).toBeNull()
    expect(verifySignedCookie(`tok.${'A'.repeat(43)}=`, SECRET)).toBeNull()
  })
})

import type { TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../lib/api-client.ts'
import { signInErrorText } from './components/sign-in-page.tsx'
import { secretFromUri } from './components/two-factor-setup.tsx'

const t = ((key: string) => key) as TFunction
const err = (status: number, code: string, reason?: string) =>
  new ApiError({ status, code, message: 'x', details: reason ? { reason } : undefined })

describe('sign-in messages', () => {
  it('tells a wrong password from a lockout', () => {
    expect(signInErrorText(t, err(401, 'UNAUTHENTICATED', 'INVALID_EMAIL_OR_PASSWORD'), 'password')).toBe(
      'auth.invalidCredentials',
    )
    expect(signInErrorText(t, err(429, 'RATE_LIMITED', 'ACCOUNT_LOCKED'), 'password')).toBe('auth.lockedOut')
    expect(signInErrorText(t, err(429, 'RATE_LIMITED'), 'code')).toBe('auth.lockedOut')
  })

  it('names a disabled account and a wrong second-factor code', () => {
    expect(signInErrorText(t, err(403, 'FORBIDDEN', 'ACCOUNT_DISABLED'), 'password')).toBe(
      'auth.accountBlocked',
    )
    expect(signInErrorText(t, err(401, 'UNAUTHENTICATED', 'INVALID_CODE'), 'code')).toBe('auth.invalidCode')
  })

  it('leaves other failures to the generic error alert', () => {
    expect(signInErrorText(t, err(500, 'INTERNAL'), 'password')).toBeNull()
    expect(signInErrorText(t, new TypeError('x'), 'password')).toBeNull()
  })
})

describe('TOTP enrolment', () => {
  it('shows the secret of the otpauth URI in groups of four', () => {
    expect(secretFromUri('otpauth://totp/Qalxan:a%40b.az?secret=JBSWY3DPEHPK3PXP&issuer=Qalxan')).toBe(
      'JBSW Y3DP EHPK 3PXP',
    )
    expect(secretFromUri('not a uri')).toBeNull()
  })
})

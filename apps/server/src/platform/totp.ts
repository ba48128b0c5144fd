import { base32 } from '@better-auth/utils/base32'
import { createOTP } from '@better-auth/utils/otp'

/** The current code for an otpauth:// URI, as an authenticator app would show it. */
export const totpFromUri = async (uri: string, at?: Date) => {
  const secret = new URL(uri).searchParams.get('secret')
  if (!secret) throw new Error('The TOTP URI has no secret')
  const bytes = base32.decode(secret)
  if (!at) return createOTP(bytes).totp()
  return createOTP(bytes).hotp(Math.floor(at.getTime() / 30_000))
}

import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export const TOKEN_PREFIX = 'qx_'

/** A new API token secret: 32 random bytes, base64url, with a recognisable prefix for secret scanners. */
export const newTokenSecret = () => `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`
export const hashToken = (secret: string) => createHash('sha256').update(secret).digest('hex')

/** One cookie's value from a `Cookie` header, URL-decoded; null when absent or malformed. */
export const readCookie = (header: string | null | undefined, name: string): string | null => {
  if (!header) return null
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue
    try {
      return decodeURIComponent(part.slice(eq + 1).trim())
    } catch {
      return null
    }
  }
  return null
}

/**
 * The value of a cookie signed as better-auth signs its session cookie (`value.base64(HMAC-SHA256)`),
 * or null when the signature does not match: the same check as its `getSignedCookie`.
 */
export const verifySignedCookie = (signed: string, secret: string): string | null => {
  const dot = signed.lastIndexOf('.')
  if (dot < 1) return null
  const value = signed.slice(0, dot)
  const signature = signed.slice(dot + 1)
  if (signature.length !== 44 || !signature.endsWith('=')) return null
  const expected = createHmac('sha256', secret).update(value).digest()
  const given = Buffer.from(signature, 'base64')
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : null
}

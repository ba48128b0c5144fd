import { createHash, randomBytes } from 'node:crypto'

export const TOKEN_PREFIX = 'qx_'

/** A new API token secret: 32 random bytes, base64url, with a recognisable prefix for secret scanners. */
export const newTokenSecret = () => `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`
export const hashToken = (secret: string) => createHash('sha256').update(secret).digest('hex')

import type { ErrorCode } from '@qalxan/contracts'

/** The one error services throw; the HTTP layer maps `code` to a status and the envelope. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly details?: unknown
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.details = details
  }
}

export const notFound = (what: string, id: string) =>
  new AppError('NOT_FOUND', `${what} "${id}" was not found`)

/** A write refused by a unique constraint (PostgreSQL 23505), as either driver reports it. */
export const isUniqueViolation = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string } }
  return e?.code === '23505' || e?.cause?.code === '23505'
}

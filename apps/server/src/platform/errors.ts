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

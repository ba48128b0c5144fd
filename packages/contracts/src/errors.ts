import { z } from 'zod'

/** Error codes shared by server and web; the server maps each to one HTTP status. */
export const ERROR_CODES = {
  NOT_FOUND: 404,
  VALIDATION_FAILED: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  MFA_REQUIRED: 403,
  RATE_LIMITED: 429,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 415,
  INTERNAL: 500,
} as const

export type ErrorCode = keyof typeof ERROR_CODES

export const ErrorEnvelopeSchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string(),
  }),
})
export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>

import { ERROR_CODES, type ErrorCode } from '@qalxan/contracts'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import { AppError } from './errors.ts'

/** Every route says who may call it; the route-guard test fails a route that does not. */
export type RouteAuth = { auth: 'public'; reason: string } | { auth: 'user'; allowWithoutMfa?: boolean }

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth['auth']
    reason?: string
    allowWithoutMfa?: boolean
  }
}

const send = (
  reply: FastifyReply,
  req: FastifyRequest,
  code: ErrorCode,
  message: string,
  details?: unknown,
) =>
  reply
    .status(ERROR_CODES[code])
    .type('application/json; charset=utf-8')
    .send({ error: { code, message, ...(details === undefined ? {} : { details }), requestId: req.id } })

export const installErrorHandling = (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      if (err.code === 'INTERNAL') req.log.error({ err }, 'internal error')
      return send(reply, req, err.code, err.message, err.details)
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        path: `${err.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
        message: v.message ?? 'Invalid value',
      }))
      return send(reply, req, 'VALIDATION_FAILED', 'Some fields are not valid', details)
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, 'response did not match its schema')
      return send(
        reply,
        req,
        'INTERNAL',
        'Something went wrong on our side. Quote the request id to support.',
      )
    }
    switch (err.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
      case 'FST_FILES_LIMIT':
        return send(reply, req, 'PAYLOAD_TOO_LARGE', 'The request is larger than allowed')
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return send(reply, req, 'UNSUPPORTED_MEDIA', 'This content type is not accepted here')
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return send(reply, req, 'VALIDATION_FAILED', 'The request body is not valid JSON')
    }
    if (err.statusCode === 429)
      return send(reply, req, 'RATE_LIMITED', 'Too many requests. Wait a moment and try again.')
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      if (err.statusCode === 413)
        return send(reply, req, 'PAYLOAD_TOO_LARGE', 'The request is larger than allowed')
      if (err.statusCode === 415)
        return send(reply, req, 'UNSUPPORTED_MEDIA', 'This content type is not accepted here')
      if (err.statusCode === 404) return send(reply, req, 'NOT_FOUND', 'Not found')
      return send(reply, req, 'VALIDATION_FAILED', 'The request could not be read')
    }
    req.log.error({ err }, 'unhandled error')
    return send(reply, req, 'INTERNAL', 'Something went wrong on our side. Quote the request id to support.')
  })
  app.setNotFoundHandler((req, reply) =>
    send(reply, req, 'NOT_FOUND', `No such address: "${req.url.split('?')[0]}"`),
  )
}

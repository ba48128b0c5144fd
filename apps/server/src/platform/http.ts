import { ERROR_CODES, type ErrorCode, type Locale } from '@qalxan/contracts'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import { AppError } from './errors.ts'
import { localeOf, translate, zodErrorMap } from './messages.ts'

/** Every route says who may call it; the route-guard test fails a route that does not. */
export type RouteAuth = { auth: 'public'; reason: string } | { auth: 'user'; allowWithoutMfa?: boolean }

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth['auth']
    reason?: string
    allowWithoutMfa?: boolean
    /** The route answers a file (bytes), so it has no JSON response schema. */
    download?: boolean
    /**
     * A write that changes no one's identity: no user, session, role grant, membership,
     * organisation, second factor or API token (plan, reporting, evaluation, coordination). The
     * principals read in the last seconds stay cached after it; every other write empties that
     * cache (`identity.routes.ts`). `test/keeps-principals.test.ts` holds the modules that set it to it.
     */
    keepsPrincipals?: boolean
  }
}

/** Messages inside details (field problems, import rows) follow the caller's language too. */
const translateDetails = (details: unknown, locale: Locale): unknown => {
  if (Array.isArray(details)) {
    return details.map((d) =>
      d && typeof d === 'object' && typeof (d as { message?: unknown }).message === 'string'
        ? { ...d, message: translate((d as { message: string }).message, locale) }
        : d,
    )
  }
  if (details && typeof details === 'object' && Array.isArray((details as { issues?: unknown }).issues)) {
    return { ...details, issues: translateDetails((details as { issues: unknown[] }).issues, locale) }
  }
  return details
}

const send = (
  reply: FastifyReply,
  req: FastifyRequest,
  code: ErrorCode,
  message: string,
  details?: unknown,
) => {
  const locale = localeOf(req.headers['accept-language'])
  return reply
    .status(ERROR_CODES[code])
    .type('application/json; charset=utf-8')
    .send({
      error: {
        code,
        message: translate(message, locale),
        ...(details === undefined ? {} : { details: translateDetails(details, locale) }),
        requestId: req.id,
      },
    })
}

/** A schema's own message if the catalogue has it, otherwise Zod's message in the caller's language. */
export const issueMessage = (
  v: { keyword: string; instancePath: string; message?: string; params: object },
  locale: Locale,
) => {
  const own = v.message ?? 'Invalid value'
  if (locale === 'en' || translate(own, locale) !== own) return translate(own, locale)
  const issue = {
    ...v.params,
    code: v.keyword,
    path: v.instancePath.split('/').filter(Boolean),
    message: own,
  }
  const localized = zodErrorMap(locale)(issue as never)
  return typeof localized === 'string' ? localized : (localized?.message ?? own)
}

export const installErrorHandling = (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      if (err.code === 'INTERNAL') req.log.error({ err }, 'internal error')
      return send(reply, req, err.code, err.message, err.details)
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const locale = localeOf(req.headers['accept-language'])
      const details = err.validation.map((v) => ({
        path: `${err.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
        message: issueMessage(v, locale),
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

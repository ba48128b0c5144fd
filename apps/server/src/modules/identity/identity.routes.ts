import {
  ApiTokenSchema,
  CreateApiTokenSchema,
  CreatedApiTokenSchema,
  ERROR_CODES,
  isPrivileged,
  MeSchema,
  okSchema,
  SessionInfoSchema,
  UpdateMeSchema,
} from '@qalxan/contracts'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Config } from '../../config.ts'
import { AppError } from '../../platform/errors.ts'
import { localeOf, translate } from '../../platform/messages.ts'
import type { AccessPolicy } from '../access/access.policy.ts'
import { type Auth, CLIENT_IP_HEADER } from './auth.ts'
import type { IdentityService, Principal } from './identity.service.ts'

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null
  }
}

export const toWebHeaders = (req: FastifyRequest) => {
  const h = new Headers()
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue
    if (Array.isArray(v)) for (const x of v) h.append(k, x)
    else h.set(k, String(v))
  }
  // Replaces anything a client sent under this name: better-auth keys its rate limits on it.
  h.set(CLIENT_IP_HEADER, req.ip)
  return h
}

/** The caller, for routes declared `auth: 'user'` (the pre-handler has already refused anyone else). */
export const principalOf = (req: FastifyRequest): Principal => {
  if (!req.principal) throw new AppError('UNAUTHENTICATED', 'Sign in to continue')
  return req.principal
}
export const actorOf = (req: FastifyRequest) => principalOf(req).actor

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export const registerIdentity = (
  app: FastifyInstance,
  deps: { config: Config; auth: Auth; identity: IdentityService; policy: AccessPolicy },
) => {
  const { config, auth, identity, policy } = deps
  const allowedOrigins = new Set([new URL(config.publicUrl).origin, ...config.trustedOrigins])

  app.decorateRequest('principal', null)

  // CSRF: a cookie-authenticated write must come from our own pages. Browsers send Origin on every
  // cross-origin and same-origin POST/PUT/PATCH/DELETE made with fetch; bearer tokens are not ambient.
  app.addHook('onRequest', async (req) => {
    if (SAFE_METHODS.has(req.method) || !req.url.startsWith('/api/') || req.url.startsWith('/api/auth/'))
      return
    if (req.headers.authorization?.startsWith('Bearer ')) return
    if (!req.headers.cookie) return
    const origin = req.headers.origin
    const site = req.headers['sec-fetch-site']
    if (origin ? allowedOrigins.has(origin) : site === 'same-origin') return
    throw new AppError('FORBIDDEN', 'Cross-site request refused')
  })

  // Anything but a read may change who someone is (roles, clearance, membership, a disabled
  // account, a session signed out or revoked, a second factor confirmed): the callers this process
  // has read are read again. Sent before the answer, so the caller's next request sees the change.
  // Only writes declared to change no identity (`keepsPrincipals`: plan, reports, evaluations,
  // coordination) leave the cache as it is.
  app.addHook('onSend', async (req) => {
    if (req.url.startsWith('/api/auth/')) identity.forgetPrincipals()
    else if (!SAFE_METHODS.has(req.method) && req.routeOptions.config?.keepsPrincipals !== true)
      identity.forgetPrincipals()
  })

  app.addHook('preHandler', async (req) => {
    const cfg = req.routeOptions.config
    if (cfg?.auth !== 'user') return
    const p = await identity.resolve(toWebHeaders(req), { requestId: req.id, ip: req.ip })
    if (!p) throw new AppError('UNAUTHENTICATED', 'Sign in to continue')
    if (!SAFE_METHODS.has(req.method)) identity.requireWriteScope(p.actor)
    if (!cfg.allowWithoutMfa && p.actor.authMethod === 'session' && isPrivileged(p.actor.grants)) {
      if (!p.secondFactor) {
        throw new AppError(
          'MFA_REQUIRED',
          'Your role requires a second factor. Set up an authenticator app first.',
          {
            setup: true,
          },
        )
      }
      if (!p.actor.mfaAt) {
        throw new AppError('MFA_REQUIRED', 'Confirm your sign-in with your authenticator code', {
          stepUp: true,
        })
      }
    }
    req.principal = p
  })

  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    config: {
      auth: 'public',
      reason: 'sign-in, second factor and password reset happen before there is a session',
      rateLimit: { max: 60, timeWindow: '1 minute' },
    },
    schema: { hide: true },
    handler: async (req, reply) => {
      const url = new URL(req.url, config.publicUrl)
      const init: RequestInit = { method: req.method, headers: toWebHeaders(req) }
      // Fastify has already read the stream, so the parsed body is sent on again.
      if (req.method === 'POST') init.body = req.body === undefined ? '{}' : JSON.stringify(req.body)
      const res = await auth.handler(new Request(url, init))
      reply.status(res.status)
      for (const [k, v] of res.headers) if (k !== 'set-cookie') reply.header(k, v)
      const cookies = res.headers.getSetCookie()
      if (cookies.length) reply.header('set-cookie', cookies)
      const text = await res.text()
      if (res.status >= 400) {
        // Better-auth's own errors are rewrapped in the portal's envelope so clients parse one shape.
        let body: { code?: string; message?: string } = {}
        try {
          body = JSON.parse(text)
        } catch {}
        const code =
          res.status === 429
            ? 'RATE_LIMITED'
            : res.status === 401
              ? 'UNAUTHENTICATED'
              : res.status === 403
                ? 'FORBIDDEN'
                : res.status === 404
                  ? 'NOT_FOUND'
                  : 'VALIDATION_FAILED'
        return reply
          .status(ERROR_CODES[code])
          .type('application/json; charset=utf-8')
          .send({
            error: {
              code,
              message: translate(
                body.message || 'The request was refused',
                localeOf(req.headers['accept-language']),
              ),
              details: { reason: body.code },
              requestId: req.id,
            },
          })
      }
      return reply.send(text)
    },
  })

  const r = app.withTypeProvider<ZodTypeProvider>()
  const userRoute = { auth: 'user' as const, rateLimit: { max: 300, timeWindow: '1 minute' } }

  r.get('/api/me', {
    config: { ...userRoute, allowWithoutMfa: true },
    schema: { operationId: 'getMe', tags: ['identity'], response: { 200: MeSchema } },
    handler: (req) => identity.me(principalOf(req)),
  })
  r.patch('/api/me', {
    config: { ...userRoute, allowWithoutMfa: true },
    schema: {
      operationId: 'updateMe',
      tags: ['identity'],
      body: UpdateMeSchema,
      response: { 200: okSchema },
    },
    handler: async (req) => {
      await identity.updateMe(actorOf(req), req.body)
      return { ok: true as const }
    },
  })
  r.get('/api/me/sessions', {
    config: { ...userRoute, allowWithoutMfa: true },
    schema: {
      operationId: 'listMySessions',
      tags: ['identity'],
      response: { 200: z.array(SessionInfoSchema) },
    },
    handler: (req) => identity.listSessions(actorOf(req)),
  })
  r.delete('/api/me/sessions/:id', {
    config: { ...userRoute, allowWithoutMfa: true },
    schema: {
      operationId: 'revokeMySession',
      tags: ['identity'],
      params: z.object({ id: z.string().max(100) }),
      response: { 200: okSchema },
    },
    handler: async (req) => {
      await identity.revokeSession(actorOf(req), req.params.id)
      return { ok: true as const }
    },
  })
  r.get('/api/tokens', {
    config: userRoute,
    schema: { operationId: 'listApiTokens', tags: ['identity'], response: { 200: z.array(ApiTokenSchema) } },
    handler: (req) => identity.listTokens(actorOf(req)),
  })
  r.post('/api/tokens', {
    config: { ...userRoute, rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: {
      operationId: 'createApiToken',
      tags: ['identity'],
      body: CreateApiTokenSchema,
      response: { 201: CreatedApiTokenSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await identity.createToken(actorOf(req), req.body)),
  })
  r.delete('/api/tokens/:id', {
    config: userRoute,
    schema: {
      operationId: 'revokeApiToken',
      tags: ['identity'],
      params: z.object({ id: z.uuid() }),
      response: { 200: okSchema },
    },
    handler: async (req) => {
      await identity.revokeToken(actorOf(req), req.params.id)
      return { ok: true as const }
    },
  })
  void policy
}

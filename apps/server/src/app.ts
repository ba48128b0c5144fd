import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import cookie from '@fastify/cookie'
import helmet from '@fastify/helmet'
import multipart from '@fastify/multipart'
import rateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { ErrorEnvelopeSchema } from '@qalxan/contracts'
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify'
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Config } from './config.ts'
import { createAccessPolicy } from './modules/access/access.policy.ts'
import { registerAudit } from './modules/audit/audit.routes.ts'
import { createAuditService } from './modules/audit/audit.service.ts'
import { createCoordination, registerCoordination } from './modules/coordination/index.ts'
import { registerEvaluation } from './modules/evaluation/evaluation.routes.ts'
import { createEvaluationService } from './modules/evaluation/evaluation.service.ts'
import { createOfficialReportService } from './modules/evaluation/official-report.service.ts'
import { registerFiles } from './modules/files/files.routes.ts'
import { createFilesService } from './modules/files/files.service.ts'
import { createAuth } from './modules/identity/auth.ts'
import { registerIdentity } from './modules/identity/identity.routes.ts'
import { createIdentityService } from './modules/identity/identity.service.ts'
import { createInviter } from './modules/identity/invitations.ts'
import { registerNotifications } from './modules/notifications/notifications.routes.ts'
import { createNotificationsService } from './modules/notifications/notifications.service.ts'
import { createOutboxService } from './modules/notifications/outbox.service.ts'
import { createImportService } from './modules/organizations/import.service.ts'
import { registerOrganizations } from './modules/organizations/organizations.routes.ts'
import { createOrganizationsService } from './modules/organizations/organizations.service.ts'
import { createUsersService } from './modules/organizations/users.service.ts'
import { createMeasurePageService } from './modules/reporting/measure-page.service.ts'
import { createReminders } from './modules/reporting/reporting.jobs.ts'
import { registerReporting } from './modules/reporting/reporting.routes.ts'
import { createReportingService } from './modules/reporting/reporting.service.ts'
import { registerSearch } from './modules/search/search.routes.ts'
import { createSearchService } from './modules/search/search.service.ts'
import { createPlanImportService } from './modules/strategy/plan-import.service.ts'
import { registerStrategy } from './modules/strategy/strategy.routes.ts'
import { createStrategyService } from './modules/strategy/strategy.service.ts'
import type { Clock } from './platform/clock.ts'
import type { Database } from './platform/db.ts'
import type { FileStore } from './platform/files.ts'
import { installErrorHandling } from './platform/http.ts'
import type { Jobs } from './platform/jobs.ts'
import type { Mailer } from './platform/mailer.ts'
import { createMetrics } from './platform/metrics.ts'
import { responseSerializerCompiler } from './platform/response-serializer.ts'

export type AppDeps = {
  config: Config
  database: Database
  clock: Clock
  files: FileStore
  authSecret: string
  jobs?: Jobs
  mailer?: Mailer
  /** pino options or false; tests pass false. */
  logger?: boolean | object
}

/** Builds the services once; the HTTP app, the worker and the CLI all use the same set. */
export const buildServices = (deps: AppDeps) => {
  const { config, database, clock } = deps
  const audit = createAuditService({ database, clock })
  const policy = createAccessPolicy({
    now: () => clock.now(),
    onDenied: (actor, d) =>
      audit.recordAlone(actor, {
        action: 'access.denied',
        outcome: 'denied',
        data: { permission: d.permission, orgId: d.orgId ?? null },
      }),
  })
  const outbox = createOutboxService({
    database,
    clock,
    mailer: deps.mailer,
    mailFrom: config.mailFrom,
    jobs: deps.jobs,
  })
  const notifications = createNotificationsService({ database, clock })
  const auth = createAuth({ config, database, clock, audit, outbox, authSecret: deps.authSecret })
  const invite = createInviter({ auth, database, outbox, config })
  const identity = createIdentityService({ database, clock, auth, audit, policy })
  const organizations = createOrganizationsService({ database, clock, audit, policy })
  const users = createUsersService({ database, clock, audit, policy, invite, notify: notifications.notify })
  const imports = createImportService({ database, clock, audit, policy, invite })
  const files = createFilesService({
    database,
    store: deps.files,
    audit,
    policy,
    maxBytes: config.maxUploadBytes,
  })
  const strategy = createStrategyService({
    database,
    clock,
    audit,
    policy,
    // Bound late: the coordination services are built below.
    decisionRef: (ex, id) => assignments.decisionRef(ex, id),
  })
  const planImport = createPlanImportService({ database, clock, audit, policy, strategy })
  const reporting = createReportingService({
    database,
    clock,
    audit,
    policy,
    strategy,
    notifyAll: notifications.notifyAll,
    outbox,
    publicUrl: config.publicUrl,
  })
  const evaluation = createEvaluationService({ database, clock, audit, policy, strategy })
  const measurePage = createMeasurePageService({ strategy, reporting, evaluation })
  const reminders = createReminders({
    database,
    clock,
    audit,
    evaluation,
    notifyAll: notifications.notifyAll,
    outbox,
    publicUrl: config.publicUrl,
  })
  const search = createSearchService({ database, policy })
  const officialReports = createOfficialReportService({ database, clock, audit, policy, evaluation })
  const coord = createCoordination({
    database,
    clock,
    audit,
    policy,
    notifyAll: notifications.notifyAll,
    outbox,
    publicUrl: config.publicUrl,
    mailFrom: config.mailFrom,
  })
  const { coordination, agenda, assignments, invitations } = coord
  return {
    audit,
    policy,
    outbox,
    notifications,
    auth,
    identity,
    organizations,
    users,
    imports,
    files,
    strategy,
    planImport,
    reporting,
    measurePage,
    evaluation,
    search,
    officialReports,
    reminders,
    coordination,
    agenda,
    assignments,
    invitations,
    coordinationDocuments: coord.documents,
    assignmentReminders: coord.reminders,
  }
}
export type Services = ReturnType<typeof buildServices>

const csp = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // The web app is built to need no inline <style> element (apps/web/README.md, "Content Security Policy").
  styleSrc: ["'self'"],
  imgSrc: ["'self'"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
}

export const buildApp = async (
  deps: AppDeps,
): Promise<{ app: FastifyInstance; services: Services; routes: RouteOptions[] }> => {
  const { config, database } = deps
  const app = Fastify({
    logger:
      deps.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            ...(typeof deps.logger === 'object' ? deps.logger : {}),
          },
    bodyLimit: 1024 * 1024,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    trustProxy: process.env.TRUST_PROXY ?? false,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>()
  // Kept for the route-guard test and for operators (`printRoutes` covers only paths).
  const routes: RouteOptions[] = []
  app.addHook('onRoute', (r) => {
    routes.push(r)
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(responseSerializerCompiler)
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id)
  })
  installErrorHandling(app)

  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: csp },
    strictTransportSecurity: config.publicUrl.startsWith('https:')
      ? { maxAge: 31_536_000, includeSubDomains: true }
      : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
  })
  await app.register(rateLimit, {
    global: true,
    max: 600,
    timeWindow: '1 minute',
    errorResponseBuilder: (req, ctx) => ({
      statusCode: 429,
      error: {
        code: 'RATE_LIMITED',
        message: `Too many requests. Try again in ${Math.ceil(ctx.ttl / 1000)} s.`,
        requestId: req.id,
      },
    }),
  })
  await app.register(cookie)
  await app.register(multipart, {
    limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10, parts: 12 },
  })
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Qalxan API',
        version: '0.1.0',
        description: 'Information-security coordination portal',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'qalxan.session_token' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  })
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { docExpansion: 'list' },
  })

  const metrics = createMetrics()
  metrics.install(app)
  const services = buildServices(deps)

  app.get('/health', {
    config: { auth: 'public', reason: 'liveness probe for the load balancer', rateLimit: false },
    schema: {
      operationId: 'health',
      tags: ['operations'],
      response: { 200: z.object({ status: z.literal('ok') }) },
    },
    handler: async () => ({ status: 'ok' as const }),
  })
  app.get('/ready', {
    config: {
      auth: 'public',
      reason: 'readiness probe: answers 503 until the database answers',
      rateLimit: false,
    },
    schema: {
      operationId: 'ready',
      tags: ['operations'],
      response: {
        200: z.object({ status: z.literal('ready'), database: z.string() }),
        503: ErrorEnvelopeSchema,
      },
    },
    handler: async (_req, reply) => {
      try {
        await database.query('select 1')
      } catch {
        return reply
          .status(503)
          .send({ error: { code: 'INTERNAL', message: 'The database does not answer', requestId: _req.id } })
      }
      return { status: 'ready' as const, database: database.kind }
    },
  })
  app.get('/metrics', {
    config: {
      auth: 'public',
      reason: 'Prometheus scrape; expose only on the internal network',
      rateLimit: false,
    },
    schema: { operationId: 'metrics', tags: ['operations'], hide: true },
    handler: async (_req, reply) =>
      reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  })

  registerIdentity(app, { config, auth: services.auth, identity: services.identity, policy: services.policy })
  registerOrganizations(app, services)
  registerAudit(app, services)
  registerNotifications(app, { ...services, database })
  registerFiles(app, services)
  registerStrategy(app, services)
  registerReporting(app, services)
  registerEvaluation(app, services)
  registerSearch(app, services)
  registerCoordination(app, {
    coordination: services.coordination,
    agenda: services.agenda,
    assignments: services.assignments,
    invitations: services.invitations,
    documents: services.coordinationDocuments,
  })

  const webDist = resolve(config.webDist ?? join(import.meta.dirname, '../../web/dist'))
  if (existsSync(join(webDist, 'index.html'))) {
    // serve: false — files go out only through the one route below, which carries the route rules.
    await app.register(fastifyStatic, { root: webDist, serve: false, maxAge: '1h' })
    // Any other GET that is not the API is a page of the single-page app.
    app.get('/*', {
      config: {
        auth: 'public',
        reason: 'the web application shell; data comes from the API',
        rateLimit: { max: 600, timeWindow: '1 minute' },
      },
      schema: { hide: true },
      handler: async (req, reply) => {
        const path = req.url.split('?')[0] ?? '/'
        if (path.startsWith('/api/')) return reply.callNotFound()
        const file = path.slice(1)
        if (file && !file.includes('..') && existsSync(join(webDist, file))) return reply.sendFile(file)
        return reply.header('cache-control', 'no-cache').sendFile('index.html')
      },
    })
  }
  return { app, services, routes }
}

import {
  CreateUserSchema,
  type ImportReport,
  ImportReportSchema,
  type Locale,
  MembershipSchema,
  MoveUserSchema,
  OrganizationInputSchema,
  OrganizationSchema,
  okSchema,
  pageOf,
  paginationQuery,
  SetRolesSchema,
  UnitInputSchema,
  UnitSchema,
  UpdateUserSchema,
  UserSummarySchema,
} from '@qalxan/contracts'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../../platform/errors.ts'
import { localeOf, translate } from '../../platform/messages.ts'
import { actorOf } from '../identity/identity.routes.ts'
import type { ImportService } from './import.service.ts'
import type { OrganizationsService } from './organizations.service.ts'
import type { UsersService } from './users.service.ts'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const read = { auth: 'user' as const, rateLimit: { max: 300, timeWindow: '1 minute' } }
const write = { auth: 'user' as const, rateLimit: { max: 60, timeWindow: '1 minute' } }
const idParams = z.object({ id: z.uuid() })
const dryRunQuery = z.object({ dryRun: z.enum(['true', 'false']).default('true') })

/** The one uploaded file of a multipart request, read whole (imports are small and bounded). */
export const uploadedFile = async (req: FastifyRequest) => {
  if (!req.isMultipart())
    throw new AppError('UNSUPPORTED_MEDIA', 'Send the file as multipart/form-data in the field "file"')
  const part = await req.file()
  if (!part)
    throw new AppError('VALIDATION_FAILED', 'No file was sent', [{ path: 'body.file', message: 'Required' }])
  const buf = await part.toBuffer()
  if (buf.length === 0)
    throw new AppError('VALIDATION_FAILED', 'The file is empty', [{ path: 'body.file', message: 'Empty' }])
  return { buf, filename: part.filename, part }
}

const localizeReport = (r: ImportReport, locale: Locale): ImportReport => ({
  ...r,
  issues: r.issues.map((i) => ({ ...i, message: translate(i.message, locale) })),
})

export const registerOrganizations = (
  app: FastifyInstance,
  deps: { organizations: OrganizationsService; users: UsersService; imports: ImportService },
) => {
  const { organizations, users, imports } = deps
  const r = app.withTypeProvider<ZodTypeProvider>()
  const tags = ['organizations']

  /** A file import: dry run by default, the report in the caller's language. */
  const importRoute = (
    url: string,
    operationId: string,
    routeTags: string[],
    run: ImportService['importUsers'],
  ) =>
    r.post(url, {
      config: { ...write, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        operationId,
        tags: routeTags,
        querystring: dryRunQuery,
        response: { 200: ImportReportSchema },
      },
      handler: async (req) => {
        const { buf } = await uploadedFile(req)
        const locale = localeOf(req.headers['accept-language'])
        return localizeReport(await run(actorOf(req), buf, req.query.dryRun === 'true', locale), locale)
      },
    })

  r.get('/api/organizations', {
    config: read,
    schema: {
      operationId: 'listOrganizations',
      tags,
      querystring: paginationQuery.extend({ q: z.string().trim().max(100).optional() }),
      response: { 200: pageOf(OrganizationSchema) },
    },
    handler: (req) => organizations.list(actorOf(req), req.query),
  })
  r.get('/api/organizations/tree', {
    config: read,
    schema: { operationId: 'organizationTree', tags, response: { 200: z.array(OrganizationSchema) } },
    handler: (req) => organizations.tree(actorOf(req)),
  })
  r.post('/api/organizations', {
    config: write,
    schema: {
      operationId: 'createOrganization',
      tags,
      body: OrganizationInputSchema,
      response: { 201: OrganizationSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await organizations.create(actorOf(req), req.body)),
  })
  r.get('/api/organizations/import/template.xlsx', {
    config: read,
    schema: { operationId: 'organizationImportTemplate', tags },
    handler: async (_req, reply) =>
      reply
        .type(XLSX)
        .header('content-disposition', 'attachment; filename="qalxan-organizations.xlsx"')
        .send(await imports.organizationTemplate()),
  })
  importRoute('/api/organizations/import', 'importOrganizations', tags, imports.importOrganizations)
  r.get('/api/organizations/:id', {
    config: read,
    schema: { operationId: 'getOrganization', tags, params: idParams, response: { 200: OrganizationSchema } },
    handler: (req) => organizations.get(actorOf(req), req.params.id),
  })
  r.patch('/api/organizations/:id', {
    config: write,
    schema: {
      operationId: 'updateOrganization',
      tags,
      params: idParams,
      body: OrganizationInputSchema.partial().extend({ archived: z.boolean().optional() }),
      response: { 200: OrganizationSchema },
    },
    handler: (req) => organizations.update(actorOf(req), req.params.id, req.body),
  })
  r.get('/api/organizations/:id/units', {
    config: read,
    schema: { operationId: 'listUnits', tags, params: idParams, response: { 200: z.array(UnitSchema) } },
    handler: (req) => organizations.units(actorOf(req), req.params.id),
  })
  r.post('/api/organizations/:id/units', {
    config: write,
    schema: {
      operationId: 'createUnit',
      tags,
      params: idParams,
      body: UnitInputSchema,
      response: { 201: UnitSchema },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await organizations.createUnit(actorOf(req), req.params.id, req.body)),
  })

  const utags = ['users']
  r.get('/api/users', {
    config: read,
    schema: {
      operationId: 'listUsers',
      tags: utags,
      querystring: paginationQuery.extend({
        q: z.string().trim().max(100).optional(),
        orgId: z.uuid().optional(),
      }),
      response: { 200: pageOf(UserSummarySchema) },
    },
    handler: (req) => users.list(actorOf(req), req.query),
  })
  r.post('/api/users', {
    config: write,
    schema: {
      operationId: 'createUser',
      tags: utags,
      body: CreateUserSchema,
      response: { 201: UserSummarySchema },
    },
    handler: async (req, reply) => reply.status(201).send(await users.create(actorOf(req), req.body)),
  })
  r.get('/api/users/import/template.xlsx', {
    config: read,
    schema: { operationId: 'userImportTemplate', tags: utags },
    handler: async (_req, reply) =>
      reply
        .type(XLSX)
        .header('content-disposition', 'attachment; filename="qalxan-users.xlsx"')
        .send(await imports.userTemplate()),
  })
  importRoute('/api/users/import', 'importUsers', utags, imports.importUsers)
  r.get('/api/users/:id', {
    config: read,
    schema: { operationId: 'getUser', tags: utags, params: idParams, response: { 200: UserSummarySchema } },
    handler: (req) => users.get(actorOf(req), req.params.id),
  })
  r.patch('/api/users/:id', {
    config: write,
    schema: {
      operationId: 'updateUser',
      tags: utags,
      params: idParams,
      body: UpdateUserSchema,
      response: { 200: UserSummarySchema },
    },
    handler: (req) => users.update(actorOf(req), req.params.id, req.body),
  })
  r.put('/api/users/:id/roles', {
    config: write,
    schema: {
      operationId: 'setUserRoles',
      tags: utags,
      params: idParams,
      body: SetRolesSchema,
      response: { 200: UserSummarySchema },
    },
    handler: (req) => users.setRoles(actorOf(req), req.params.id, req.body.grants),
  })
  r.get('/api/users/:id/memberships', {
    config: read,
    schema: {
      operationId: 'listMemberships',
      tags: utags,
      params: idParams,
      response: { 200: z.array(MembershipSchema) },
    },
    handler: (req) => users.memberships(actorOf(req), req.params.id),
  })
  r.post('/api/users/:id/move', {
    config: write,
    schema: {
      operationId: 'moveUser',
      tags: utags,
      params: idParams,
      body: MoveUserSchema,
      response: { 200: z.array(MembershipSchema) },
    },
    handler: (req) => users.move(actorOf(req), req.params.id, req.body),
  })
  r.post('/api/users/:id/invite', {
    config: { ...write, rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { operationId: 'resendInvitation', tags: utags, params: idParams, response: { 200: okSchema } },
    handler: async (req) => {
      await users.resendInvitation(actorOf(req), req.params.id)
      return { ok: true as const }
    },
  })
}

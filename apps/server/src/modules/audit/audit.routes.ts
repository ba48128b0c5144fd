import { Readable } from 'node:stream'
import { AuditEventSchema, AuditQuerySchema, pageOf } from '@qalxan/contracts'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { AccessPolicy } from '../access/access.policy.ts'
import { actorOf } from '../identity/identity.routes.ts'
import type { AuditService } from './audit.service.ts'

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)
  // A leading =, +, - or @ would run as a formula in a spreadsheet: neutralise it.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}
const COLUMNS = [
  'seq',
  'occurredAt',
  'actorUserId',
  'actorOrgId',
  'action',
  'outcome',
  'targetType',
  'targetId',
  'requestId',
  'ip',
  'data',
  'prevHash',
  'hash',
] as const

export const registerAudit = (app: FastifyInstance, deps: { audit: AuditService; policy: AccessPolicy }) => {
  const { audit, policy } = deps
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.get('/api/audit', {
    config: { auth: 'user', rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: {
      operationId: 'listAuditEvents',
      tags: ['audit'],
      querystring: AuditQuerySchema,
      response: { 200: pageOf(AuditEventSchema) },
    },
    handler: async (req) => {
      const actor = actorOf(req)
      await policy.require(actor, 'audit.read')
      const { limit, offset, ...f } = req.query
      const page = await audit.list(f, limit, offset)
      return {
        total: page.total,
        items: page.items.map(({ event: e, actorName }) => ({
          actorName,
          ...e,
          occurredAt: new Date(e.occurredAt).toISOString(),
          outcome: e.outcome as 'success',
        })),
      }
    },
  })
  r.get('/api/audit/export.csv', {
    config: { auth: 'user', rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      operationId: 'exportAuditEvents',
      tags: ['audit'],
      querystring: AuditQuerySchema.omit({ limit: true, offset: true }),
    },
    handler: async (req, reply) => {
      const actor = actorOf(req)
      await policy.require(actor, 'audit.export')
      await audit.recordAlone(actor, { action: 'audit.exported', data: { filter: req.query } })
      const scan = audit.scan(req.query)
      async function* lines() {
        yield `\uFEFF${COLUMNS.join(',')}\r\n`
        for await (const e of scan)
          yield `${COLUMNS.map((c) => csvCell(c === 'occurredAt' ? new Date(e.occurredAt).toISOString() : e[c])).join(',')}\r\n`
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="qalxan-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
        )
        .send(Readable.from(lines()))
    },
  })
}

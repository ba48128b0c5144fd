import { NotificationSchema, OutboxMailSchema, okSchema, pageOf, paginationQuery } from '@qalxan/contracts'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Database } from '../../platform/db.ts'
import type { AccessPolicy } from '../access/access.policy.ts'
import { actorOf } from '../identity/identity.routes.ts'
import type { NotificationsService } from './notifications.service.ts'
import type { OutboxService } from './outbox.service.ts'

const iso = (d: Date | null) => d?.toISOString() ?? null

export const registerNotifications = (
  app: FastifyInstance,
  deps: {
    notifications: NotificationsService
    outbox: OutboxService
    policy: AccessPolicy
    database: Database
  },
) => {
  const { notifications, outbox, policy } = deps
  const r = app.withTypeProvider<ZodTypeProvider>()
  const cfg = { auth: 'user' as const, rateLimit: { max: 300, timeWindow: '1 minute' } }
  r.get('/api/notifications', {
    config: cfg,
    schema: {
      operationId: 'listNotifications',
      tags: ['notifications'],
      response: { 200: z.object({ items: z.array(NotificationSchema), unread: z.number().int() }) },
    },
    handler: async (req) => {
      const { items, unread } = await notifications.list(actorOf(req))
      return {
        unread,
        items: items.map((n) => ({ ...n, readAt: iso(n.readAt), createdAt: n.createdAt.toISOString() })),
      }
    },
  })
  r.post('/api/notifications/:id/read', {
    config: cfg,
    schema: {
      operationId: 'markNotificationRead',
      tags: ['notifications'],
      params: z.object({ id: z.uuid() }),
      response: { 200: okSchema },
    },
    handler: async (req) => {
      await notifications.markRead(actorOf(req), req.params.id)
      return { ok: true as const }
    },
  })
  r.post('/api/notifications/read-all', {
    config: cfg,
    schema: { operationId: 'markAllNotificationsRead', tags: ['notifications'], response: { 200: okSchema } },
    handler: async (req) => {
      await notifications.markAllRead(actorOf(req))
      return { ok: true as const }
    },
  })
  r.get('/api/admin/outbox', {
    config: cfg,
    schema: {
      operationId: 'listOutbox',
      tags: ['notifications'],
      querystring: paginationQuery.extend({
        status: z.enum(['pending', 'sending', 'sent', 'failed', 'held']).optional(),
        to: z.string().max(254).optional(),
      }),
      response: { 200: pageOf(OutboxMailSchema) },
    },
    handler: async (req) => {
      await policy.require(actorOf(req), 'outbox.read')
      const { limit, offset, ...f } = req.query
      const page = await outbox.list(deps.database.db, limit, offset, f)
      return {
        total: page.total,
        items: page.items.map((m) => ({
          id: m.id,
          to: m.to,
          subject: m.subject,
          status: m.status as 'pending',
          attempts: m.attempts,
          lastError: m.lastError,
          createdAt: m.createdAt.toISOString(),
          sentAt: iso(m.sentAt),
        })),
      }
    },
  })
}

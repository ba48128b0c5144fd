import { z } from 'zod'

export const AuditEventSchema = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  actorUserId: z.string().nullable(),
  /** The actor's name now, for reading; the chained record keeps only the id. */
  actorName: z.string().nullable(),
  actorOrgId: z.string().nullable(),
  action: z.string(),
  outcome: z.enum(['success', 'denied', 'failure']),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  hash: z.string(),
})
export type AuditEvent = z.infer<typeof AuditEventSchema>

export const AuditQuerySchema = z.object({
  action: z.string().max(100).optional(),
  actorUserId: z.string().max(100).optional(),
  targetId: z.string().max(100).optional(),
  outcome: z.enum(['success', 'denied', 'failure']).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
})

export const NotificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
})

export const OutboxMailSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  status: z.enum(['pending', 'sending', 'sent', 'failed', 'held']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
})

export const StoredFileSchema = z.object({
  id: z.string(),
  sha256: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number().int(),
  orgId: z.string(),
  createdAt: z.string(),
})
export type StoredFile = z.infer<typeof StoredFileSchema>

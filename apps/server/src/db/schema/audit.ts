import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * Append-only (a trigger refuses UPDATE and DELETE) and hash-chained: each event's hash covers
 * its own fields and the previous event's hash, so `qalxan audit verify` finds any edit.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull(),
    actorUserId: text('actor_user_id'),
    actorOrgId: text('actor_org_id'),
    action: text('action').notNull(),
    outcome: text('outcome').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    requestId: text('request_id'),
    ip: text('ip'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_action_idx').on(t.action),
    index('audit_events_actor_idx').on(t.actorUserId),
    index('audit_events_target_idx').on(t.targetId),
    index('audit_events_time_idx').on(t.occurredAt),
  ],
)

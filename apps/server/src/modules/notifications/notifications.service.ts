import { and, count, desc, eq, isNull, sql } from 'drizzle-orm'
import { notifications } from '../../db/schema/index.ts'
import type { Clock } from '../../platform/clock.ts'
import type { Database, Tx } from '../../platform/db.ts'
import { notFound } from '../../platform/errors.ts'
import { preparedSql } from '../../platform/prepared.ts'
import type { Actor } from '../access/actor.ts'

export type NotificationsService = ReturnType<typeof createNotificationsService>

/** Rows per insert: a column of values each, so that a statement's size stays bounded. */
const BATCH = 1000

/** Any number of notices in one statement, prepared once: one array per column. */
const insertNotices = preparedSql(
  'notifications_insert_many',
  sql`insert into ${notifications} (user_id, kind, title, body, link)
    select * from unnest(${sql.placeholder('userIds')}::text[], ${sql.placeholder('kinds')}::text[],
      ${sql.placeholder('titles')}::text[], ${sql.placeholder('bodies')}::text[], ${sql.placeholder('links')}::text[])`,
)

export const createNotificationsService = (deps: { database: Database; clock: Clock }) => {
  const { database, clock } = deps
  return {
    /** In-app notice, written in the transaction of the event it announces. */
    async notify(
      tx: Tx,
      userId: string,
      n: { kind: string; title: string; body: string; link?: string | null },
    ) {
      await tx.insert(notifications).values({ userId, ...n, link: n.link ?? null })
    },
    /** Many in-app notices in one statement per thousand: an event that concerns many people. */
    async notifyAll(
      tx: Tx,
      ns: { userId: string; kind: string; title: string; body: string; link?: string | null }[],
    ) {
      for (let i = 0; i < ns.length; i += BATCH) {
        const batch = ns.slice(i, i + BATCH)
        await insertNotices(tx, {
          userIds: batch.map((n) => n.userId),
          kinds: batch.map((n) => n.kind),
          titles: batch.map((n) => n.title),
          bodies: batch.map((n) => n.body),
          links: batch.map((n) => n.link ?? null),
        })
      }
    },
    async list(actor: Actor, limit = 50) {
      const db = database.db
      const items = await db
        .select()
        .from(notifications)
        .where(eq(notifications.userId, actor.userId))
        .orderBy(desc(notifications.createdAt))
        .limit(limit)
      const [u] = await db
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
      return { items, unread: u?.n ?? 0 }
    },
    async markRead(actor: Actor, id: string) {
      const r = await database.db
        .update(notifications)
        .set({ readAt: clock.now() })
        .where(and(eq(notifications.id, id), eq(notifications.userId, actor.userId)))
        .returning({ id: notifications.id })
      if (r.length === 0) throw notFound('Notification', id)
    },
    async markAllRead(actor: Actor) {
      await database.db
        .update(notifications)
        .set({ readAt: clock.now() })
        .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
    },
  }
}

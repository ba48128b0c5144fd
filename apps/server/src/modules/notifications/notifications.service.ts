import { and, count, desc, eq, isNull } from 'drizzle-orm'
import { notifications } from '../../db/schema/index.ts'
import type { Clock } from '../../platform/clock.ts'
import type { Database, Tx } from '../../platform/db.ts'
import { notFound } from '../../platform/errors.ts'
import type { Actor } from '../access/actor.ts'

export type NotificationsService = ReturnType<typeof createNotificationsService>

/** Rows per multi-row insert, well within PostgreSQL's 65,535 parameters per statement. */
const BATCH = 1000

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
      for (let i = 0; i < ns.length; i += BATCH)
        await tx
          .insert(notifications)
          .values(ns.slice(i, i + BATCH).map((n) => ({ ...n, link: n.link ?? null })))
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

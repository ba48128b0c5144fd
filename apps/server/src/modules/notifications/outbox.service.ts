import { randomUUID } from 'node:crypto'
import { and, count, desc, eq, lt, or, sql } from 'drizzle-orm'
import { z } from 'zod'
import { mailAttachments, mailOutbox } from '../../db/schema/index.ts'
import type { Clock } from '../../platform/clock.ts'
import type { Database, Executor, Tx } from '../../platform/db.ts'
import { defineJob, type Jobs } from '../../platform/jobs.ts'
import type { MailAttachment, Mailer } from '../../platform/mailer.ts'
import { preparedSql } from '../../platform/prepared.ts'

/** Attachments are text (an .ics invitation) and are kept with the mail until it is sent. */
export type OutgoingMail = {
  to: string
  subject: string
  text: string
  attachments?: { filename: string; contentType: string; content: string }[]
}
export type OutboxService = ReturnType<typeof createOutboxService>

const MAX_ATTEMPTS = 5
/** Rows per insert: a column of values each, so that a statement's size stays bounded. */
const BATCH = 1000

/**
 * Any number of messages in one statement, prepared once: one array per column. The ids are made
 * here, so that attachments find their message without relying on the order of `returning`.
 */
const insertMails = preparedSql(
  'mail_outbox_insert_many',
  sql`insert into ${mailOutbox} (id, "to", subject, text, status)
    select id, "to", subject, text, ${sql.placeholder('status')}::text
      from unnest(${sql.placeholder('ids')}::uuid[], ${sql.placeholder('to')}::text[],
        ${sql.placeholder('subjects')}::text[], ${sql.placeholder('texts')}::text[]) as m(id, "to", subject, text)`,
)
const CLAIM_TIMEOUT_MS = 10 * 60_000

export const createOutboxService = (deps: {
  database: Database
  clock: Clock
  mailer?: Mailer
  mailFrom: string
  jobs?: Pick<Jobs, 'send'>
}) => {
  const { database, clock, mailer } = deps
  const status = mailer ? 'pending' : 'held'

  const flushJob = defineJob({
    name: 'mail.flush',
    version: 1,
    schema: z.object({}).passthrough(),
    cron: '* * * * *',
    handler: async () => {
      await service.flush()
    },
  })

  const claimOne = async () => {
    const now = clock.now()
    const stale = new Date(now.getTime() - CLAIM_TIMEOUT_MS)
    return database.db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(mailOutbox)
        .where(
          and(
            lt(mailOutbox.attempts, MAX_ATTEMPTS),
            or(
              eq(mailOutbox.status, 'pending'),
              // A failed message waits 5 minutes per attempt already made before it is tried again.
              and(
                eq(mailOutbox.status, 'failed'),
                sql`${mailOutbox.claimedAt} < ${now.toISOString()}::timestamptz - ${mailOutbox.attempts} * interval '5 minutes'`,
              ),
              and(eq(mailOutbox.status, 'sending'), lt(mailOutbox.claimedAt, stale)),
            ),
          ),
        )
        .orderBy(mailOutbox.createdAt)
        .limit(1)
        .for('update', { skipLocked: true })
      if (!row) return null
      await tx
        .update(mailOutbox)
        .set({ status: 'sending', claimedAt: now, attempts: row.attempts + 1 })
        .where(eq(mailOutbox.id, row.id))
      return row
    })
  }

  const service = {
    flushJob,
    /** Writes mail in the caller's transaction: a rollback takes the mail with it. */
    async enqueue(tx: Tx, mail: OutgoingMail) {
      return (await service.enqueueAll(tx, [mail]))[0] as string
    },
    /** Many messages in one statement per thousand, and one flush for them all. */
    async enqueueAll(tx: Tx, mails: OutgoingMail[]) {
      const ids: string[] = []
      for (let i = 0; i < mails.length; i += BATCH) {
        const batch = mails.slice(i, i + BATCH)
        const batchIds = batch.map(() => randomUUID())
        await insertMails(tx, {
          ids: batchIds,
          to: batch.map((m) => m.to),
          subjects: batch.map((m) => m.subject),
          texts: batch.map((m) => m.text),
          status,
        })
        const files = batch.flatMap((m, k) =>
          (m.attachments ?? []).map((a) => ({ outboxId: batchIds[k] as string, ...a })),
        )
        if (files.length) await tx.insert(mailAttachments).values(files)
        ids.push(...batchIds)
      }
      if (ids.length && mailer && deps.jobs) await deps.jobs.send(flushJob, {}, tx)
      return ids
    },
    enqueueAlone(mail: OutgoingMail) {
      return database.db.transaction((tx) => service.enqueue(tx, mail))
    },
    /** Sends what is pending; several workers may run it at once (rows are claimed with SKIP LOCKED). */
    async flush(limit = 50) {
      if (!mailer) return { sent: 0, failed: 0 }
      let sent = 0
      let failed = 0
      for (let i = 0; i < limit; i++) {
        const row = await claimOne()
        if (!row) break
        // The network call happens outside any transaction; a crash mid-send leaves the row
        // 'sending', and it is retried once its claim is older than CLAIM_TIMEOUT_MS.
        try {
          const attachments: MailAttachment[] = await database.db
            .select({
              filename: mailAttachments.filename,
              contentType: mailAttachments.contentType,
              content: mailAttachments.content,
            })
            .from(mailAttachments)
            .where(eq(mailAttachments.outboxId, row.id))
          await mailer.send(deps.mailFrom, { to: row.to, subject: row.subject, text: row.text, attachments })
          await database.db
            .update(mailOutbox)
            .set({ status: 'sent', sentAt: clock.now(), lastError: null })
            .where(eq(mailOutbox.id, row.id))
          sent++
        } catch (err) {
          await database.db
            .update(mailOutbox)
            .set({ status: 'failed', lastError: String((err as Error).message).slice(0, 500) })
            .where(eq(mailOutbox.id, row.id))
          failed++
        }
      }
      return { sent, failed }
    },
    async list(db: Executor, limit: number, offset: number, filter?: { status?: string; to?: string }) {
      const w = and(
        filter?.status ? eq(mailOutbox.status, filter.status) : undefined,
        filter?.to ? eq(mailOutbox.to, filter.to) : undefined,
      )
      const items = await db
        .select()
        .from(mailOutbox)
        .where(w)
        .orderBy(desc(mailOutbox.createdAt))
        .limit(limit)
        .offset(offset)
      const [t] = await db.select({ n: count() }).from(mailOutbox).where(w)
      return { items, total: t?.n ?? 0 }
    },
  }
  return service
}

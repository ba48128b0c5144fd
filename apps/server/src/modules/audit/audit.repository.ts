import { and, asc, count, desc, eq, gt, gte, lt, type SQL, sql } from 'drizzle-orm'
import { auditEvents, user } from '../../db/schema/index.ts'
import type { Executor, Tx } from '../../platform/db.ts'
import { prepared, preparedSql } from '../../platform/prepared.ts'

// Any constant: every writer of the chain takes this lock, so two transactions never append the same seq.
const CHAIN_LOCK = 7_273_001

export type AuditFilter = {
  action?: string
  actorUserId?: string
  targetId?: string
  outcome?: string
  from?: string
  to?: string
}

const where = (f: AuditFilter): SQL | undefined => {
  const c: SQL[] = []
  if (f.action) c.push(sql`${auditEvents.action} like ${`${f.action.replace(/[%_\\]/g, '\\$&')}%`}`)
  if (f.actorUserId) c.push(eq(auditEvents.actorUserId, f.actorUserId))
  if (f.targetId) c.push(eq(auditEvents.targetId, f.targetId))
  if (f.outcome) c.push(eq(auditEvents.outcome, f.outcome))
  if (f.from) c.push(gte(auditEvents.occurredAt, f.from))
  if (f.to) c.push(lt(auditEvents.occurredAt, sql`(${f.to}::date + 1)`))
  return c.length ? and(...c) : undefined
}

// Every write of the portal appends to the chain with these three statements: prepared once.
const lockChain = preparedSql(
  'audit_lock_chain',
  sql`select pg_advisory_xact_lock(${sql.raw(String(CHAIN_LOCK))})`,
)
const chainHead = prepared('audit_chain_head', (db) =>
  db
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1),
)
const insertEvent = prepared('audit_insert_event', (db) =>
  db.insert(auditEvents).values({
    seq: sql.placeholder('seq'),
    occurredAt: sql.placeholder('occurredAt'),
    actorUserId: sql.placeholder('actorUserId'),
    actorOrgId: sql.placeholder('actorOrgId'),
    action: sql.placeholder('action'),
    outcome: sql.placeholder('outcome'),
    targetType: sql.placeholder('targetType'),
    targetId: sql.placeholder('targetId'),
    requestId: sql.placeholder('requestId'),
    ip: sql.placeholder('ip'),
    data: sql.placeholder('data'),
    prevHash: sql.placeholder('prevHash'),
    hash: sql.placeholder('hash'),
  }),
)

export const auditRepository = {
  async lockChainAndGetHead(tx: Tx) {
    // Two statements: the head must be read after the lock is held, by a snapshot taken after it.
    await lockChain(tx)
    const [last] = await chainHead(tx)
    return last ?? null
  },
  async head(db: Executor) {
    const [last] = await db
      .select({ seq: auditEvents.seq, hash: auditEvents.hash })
      .from(auditEvents)
      .orderBy(desc(auditEvents.seq))
      .limit(1)
    return last ?? null
  },
  async insert(tx: Tx, row: typeof auditEvents.$inferInsert) {
    await insertEvent(tx, {
      ...row,
      actorUserId: row.actorUserId ?? null,
      actorOrgId: row.actorOrgId ?? null,
      targetType: row.targetType ?? null,
      targetId: row.targetId ?? null,
      requestId: row.requestId ?? null,
      ip: row.ip ?? null,
    })
  },
  async list(db: Executor, f: AuditFilter, limit: number, offset: number) {
    const w = where(f)
    const items = await db
      .select({ event: auditEvents, actorName: user.name })
      .from(auditEvents)
      .leftJoin(user, eq(user.id, auditEvents.actorUserId))
      .where(w)
      .orderBy(desc(auditEvents.seq))
      .limit(limit)
      .offset(offset)
    const [t] = await db.select({ n: count() }).from(auditEvents).where(w)
    return { items, total: t?.n ?? 0 }
  },
  /** Pages through the whole log in order, for verification and export. */
  async *scan(db: Executor, f: AuditFilter = {}, pageSize = 2000) {
    let after = 0
    for (;;) {
      const w = where(f)
      const page = await db
        .select()
        .from(auditEvents)
        .where(w ? and(w, gt(auditEvents.seq, after)) : gt(auditEvents.seq, after))
        .orderBy(asc(auditEvents.seq))
        .limit(pageSize)
      if (page.length === 0) return
      yield* page
      after = page[page.length - 1]?.seq ?? after
    }
  },
}

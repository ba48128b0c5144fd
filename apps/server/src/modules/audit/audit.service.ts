import type { Clock } from '../../platform/clock.ts'
import type { Database, Tx } from '../../platform/db.ts'
import type { Actor } from '../access/actor.ts'
import { type ChainHead, chainHash, GENESIS_HASH, verifyChain } from './audit.fns.ts'
import { type AuditFilter, auditRepository } from './audit.repository.ts'

export type AuditInput = {
  action: string
  outcome?: 'success' | 'denied' | 'failure'
  targetType?: string | null
  targetId?: string | null
  data?: Record<string, unknown>
}

export type AuditService = ReturnType<typeof createAuditService>

export const createAuditService = (deps: { database: Database; clock: Clock }) => {
  const { database, clock } = deps
  /** Appends one event; call inside the transaction of the change it records. */
  const record = async (tx: Tx, actor: Actor | null, input: AuditInput) => {
    const head = await auditRepository.lockChainAndGetHead(tx)
    const prevHash = head?.hash ?? GENESIS_HASH
    const fields = {
      seq: (head?.seq ?? 0) + 1,
      occurredAt: clock.now().toISOString(),
      actorUserId: actor?.userId ?? null,
      actorOrgId: actor?.orgId ?? null,
      action: input.action,
      outcome: input.outcome ?? 'success',
      targetType: input.targetType ?? null,
      targetId: input.targetId ?? null,
      requestId: actor?.requestId ?? null,
      ip: actor?.ip ?? null,
      data: input.data ?? {},
    }
    await auditRepository.insert(tx, { ...fields, prevHash, hash: chainHash(prevHash, fields) })
  }
  return {
    record,
    /** For events with no change of their own, such as a refused request. */
    recordAlone: (actor: Actor | null, input: AuditInput) =>
      database.db.transaction((tx) => record(tx, actor, input)),
    list: (f: AuditFilter, limit: number, offset: number) =>
      auditRepository.list(database.db, f, limit, offset),
    scan: (f: AuditFilter) => auditRepository.scan(database.db, f),
    /** Checks the whole chain; with `expectHead`, also that the events up to that head are all still there. */
    async verify(expectHead?: ChainHead) {
      return verifyChain(auditRepository.scan(database.db), undefined, expectHead)
    },
    /** The newest event, to be written down outside the database (null when the trail is empty). */
    async head(): Promise<ChainHead | null> {
      return auditRepository.head(database.db)
    },
  }
}

import { createHash } from 'node:crypto'

export const GENESIS_HASH = '0'.repeat(64)

export type ChainedFields = {
  seq: number
  occurredAt: string
  actorUserId: string | null
  actorOrgId: string | null
  action: string
  outcome: string
  targetType: string | null
  targetId: string | null
  requestId: string | null
  ip: string | null
  data: Record<string, unknown>
}

/** JSON with keys sorted at every level, so the same event always hashes the same. */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

export const chainHash = (prevHash: string, e: ChainedFields): string =>
  createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(
      // Only the chained fields, named one by one: a row read back carries its hashes too.
      canonicalJson({
        seq: e.seq,
        // Hashed as an instant, so the database's text form of the timestamp does not matter.
        occurredAt: new Date(e.occurredAt).toISOString(),
        actorUserId: e.actorUserId,
        actorOrgId: e.actorOrgId,
        action: e.action,
        outcome: e.outcome,
        targetType: e.targetType,
        targetId: e.targetId,
        requestId: e.requestId,
        ip: e.ip,
        data: e.data,
      }),
    )
    .digest('hex')

export type VerifyResult =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: number; reason: string }

/** Walks events in order; names the first whose link or content does not match. */
export const verifyChain = async (
  events:
    | AsyncIterable<ChainedFields & { prevHash: string; hash: string }>
    | Iterable<ChainedFields & { prevHash: string; hash: string }>,
  start: { prevHash: string; expectedSeq: number } = { prevHash: GENESIS_HASH, expectedSeq: 1 },
): Promise<VerifyResult & { lastHash: string; nextSeq: number }> => {
  let prev = start.prevHash
  let expected = start.expectedSeq
  let checked = 0
  for await (const e of events) {
    const fail = (reason: string) => ({
      ok: false as const,
      checked,
      brokenAt: e.seq,
      reason,
      lastHash: prev,
      nextSeq: expected,
    })
    if (e.seq !== expected) return fail(`event ${e.seq} follows ${expected - 1}: events are missing`)
    if (e.prevHash !== prev) return fail(`event ${e.seq} does not link to the event before it`)
    if (chainHash(prev, e) !== e.hash) return fail(`event ${e.seq} was changed after it was written`)
    prev = e.hash
    expected++
    checked++
  }
  return { ok: true, checked, lastHash: prev, nextSeq: expected }
}

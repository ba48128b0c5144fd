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

/**
 * The newest event's sequence number and hash, written down outside the database (`qalxan audit
 * head`). The chain alone cannot show that its newest events were deleted, since what is left still
 * links up; a head kept elsewhere can.
 */
export type ChainHead = { seq: number; hash: string }

export const formatHead = (h: ChainHead) => `${h.seq}:${h.hash}`
export const parseHead = (text: string): ChainHead | null => {
  const m = /^(\d{1,15}):([0-9a-f]{64})$/.exec(text.trim())
  return m ? { seq: Number(m[1]), hash: m[2] as string } : null
}

export type VerifyResult =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: number; reason: string }

/**
 * Walks events in order; names the first whose link or content does not match. With `expectHead`
 * (a head written down earlier), the chain must also still hold that event with that hash.
 */
export const verifyChain = async (
  events:
    | AsyncIterable<ChainedFields & { prevHash: string; hash: string }>
    | Iterable<ChainedFields & { prevHash: string; hash: string }>,
  start: { prevHash: string; expectedSeq: number } = { prevHash: GENESIS_HASH, expectedSeq: 1 },
  expectHead?: ChainHead,
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
    if (expectHead && e.seq === expectHead.seq && e.hash !== expectHead.hash)
      return fail(
        `event ${e.seq} is not the one of the kept head: the trail was rewritten from here or earlier`,
      )
    prev = e.hash
    expected++
    checked++
  }
  if (expectHead && expectHead.seq >= expected) {
    return {
      ok: false,
      checked,
      brokenAt: expected,
      reason: `events ${expected} to ${expectHead.seq} are missing: the trail ends at ${expected - 1} but the kept head is ${expectHead.seq}`,
      lastHash: prev,
      nextSeq: expected,
    }
  }
  return { ok: true, checked, lastHash: prev, nextSeq: expected }
}

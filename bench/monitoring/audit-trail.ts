import { type ChainedFields, chainHash, GENESIS_HASH } from '../../apps/server/src/modules/audit/audit.fns.ts'
import { type Loader, type Value, withIndexesDeferred } from './copy.ts'
import type { Person } from './people.ts'
import { int, pick, type Rnd } from './vocab.ts'

const COLUMNS = [
  'seq',
  'occurred_at',
  'actor_user_id',
  'actor_org_id',
  'action',
  'outcome',
  'target_type',
  'target_id',
  'request_id',
  'ip',
  'data',
  'prev_hash',
  'hash',
]
const BATCH = 50_000

/** What people do in the portal over three years, by share of the trail. */
const ACTIONS: [string, number][] = [
  ['auth.sign_in', 26],
  ['report.saved', 14],
  ['contribution.saved', 12],
  ['report.evidence_added', 9],
  ['contribution.evidence_added', 9],
  ['file.uploaded', 7],
  ['auth.second_factor', 5],
  ['contribution.submitted', 4],
  ['report.submitted', 3],
  ['report.accepted', 2.5],
  ['access.denied', 1.5],
  ['evaluation.recorded', 1.5],
  ['auth.session_revoked', 1],
  ['report.returned', 0.7],
  ['milestone.updated', 0.8],
  ['user.updated', 0.6],
  ['user.created', 0.3],
  ['user.roles_changed', 0.3],
  ['measure.updated', 0.2],
  ['token.created', 0.1],
]

/**
 * The audit trail: `count` events from `from` to `to`, hash-chained exactly as the portal chains
 * them (`chainHash` of apps/server/src/modules/audit/audit.fns.ts, starting from the genesis hash),
 * so `qalxan audit verify` accepts it and the portal's next event links onto it. The hashes are
 * computed here while the previous batch is being copied in.
 */
export const generateAuditTrail = async (
  loader: Loader,
  rnd: Rnd,
  opts: {
    count: number
    from: number
    to: number
    people: Person[]
    reportIds: string[]
    contributionIds: string[]
    measureCodes: string[]
    periodLabels: string[]
  },
) => {
  const { count, from, to, people } = opts
  const cumulative: [string, number][] = []
  let total = 0
  for (const [a, w] of ACTIONS) {
    total += w
    cumulative.push([a, total])
  }
  const actionOf = () => {
    const r = rnd() * total
    for (const [a, c] of cumulative) if (r < c) return a
    return 'auth.sign_in'
  }
  // Focal points and heads write most of what is recorded.
  const actors = people.flatMap((p) =>
    p.role === 'focal_point' ? [p, p, p] : p.role === 'head' ? [p, p] : [p],
  )
  const span = (to - from) / count
  // Identifiers that nothing else refers to come from the fast system generator.

  const event = (seq: number): ChainedFields => {
    const action = actionOf()
    const actor = pick(rnd, actors)
    const measure = pick(rnd, opts.measureCodes)
    const period = pick(rnd, opts.periodLabels)
    let targetType: string | null = null
    let targetId: string | null = null
    let data: Record<string, unknown> = {}
    let outcome = 'success'
    const [area] = action.split('.')
    if (area === 'auth') {
      targetType = 'user'
      targetId = actor.id
      data = action === 'auth.sign_in' ? { method: rnd() < 0.9 ? 'password' : 'passkey' } : { method: 'totp' }
      if (action === 'auth.sign_in' && rnd() < 0.03) outcome = 'failure'
    } else if (area === 'report') {
      targetType = 'measure_report'
      targetId = pick(rnd, opts.reportIds)
      data =
        action === 'report.saved'
          ? { measure, period, revision: int(rnd, 1, 8) }
          : action === 'report.evidence_added'
            ? { measure, kind: pick(rnd, ['file', 'link', 'legal_act']), evidenceId: crypto.randomUUID() }
            : { measure, period, late: false, from: 'draft', to: action.slice(7) }
    } else if (area === 'contribution') {
      targetType = 'contribution'
      targetId = pick(rnd, opts.contributionIds)
      data =
        action === 'contribution.evidence_added'
          ? { evidenceId: crypto.randomUUID(), kind: 'link' }
          : { measure, period }
    } else if (action === 'file.uploaded') {
      targetType = 'file'
      targetId = crypto.randomUUID()
      data = { size: int(rnd, 20_000, 8_000_000), mime: 'application/pdf' }
    } else if (action === 'evaluation.recorded') {
      targetType = 'evaluation'
      targetId = crypto.randomUUID()
      data = { measure, period, before: null, after: pick(rnd, ['limited', 'substantial', 'complete']) }
    } else if (action === 'access.denied') {
      outcome = 'denied'
      data = {
        permission: pick(rnd, ['report.read', 'report.write', 'plan.manage']),
        orgId: pick(rnd, people).orgId,
      }
    } else {
      targetType = action.split('.')[0] as string
      targetId = crypto.randomUUID()
      data = { by: 'portal' }
    }
    return {
      seq,
      // Strictly increasing: each event in its own slot of the span.
      occurredAt: new Date(Math.floor(from + (seq - 1) * span + rnd() * span * 0.9)).toISOString(),
      actorUserId: actor.id,
      actorOrgId: actor.orgId,
      action,
      outcome,
      targetType,
      targetId,
      requestId: crypto.randomUUID(),
      ip: `10.${int(rnd, 0, 255)}.${int(rnd, 0, 255)}.${int(rnd, 1, 254)}`,
      data,
    }
  }

  let prev = GENESIS_HASH
  await withIndexesDeferred(loader, 'audit_events', async () => {
    let pending: Promise<void> | null = null
    for (let start = 1; start <= count; start += BATCH) {
      const rows: Value[][] = []
      for (let seq = start; seq < start + BATCH && seq <= count; seq++) {
        const f = event(seq)
        const hash = chainHash(prev, f)
        rows.push([
          seq,
          f.occurredAt,
          f.actorUserId,
          f.actorOrgId,
          f.action,
          f.outcome,
          f.targetType,
          f.targetId,
          f.requestId,
          f.ip,
          f.data,
          prev,
          hash,
        ])
        prev = hash
      }
      if (pending) await pending
      pending = loader.copy('audit_events', COLUMNS, rows)
    }
    if (pending) await pending
  })
  return { head: { seq: count, hash: prev } }
}

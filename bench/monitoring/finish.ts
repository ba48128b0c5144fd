import { GENESIS_HASH, verifyChain } from '../../apps/server/src/modules/audit/audit.fns.ts'
import type { Database } from '../../apps/server/src/platform/db.ts'
import type { Generated } from './generate.ts'
import { post, type SignedIn } from './session.ts'
import { int, pick, prng } from './vocab.ts'

/**
 * What the generator leaves to the portal itself, done through its API as the secretariat would:
 * freeze the approved plan as baseline v1, and lock the past periods, which writes each one's
 * immutable snapshot (the roll-ups the dashboard shows for a locked period). Then a set of change
 * requests against that baseline, and fresh planner statistics.
 */
export const finishThroughApi = async (database: Database, origin: string, g: Generated, sec: SignedIn) => {
  const ok = async (res: Response, what: string) => {
    if (!res.ok) throw new Error(`${what}: ${res.status} ${(await res.text()).slice(0, 500)}`)
  }
  await ok(
    await post(
      origin,
      `/api/strategies/${g.strategyId}/baseline`,
      { note: 'Təsdiq edilmiş Fəaliyyət Planı' },
      sec.cookie,
    ),
    'baseline v1',
  )
  const toLock = g.periods.filter((p) => p.state === 'locked').sort((a, b) => a.dueOn.localeCompare(b.dueOn))
  for (const p of toLock)
    await ok(
      await post(origin, `/api/periods/${p.id}/state`, { state: 'locked' }, sec.cookie),
      `lock ${p.label}`,
    )

  const rnd = prng(7)
  const active = g.measures.filter((m) => m.state === 'active')
  let version = 1
  const changes = 80
  for (let i = 0; i < changes; i++) {
    const m = pick(rnd, active)
    const kind = pick(rnd, ['deadline', 'deadline', 'executor', 'scope', 'cancel'] as const)
    const state = i < 20 ? 'approved' : i < 45 ? 'rejected' : 'proposed'
    const proposed =
      kind === 'deadline'
        ? { deadline: String(int(rnd, 2026, 2027)) }
        : kind === 'executor'
          ? { coExecutors: [g.orgs[int(rnd, 2, g.orgs.length - 1)]?.code] }
          : kind === 'scope'
            ? { title: { az: `${m.topic.az} üzrə yenilənmiş tədbir` } }
            : {}
    const decision =
      state === 'proposed'
        ? null
        : {
            body: 'Komissiya',
            number: `K-${int(rnd, 1, 90)}`,
            date: `2025-0${int(rnd, 1, 9)}-1${int(rnd, 0, 9)}`,
          }
    const resulting = state === 'approved' ? ++version : null
    const { rows } = await database.query<{ id: string }>(
      `insert into change_requests (strategy_id, measure_id, kind, proposed, current, justification, state, decision,
         resulting_version, created_by, decided_by, created_at, decided_at)
       values ($1, $2, $3, $4, '{}', 'İşçi qrupunun təklifi əsasında', $5, $6, $7, $8, $9, $10, $11) returning id`,
      [
        g.strategyId,
        m.id,
        kind,
        JSON.stringify(proposed),
        state,
        decision && JSON.stringify(decision),
        resulting,
        sec.userId,
        state === 'proposed' ? null : sec.userId,
        `2025-0${int(rnd, 1, 9)}-0${int(rnd, 1, 9)}T10:00:00Z`,
        state === 'proposed' ? null : '2025-10-01T10:00:00Z',
      ],
    )
    if (resulting)
      await database.query(
        `insert into plan_versions (strategy_id, version, note, decision, change_request_id, snapshot, created_by)
         select strategy_id, $2, $3, $4, $5, snapshot, created_by from plan_versions where strategy_id = $1 and version = 1`,
        [g.strategyId, resulting, `${kind} change of ${m.code}`, JSON.stringify(decision), rows[0]?.id],
      )
  }
  await database.query('update strategies set baseline_version = $2 where id = $1', [g.strategyId, version])
  await database.query('analyze')

  // The mix the measured requests see, as it stands after the API steps (before the measured writes).
  const mixOf = async (sql: string) =>
    (await database.query<{ k: string; n: number }>(sql)).rows
      .map((r) => `${Number(r.n).toLocaleString('en-US')} ${r.k}`)
      .join(', ')
  const mix = {
    reports: await mixOf(
      'select state as k, count(*)::int as n from measure_reports group by 1 order by 2 desc',
    ),
    contributions: await mixOf(
      'select state as k, count(*)::int as n from contributions group by 1 order by 2 desc',
    ),
    evidence: await mixOf('select kind as k, count(*)::int as n from evidence group by 1 order by 2 desc'),
    evaluations: await mixOf(
      'select completion as k, count(*)::int as n from evaluations group by 1 order by 2 desc',
    ),
  }
  return {
    locked: toLock.length,
    changeRequests: changes,
    mix,
    /**
     * Verifies the newest 2,000 generated events and every event the portal appended since (sign-ins,
     * the baseline, the locks, the measured writes): the generated chain links up and the portal's own
     * events link onto it. `--verify-audit` checks the whole chain with the portal's verifier instead.
     */
    async verifyTail() {
      const t = performance.now()
      const from = Math.max(1, g.auditHead.seq - 2000)
      const prev =
        from === 1
          ? GENESIS_HASH
          : (
              await database.query<{ hash: string }>('select hash from audit_events where seq = $1', [
                from - 1,
              ])
            ).rows[0]?.hash
      const { rows } = await database.query<Record<string, unknown>>(
        'select * from audit_events where seq >= $1 order by seq',
        [from],
      )
      const events = rows.map((r) => ({
        seq: Number(r.seq),
        occurredAt: r.occurred_at as string,
        actorUserId: r.actor_user_id as string | null,
        actorOrgId: r.actor_org_id as string | null,
        action: r.action as string,
        outcome: r.outcome as string,
        targetType: r.target_type as string | null,
        targetId: r.target_id as string | null,
        requestId: r.request_id as string | null,
        ip: r.ip as string | null,
        data: r.data as Record<string, unknown>,
        prevHash: r.prev_hash as string,
        hash: r.hash as string,
      }))
      const v = await verifyChain(events, { prevHash: prev ?? '', expectedSeq: from })
      const appended = events.length - (g.auditHead.seq - from + 1)
      return `audit chain: events ${from.toLocaleString('en-US')}–${(from + events.length - 1).toLocaleString('en-US')} verified (${appended.toLocaleString('en-US')} appended by the portal during the run): ${v.ok ? 'ok' : `BROKEN at ${v.brokenAt}: ${v.reason}`} (${((performance.now() - t) / 1000).toFixed(1)} s; --verify-audit checks all)`
    },
  }
}

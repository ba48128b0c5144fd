import { chainHash, GENESIS_HASH } from '../../apps/server/src/modules/audit/audit.fns.ts'

/**
 * "Bare SQL": for each measured request, the minimal hand-written queries that return the same
 * data (or make the same change) on the same schema and indexes: one query for the session and the
 * caller's grants (any implementation must authenticate), then as few statements as the answer
 * needs, nested data gathered with json_agg instead of one query per row. No HTTP, no validation,
 * no JavaScript roll-up: the floor the portal is compared with. Raw `pg` (or PGlite) only.
 */

export type Q = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<{ rows: T[] }>

/** The session by its token, the user, the active grants and the current membership. */
const AUTH = `
  select u.id, u.clearance, u.disabled, s.mfa_verified_at,
    (select coalesce(json_agg(json_build_object('role', g.role, 'orgId', g.org_id)), '[]')
       from role_grants g where g.user_id = u.id and g.revoked_at is null) as grants,
    (select m.org_id from memberships m where m.user_id = u.id and m.valid_to is null
       order by m.valid_from desc limit 1) as org_id
  from session s join "user" u on u.id = s.user_id
  where s.token = $1 and s.expires_at > now()`

const auth = async (q: Q, token: string) => {
  const { rows } = await q(AUTH, [token])
  if (!rows[0]) throw new Error('bare: no session for the token')
  return rows[0] as { id: string; org_id: string | null }
}

const MEASURE_COLS = `m.id, m.strategy_id, m.goal_id, m.code, m.title, m.description, m.expected_result,
  m.output_type, m.deadline_kind, m.deadline_value, m.deadline_start, m.deadline_end, m.original_deadline,
  m.weight, m.confidentiality, m.framework_tags, m.state, m.updated_at`
const EXECUTORS = (measure: string) => `(select coalesce(json_agg(json_build_object('orgId', e.org_id,
  'role', e.role, 'code', o.code, 'name', o.name) order by e.position), '[]')
  from measure_executors e join organizations o on o.id = e.org_id where e.measure_id = ${measure})`
const EVIDENCE = (report: string) => `(select coalesce(json_agg(json_build_object('id', v.id, 'kind', v.kind,
  'title', v.title, 'fileId', v.file_id, 'filename', f.filename, 'size', f.size, 'sha256', f.sha256, 'url', v.url,
  'actType', v.act_type, 'actNumber', v.act_number, 'actDate', v.act_date, 'createdAt', v.created_at)
  order by v.created_at), '[]')
  from evidence v left join files f on f.id = v.file_id where v.report_id = ${report})`
const VALUES = (report: string) => `(select coalesce(json_agg(json_build_object('indicatorId', x.indicator_id,
  'value', x.value)), '[]') from report_indicator_values x where x.report_id = ${report})`

/** Each measure's figure for the live overview: the latest evaluation and usable report, picked per measure. */
const FIGURES = `
  select m.id, m.code, m.title, m.weight, m.confidentiality, m.deadline_kind, m.deadline_value,
    m.deadline_start, m.deadline_end, m.goal_id, g.code as goal_code, g.direction_id, d.code as direction_code,
    (select coalesce(json_agg(json_build_object('orgId', e.org_id, 'code', o.code)), '[]')
       from measure_executors e join organizations o on o.id = e.org_id
      where e.measure_id = m.id and e.role = 'lead') as leads,
    ev.completion, ev.updated_at as evaluated_at,
    r.state as report_state, r.progress, r.reported_status, r.submitted_at, r.updated_at as reported_at
  from measures m
  join goals g on g.id = m.goal_id
  join directions d on d.id = g.direction_id
  left join lateral (
    select e.completion, e.updated_at from evaluations e join reporting_periods p on p.id = e.period_id
     where e.measure_id = m.id order by p.ends_on desc, p.due_on desc limit 1) ev on true
  left join lateral (
    select r.state, r.progress, r.reported_status, r.submitted_at, r.updated_at
      from measure_reports r join reporting_periods p on p.id = r.period_id
     where r.measure_id = m.id and r.state in ('submitted', 'accepted')
     order by p.ends_on desc, p.due_on desc limit 1) r on true
  where m.strategy_id = $1 and m.state = 'active' and m.confidentiality = any($2)
  order by d.position, g.position, m.position, m.code`

const TREE = `
  select (select json_agg(json_build_object('id', d.id, 'code', d.code, 'title', d.title) order by d.position)
            from directions d where d.strategy_id = $1) as directions,
         (select json_agg(json_build_object('id', g.id, 'code', g.code, 'directionId', g.direction_id,
            'title', g.title) order by g.position) from goals g where g.strategy_id = $1) as goals,
         (select code from strategies where id = $1) as code`

const LIST = `
  select ${MEASURE_COLS}, g.code as goal_code, g.direction_id, d.code as direction_code,
    ${EXECUTORS('m.id')} as executors, count(*) over () as total
  from measures m
  join goals g on g.id = m.goal_id
  join directions d on d.id = g.direction_id
  where m.strategy_id = $1 and m.confidentiality = any($2)
    and m.deadline_start <= $3 and (m.deadline_end is null or m.deadline_end >= $4)
    and exists (select 1 from measure_executors x where x.measure_id = m.id and x.org_id = $5)
  order by d.position, g.position, m.position, m.code
  limit $6`

const MEASURE = `
  select ${MEASURE_COLS}, g.code as goal_code, g.direction_id, d.code as direction_code,
    ${EXECUTORS('m.id')} as executors,
    (select coalesce(json_agg(ms order by ms.position, ms.planned_date), '[]') from milestones ms
      where ms.measure_id = m.id) as milestones,
    (select coalesce(json_agg(json_build_object('indicator', i, 'values',
        (select coalesce(json_agg(v order by v.year, v.created_at), '[]') from indicator_values v
          where v.indicator_id = i.id)) order by i.code), '[]')
       from indicators i where i.measure_id = m.id) as indicators
  from measures m join goals g on g.id = m.goal_id join directions d on d.id = g.direction_id
  where m.id = $1`

/** The measure, its executors (the reader must be one of them or read everywhere). */
const MEASURE_HEAD = `select m.id, m.code, m.confidentiality, m.deadline_kind, m.deadline_start, m.deadline_end,
  ${EXECUTORS('m.id')} as executors from measures m where m.id = $1`

const REPORTS = `
  select r.*, p.label as period_label, p.state as period_state, ${EVIDENCE('r.id')} as evidence,
    ${VALUES('r.id')} as indicator_values,
    exists (select 1 from late_exceptions x where x.period_id = r.period_id and x.org_id = r.org_id
             and x.until >= current_date) as excepted
  from measure_reports r join reporting_periods p on p.id = r.period_id
  where r.measure_id = $1 order by p.label`

const EVALUATIONS = `
  select e.*, p.label as period_label, p.ends_on, u.name as evaluator_name
  from evaluations e join reporting_periods p on p.id = e.period_id left join "user" u on u.id = e.evaluator_id
  where e.measure_id = $1 order by p.label`

const PERIOD_REPORT = `
  select p.*, r.id as report_id, r.state, r.reported_status, r.progress, r.work_done, r.problems, r.next_steps,
    r.revision, r.late, r.review_comment, r.submitted_at, r.reviewed_at, r.updated_at,
    ${EVIDENCE('r.id')} as evidence, ${VALUES('r.id')} as indicator_values,
    exists (select 1 from late_exceptions x join measure_executors e on e.org_id = x.org_id
             where e.measure_id = $1 and e.role = 'lead' and x.period_id = p.id and x.until >= current_date) as excepted
  from reporting_periods p left join measure_reports r on r.period_id = p.id and r.measure_id = $1
  where p.id = $2`

/** The rest of what the measure page shows: the strategy's periods, the contributions, the change requests. */
const PERIODS = `select p.* from reporting_periods p
  where p.strategy_id = (select strategy_id from measures where id = $1) order by p.due_on, p.label`
const CONTRIBUTIONS = `
  select c.*, o.name as org_name,
    (select coalesce(json_agg(json_build_object('id', v.id, 'kind', v.kind, 'title', v.title, 'fileId', v.file_id,
       'filename', f.filename, 'size', f.size, 'sha256', f.sha256, 'url', v.url, 'actType', v.act_type,
       'actNumber', v.act_number, 'actDate', v.act_date, 'createdAt', v.created_at) order by v.created_at), '[]')
       from evidence v left join files f on f.id = v.file_id where v.contribution_id = c.id) as evidence
  from contributions c join organizations o on o.id = c.org_id
  where c.measure_id = $1 and c.period_id = $2 order by o.code`
const CHANGES = `select c.*, m.code as measure_code from change_requests c join measures m on m.id = c.measure_id
  where c.measure_id = $1 order by c.created_at desc`

/**
 * Every term in a stored folded text: `measures.search_text` (folded when written) and the generated
 * `…_folded` columns of reports, evidence and evaluations (migration 0006), each with a trigram index.
 */
const likeAll = (col: string, from: number, n: number) =>
  Array.from({ length: n }, (_, i) => `${col} like $${from + i}`).join(' and ')

/** Locks the chain, reads its head and appends one event: what any writer of the audit trail must do. */
const appendAudit = async (
  q: Q,
  actor: { id: string; org_id: string | null },
  action: string,
  targetId: string,
  data: Record<string, unknown>,
) => {
  await q('select pg_advisory_xact_lock(7273001)')
  const { rows } = await q<{ seq: string; hash: string }>(
    'select seq, hash from audit_events order by seq desc limit 1',
  )
  const prevHash = rows[0]?.hash ?? GENESIS_HASH
  const fields = {
    seq: Number(rows[0]?.seq ?? 0) + 1,
    occurredAt: new Date().toISOString(),
    actorUserId: actor.id,
    actorOrgId: actor.org_id,
    action,
    outcome: 'success',
    targetType: 'measure_report',
    targetId,
    requestId: crypto.randomUUID(),
    ip: '127.0.0.1',
    data,
  }
  await q(
    `insert into audit_events (seq, occurred_at, actor_user_id, actor_org_id, action, outcome, target_type,
       target_id, request_id, ip, data, prev_hash, hash) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
    [
      fields.seq,
      fields.occurredAt,
      fields.actorUserId,
      fields.actorOrgId,
      action,
      'success',
      'measure_report',
      targetId,
      fields.requestId,
      fields.ip,
      JSON.stringify(data),
      prevHash,
      chainHash(prevHash, fields),
    ],
  )
}

/** The report with what the workflow rules need: measure, period, lead executors, evidence. */
const REPORT_FOR_ACTION = `
  select r.*, m.code as measure_code, m.confidentiality, p.label as period_label, p.state as period_state,
    (select array_agg(e.org_id) from measure_executors e where e.measure_id = r.measure_id and e.role = 'lead') as leads,
    (select coalesce(json_agg(v.kind || ': ' || v.title order by v.created_at), '[]') from evidence v
      where v.report_id = r.id) as evidence
  from measure_reports r join measures m on m.id = r.measure_id join reporting_periods p on p.id = r.period_id
  where r.id = $1`

const inTransaction = async <T>(q: Q, fn: () => Promise<T>) => {
  await q('begin')
  try {
    const r = await fn()
    await q('commit')
    return r
  } catch (err) {
    await q('rollback')
    throw err
  }
}

type Args = Record<string, unknown> & { token: string }

export const BARE: Record<string, (q: Q, a: Args) => Promise<unknown>> = {
  ping: (q) => q('select 1'),
  auth: (q, a) => auth(q, a.token),
  overviewLive: async (q, a) => {
    await auth(q, a.token)
    await q(FIGURES, [a.strategyId, a.levels])
    return q(TREE, [a.strategyId])
  },
  overviewSnapshot: async (q, a) => {
    await auth(q, a.token)
    await q(
      'select s.data, p.* from period_snapshots s join reporting_periods p on p.id = s.period_id where s.period_id = $1',
      [a.periodId],
    )
    return q(TREE, [a.strategyId])
  },
  measureList: async (q, a) => {
    await auth(q, a.token)
    return q(LIST, [a.strategyId, a.levels, `${a.year}-12-31`, `${a.year}-01-01`, a.orgId, a.limit])
  },
  measure: async (q, a) => {
    await auth(q, a.token)
    return q(MEASURE, [a.measureId])
  },
  measureReports: async (q, a) => {
    await auth(q, a.token)
    await q(MEASURE_HEAD, [a.measureId])
    return q(REPORTS, [a.measureId])
  },
  measureEvaluations: async (q, a) => {
    await auth(q, a.token)
    await q(MEASURE_HEAD, [a.measureId])
    return q(EVALUATIONS, [a.measureId])
  },
  /** The measure page in one request: the measure once, then each kind of row it shows. */
  measurePage: async (q, a) => {
    await auth(q, a.token)
    await q(MEASURE, [a.measureId])
    await q(PERIODS, [a.measureId])
    await q(REPORTS, [a.measureId])
    await q(EVALUATIONS, [a.measureId])
    await q(CONTRIBUTIONS, [a.measureId, a.periodId])
    return q(CHANGES, [a.measureId])
  },
  periodReport: async (q, a) => {
    await auth(q, a.token)
    await q(MEASURE_HEAD, [a.measureId])
    return q(PERIOD_REPORT, [a.measureId, a.periodId])
  },
  save: (q, a) =>
    inTransaction(q, async () => {
      const actor = await auth(q, a.token)
      const { rows } = await q<Record<string, unknown>>(REPORT_FOR_ACTION, [a.reportId])
      const r = rows[0]
      if (!r) throw new Error('bare save: no report')
      const d = a.draft as { workDone: string; progress: number; reportedStatus: string }
      const u = await q<{ revision: number }>(
        `update measure_reports set work_done = $3, progress = $4, reported_status = $5, revision = revision + 1,
           updated_at = now(), updated_by = $6 where id = $1 and revision = $2 returning revision`,
        [a.reportId, r.revision, d.workDone, d.progress, d.reportedStatus, actor.id],
      )
      const revision = u.rows[0]?.revision
      await q(
        `insert into measure_report_revisions (report_id, revision, action, state, snapshot, actor_user_id)
         values ($1, $2, 'saved', $3, $4, $5)`,
        [
          a.reportId,
          revision,
          r.state,
          JSON.stringify({ ...d, state: r.state, evidence: r.evidence }),
          actor.id,
        ],
      )
      await appendAudit(q, actor, 'report.saved', a.reportId as string, {
        measure: r.measure_code,
        period: r.period_label,
        revision,
      })
    }),
  submit: (q, a) =>
    inTransaction(q, async () => {
      const actor = await auth(q, a.token)
      const { rows } = await q<Record<string, unknown>>(REPORT_FOR_ACTION, [a.reportId])
      const r = rows[0]
      if (!r) throw new Error('bare submit: no report')
      const u = await q<{ revision: number }>(
        `update measure_reports set state = 'submitted', submitted_at = now(), submitted_by = $3,
           revision = revision + 1, updated_at = now() where id = $1 and revision = $2 returning revision`,
        [a.reportId, r.revision, actor.id],
      )
      const revision = u.rows[0]?.revision
      await q(
        `insert into measure_report_revisions (report_id, revision, action, state, snapshot, actor_user_id)
         values ($1, $2, 'submitted', 'submitted', $3, $4)`,
        [
          a.reportId,
          revision,
          JSON.stringify({
            state: 'submitted',
            workDone: r.work_done,
            progress: r.progress,
            evidence: r.evidence,
          }),
          actor.id,
        ],
      )
      // The notice to every secretariat member, in-app and by e-mail: one statement each, not one per person.
      const people = `from role_grants g join "user" u on u.id = g.user_id
        where g.role = 'secretariat' and g.revoked_at is null and not u.disabled`
      const title = `Hesabat təqdim edildi: ${r.measure_code} (${r.period_label})`
      await q(
        `insert into notifications (user_id, kind, title, body, link) select distinct g.user_id, 'report_submitted', $1, $1, $2 ${people}`,
        [title, `/plan/measures/${r.measure_id}`],
      )
      await q(
        `insert into mail_outbox ("to", subject, text, status) select distinct u.email, $1, $1, 'held' ${people}`,
        [title],
      )
      await appendAudit(q, actor, 'report.submitted', a.reportId as string, {
        measure: r.measure_code,
        period: r.period_label,
        from: r.state,
        to: 'submitted',
      })
    }),
  search: async (q, a) => {
    await auth(q, a.token)
    const terms = a.terms as string[]
    const n = terms.length
    const likes = terms.map((t) => `%${t.replace(/[%_\\]/g, '\\$&')}%`)
    // $1 levels, $2 limit, $3 the organisations whose reports the reader may read (none: every one), then the terms.
    const readable = a.orgs
      ? 'exists (select 1 from measure_executors x where x.measure_id = m.id and x.org_id = any($3))'
      : '$3::uuid[] is null'
    const T = 4
    return q(
      `(select 'measure' as kind, m.id, m.code from measures m
          where m.confidentiality = any($1) and ${likeAll('m.search_text', T, n)} order by m.code limit $2)
       union all
       (select 'report', r.id, m.code from measure_reports r join measures m on m.id = r.measure_id
          join reporting_periods p on p.id = r.period_id
          where m.confidentiality = any($1) and ${readable}
            and ${likeAll('r.text_folded', T, n)} limit $2)
       union all
       (select 'evidence', v.id, m.code from evidence v join measure_reports r on r.id = v.report_id
          join measures m on m.id = r.measure_id
          where m.confidentiality = any($1) and ${readable} and ${likeAll('v.title_folded', T, n)} limit $2)
       union all
       (select 'evidence', v.id, m.code from evidence v join contributions c on c.id = v.contribution_id
          join measures m on m.id = c.measure_id
          where m.confidentiality = any($1) and ${readable} and ${likeAll('v.title_folded', T, n)} limit $2)
       union all
       (select 'comment', r.id, m.code from measure_reports r join measures m on m.id = r.measure_id
          where m.confidentiality = any($1) and ${readable} and r.comment_folded is not null
            and ${likeAll('r.comment_folded', T, n)} limit $2)
       union all
       (select 'comment', e.id, m.code from evaluations e join measures m on m.id = e.measure_id
          where m.confidentiality = any($1) and ${readable} and ${likeAll('e.comment_folded', T, n)} limit $2)`,
      [a.levels, a.limit, a.orgs ?? null, ...likes],
    )
  },
}

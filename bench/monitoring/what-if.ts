import type { Database } from '../../apps/server/src/platform/db.ts'

/**
 * Indexes proposed for the misses that an index can fix, tried on the benchmark's own database
 * after the main measurements (PostgreSQL only). The expressions are exactly those
 * `search.service.ts` sends (`lower(translate(col, 'ƏəĞğ…', 'EeGg…'))` via its `fold`; the measures'
 * `search_text`, stored folded, as it is), so the portal's own statements use them unchanged:
 * `like '%term%'` on a trigram GIN index finds rows without reading every one. Since this benchmark
 * first proposed them they are migration 0004_search_indexes.sql; an index that the migrations
 * already made is left as it is, and with all of them there the phase is skipped.
 */
const FOLD = (col: string) => `lower(translate(${col}, 'ƏəĞğİıÖöŞşÇçÜüЁё', 'EeGgIiOoSsCcUuЕе'))`

export const PROPOSED_INDEXES: { name: string; sql: string }[] = [
  { name: 'evidence_title_search_idx', sql: `on evidence using gin (${FOLD('title')} gin_trgm_ops)` },
  {
    name: 'measure_reports_text_search_idx',
    sql: `on measure_reports using gin (${FOLD(`work_done || ' ' || problems || ' ' || next_steps`)} gin_trgm_ops)`,
  },
  {
    name: 'measure_reports_comment_search_idx',
    sql: `on measure_reports using gin (${FOLD('review_comment')} gin_trgm_ops)`,
  },
  {
    name: 'evaluations_comment_search_idx',
    sql: `on evaluations using gin (${FOLD('comment')} gin_trgm_ops)`,
  },
  { name: 'measures_search_idx', sql: 'on measures using gin (search_text gin_trgm_ops)' },
]

/** Creates the proposed indexes that are missing and refreshes the statistics; returns those it made. */
export const createProposedIndexes = async (database: Database) => {
  const { rows } = await database.query<{ indexname: string }>(
    `select indexname from pg_indexes where schemaname = 'public' and indexname = any($1)`,
    [PROPOSED_INDEXES.map((i) => i.name)],
  )
  const have = new Set(rows.map((r) => r.indexname))
  const missing = PROPOSED_INDEXES.filter((i) => !have.has(i.name))
  const took: { sql: string; seconds: number }[] = []
  if (!missing.length) return took
  await database.query('create extension if not exists pg_trgm')
  for (const i of missing) {
    const sql = `create index ${i.name} ${i.sql}`
    const t = performance.now()
    await database.query(sql)
    took.push({ sql, seconds: (performance.now() - t) / 1000 })
  }
  await database.query('analyze evidence, measure_reports, evaluations, measures')
  return took
}

import type { Database } from '../../apps/server/src/platform/db.ts'

/**
 * Indexes proposed for the misses that an index can fix, tried on the benchmark's own database
 * after the main measurements (PostgreSQL only: PGlite would need the pg_trgm extension loaded by
 * the portal's `openDatabase`). The expressions are exactly those `search.service.ts` already sends
 * (`lower(translate(col, 'ƏəĞğ…', 'EeGg…'))` via its `fold`), so the portal's own statements use them
 * unchanged; `like '%term%'` on a trigram GIN index finds rows without reading every one.
 */
const FOLD = (col: string) => `lower(translate(${col}, 'ƏəĞğİıÖöŞşÇçÜüЁё', 'EeGgIiOoSsCcUuЕе'))`

export const PROPOSED_INDEXES = [
  'create extension if not exists pg_trgm',
  `create index evidence_title_search_idx on evidence using gin (${FOLD('title')} gin_trgm_ops)`,
  `create index measure_reports_text_search_idx on measure_reports using gin (${FOLD(`work_done || ' ' || problems || ' ' || next_steps`)} gin_trgm_ops)`,
  `create index measure_reports_comment_search_idx on measure_reports using gin (${FOLD('review_comment')} gin_trgm_ops)`,
  `create index evaluations_comment_search_idx on evaluations using gin (${FOLD('comment')} gin_trgm_ops)`,
  `create index measures_search_idx on measures using gin (${FOLD('search_text')} gin_trgm_ops)`,
]

/** Creates the proposed indexes and refreshes the statistics; returns how long each took. */
export const createProposedIndexes = async (database: Database) => {
  const took: { sql: string; seconds: number }[] = []
  for (const sql of PROPOSED_INDEXES) {
    const t = performance.now()
    await database.query(sql)
    took.push({ sql, seconds: (performance.now() - t) / 1000 })
  }
  await database.query('analyze evidence, measure_reports, evaluations, measures')
  return took
}

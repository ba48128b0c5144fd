import { type Clearance, canEverywhere } from '@qalxan/contracts'
import { type SQL, sql } from 'drizzle-orm'
import {
  contributions,
  evaluations,
  evidence,
  measureExecutors,
  measureReports,
  measures,
  reportingPeriods,
} from '../../db/schema/index.ts'
import type { Database } from '../../platform/db.ts'
import type { AccessPolicy } from '../access/access.policy.ts'
import type { Actor } from '../access/actor.ts'
import { foldForSearch, visibleLevels } from '../strategy/strategy.fns.ts'

export type SearchHit = {
  kind: 'measure' | 'report' | 'evidence' | 'comment'
  id: string
  measureId: string
  measureCode: string
  title: string
  snippet: string
  link: string
}

const like = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`
/** Every term must appear (in any order) in the stored folded text. */
const allTerms = (col: SQL | unknown, terms: string[]) =>
  sql.join(
    terms.map((t) => sql`${col} like ${like(t)}`),
    sql` and `,
  )

/** A few words around the first term, for the result list. */
const snippetOf = (text: string, terms: string[]) => {
  const folded = foldForSearch(text)
  const at = Math.max(
    0,
    ...terms
      .map((t) => folded.indexOf(t))
      .filter((i) => i >= 0)
      .slice(0, 1),
  )
  const start = Math.max(0, at - 60)
  return `${start > 0 ? '…' : ''}${text.slice(start, start + 180).trim()}${text.length > start + 180 ? '…' : ''}`
}

export type SearchService = ReturnType<typeof createSearchService>

type HitRow = {
  branch: number
  kind: SearchHit['kind']
  id: string
  measure_id: string
  code: string
  period_id: string | null
  period_label: string | null
  body: string | null
  title: { az: string; en?: string; ru?: string } | null
}

/**
 * One search over measures, measure reports, evidence names and comments. Each kind is filtered
 * in SQL by what the reader may see: measures by clearance; reports, their evidence and review
 * comments by report.read (everywhere, or an executor organisation of the reader); evaluation
 * comments by evaluation.read.
 */
export const createSearchService = (deps: { database: Database; policy: AccessPolicy }) => {
  const { database, policy } = deps
  const db = database.db

  return {
    async search(actor: Actor, q: string, limit: number): Promise<{ items: SearchHit[] }> {
      await policy.require(actor, 'plan.read')
      const terms = foldForSearch(q)
        .split(' ')
        .filter((t) => t.length >= 2)
        .slice(0, 6)
      if (terms.length === 0) return { items: [] }
      const levels = visibleLevels(actor.clearance) as Clearance[]
      /** The organisations whose measures' reports (or evaluations) the reader may read; null: all. */
      const orgsFor = (perm: 'report.read' | 'evaluation.read') =>
        canEverywhere(actor.grants, perm)
          ? null
          : actor.grants.filter((g) => policy.can(actor, perm, g.orgId)).map((g) => g.orgId as string)
      const readsReports = policy.can(actor, 'report.read') || canEverywhere(actor.grants, 'report.read')
      const readsEvaluations =
        policy.can(actor, 'evaluation.read') || canEverywhere(actor.grants, 'evaluation.read')
      /**
       * The measures whose texts the reader may find. For a reader bound to a few organisations they
       * are computed first (materialized), so that the planner can start from those measures' few
       * rows; for one who reads everywhere they are the cleared measures, left for the planner to
       * join as it sees fit (materialized, they hide the statistics that make it start from the text).
       */
      const measuresOf = (orgs: string[] | null | false) =>
        orgs === false || orgs?.length === 0
          ? sql`select null::uuid as id, null::text as code where false`
          : sql`select m.id, m.code from ${measures} m where m.confidentiality in ${levels}${
              orgs
                ? sql` and exists (select 1 from ${measureExecutors} x where x.measure_id = m.id and x.org_id in ${orgs})`
                : sql``
            }`
      const mode = (orgs: string[] | null | false) =>
        orgs === null ? sql`not materialized` : sql`materialized`
      const reportOrgs = readsReports ? orgsFor('report.read') : false
      const evaluationOrgs = readsEvaluations ? orgsFor('evaluation.read') : false
      const branches: SQL[] = [
        sql`(select 0 as branch, 'measure' as kind, m.id, m.id as measure_id, m.code, null::uuid as period_id,
            null::text as period_label, null::text as body, m.title
          from ${measures} m
          where m.confidentiality in ${levels} and ${allTerms(sql`m.search_text`, terms)}
          order by m.code limit ${limit})`,
      ]
      if (reportOrgs !== false)
        branches.push(
          sql`(select 1, 'report', r.id, r.measure_id, rm.code, r.period_id, p.label,
              r.work_done || ' ' || r.problems || ' ' || r.next_steps, null::jsonb
            from ${measureReports} r join reportable rm on rm.id = r.measure_id
              join ${reportingPeriods} p on p.id = r.period_id
            where ${allTerms(sql`r.text_folded`, terms)} limit ${limit})`,
          sql`(select 2, 'evidence', v.id, r.measure_id, rm.code, r.period_id, null, v.title, null
            from ${evidence} v join ${measureReports} r on r.id = v.report_id
              join reportable rm on rm.id = r.measure_id
            where ${allTerms(sql`v.title_folded`, terms)} limit ${limit})`,
          sql`(select 3, 'evidence', v.id, c.measure_id, rm.code, c.period_id, null, v.title, null
            from ${evidence} v join ${contributions} c on c.id = v.contribution_id
              join reportable rm on rm.id = c.measure_id
            where ${allTerms(sql`v.title_folded`, terms)} limit ${limit})`,
          sql`(select 4, 'comment', r.id, r.measure_id, rm.code, r.period_id, null, r.review_comment, null
            from ${measureReports} r join reportable rm on rm.id = r.measure_id
            where r.comment_folded is not null and ${allTerms(sql`r.comment_folded`, terms)} limit ${limit})`,
        )
      if (evaluationOrgs !== false)
        branches.push(
          sql`(select 5, 'comment', e.id, e.measure_id, em.code, e.period_id, null, e.comment, null
            from ${evaluations} e join evaluable em on em.id = e.measure_id
            where ${allTerms(sql`e.comment_folded`, terms)} limit ${limit})`,
        )
      // One statement: every kind of text at once, each branch limited on its own.
      const result = await db.execute(sql`
        with reportable as ${mode(reportOrgs)} (${measuresOf(reportOrgs)}),
             evaluable as ${mode(evaluationOrgs)} (${measuresOf(evaluationOrgs)})
        ${sql.join(branches, sql` union all `)}`)
      const rows = (result as unknown as { rows: HitRow[] }).rows
      // Measures first, by code, then reports, evidence and comments, as the branches are listed.
      rows.sort((a, b) => a.branch - b.branch || (a.branch === 0 ? a.code.localeCompare(b.code) : 0))
      const measureLink = (id: string, periodId: string | null) =>
        `/plan/measures/${id}${periodId ? `?period=${periodId}` : ''}`
      const hits = rows.map((r): SearchHit => {
        const link = measureLink(r.measure_id, r.period_id)
        const body = r.body ?? ''
        switch (r.kind) {
          case 'measure':
            return {
              kind: 'measure',
              id: r.id,
              measureId: r.id,
              measureCode: r.code,
              title: r.title?.az ?? '',
              snippet: [r.title?.en, r.title?.ru].filter(Boolean).join(' · '),
              link,
            }
          case 'report':
            return {
              kind: 'report',
              id: r.id,
              measureId: r.measure_id,
              measureCode: r.code,
              title: `${r.code} · ${r.period_label}`,
              snippet: snippetOf(body, terms),
              link,
            }
          case 'evidence':
            return {
              kind: 'evidence',
              id: r.id,
              measureId: r.measure_id,
              measureCode: r.code,
              title: body,
              snippet: r.code,
              link,
            }
          default:
            return {
              kind: 'comment',
              id: r.id,
              measureId: r.measure_id,
              measureCode: r.code,
              title: r.code,
              snippet: snippetOf(body, terms),
              link,
            }
        }
      })
      return { items: hits.slice(0, limit * 4) }
    },
  }
}

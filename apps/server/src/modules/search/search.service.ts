import { type Clearance, canEverywhere } from '@qalxan/contracts'
import { and, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm'
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
/** The SQL twin of `foldForSearch`: Azerbaijani letters to plain Latin, then lower case. */
const fold = (col: SQL | unknown) => sql`lower(translate(${col}, 'ƏəĞğİıÖöŞşÇçÜüЁё', 'EeGgIiOoSsCcUuЕе'))`
/** Every term must appear (in any order). */
const allTerms = (col: SQL | unknown, terms: string[]) =>
  and(...terms.map((t) => sql`${fold(col)} like ${like(t)}`))

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
      const cleared = inArray(measures.confidentiality, levels)
      /** Measures whose reports the reader may read: all, or those their organisations execute. */
      const readable = (perm: 'report.read' | 'evaluation.read'): SQL | undefined => {
        if (canEverywhere(actor.grants, perm)) return undefined
        const orgs = actor.grants.filter((g) => policy.can(actor, perm, g.orgId)).map((g) => g.orgId)
        if (orgs.length === 0) return sql`false`
        return sql`exists (select 1 from ${measureExecutors} where ${measureExecutors.measureId} = ${measures.id} and ${inArray(measureExecutors.orgId, orgs)})`
      }
      const hits: SearchHit[] = []
      const measureLink = (id: string, periodId?: string) =>
        `/plan/measures/${id}${periodId ? `?period=${periodId}` : ''}`

      const ms = await db
        .select({ id: measures.id, code: measures.code, title: measures.title })
        .from(measures)
        .where(and(cleared, ...terms.map((t) => sql`${measures.searchText} like ${like(t)}`)))
        .orderBy(measures.code)
        .limit(limit)
      for (const m of ms)
        hits.push({
          kind: 'measure',
          id: m.id,
          measureId: m.id,
          measureCode: m.code,
          title: m.title.az,
          snippet: [m.title.en, m.title.ru].filter(Boolean).join(' · '),
          link: measureLink(m.id),
        })

      if (policy.can(actor, 'report.read') || canEverywhere(actor.grants, 'report.read')) {
        const reportText = sql`${measureReports.workDone} || ' ' || ${measureReports.problems} || ' ' || ${measureReports.nextSteps}`
        const rs = await db
          .select({
            id: measureReports.id,
            measureId: measures.id,
            code: measures.code,
            period: reportingPeriods.label,
            periodId: reportingPeriods.id,
            text: reportText,
          })
          .from(measureReports)
          .innerJoin(measures, eq(measures.id, measureReports.measureId))
          .innerJoin(reportingPeriods, eq(reportingPeriods.id, measureReports.periodId))
          .where(and(cleared, readable('report.read'), allTerms(reportText, terms)))
          .limit(limit)
        for (const r of rs)
          hits.push({
            kind: 'report',
            id: r.id,
            measureId: r.measureId,
            measureCode: r.code,
            title: `${r.code} · ${r.period}`,
            snippet: snippetOf(String(r.text), terms),
            link: measureLink(r.measureId, r.periodId),
          })

        const ev = await db
          .select({
            id: evidence.id,
            title: evidence.title,
            measureId: measures.id,
            code: measures.code,
            periodId: measureReports.periodId,
          })
          .from(evidence)
          .innerJoin(measureReports, eq(measureReports.id, evidence.reportId))
          .innerJoin(measures, eq(measures.id, measureReports.measureId))
          .where(and(cleared, readable('report.read'), allTerms(evidence.title, terms)))
          .limit(limit)
        const cev = await db
          .select({
            id: evidence.id,
            title: evidence.title,
            measureId: measures.id,
            code: measures.code,
            periodId: contributions.periodId,
            orgId: contributions.orgId,
          })
          .from(evidence)
          .innerJoin(contributions, eq(contributions.id, evidence.contributionId))
          .innerJoin(measures, eq(measures.id, contributions.measureId))
          .where(and(cleared, readable('report.read'), allTerms(evidence.title, terms)))
          .limit(limit)
        for (const e of [...ev, ...cev])
          hits.push({
            kind: 'evidence',
            id: e.id,
            measureId: e.measureId,
            measureCode: e.code,
            title: e.title,
            snippet: e.code,
            link: measureLink(e.measureId, e.periodId),
          })

        const cs = await db
          .select({
            id: measureReports.id,
            measureId: measures.id,
            code: measures.code,
            periodId: measureReports.periodId,
            text: measureReports.reviewComment,
          })
          .from(measureReports)
          .innerJoin(measures, eq(measures.id, measureReports.measureId))
          .where(
            and(
              cleared,
              readable('report.read'),
              isNotNull(measureReports.reviewComment),
              allTerms(measureReports.reviewComment, terms),
            ),
          )
          .limit(limit)
        for (const c of cs)
          hits.push({
            kind: 'comment',
            id: c.id,
            measureId: c.measureId,
            measureCode: c.code,
            title: c.code,
            snippet: snippetOf(c.text ?? '', terms),
            link: measureLink(c.measureId, c.periodId),
          })
      }
      if (policy.can(actor, 'evaluation.read') || canEverywhere(actor.grants, 'evaluation.read')) {
        const es = await db
          .select({
            id: evaluations.id,
            measureId: measures.id,
            code: measures.code,
            periodId: evaluations.periodId,
            text: evaluations.comment,
          })
          .from(evaluations)
          .innerJoin(measures, eq(measures.id, evaluations.measureId))
          .where(and(cleared, readable('evaluation.read'), allTerms(evaluations.comment, terms)))
          .limit(limit)
        for (const c of es)
          hits.push({
            kind: 'comment',
            id: c.id,
            measureId: c.measureId,
            measureCode: c.code,
            title: c.code,
            snippet: snippetOf(c.text, terms),
            link: measureLink(c.measureId, c.periodId),
          })
      }
      return { items: hits.slice(0, limit * 4) }
    },
  }
}

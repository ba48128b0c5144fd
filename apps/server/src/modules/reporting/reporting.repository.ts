import { and, asc, desc, eq, getTableColumns, gte, inArray, isNull, type SQL, sql } from 'drizzle-orm'
import {
  contributions,
  evaluations,
  evidence,
  files,
  lateExceptions,
  measureExecutors,
  measureReportRevisions,
  measureReports,
  measures,
  organizations,
  periodSnapshots,
  reportIndicatorValues,
  reportingPeriods,
  roleGrants,
  user,
} from '../../db/schema/index.ts'
import type { Executor } from '../../platform/db.ts'
import { prepared, preparedByShape } from '../../platform/prepared.ts'

/** A piece of evidence as reports and contributions show it, with its file's name, size and hash. */
export type EvidenceRow = {
  id: string
  kind: string
  title: string
  fileId: string | null
  filename: string | null
  size: number | null
  sha256: string | null
  url: string | null
  actType: string | null
  actNumber: string | null
  actDate: string | null
  /** A JSON timestamp when read as part of a row. */
  createdAt: Date | string
}
export type Attachments = { values: { indicatorId: string; value: number }[]; evidence: EvidenceRow[] }

/**
 * The evidence matching `where` (alias `v`), oldest first, as one JSON column. Outer columns are
 * named with their table in these subqueries: a select from one table leaves its columns
 * unqualified, and an unqualified `id` would be the subquery's own.
 */
const evidenceJson = (where: SQL) => sql<
  EvidenceRow[]
>`(select coalesce(json_agg(json_build_object('id', v.id,
    'kind', v.kind, 'title', v.title, 'fileId', v.file_id, 'filename', f.filename, 'size', f.size,
    'sha256', f.sha256, 'url', v.url, 'actType', v.act_type, 'actNumber', v.act_number, 'actDate', v.act_date,
    'createdAt', v.created_at) order by v.created_at), '[]'::json)
  from ${evidence} v left join ${files} f on f.id = v.file_id where ${where})`
/** A report's indicator values as one JSON column. */
const valuesJson = (reportId: SQL) => sql<Attachments['values']>`(select coalesce(json_agg(json_build_object(
    'indicatorId', x.indicator_id, 'value', x.value)), '[]'::json)
  from ${reportIndicatorValues} x where x.report_id = ${reportId})`
const attachmentColumns = {
  values: valuesJson(sql.raw('"measure_reports"."id"')),
  evidence: evidenceJson(sql.raw('v.report_id = "measure_reports"."id"')),
}

/** A table's columns but the folded copies of its texts, which only the search reads. */
type Unfolded<T> = { [K in keyof T as K extends `${string}Folded` ? never : K]: T[K] }
const unfolded = <T extends Record<string, unknown>>(columns: T) =>
  Object.fromEntries(Object.entries(columns).filter(([k]) => !k.endsWith('Folded'))) as Unfolded<T>
export const reportColumns = unfolded(getTableColumns(measureReports))
export const evidenceColumns = unfolded(getTableColumns(evidence))
export const evaluationColumns = unfolded(getTableColumns(evaluations))

export type PeriodRow = typeof reportingPeriods.$inferSelect
export type ReportRow = Unfolded<typeof measureReports.$inferSelect>
export type EvaluationRow = Unfolded<typeof evaluations.$inferSelect>

const figureReportColumns = {
  measureId: measureReports.measureId,
  periodId: measureReports.periodId,
  state: measureReports.state,
  progress: measureReports.progress,
  reportedStatus: measureReports.reportedStatus,
}

// The statements every report action sends, prepared once (`platform/prepared.ts`).
const periodById = prepared('reporting_period_by_id', (db) =>
  db
    .select()
    .from(reportingPeriods)
    .where(eq(reportingPeriods.id, sql.placeholder('id'))),
)
// What the measure page reads of reporting by the measure's id.
const periodsExcepted = prepared('reporting_periods_excepted', (db) =>
  db
    .select({
      p: reportingPeriods,
      excepted: sql<boolean>`exists (select 1 from ${lateExceptions} x
        join ${measureExecutors} e on e.org_id = x.org_id and e.measure_id = ${sql.placeholder('measureId')}
          and e.role = 'lead'
        where x.period_id = "reporting_periods"."id" and x.until >= ${sql.placeholder('today')})`,
    })
    .from(reportingPeriods)
    .where(
      eq(
        reportingPeriods.strategyId,
        sql`(select m.strategy_id from ${measures} m where m.id = ${sql.placeholder('measureId')})`,
      ),
    )
    .orderBy(asc(reportingPeriods.dueOn), asc(reportingPeriods.label)),
)
const reportWithAttachments = prepared('reporting_report_with_attachments', (db) =>
  db
    .select({ ...reportColumns, ...attachmentColumns })
    .from(measureReports)
    .where(
      and(
        eq(measureReports.measureId, sql.placeholder('measureId')),
        eq(measureReports.periodId, sql.placeholder('periodId')),
      ),
    ),
)
const reportsWithAttachments = prepared('reporting_reports_with_attachments', (db) =>
  db
    .select({ ...reportColumns, ...attachmentColumns })
    .from(measureReports)
    .where(eq(measureReports.measureId, sql.placeholder('measureId'))),
)
const contributionsOf = prepared('reporting_contributions_of', (db) =>
  db
    .select({
      c: contributions,
      orgName: organizations.name,
      evidence: evidenceJson(sql.raw('v.contribution_id = "contributions"."id"')),
    })
    .from(contributions)
    .innerJoin(organizations, eq(organizations.id, contributions.orgId))
    .where(
      and(
        eq(contributions.measureId, sql.placeholder('measureId')),
        eq(contributions.periodId, sql.placeholder('periodId')),
      ),
    )
    .orderBy(asc(organizations.code)),
)
const periodOfReport = prepared('reporting_period_of_report', (db) =>
  db
    .select()
    .from(reportingPeriods)
    .where(
      eq(
        reportingPeriods.id,
        sql`(select r.period_id from measure_reports r where r.id = ${sql.placeholder('reportId')})`,
      ),
    ),
)
const reportOf = prepared('reporting_report_of', (db) =>
  db
    .select(reportColumns)
    .from(measureReports)
    .where(
      and(
        eq(measureReports.measureId, sql.placeholder('measureId')),
        eq(measureReports.periodId, sql.placeholder('periodId')),
      ),
    ),
)
const reportById = prepared('reporting_report_by_id', (db) =>
  db
    .select(reportColumns)
    .from(measureReports)
    .where(eq(measureReports.id, sql.placeholder('id'))),
)
/** People holding one of the roles, in one of the organisations or (null) anywhere: prepared once. */
const holdersOf = prepared('reporting_holders', (db) =>
  db
    .selectDistinct({
      id: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      clearance: user.clearance,
    })
    .from(roleGrants)
    .innerJoin(user, eq(user.id, roleGrants.userId))
    .where(
      and(
        isNull(roleGrants.revokedAt),
        sql`${roleGrants.role} = any(${sql.placeholder('roles')}::text[])`,
        sql`(${sql.placeholder('orgIds')}::uuid[] is null or ${roleGrants.orgId} = any(${sql.placeholder('orgIds')}::uuid[]))`,
        eq(user.disabled, false),
      ),
    ),
)
/**
 * A report's update, prepared once for each set of columns it changes: the workflow's actions and
 * the draft's optional fields make a handful of them.
 */
const reportUpdates = preparedByShape(
  'reporting_update_report',
  (columns: string[]) => (db) =>
    db
      .update(measureReports)
      .set(Object.fromEntries(columns.map((c) => [c, sql.placeholder(c)])))
      .where(
        and(
          eq(measureReports.id, sql.placeholder('id')),
          eq(measureReports.revision, sql.placeholder('expected')),
        ),
      )
      .returning({ ...reportColumns, ...attachmentColumns }),
)
const reportUpdate = (columns: string[]) => {
  const sorted = [...columns].sort()
  return reportUpdates(sorted.join(','), sorted)
}
type RevisionInsert = Pick<
  typeof measureReportRevisions.$inferInsert,
  'reportId' | 'revision' | 'action' | 'state' | 'snapshot' | 'actorUserId'
> & { comment?: string | null }
const insertRevision = prepared('reporting_insert_revision', (db) =>
  db.insert(measureReportRevisions).values({
    reportId: sql.placeholder('reportId'),
    revision: sql.placeholder('revision'),
    action: sql.placeholder('action'),
    state: sql.placeholder('state'),
    comment: sql.placeholder('comment'),
    snapshot: sql.placeholder('snapshot'),
    actorUserId: sql.placeholder('actorUserId'),
  }),
)

export const reportingRepository = {
  periods: (db: Executor, strategyId: string) =>
    db
      .select()
      .from(reportingPeriods)
      .where(eq(reportingPeriods.strategyId, strategyId))
      .orderBy(asc(reportingPeriods.dueOn), asc(reportingPeriods.label)),
  /**
   * The periods of a measure's strategy, each saying whether one of the measure's lead executors
   * holds a late exception for it valid on `today`: read by the measure's id alone, so that it can
   * be read beside the measure itself.
   */
  periodsExcepted: (db: Executor, measureId: string, today: string) =>
    periodsExcepted(db, { measureId, today }),
  async periodOfReport(db: Executor, reportId: string) {
    const [p] = await periodOfReport(db, { reportId })
    return p ?? null
  },
  async periodById(db: Executor, id: string) {
    const [p] = await periodById(db, { id })
    return p ?? null
  },
  async insertPeriod(db: Executor, row: typeof reportingPeriods.$inferInsert) {
    const [p] = await db.insert(reportingPeriods).values(row).returning()
    return p as PeriodRow
  },
  /** Moves a period on only from the state the caller saw, so two clicks cannot both win. */
  async setPeriodState(
    db: Executor,
    id: string,
    from: string,
    set: Partial<typeof reportingPeriods.$inferInsert>,
  ) {
    const [p] = await db
      .update(reportingPeriods)
      .set(set)
      .where(and(eq(reportingPeriods.id, id), eq(reportingPeriods.state, from)))
      .returning()
    return p ?? null
  },
  /** Records a reminder step once; false when it was already recorded (by this or another worker). */
  async markReminderSentOnce(db: Executor, id: string, key: string, alsoSkipped: string[] = []) {
    const key1 = JSON.stringify([key])
    const all = JSON.stringify([...alsoSkipped, key])
    const r = await db
      .update(reportingPeriods)
      .set({ remindersSent: sql`${reportingPeriods.remindersSent} || ${all}::jsonb` })
      .where(and(eq(reportingPeriods.id, id), sql`not (${reportingPeriods.remindersSent} @> ${key1}::jsonb)`))
      .returning({ id: reportingPeriods.id })
    return r.length > 0
  },
  openPeriods: (db: Executor) => db.select().from(reportingPeriods).where(eq(reportingPeriods.state, 'open')),

  async report(db: Executor, measureId: string, periodId: string) {
    const [r] = await reportOf(db, { measureId, periodId })
    return r ?? null
  },
  async reportById(db: Executor, id: string) {
    const [r] = await reportById(db, { id })
    return r ?? null
  },
  reportsOfPeriod: (db: Executor, periodId: string) =>
    db.select(reportColumns).from(measureReports).where(eq(measureReports.periodId, periodId)),
  async insertReport(db: Executor, row: typeof measureReports.$inferInsert) {
    const [r] = await db.insert(measureReports).values(row).onConflictDoNothing().returning(reportColumns)
    return r ?? null
  },
  /**
   * Writes only over the revision the writer saw; null when someone saved in between. Returns the
   * report with its values and evidence as they stand in the transaction (what its revision keeps).
   */
  async updateReport(
    db: Executor,
    id: string,
    revision: number,
    set: Partial<typeof measureReports.$inferInsert>,
  ) {
    const values = Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined))
    const [r] = await reportUpdate(Object.keys(values))(db, { ...values, id, expected: revision })
    return r ?? null
  },
  insertRevision: (db: Executor, row: RevisionInsert) =>
    insertRevision(db, { ...row, comment: row.comment ?? null }),
  revisions: (db: Executor, reportId: string) =>
    db
      .select({ r: measureReportRevisions, actorName: user.name })
      .from(measureReportRevisions)
      .leftJoin(user, eq(user.id, measureReportRevisions.actorUserId))
      .where(eq(measureReportRevisions.reportId, reportId))
      .orderBy(asc(measureReportRevisions.createdAt), asc(measureReportRevisions.revision)),

  async setIndicatorValues(db: Executor, reportId: string, values: { indicatorId: string; value: number }[]) {
    await db.delete(reportIndicatorValues).where(eq(reportIndicatorValues.reportId, reportId))
    if (values.length) await db.insert(reportIndicatorValues).values(values.map((v) => ({ reportId, ...v })))
  },
  /** The report of a measure for a period, with its indicator values and evidence. */
  async reportWithAttachments(db: Executor, measureId: string, periodId: string) {
    const [r] = await reportWithAttachments(db, { measureId, periodId })
    return r ?? null
  },
  /** Every report of a measure, each with its indicator values and evidence. */
  reportsWithAttachments: (db: Executor, measureId: string) => reportsWithAttachments(db, { measureId }),
  async evidenceById(db: Executor, id: string) {
    const [e] = await db.select(evidenceColumns).from(evidence).where(eq(evidence.id, id))
    return e ?? null
  },
  async insertEvidence(db: Executor, row: typeof evidence.$inferInsert) {
    const [e] = await db.insert(evidence).values(row).returning(evidenceColumns)
    return e as NonNullable<typeof e>
  },
  deleteEvidence: (db: Executor, id: string) => db.delete(evidence).where(eq(evidence.id, id)),
  async fileById(db: Executor, id: string) {
    const [f] = await db.select().from(files).where(eq(files.id, id))
    return f ?? null
  },

  contributions: (db: Executor, measureId: string, periodId: string) =>
    contributionsOf(db, { measureId, periodId }),
  async contributionById(db: Executor, id: string) {
    const [c] = await db.select().from(contributions).where(eq(contributions.id, id))
    return c ?? null
  },
  async contribution(db: Executor, measureId: string, periodId: string, orgId: string) {
    const [c] = await db
      .select()
      .from(contributions)
      .where(
        and(
          eq(contributions.measureId, measureId),
          eq(contributions.periodId, periodId),
          eq(contributions.orgId, orgId),
        ),
      )
    return c ?? null
  },
  async upsertContribution(db: Executor, row: typeof contributions.$inferInsert) {
    const [c] = await db
      .insert(contributions)
      .values(row)
      .onConflictDoUpdate({
        target: [contributions.measureId, contributions.periodId, contributions.orgId],
        set: {
          text: row.text,
          state: row.state,
          submittedAt: row.submittedAt,
          updatedBy: row.updatedBy,
          updatedAt: row.updatedAt,
        },
      })
      .returning()
    return c as typeof contributions.$inferSelect
  },

  /** A late exception for the organisation still valid on `today`. */
  async exception(db: Executor, periodId: string, orgIds: string[], today: string) {
    if (!orgIds.length) return null
    const [e] = await db
      .select()
      .from(lateExceptions)
      .where(
        and(
          eq(lateExceptions.periodId, periodId),
          inArray(lateExceptions.orgId, orgIds),
          gte(lateExceptions.until, today),
        ),
      )
      .orderBy(desc(lateExceptions.until))
    return e ?? null
  },
  exceptions: (db: Executor, periodId: string) =>
    db
      .select()
      .from(lateExceptions)
      .where(eq(lateExceptions.periodId, periodId))
      .orderBy(asc(lateExceptions.createdAt)),
  async insertException(db: Executor, row: typeof lateExceptions.$inferInsert) {
    const [e] = await db.insert(lateExceptions).values(row).returning()
    return e as typeof lateExceptions.$inferSelect
  },

  /**
   * What the figures need of each evaluation: of a period, or (live) each measure's latest. Narrow
   * columns, so that picking the latest per measure sorts in memory rather than on disk.
   */
  figureEvaluations: (db: Executor, strategyId: string, periodId: string | null) =>
    periodId
      ? db
          .select({
            measureId: evaluations.measureId,
            periodId: evaluations.periodId,
            completion: evaluations.completion,
          })
          .from(evaluations)
          .where(eq(evaluations.periodId, periodId))
      : db
          .selectDistinctOn([evaluations.measureId], {
            measureId: evaluations.measureId,
            periodId: evaluations.periodId,
            completion: evaluations.completion,
          })
          .from(evaluations)
          .innerJoin(reportingPeriods, eq(reportingPeriods.id, evaluations.periodId))
          .where(eq(reportingPeriods.strategyId, strategyId))
          .orderBy(evaluations.measureId, desc(reportingPeriods.endsOn), desc(reportingPeriods.dueOn)),
  /** What the figures need of each report: of a period, or (live) each measure's latest submitted or accepted one. */
  figureReports: (db: Executor, strategyId: string, periodId: string | null) =>
    periodId
      ? db.select(figureReportColumns).from(measureReports).where(eq(measureReports.periodId, periodId))
      : db
          .selectDistinctOn([measureReports.measureId], figureReportColumns)
          .from(measureReports)
          .innerJoin(reportingPeriods, eq(reportingPeriods.id, measureReports.periodId))
          .where(
            and(
              eq(reportingPeriods.strategyId, strategyId),
              inArray(measureReports.state, ['submitted', 'accepted']),
            ),
          )
          .orderBy(measureReports.measureId, desc(reportingPeriods.endsOn), desc(reportingPeriods.dueOn)),
  evaluationsOfPeriod: (db: Executor, periodId: string) =>
    db.select(evaluationColumns).from(evaluations).where(eq(evaluations.periodId, periodId)),
  async snapshot(db: Executor, periodId: string) {
    const [s] = await db.select().from(periodSnapshots).where(eq(periodSnapshots.periodId, periodId))
    return s ?? null
  },
  /**
   * The summary a locked period's snapshot keeps for readers of a clearance, without the rest of the
   * document: null when there is no snapshot, `summary: null` when it keeps none for that clearance
   * (snapshots taken before summaries were kept per clearance hold only the complete one).
   */
  async snapshotSummary(db: Executor, periodId: string, clearance: string) {
    const [s] = await db
      .select({
        summary: sql<Record<
          string,
          unknown
        > | null>`coalesce(${periodSnapshots.data}->'summaries'->${clearance}::text,
          case when ${clearance}::text = 'restricted' then ${periodSnapshots.data}->'summary' end)`,
      })
      .from(periodSnapshots)
      .where(eq(periodSnapshots.periodId, periodId))
    return s ?? null
  },
  insertSnapshot: (db: Executor, row: typeof periodSnapshots.$inferInsert) =>
    db.insert(periodSnapshots).values(row),

  /** People holding one of the roles in one of the organisations, for notices. */
  holders: (db: Executor, orgIds: string[] | null, roles: string[]) =>
    orgIds?.length === 0 ? Promise.resolve([]) : holdersOf(db, { roles, orgIds }),
}
export type ReportingRepository = typeof reportingRepository

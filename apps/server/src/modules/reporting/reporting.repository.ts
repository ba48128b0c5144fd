import { and, asc, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm'
import {
  contributions,
  evaluations,
  evidence,
  files,
  lateExceptions,
  measureReportRevisions,
  measureReports,
  organizations,
  periodSnapshots,
  reportIndicatorValues,
  reportingPeriods,
  roleGrants,
  user,
} from '../../db/schema/index.ts'
import type { Executor } from '../../platform/db.ts'

export type PeriodRow = typeof reportingPeriods.$inferSelect
export type ReportRow = typeof measureReports.$inferSelect

export const reportingRepository = {
  periods: (db: Executor, strategyId: string) =>
    db
      .select()
      .from(reportingPeriods)
      .where(eq(reportingPeriods.strategyId, strategyId))
      .orderBy(asc(reportingPeriods.dueOn), asc(reportingPeriods.label)),
  async periodById(db: Executor, id: string) {
    const [p] = await db.select().from(reportingPeriods).where(eq(reportingPeriods.id, id))
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
    const [r] = await db
      .select()
      .from(measureReports)
      .where(and(eq(measureReports.measureId, measureId), eq(measureReports.periodId, periodId)))
    return r ?? null
  },
  async reportById(db: Executor, id: string) {
    const [r] = await db.select().from(measureReports).where(eq(measureReports.id, id))
    return r ?? null
  },
  reportsOfMeasure: (db: Executor, measureId: string) =>
    db.select().from(measureReports).where(eq(measureReports.measureId, measureId)),
  reportsOfPeriod: (db: Executor, periodId: string) =>
    db.select().from(measureReports).where(eq(measureReports.periodId, periodId)),
  async insertReport(db: Executor, row: typeof measureReports.$inferInsert) {
    const [r] = await db.insert(measureReports).values(row).onConflictDoNothing().returning()
    return r ?? null
  },
  /** Writes only over the revision the writer saw; null when someone saved in between. */
  async updateReport(
    db: Executor,
    id: string,
    revision: number,
    set: Partial<typeof measureReports.$inferInsert>,
  ) {
    const [r] = await db
      .update(measureReports)
      .set(set)
      .where(and(eq(measureReports.id, id), eq(measureReports.revision, revision)))
      .returning()
    return r ?? null
  },
  insertRevision: (db: Executor, row: typeof measureReportRevisions.$inferInsert) =>
    db.insert(measureReportRevisions).values(row),
  revisions: (db: Executor, reportId: string) =>
    db
      .select({ r: measureReportRevisions, actorName: user.name })
      .from(measureReportRevisions)
      .leftJoin(user, eq(user.id, measureReportRevisions.actorUserId))
      .where(eq(measureReportRevisions.reportId, reportId))
      .orderBy(asc(measureReportRevisions.createdAt), asc(measureReportRevisions.revision)),

  indicatorValues: (db: Executor, reportIds: string[]) =>
    reportIds.length
      ? db.select().from(reportIndicatorValues).where(inArray(reportIndicatorValues.reportId, reportIds))
      : Promise.resolve([]),
  async setIndicatorValues(db: Executor, reportId: string, values: { indicatorId: string; value: number }[]) {
    await db.delete(reportIndicatorValues).where(eq(reportIndicatorValues.reportId, reportId))
    if (values.length) await db.insert(reportIndicatorValues).values(values.map((v) => ({ reportId, ...v })))
  },

  evidenceOf: (db: Executor, by: { reportIds?: string[]; contributionIds?: string[] }) => {
    const w = by.reportIds
      ? by.reportIds.length
        ? inArray(evidence.reportId, by.reportIds)
        : undefined
      : by.contributionIds?.length
        ? inArray(evidence.contributionId, by.contributionIds)
        : undefined
    if (!w) return Promise.resolve([])
    return db
      .select({ e: evidence, filename: files.filename, size: files.size, sha256: files.sha256 })
      .from(evidence)
      .leftJoin(files, eq(files.id, evidence.fileId))
      .where(w)
      .orderBy(asc(evidence.createdAt))
  },
  async evidenceById(db: Executor, id: string) {
    const [e] = await db.select().from(evidence).where(eq(evidence.id, id))
    return e ?? null
  },
  async insertEvidence(db: Executor, row: typeof evidence.$inferInsert) {
    const [e] = await db.insert(evidence).values(row).returning()
    return e as typeof evidence.$inferSelect
  },
  deleteEvidence: (db: Executor, id: string) => db.delete(evidence).where(eq(evidence.id, id)),
  async fileById(db: Executor, id: string) {
    const [f] = await db.select().from(files).where(eq(files.id, id))
    return f ?? null
  },

  contributions: (db: Executor, measureId: string, periodId: string) =>
    db
      .select({ c: contributions, orgName: organizations.name })
      .from(contributions)
      .innerJoin(organizations, eq(organizations.id, contributions.orgId))
      .where(and(eq(contributions.measureId, measureId), eq(contributions.periodId, periodId)))
      .orderBy(asc(organizations.code)),
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

  /** Each measure's evaluation of its latest evaluated period. */
  latestEvaluations: (db: Executor, strategyId: string) =>
    db
      .selectDistinctOn([evaluations.measureId], { e: evaluations })
      .from(evaluations)
      .innerJoin(reportingPeriods, eq(reportingPeriods.id, evaluations.periodId))
      .where(eq(reportingPeriods.strategyId, strategyId))
      .orderBy(evaluations.measureId, desc(reportingPeriods.endsOn), desc(reportingPeriods.dueOn))
      .then((rows) => rows.map((r) => r.e)),
  /** Each measure's latest submitted or accepted report. */
  latestUsableReports: (db: Executor, strategyId: string) =>
    db
      .selectDistinctOn([measureReports.measureId], { r: measureReports })
      .from(measureReports)
      .innerJoin(reportingPeriods, eq(reportingPeriods.id, measureReports.periodId))
      .where(
        and(
          eq(reportingPeriods.strategyId, strategyId),
          inArray(measureReports.state, ['submitted', 'accepted']),
        ),
      )
      .orderBy(measureReports.measureId, desc(reportingPeriods.endsOn), desc(reportingPeriods.dueOn))
      .then((rows) => rows.map((r) => r.r)),
  evaluationsOfPeriod: (db: Executor, periodId: string) =>
    db.select().from(evaluations).where(eq(evaluations.periodId, periodId)),
  async snapshot(db: Executor, periodId: string) {
    const [s] = await db.select().from(periodSnapshots).where(eq(periodSnapshots.periodId, periodId))
    return s ?? null
  },
  insertSnapshot: (db: Executor, row: typeof periodSnapshots.$inferInsert) =>
    db.insert(periodSnapshots).values(row),

  /** People holding one of the roles in one of the organisations, for notices. */
  holders: (db: Executor, orgIds: string[] | null, roles: string[]) =>
    orgIds?.length === 0
      ? Promise.resolve([])
      : db
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
              inArray(roleGrants.role, roles),
              orgIds ? inArray(roleGrants.orgId, orgIds) : undefined,
              eq(user.disabled, false),
            ),
          ),
}
export type ReportingRepository = typeof reportingRepository

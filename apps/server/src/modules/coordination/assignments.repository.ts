import { and, asc, count, eq, inArray, lt, or, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import {
  coordAssignmentReports,
  coordAssignments,
  coordBodies,
  coordDecisions,
  coordMeetings,
  files,
  measures,
  organizations,
  user,
} from '../../db/schema/index.ts'
import type { Executor } from '../../platform/db.ts'

export type AssignmentScope = {
  /** null: every body. */
  bodyIds: string[] | null
  /** Organisations whose own assignments are visible beyond the bodies above. */
  orgIds: string[]
}
export type AssignmentFilter = {
  bodyId?: string
  orgId?: string
  state?: string
  overdueOn?: string
  decisionIds?: string[]
  ids?: string[]
}

const reviewer = alias(user, 'reviewer')

const where = (scope: AssignmentScope, f: AssignmentFilter) =>
  and(
    scope.bodyIds === null
      ? undefined
      : or(
          scope.bodyIds.length ? inArray(coordMeetings.bodyId, scope.bodyIds) : sql`false`,
          scope.orgIds.length ? inArray(coordAssignments.orgId, scope.orgIds) : sql`false`,
        ),
    f.bodyId ? eq(coordMeetings.bodyId, f.bodyId) : undefined,
    f.orgId ? eq(coordAssignments.orgId, f.orgId) : undefined,
    f.state ? eq(coordAssignments.state, f.state) : undefined,
    f.overdueOn
      ? and(eq(coordAssignments.state, 'open'), lt(coordAssignments.dueOn, f.overdueOn))
      : undefined,
    f.decisionIds ? inArray(coordAssignments.decisionId, f.decisionIds) : undefined,
    f.ids ? inArray(coordAssignments.id, f.ids) : undefined,
  )

export type AssignmentRow = Awaited<ReturnType<typeof assignmentsRepository.list>>['items'][number]

export const assignmentsRepository = {
  async list(db: Executor, scope: AssignmentScope, f: AssignmentFilter, limit = 500, offset = 0) {
    if (f.decisionIds?.length === 0 || f.ids?.length === 0) return { items: [], total: 0 }
    const items = await db
      .select({
        a: coordAssignments,
        decisionNumber: coordDecisions.number,
        meetingId: coordMeetings.id,
        meetingNumber: coordMeetings.number,
        bodyId: coordMeetings.bodyId,
        bodyCode: coordBodies.code,
        orgCode: organizations.code,
        orgName: organizations.name,
        responsibleName: user.name,
        measureCode: measures.code,
        measureConf: measures.confidentiality,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(coordAssignments)
      .innerJoin(coordDecisions, eq(coordDecisions.id, coordAssignments.decisionId))
      .innerJoin(coordMeetings, eq(coordMeetings.id, coordDecisions.meetingId))
      .innerJoin(coordBodies, eq(coordBodies.id, coordMeetings.bodyId))
      .innerJoin(organizations, eq(organizations.id, coordAssignments.orgId))
      .leftJoin(user, eq(user.id, coordAssignments.responsibleUserId))
      .leftJoin(measures, eq(measures.id, coordAssignments.measureId))
      .where(where(scope, f))
      .orderBy(asc(coordAssignments.dueOn), asc(organizations.code), asc(coordAssignments.id))
      .limit(limit)
      .offset(offset)
    return { items, total: items[0]?.total ?? 0 }
  },

  byId: async (db: Executor, id: string) =>
    (await db.select().from(coordAssignments).where(eq(coordAssignments.id, id)))[0],

  /** The assignment with the meeting and body it came from. */
  context: async (db: Executor, id: string) =>
    (
      await db
        .select({ a: coordAssignments, m: coordMeetings, decisionNumber: coordDecisions.number })
        .from(coordAssignments)
        .innerJoin(coordDecisions, eq(coordDecisions.id, coordAssignments.decisionId))
        .innerJoin(coordMeetings, eq(coordMeetings.id, coordDecisions.meetingId))
        .where(eq(coordAssignments.id, id))
    )[0],

  insert: (db: Executor, rows: (typeof coordAssignments.$inferInsert)[]) =>
    db.insert(coordAssignments).values(rows).returning(),

  update: (db: Executor, id: string, v: Partial<typeof coordAssignments.$inferInsert>) =>
    db.update(coordAssignments).set(v).where(eq(coordAssignments.id, id)),

  reports: (db: Executor, assignmentIds: string[]) =>
    assignmentIds.length === 0
      ? Promise.resolve([])
      : db
          .select({
            r: coordAssignmentReports,
            by: user.name,
            reviewer: reviewer.name,
            filename: files.filename,
          })
          .from(coordAssignmentReports)
          .innerJoin(user, eq(user.id, coordAssignmentReports.createdBy))
          .leftJoin(reviewer, eq(reviewer.id, coordAssignmentReports.reviewedBy))
          .leftJoin(files, eq(files.id, coordAssignmentReports.fileId))
          .where(inArray(coordAssignmentReports.assignmentId, assignmentIds))
          .orderBy(coordAssignmentReports.createdAt),

  insertReport: async (db: Executor, v: typeof coordAssignmentReports.$inferInsert) =>
    (
      await db.insert(coordAssignmentReports).values(v).returning()
    )[0] as typeof coordAssignmentReports.$inferSelect,

  /** The newest report of completion not yet reviewed. */
  pendingReport: async (db: Executor, assignmentId: string) =>
    (
      await db
        .select()
        .from(coordAssignmentReports)
        .where(
          and(
            eq(coordAssignmentReports.assignmentId, assignmentId),
            eq(coordAssignmentReports.done, true),
            sql`${coordAssignmentReports.reviewedAt} is null`,
          ),
        )
        .orderBy(sql`${coordAssignmentReports.createdAt} desc`)
        .limit(1)
    )[0],

  review: (db: Executor, id: string, v: Partial<typeof coordAssignmentReports.$inferInsert>) =>
    db.update(coordAssignmentReports).set(v).where(eq(coordAssignmentReports.id, id)),

  /** Counts per body and per organisation, as of `today` for the overdue and late figures. */
  async summary(db: Executor, scope: AssignmentScope, f: AssignmentFilter, today: string) {
    const counts = {
      total: count(),
      open: sql<number>`count(*) filter (where ${coordAssignments.state} = 'open')`.mapWith(Number),
      reported: sql<number>`count(*) filter (where ${coordAssignments.state} = 'reported')`.mapWith(Number),
      done: sql<number>`count(*) filter (where ${coordAssignments.state} = 'done')`.mapWith(Number),
      cancelled: sql<number>`count(*) filter (where ${coordAssignments.state} = 'cancelled')`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${coordAssignments.state} = 'open'
        and ${coordAssignments.dueOn} < ${today})`.mapWith(Number),
      doneLate: sql<number>`count(*) filter (where ${coordAssignments.state} = 'done'
        and ${coordAssignments.completedOn} > ${coordAssignments.dueOn})`.mapWith(Number),
    }
    const byBody = await db
      .select({ bodyId: coordBodies.id, code: coordBodies.code, name: coordBodies.name, ...counts })
      .from(coordAssignments)
      .innerJoin(coordDecisions, eq(coordDecisions.id, coordAssignments.decisionId))
      .innerJoin(coordMeetings, eq(coordMeetings.id, coordDecisions.meetingId))
      .innerJoin(coordBodies, eq(coordBodies.id, coordMeetings.bodyId))
      .where(where(scope, f))
      .groupBy(coordBodies.id)
      .orderBy(coordBodies.code)
    const byOrg = await db
      .select({ orgId: organizations.id, code: organizations.code, name: organizations.name, ...counts })
      .from(coordAssignments)
      .innerJoin(coordDecisions, eq(coordDecisions.id, coordAssignments.decisionId))
      .innerJoin(coordMeetings, eq(coordMeetings.id, coordDecisions.meetingId))
      .innerJoin(organizations, eq(organizations.id, coordAssignments.orgId))
      .where(where(scope, f))
      .groupBy(organizations.id)
      .orderBy(organizations.code)
    return { byBody, byOrg }
  },

  /** Open assignments due within the window, for the reminder job. */
  openDueBetween: (db: Executor, from: string, to: string) =>
    db
      .select({
        a: coordAssignments,
        bodyId: coordMeetings.bodyId,
        decisionNumber: coordDecisions.number,
        meetingNumber: coordMeetings.number,
        bodyCode: coordBodies.code,
        orgCode: organizations.code,
      })
      .from(coordAssignments)
      .innerJoin(coordDecisions, eq(coordDecisions.id, coordAssignments.decisionId))
      .innerJoin(coordMeetings, eq(coordMeetings.id, coordDecisions.meetingId))
      .innerJoin(coordBodies, eq(coordBodies.id, coordMeetings.bodyId))
      .innerJoin(organizations, eq(organizations.id, coordAssignments.orgId))
      .where(
        and(eq(coordAssignments.state, 'open'), sql`${coordAssignments.dueOn} between ${from} and ${to}`),
      ),

  /** Marks the steps as sent unless another worker already did; true when this call marked them. */
  markSentOnce: async (db: Executor, id: string, step: string, skipped: string[]) =>
    (
      await db
        .update(coordAssignments)
        .set({
          remindersSent: sql`${coordAssignments.remindersSent} || string_to_array(${[step, ...skipped].join(',')}, ',')`,
        })
        .where(and(eq(coordAssignments.id, id), sql`not (${step} = any(${coordAssignments.remindersSent}))`))
        .returning({ id: coordAssignments.id })
    ).length > 0,
}

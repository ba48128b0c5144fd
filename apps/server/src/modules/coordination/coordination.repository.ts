import { and, asc, desc, eq, gte, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import {
  coordAgendaItems,
  coordAgendaLinks,
  coordAttendance,
  coordBodies,
  coordDecisions,
  coordItemRequests,
  coordMeetingDocuments,
  coordMeetings,
  coordMembers,
  directions,
  evaluations,
  files,
  measureReports,
  measures,
  memberships,
  organizations,
  reportingPeriods,
  roleGrants,
  user,
} from '../../db/schema/index.ts'
import type { Executor } from '../../platform/db.ts'

const parent = alias(coordBodies, 'parent')
/** Seats that hold on `day` (inclusive dates). */
const seatOn = (day: string) =>
  and(lte(coordMembers.validFrom, day), or(isNull(coordMembers.validTo), gte(coordMembers.validTo, day)))

export type BodyRow = Awaited<ReturnType<typeof coordinationRepository.bodies>>[number]
export type MeetingRow = typeof coordMeetings.$inferSelect
export type MemberRow = Awaited<ReturnType<typeof coordinationRepository.members>>[number]

export const coordinationRepository = {
  bodies: (db: Executor, day: string, ids?: string[]) =>
    ids?.length === 0
      ? Promise.resolve([])
      : db
          .select({
            b: coordBodies,
            parentCode: parent.code,
            directionCode: directions.code,
            memberCount: sql<number>`(select count(*)::int from coord_members m
              where m.body_id = ${coordBodies.id} and m.valid_from <= ${day}
              and (m.valid_to is null or m.valid_to >= ${day}))`,
          })
          .from(coordBodies)
          .leftJoin(parent, eq(parent.id, coordBodies.parentId))
          .leftJoin(directions, eq(directions.id, coordBodies.directionId))
          .where(ids ? inArray(coordBodies.id, ids) : undefined)
          .orderBy(coordBodies.kind, coordBodies.code),

  bodyByCode: async (db: Executor, code: string) =>
    (await db.select().from(coordBodies).where(eq(coordBodies.code, code)))[0],

  insertBody: async (db: Executor, v: typeof coordBodies.$inferInsert) =>
    (await db.insert(coordBodies).values(v).returning())[0] as typeof coordBodies.$inferSelect,

  /** Bodies in which one of these organisations or this person ever held a seat. */
  bodyIdsOf: async (db: Executor, orgIds: string[], userId: string) =>
    (
      await db
        .selectDistinct({ id: coordMembers.bodyId })
        .from(coordMembers)
        .where(
          or(
            orgIds.length ? inArray(coordMembers.orgId, orgIds) : undefined,
            eq(coordMembers.userId, userId),
          ),
        )
    ).map((r) => r.id),

  /** A person's own seats on `day`, with their roles. */
  seatsOf: (db: Executor, userId: string, day: string) =>
    db
      .select({ bodyId: coordMembers.bodyId, role: coordMembers.role })
      .from(coordMembers)
      .where(and(eq(coordMembers.userId, userId), seatOn(day))),

  members: (db: Executor, bodyId: string, day: string | null) =>
    db
      .select({
        m: coordMembers,
        orgCode: organizations.code,
        orgName: organizations.name,
        userName: user.name,
        email: user.email,
        locale: user.locale,
      })
      .from(coordMembers)
      .innerJoin(organizations, eq(organizations.id, coordMembers.orgId))
      .leftJoin(user, eq(user.id, coordMembers.userId))
      .where(and(eq(coordMembers.bodyId, bodyId), day ? seatOn(day) : undefined))
      .orderBy(
        sql`array_position(array['chair','deputy_chair','secretary','member'], ${coordMembers.role})`,
        day ? asc(organizations.code) : desc(coordMembers.validFrom),
        asc(organizations.code),
      ),

  memberById: async (db: Executor, id: string) =>
    (await db.select().from(coordMembers).where(eq(coordMembers.id, id)))[0],

  /** Seats in the body whose dates meet [from, to] (to null: open-ended). */
  overlappingSeats: (db: Executor, bodyId: string, from: string, to: string | null) =>
    db
      .select()
      .from(coordMembers)
      .where(
        and(
          eq(coordMembers.bodyId, bodyId),
          or(isNull(coordMembers.validTo), gte(coordMembers.validTo, from)),
          to ? lte(coordMembers.validFrom, to) : undefined,
        ),
      ),

  insertMembers: (db: Executor, rows: (typeof coordMembers.$inferInsert)[]) =>
    db.insert(coordMembers).values(rows).returning(),

  endMember: (db: Executor, id: string, validTo: string, note: string) =>
    db.update(coordMembers).set({ validTo, note }).where(eq(coordMembers.id, id)),

  /** Is the person a current member of the organisation (and may represent it)? */
  belongsTo: async (db: Executor, userId: string, orgId: string) =>
    (
      await db
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.userId, userId), eq(memberships.orgId, orgId), isNull(memberships.validTo)))
        .limit(1)
    ).length > 0,

  orgsByIds: (db: Executor, ids: string[]) =>
    ids.length === 0
      ? Promise.resolve([])
      : db
          .select({ id: organizations.id, code: organizations.code, name: organizations.name })
          .from(organizations)
          .where(inArray(organizations.id, ids)),

  /** The same, by id. */
  orgMap: async (db: Executor, ids: string[]) =>
    new Map((await coordinationRepository.orgsByIds(db, ids)).map((o) => [o.id, o])),

  /** The people holding these roles in these organisations (for notices). */
  holders: (db: Executor, orgIds: string[], roles: string[]) =>
    orgIds.length === 0
      ? Promise.resolve([])
      : db
          .selectDistinct({ id: user.id, email: user.email, name: user.name, locale: user.locale })
          .from(roleGrants)
          .innerJoin(user, eq(user.id, roleGrants.userId))
          .where(
            and(
              isNull(roleGrants.revokedAt),
              inArray(roleGrants.role, roles),
              inArray(roleGrants.orgId, orgIds),
              eq(user.disabled, false),
            ),
          ),

  usersByIds: (db: Executor, ids: string[]) =>
    ids.length === 0
      ? Promise.resolve([])
      : db
          .select({ id: user.id, email: user.email, name: user.name, locale: user.locale })
          .from(user)
          .where(and(inArray(user.id, ids), eq(user.disabled, false))),

  /** The first focal point of each organisation, the person a working group would seat. */
  focalPoints: (db: Executor, orgIds: string[]) =>
    orgIds.length === 0
      ? Promise.resolve([])
      : db
          .selectDistinctOn([roleGrants.orgId], { orgId: roleGrants.orgId, id: user.id, name: user.name })
          .from(roleGrants)
          .innerJoin(user, eq(user.id, roleGrants.userId))
          .where(
            and(
              isNull(roleGrants.revokedAt),
              eq(roleGrants.role, 'focal_point'),
              inArray(roleGrants.orgId, orgIds),
              eq(user.disabled, false),
            ),
          )
          .orderBy(roleGrants.orgId, roleGrants.grantedAt),

  // ---- meetings ----

  meetings: (db: Executor, f: { from?: string; to?: string; bodyIds?: string[] | null; ids?: string[] }) =>
    f.bodyIds?.length === 0 || f.ids?.length === 0
      ? Promise.resolve([])
      : db
          .select({ m: coordMeetings, bodyCode: coordBodies.code, bodyName: coordBodies.name })
          .from(coordMeetings)
          .innerJoin(coordBodies, eq(coordBodies.id, coordMeetings.bodyId))
          .where(
            and(
              f.from ? gte(coordMeetings.endsAt, new Date(`${f.from}T00:00:00Z`)) : undefined,
              f.to ? lte(coordMeetings.startsAt, new Date(`${f.to}T23:59:59.999Z`)) : undefined,
              f.bodyIds ? inArray(coordMeetings.bodyId, f.bodyIds) : undefined,
              f.ids ? inArray(coordMeetings.id, f.ids) : undefined,
            ),
          )
          .orderBy(coordMeetings.startsAt),

  meetingById: async (db: Executor, id: string) =>
    (await db.select().from(coordMeetings).where(eq(coordMeetings.id, id)))[0],

  /** Meetings (not cancelled) at the same time in the same body or at the same place. */
  clashes: (
    db: Executor,
    c: { bodyId: string; location: string; startsAt: Date; endsAt: Date; exceptId: string | null },
  ) =>
    db
      .select({ m: coordMeetings, bodyCode: coordBodies.code })
      .from(coordMeetings)
      .innerJoin(coordBodies, eq(coordBodies.id, coordMeetings.bodyId))
      .where(
        and(
          ne(coordMeetings.state, 'cancelled'),
          c.exceptId ? ne(coordMeetings.id, c.exceptId) : undefined,
          sql`${coordMeetings.startsAt} < ${c.endsAt.toISOString()}::timestamptz`,
          sql`${coordMeetings.endsAt} > ${c.startsAt.toISOString()}::timestamptz`,
          or(
            eq(coordMeetings.bodyId, c.bodyId),
            c.location.trim()
              ? sql`lower(trim(${coordMeetings.location})) = ${c.location.trim().toLowerCase()}`
              : undefined,
          ),
        ),
      ),

  insertMeeting: async (db: Executor, v: typeof coordMeetings.$inferInsert) =>
    (await db.insert(coordMeetings).values(v).returning())[0] as MeetingRow,

  updateMeeting: async (db: Executor, id: string, v: Partial<typeof coordMeetings.$inferInsert>) =>
    (await db.update(coordMeetings).set(v).where(eq(coordMeetings.id, id)).returning())[0] as MeetingRow,

  /** Earlier meetings of the body whose minutes are written but not yet approved. */
  draftMinutesBefore: (db: Executor, bodyId: string, before: Date) =>
    db
      .select({ id: coordMeetings.id, number: coordMeetings.number, startsAt: coordMeetings.startsAt })
      .from(coordMeetings)
      .where(
        and(
          eq(coordMeetings.bodyId, bodyId),
          eq(coordMeetings.minutesState, 'draft'),
          sql`${coordMeetings.startsAt} < ${before.toISOString()}::timestamptz`,
        ),
      )
      .orderBy(coordMeetings.startsAt),

  // ---- agenda ----

  items: (db: Executor, meetingId: string) =>
    db
      .select({ i: coordAgendaItems, presenterCode: organizations.code })
      .from(coordAgendaItems)
      .leftJoin(organizations, eq(organizations.id, coordAgendaItems.presenterOrgId))
      .where(eq(coordAgendaItems.meetingId, meetingId))
      .orderBy(coordAgendaItems.position),

  itemById: async (db: Executor, id: string) =>
    (await db.select().from(coordAgendaItems).where(eq(coordAgendaItems.id, id)))[0],

  insertItem: async (db: Executor, v: typeof coordAgendaItems.$inferInsert) =>
    (await db.insert(coordAgendaItems).values(v).returning())[0] as typeof coordAgendaItems.$inferSelect,

  updateItem: (db: Executor, id: string, v: Partial<typeof coordAgendaItems.$inferInsert>) =>
    db.update(coordAgendaItems).set(v).where(eq(coordAgendaItems.id, id)),

  deleteItem: async (db: Executor, id: string) => {
    await db.delete(coordItemRequests).where(eq(coordItemRequests.itemId, id))
    await db.delete(coordAgendaLinks).where(eq(coordAgendaLinks.itemId, id))
    await db.delete(coordAgendaItems).where(eq(coordAgendaItems.id, id))
  },

  replaceLinks: async (db: Executor, itemId: string, rows: (typeof coordAgendaLinks.$inferInsert)[]) => {
    await db.delete(coordAgendaLinks).where(eq(coordAgendaLinks.itemId, itemId))
    if (rows.length) await db.insert(coordAgendaLinks).values(rows)
  },

  /** Links with what they show and the measure whose clearance governs them. */
  links: (db: Executor, itemIds: string[]) => {
    if (itemIds.length === 0) return Promise.resolve([])
    const rm = alias(measures, 'rm')
    const em = alias(measures, 'em')
    const rp = alias(reportingPeriods, 'rp')
    const ep = alias(reportingPeriods, 'ep')
    return db
      .select({
        l: coordAgendaLinks,
        measureCode: measures.code,
        measureConf: measures.confidentiality,
        reportMeasureId: measureReports.measureId,
        reportMeasureCode: rm.code,
        reportMeasureConf: rm.confidentiality,
        reportPeriod: rp.label,
        evalMeasureId: evaluations.measureId,
        evalMeasureCode: em.code,
        evalMeasureConf: em.confidentiality,
        evalPeriod: ep.label,
        filename: files.filename,
      })
      .from(coordAgendaLinks)
      .leftJoin(measures, eq(measures.id, coordAgendaLinks.measureId))
      .leftJoin(measureReports, eq(measureReports.id, coordAgendaLinks.reportId))
      .leftJoin(rm, eq(rm.id, measureReports.measureId))
      .leftJoin(rp, eq(rp.id, measureReports.periodId))
      .leftJoin(evaluations, eq(evaluations.id, coordAgendaLinks.evaluationId))
      .leftJoin(em, eq(em.id, evaluations.measureId))
      .leftJoin(ep, eq(ep.id, evaluations.periodId))
      .leftJoin(files, eq(files.id, coordAgendaLinks.fileId))
      .where(inArray(coordAgendaLinks.itemId, itemIds))
  },

  /** The measure behind a link target of each kind (null when the target does not exist). */
  measureOfTarget: async (db: Executor, kind: string, id: string) => {
    if (kind === 'measure') {
      const [r] = await db.select({ id: measures.id }).from(measures).where(eq(measures.id, id))
      return r ? { measureId: r.id } : null
    }
    if (kind === 'report') {
      const [r] = await db
        .select({ id: measureReports.measureId })
        .from(measureReports)
        .where(eq(measureReports.id, id))
      return r ? { measureId: r.id } : null
    }
    if (kind === 'evaluation') {
      const [r] = await db
        .select({ id: evaluations.measureId })
        .from(evaluations)
        .where(eq(evaluations.id, id))
      return r ? { measureId: r.id } : null
    }
    const [r] = await db.select({ id: files.id }).from(files).where(eq(files.id, id))
    return r ? { measureId: null } : null
  },

  requests: (db: Executor, itemIds: string[]) =>
    itemIds.length === 0
      ? Promise.resolve([])
      : db
          .select({
            r: coordItemRequests,
            orgCode: organizations.code,
            orgName: organizations.name,
            filename: files.filename,
            submittedByName: user.name,
          })
          .from(coordItemRequests)
          .innerJoin(organizations, eq(organizations.id, coordItemRequests.orgId))
          .leftJoin(files, eq(files.id, coordItemRequests.fileId))
          .leftJoin(user, eq(user.id, coordItemRequests.submittedBy))
          .where(inArray(coordItemRequests.itemId, itemIds))
          .orderBy(organizations.code),

  requestById: async (db: Executor, id: string) =>
    (await db.select().from(coordItemRequests).where(eq(coordItemRequests.id, id)))[0],

  insertRequests: (db: Executor, rows: (typeof coordItemRequests.$inferInsert)[]) =>
    db
      .insert(coordItemRequests)
      .values(rows)
      .onConflictDoUpdate({
        target: [coordItemRequests.itemId, coordItemRequests.orgId],
        set: { dueOn: sql`excluded.due_on` },
      })
      .returning(),

  submitRequest: (db: Executor, id: string, v: Partial<typeof coordItemRequests.$inferInsert>) =>
    db.update(coordItemRequests).set(v).where(eq(coordItemRequests.id, id)),

  // ---- attendance, documents ----

  attendance: (db: Executor, meetingId: string) =>
    db
      .select({
        a: coordAttendance,
        userId: coordMembers.userId,
        role: coordMembers.role,
        memberOrgId: coordMembers.orgId,
        userName: user.name,
        orgCode: organizations.code,
      })
      .from(coordAttendance)
      .leftJoin(coordMembers, eq(coordMembers.id, coordAttendance.memberId))
      .leftJoin(user, eq(user.id, coordMembers.userId))
      .leftJoin(
        organizations,
        eq(organizations.id, sql`coalesce(${coordMembers.orgId}, ${coordAttendance.guestOrgId})`),
      )
      .where(eq(coordAttendance.meetingId, meetingId)),

  replaceAttendance: async (
    db: Executor,
    meetingId: string,
    rows: (typeof coordAttendance.$inferInsert)[],
  ) => {
    await db.delete(coordAttendance).where(eq(coordAttendance.meetingId, meetingId))
    if (rows.length) await db.insert(coordAttendance).values(rows)
  },

  documents: (db: Executor, meetingId: string) =>
    db
      .select({ d: coordMeetingDocuments, filename: files.filename, size: files.size })
      .from(coordMeetingDocuments)
      .innerJoin(files, eq(files.id, coordMeetingDocuments.fileId))
      .where(eq(coordMeetingDocuments.meetingId, meetingId))
      .orderBy(coordMeetingDocuments.createdAt),

  documentById: async (db: Executor, id: string) =>
    (await db.select().from(coordMeetingDocuments).where(eq(coordMeetingDocuments.id, id)))[0],

  insertDocument: async (db: Executor, v: typeof coordMeetingDocuments.$inferInsert) =>
    (await db.insert(coordMeetingDocuments).values(v).returning())[0],

  deleteDocument: (db: Executor, id: string) =>
    db.delete(coordMeetingDocuments).where(eq(coordMeetingDocuments.id, id)),

  fileById: async (db: Executor, id: string) => (await db.select().from(files).where(eq(files.id, id)))[0],

  // ---- decisions ----

  decisions: (db: Executor, meetingIds: string[]) =>
    meetingIds.length === 0
      ? Promise.resolve([])
      : db
          .select()
          .from(coordDecisions)
          .where(inArray(coordDecisions.meetingId, meetingIds))
          .orderBy(coordDecisions.createdAt),

  decisionById: async (db: Executor, id: string) =>
    (await db.select().from(coordDecisions).where(eq(coordDecisions.id, id)))[0],

  insertDecision: async (db: Executor, v: typeof coordDecisions.$inferInsert) =>
    (await db.insert(coordDecisions).values(v).returning())[0] as typeof coordDecisions.$inferSelect,

  /** Decisions with their meeting and body, newest first, for change requests to cite. */
  decisionOptions: (db: Executor, bodyIds: string[] | null) =>
    db
      .select({
        id: coordDecisions.id,
        number: coordDecisions.number,
        bodyName: coordBodies.name,
        startsAt: coordMeetings.startsAt,
      })
      .from(coordDecisions)
      .innerJoin(coordMeetings, eq(coordMeetings.id, coordDecisions.meetingId))
      .innerJoin(coordBodies, eq(coordBodies.id, coordMeetings.bodyId))
      .where(bodyIds ? (bodyIds.length ? inArray(coordMeetings.bodyId, bodyIds) : sql`false`) : undefined)
      .orderBy(desc(coordMeetings.startsAt), desc(coordDecisions.number))
      .limit(500),
}

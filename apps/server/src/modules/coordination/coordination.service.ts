import type {
  Attendance,
  AttendanceInput,
  Body,
  BodyInput,
  Meeting,
  MeetingDetail,
  MeetingInput,
  MeetingUpdate,
  Member,
  MemberInput,
  MemberRole,
  ProposedMember,
} from '@qalxan/contracts'
import { and, eq, inArray } from 'drizzle-orm'
import { directions, goals, measureExecutors, measures } from '../../db/schema/index.ts'
import { type Clock, isoDay } from '../../platform/clock.ts'
import type { Database, Executor, Tx } from '../../platform/db.ts'
import { AppError, isUniqueViolation, notFound } from '../../platform/errors.ts'
import type { AccessPolicy } from '../access/access.policy.ts'
import type { Actor } from '../access/actor.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { agendaOf } from './agenda.service.ts'
import type { AssignmentsService } from './assignments.service.ts'
import type { CoordinationNoticeSender } from './coordination.notices.ts'
import type { CoordinationAccess } from './coordination.policy.ts'
import {
  type BodyRow,
  type MeetingRow,
  type MemberRow,
  coordinationRepository as repo,
} from './coordination.repository.ts'
import { meetingRules } from './meeting-rules.ts'

export const bodyOut = (r: BodyRow, myRole: MemberRole | null, canManage: boolean): Body => ({
  id: r.b.id,
  kind: r.b.kind as Body['kind'],
  code: r.b.code,
  name: r.b.name,
  mandate: r.b.mandate,
  parentId: r.b.parentId,
  parentCode: r.parentCode,
  strategyId: r.b.strategyId,
  directionId: r.b.directionId,
  directionCode: r.directionCode,
  establishedBy: r.b.establishedBy,
  establishedOn: r.b.establishedOn,
  archivedAt: r.b.archivedAt?.toISOString() ?? null,
  memberCount: r.memberCount,
  myRole,
  canManage,
})

export const memberOut = (r: MemberRow): Member => ({
  id: r.m.id,
  bodyId: r.m.bodyId,
  orgId: r.m.orgId,
  orgCode: r.orgCode,
  orgName: r.orgName,
  userId: r.m.userId,
  userName: r.userName,
  email: r.email,
  role: r.m.role as MemberRole,
  validFrom: r.m.validFrom,
  validTo: r.m.validTo,
  note: r.m.note,
})

export const meetingOut = (
  m: MeetingRow,
  body: { code: string; name: Body['name'] },
  canManage: boolean,
  approvedIn: { id: string; number: string } | null,
): Meeting => ({
  id: m.id,
  bodyId: m.bodyId,
  bodyCode: body.code,
  bodyName: body.name,
  number: m.number,
  title: m.title,
  startsAt: m.startsAt.toISOString(),
  endsAt: m.endsAt.toISOString(),
  location: m.location,
  onlineUrl: m.onlineUrl,
  state: m.state as Meeting['state'],
  cancelReason: m.cancelReason,
  minutesState: m.minutesState as Meeting['minutesState'],
  minutesApprovedAt: m.minutesApprovedAt?.toISOString() ?? null,
  minutesApprovedIn: approvedIn,
  sequence: m.sequence,
  invitationsSentAt: m.invitationsSentAt?.toISOString() ?? null,
  canManage,
})

export type CoordinationService = ReturnType<typeof createCoordinationService>

export const createCoordinationService = (
  deps: {
    database: Database
    clock: Clock
    audit: AuditService
    policy: AccessPolicy
    access: CoordinationAccess
    assignments: Pick<AssignmentsService, 'decisionsOf'>
  } & CoordinationNoticeSender,
) => {
  const { database, clock, audit, policy, access } = deps
  const db = database.db
  const today = () => isoDay(clock.now())

  const bodyOrThrow = async (ex: Executor, id: string) => {
    const [b] = await repo.bodies(ex, today(), [id])
    if (!b) throw notFound('Body', id)
    return b
  }

  /** The meeting (404 when the reader may not see its body), its body and whether the reader runs it. */
  const visibleMeeting = async (actor: Actor, id: string, ex: Executor = db) => {
    const m = await repo.meetingById(ex, id)
    if (!m) throw notFound('Meeting', id)
    const scope = await access.scope(actor, ex)
    if (scope.bodyIds && !scope.bodyIds.includes(m.bodyId)) throw notFound('Meeting', id)
    const body = await bodyOrThrow(ex, m.bodyId)
    const roles = await access.rolesOf(actor, ex)
    return { m, body, scope, roles, manage: access.canManage(actor, roles, m.bodyId) }
  }

  /** The meeting for a change by the people who run it; FORBIDDEN (recorded) for the others. */
  const managedMeeting = async (actor: Actor, id: string, ex: Executor = db) => {
    const v = await visibleMeeting(actor, id, ex)
    if (!v.manage) await policy.require(actor, 'coord.manage')
    return v
  }

  const { requireNotCancelled, requireMinutesOpen, requireStarted } = meetingRules(clock)

  const checkSchedule = async (
    ex: Executor,
    c: { bodyId: string; location: string; startsAt: Date; endsAt: Date; exceptId: string | null },
  ) => {
    if (c.startsAt.getTime() < clock.now().getTime())
      throw new AppError('VALIDATION_FAILED', 'A meeting cannot be scheduled in the past', {
        issues: [{ path: ['startsAt'], message: 'A meeting cannot be scheduled in the past' }],
      })
    const [clash] = await repo.clashes(ex, c)
    if (clash) {
      if (clash.m.bodyId === c.bodyId)
        throw new AppError(
          'CONFLICT',
          `Meeting "${clash.m.number}" of this body is already scheduled at that time`,
        )
      throw new AppError(
        'CONFLICT',
        `"${clash.m.location}" is taken at that time by meeting "${clash.m.number}" of "${clash.bodyCode}"`,
      )
    }
  }

  const attendanceOf = async (ex: Executor, meetingId: string): Promise<Attendance[]> =>
    (await repo.attendance(ex, meetingId)).map((r) => ({
      memberId: r.a.memberId,
      userId: r.userId,
      name: r.a.guestName ?? r.userName ?? r.orgCode ?? '',
      orgId: r.memberOrgId ?? r.a.guestOrgId,
      orgCode: r.orgCode,
      role: (r.role as MemberRole | null) ?? null,
      status: r.a.status as Attendance['status'],
    }))

  const approvedInOf = async (ex: Executor, m: MeetingRow) => {
    if (!m.minutesApprovedIn) return null
    const later = await repo.meetingById(ex, m.minutesApprovedIn)
    return later ? { id: later.id, number: later.number } : null
  }

  const service = {
    visibleMeeting,
    managedMeeting,
    attendanceOf,

    // ---- bodies and membership ----

    async bodies(actor: Actor): Promise<Body[]> {
      const scope = await access.scope(actor)
      const roles = await access.rolesOf(actor)
      const rows = await repo.bodies(db, today(), scope.bodyIds ?? undefined)
      return rows.map((r) => bodyOut(r, roles.get(r.b.id) ?? null, access.canManage(actor, roles, r.b.id)))
    },

    async body(actor: Actor, id: string): Promise<Body> {
      const { body } = await access.visibleBody(actor, id)
      const roles = await access.rolesOf(actor)
      return bodyOut(body, roles.get(id) ?? null, access.canManage(actor, roles, id))
    },

    async createBody(actor: Actor, input: BodyInput): Promise<Body> {
      await policy.require(actor, 'coord.manage')
      if (input.kind === 'subgroup' && !input.parentId)
        throw new AppError('VALIDATION_FAILED', 'A sub-group belongs to a working group: choose its parent', {
          issues: [
            { path: ['parentId'], message: 'A sub-group belongs to a working group: choose its parent' },
          ],
        })
      let strategyId: string | null = null
      if (input.parentId) await bodyOrThrow(db, input.parentId)
      if (input.directionId) {
        const [d] = await db.select().from(directions).where(eq(directions.id, input.directionId))
        if (!d) throw notFound('Direction', input.directionId)
        strategyId = d.strategyId
      }
      try {
        const id = await db.transaction(async (tx) => {
          const b = await repo.insertBody(tx, { ...input, strategyId, createdAt: clock.now() })
          await audit.record(tx, actor, {
            action: 'body.created',
            targetType: 'body',
            targetId: b.id,
            data: { code: b.code, kind: b.kind },
          })
          return b.id
        })
        return service.body(actor, id)
      } catch (err) {
        if (isUniqueViolation(err))
          throw new AppError('CONFLICT', `A body with code "${input.code}" already exists`)
        throw err
      }
    },

    /** The composition on a day (today when none is given). */
    async members(actor: Actor, bodyId: string, on?: string): Promise<Member[]> {
      await access.visibleBody(actor, bodyId)
      return (await repo.members(db, bodyId, on ?? today())).map(memberOut)
    },

    /** Every seat ever held, newest first. */
    async memberHistory(actor: Actor, bodyId: string): Promise<Member[]> {
      await access.visibleBody(actor, bodyId)
      return (await repo.members(db, bodyId, null)).map(memberOut)
    },

    /** Seats members; each seat is checked (the person belongs to the organisation, no double seat, one chair). */
    async addMembers(actor: Actor, bodyId: string, input: MemberInput[]): Promise<Member[]> {
      await policy.require(actor, 'coord.manage')
      const body = await bodyOrThrow(db, bodyId)
      const orgs = await repo.orgMap(
        db,
        input.map((m) => m.orgId),
      )
      const issues: { path: (string | number)[]; message: string }[] = []
      for (const [i, m] of input.entries()) {
        const org = orgs.get(m.orgId)
        if (!org) {
          issues.push({ path: ['members', i, 'orgId'], message: `Organisation "${m.orgId}" was not found` })
          continue
        }
        if (m.userId && !(await repo.belongsTo(db, m.userId, m.orgId)))
          issues.push({
            path: ['members', i, 'userId'],
            message: `User "${m.userId}" does not belong to organisation "${org.code}"`,
          })
        if (body.b.establishedOn && m.validFrom < body.b.establishedOn)
          issues.push({
            path: ['members', i, 'validFrom'],
            message: `The body was established on ${body.b.establishedOn}; a seat cannot begin earlier`,
          })
      }
      if (issues.length) throw new AppError('VALIDATION_FAILED', issues[0]?.message ?? '', { issues })
      return db.transaction(async (tx) => {
        for (const [i, m] of input.entries()) {
          const taken = await repo.overlappingSeats(tx, bodyId, m.validFrom, null)
          const org = orgs.get(m.orgId)
          const twice = taken.find((s) =>
            m.userId ? s.userId === m.userId : s.orgId === m.orgId && !s.userId,
          )
          if (twice)
            throw new AppError(
              'CONFLICT',
              `"${org?.code}" already has this seat in the body from ${twice.validFrom}`,
              {
                issues: [{ path: ['members', i], message: 'Already a member' }],
              },
            )
          if (m.role === 'chair' && taken.some((s) => s.role === 'chair'))
            throw new AppError(
              'CONFLICT',
              `The body already has a chair on ${m.validFrom}; end that seat first`,
            )
          await repo.insertMembers(tx, [{ ...m, bodyId }])
        }
        await audit.record(tx, actor, {
          action: 'body.members_added',
          targetType: 'body',
          targetId: bodyId,
          data: { code: body.b.code, members: input.map((m) => ({ org: orgs.get(m.orgId)?.code, ...m })) },
        })
        return (await repo.members(tx, bodyId, null)).map(memberOut)
      })
    },

    async endMember(actor: Actor, memberId: string, validTo: string, note?: string): Promise<Member> {
      await policy.require(actor, 'coord.manage')
      const m = await repo.memberById(db, memberId)
      if (!m) throw notFound('Member', memberId)
      if (m.validTo) throw new AppError('PRECONDITION_FAILED', `This seat already ended on ${m.validTo}`)
      if (validTo < m.validFrom)
        throw new AppError('VALIDATION_FAILED', `A seat cannot end before it began (${m.validFrom})`, {
          issues: [{ path: ['validTo'], message: `A seat cannot end before it began (${m.validFrom})` }],
        })
      await db.transaction(async (tx) => {
        await repo.endMember(tx, memberId, validTo, note ?? m.note)
        await audit.record(tx, actor, {
          action: 'body.member_ended',
          targetType: 'body',
          targetId: m.bodyId,
          data: { memberId, orgId: m.orgId, userId: m.userId, validTo },
        })
      })
      const rows = await repo.members(db, m.bodyId, null)
      return memberOut(rows.find((r) => r.m.id === memberId) as MemberRow)
    },

    /** Lead and co-executors of the body's direction's measures (all measures for a body without one). */
    async proposedMembers(
      actor: Actor,
      bodyId: string,
      strategyId: string | null,
    ): Promise<ProposedMember[]> {
      await policy.require(actor, 'coord.manage')
      const body = await bodyOrThrow(db, bodyId)
      const rows = await db
        .select({ orgId: measureExecutors.orgId, role: measureExecutors.role, code: measures.code })
        .from(measureExecutors)
        .innerJoin(measures, eq(measures.id, measureExecutors.measureId))
        .innerJoin(goals, eq(goals.id, measures.goalId))
        .where(
          and(
            inArray(measureExecutors.role, ['lead', 'co']),
            body.b.directionId ? eq(goals.directionId, body.b.directionId) : undefined,
            (strategyId ?? body.b.strategyId)
              ? eq(measures.strategyId, (strategyId ?? body.b.strategyId) as string)
              : undefined,
          ),
        )
      const byOrg = new Map<string, { lead: string[]; co: string[] }>()
      for (const r of rows) {
        const o = byOrg.get(r.orgId) ?? { lead: [], co: [] }
        ;(r.role === 'lead' ? o.lead : o.co).push(r.code)
        byOrg.set(r.orgId, o)
      }
      const ids = [...byOrg.keys()]
      const [orgs, focal, seated] = await Promise.all([
        repo.orgsByIds(db, ids),
        repo.focalPoints(db, ids),
        repo.members(db, bodyId, today()),
      ])
      const seatedOrgs = new Set(seated.map((s) => s.m.orgId))
      return orgs
        .map((o) => {
          const f = focal.find((x) => x.orgId === o.id)
          const e = byOrg.get(o.id) ?? { lead: [], co: [] }
          return {
            orgId: o.id,
            orgCode: o.code,
            orgName: o.name,
            lead: [...new Set(e.lead)].sort(),
            co: [...new Set(e.co)].sort(),
            userId: f?.id ?? null,
            userName: f?.name ?? null,
            alreadyMember: seatedOrgs.has(o.id),
          }
        })
        .sort((a, b) => b.lead.length - a.lead.length || a.orgCode.localeCompare(b.orgCode))
    },

    // ---- meetings ----

    async calendar(actor: Actor, q: { from: string; to: string; bodyId?: string }): Promise<Meeting[]> {
      if (q.to < q.from) throw new AppError('VALIDATION_FAILED', 'The end of the range is before its start')
      const scope = await access.scope(actor)
      const roles = await access.rolesOf(actor)
      const bodyIds = q.bodyId ? (scope.bodyIds ?? [q.bodyId]).filter((b) => b === q.bodyId) : scope.bodyIds
      const rows = await repo.meetings(db, { from: q.from, to: q.to, bodyIds })
      return rows.map((r) =>
        meetingOut(
          r.m,
          { code: r.bodyCode, name: r.bodyName },
          access.canManage(actor, roles, r.m.bodyId),
          null,
        ),
      )
    },

    async bodyMeetings(actor: Actor, bodyId: string): Promise<Meeting[]> {
      await access.visibleBody(actor, bodyId)
      const roles = await access.rolesOf(actor)
      const rows = await repo.meetings(db, { bodyIds: [bodyId] })
      return rows.map((r) =>
        meetingOut(r.m, { code: r.bodyCode, name: r.bodyName }, access.canManage(actor, roles, bodyId), null),
      )
    },

    async meeting(actor: Actor, id: string): Promise<MeetingDetail> {
      const { m, body, scope, roles, manage } = await visibleMeeting(actor, id)
      const [agenda, attendance, documents, decisions, toApprove, approvedIn] = await Promise.all([
        agendaOf(policy, actor, db, id),
        attendanceOf(db, id),
        repo.documents(db, id),
        deps.assignments.decisionsOf(actor, db, [m], {
          scope,
          roles,
          bodyCodes: new Map([[m.bodyId, body.b.code]]),
        }),
        repo.draftMinutesBefore(db, m.bodyId, m.startsAt),
        approvedInOf(db, m),
      ])
      const updatedBy = m.minutesUpdatedBy ? (await repo.usersByIds(db, [m.minutesUpdatedBy]))[0] : undefined
      return {
        meeting: meetingOut(m, { code: body.b.code, name: body.b.name }, manage, approvedIn),
        body: bodyOut(body, roles.get(m.bodyId) ?? null, manage),
        agenda,
        attendance,
        minutes: {
          state: m.minutesState as Meeting['minutesState'],
          text: m.minutesText,
          updatedAt: m.minutesUpdatedAt?.toISOString() ?? null,
          updatedBy: updatedBy?.name ?? null,
        },
        documents: documents.map((d) => ({
          id: d.d.id,
          fileId: d.d.fileId,
          title: d.d.title,
          filename: d.filename,
          size: d.size,
          createdAt: d.d.createdAt.toISOString(),
        })),
        decisions,
        minutesToApprove: manage
          ? toApprove.map((t) => ({ id: t.id, number: t.number, startsAt: t.startsAt.toISOString() }))
          : [],
      }
    },

    async schedule(actor: Actor, input: MeetingInput) {
      const { body } = await access.visibleBody(actor, input.bodyId)
      await access.requireManage(actor, input.bodyId)
      if (body.b.archivedAt) throw new AppError('PRECONDITION_FAILED', `Body "${body.b.code}" is archived`)
      const startsAt = new Date(input.startsAt)
      const endsAt = new Date(input.endsAt)
      try {
        const id = await db.transaction(async (tx) => {
          await checkSchedule(tx, {
            bodyId: input.bodyId,
            location: input.location,
            startsAt,
            endsAt,
            exceptId: null,
          })
          const m = await repo.insertMeeting(tx, {
            ...input,
            startsAt,
            endsAt,
            createdBy: actor.userId,
            createdAt: clock.now(),
          })
          await audit.record(tx, actor, {
            action: 'meeting.scheduled',
            targetType: 'meeting',
            targetId: m.id,
            data: { body: body.b.code, number: m.number, startsAt: input.startsAt, endsAt: input.endsAt },
          })
          return m.id
        })
        return (await service.meeting(actor, id)).meeting
      } catch (err) {
        if (isUniqueViolation(err))
          throw new AppError('CONFLICT', `Meeting number "${input.number}" is already used in this body`)
        throw err
      }
    },

    /** Reschedules or renames; people already invited are sent the updated invitation. */
    async update(
      actor: Actor,
      id: string,
      input: MeetingUpdate,
      resend: (tx: Tx, m: MeetingRow) => Promise<void>,
    ) {
      const { m } = await managedMeeting(actor, id)
      requireNotCancelled(m)
      if (m.state === 'held')
        throw new AppError('PRECONDITION_FAILED', `Meeting "${m.number}" has already been held`)
      const startsAt = input.startsAt ? new Date(input.startsAt) : m.startsAt
      const endsAt = input.endsAt ? new Date(input.endsAt) : m.endsAt
      if (endsAt <= startsAt)
        throw new AppError('VALIDATION_FAILED', 'The meeting must end after it starts', {
          issues: [{ path: ['endsAt'], message: 'The meeting must end after it starts' }],
        })
      const timeChanged =
        startsAt.getTime() !== m.startsAt.getTime() || endsAt.getTime() !== m.endsAt.getTime()
      try {
        await db.transaction(async (tx) => {
          if (timeChanged || (input.location !== undefined && input.location !== m.location))
            await checkSchedule(tx, {
              bodyId: m.bodyId,
              location: input.location ?? m.location,
              startsAt,
              endsAt,
              exceptId: id,
            })
          const next = await repo.updateMeeting(tx, id, {
            ...input,
            startsAt,
            endsAt,
            sequence: m.sequence + 1,
          })
          await audit.record(tx, actor, {
            action: 'meeting.updated',
            targetType: 'meeting',
            targetId: id,
            data: { number: m.number, changes: input },
          })
          if (m.invitationsSentAt) await resend(tx, next)
        })
      } catch (err) {
        if (isUniqueViolation(err))
          throw new AppError('CONFLICT', `Meeting number "${input.number}" is already used in this body`)
        throw err
      }
      return (await service.meeting(actor, id)).meeting
    },

    async cancel(actor: Actor, id: string, reason: string, resend: (tx: Tx, m: MeetingRow) => Promise<void>) {
      const { m } = await managedMeeting(actor, id)
      requireNotCancelled(m)
      if (m.state === 'held')
        throw new AppError('PRECONDITION_FAILED', `Meeting "${m.number}" has already been held`)
      await db.transaction(async (tx) => {
        const next = await repo.updateMeeting(tx, id, {
          state: 'cancelled',
          cancelReason: reason,
          sequence: m.sequence + 1,
        })
        await audit.record(tx, actor, {
          action: 'meeting.cancelled',
          targetType: 'meeting',
          targetId: id,
          data: { number: m.number, reason },
        })
        if (m.invitationsSentAt) await resend(tx, next)
      })
      return (await service.meeting(actor, id)).meeting
    },

    async markHeld(actor: Actor, id: string) {
      const { m } = await managedMeeting(actor, id)
      requireNotCancelled(m)
      requireStarted(m, 'The holding of the meeting')
      if (m.state !== 'held')
        await db.transaction(async (tx) => {
          await repo.updateMeeting(tx, id, { state: 'held' })
          await audit.record(tx, actor, {
            action: 'meeting.held',
            targetType: 'meeting',
            targetId: id,
            data: { number: m.number },
          })
        })
      return (await service.meeting(actor, id)).meeting
    },

    // ---- attendance, minutes, documents ----

    async recordAttendance(actor: Actor, meetingId: string, input: AttendanceInput) {
      const { m } = await managedMeeting(actor, meetingId)
      requireNotCancelled(m)
      requireMinutesOpen(m)
      requireStarted(m, 'Attendance')
      const seats = await repo.members(db, m.bodyId, isoDay(m.startsAt))
      const seatIds = new Set(seats.map((s) => s.m.id))
      const stranger = input.members.find((x) => !seatIds.has(x.memberId))
      if (stranger)
        throw new AppError(
          'VALIDATION_FAILED',
          `Seat "${stranger.memberId}" is not a member of the body on the meeting's day; record the person as a guest`,
        )
      if (new Set(input.members.map((x) => x.memberId)).size !== input.members.length)
        throw new AppError('VALIDATION_FAILED', 'Each member is recorded once')
      const guestOrgs = input.guests.map((g) => g.orgId).filter((o): o is string => !!o)
      const found = await repo.orgsByIds(db, guestOrgs)
      const unknown = guestOrgs.find((o) => !found.some((f) => f.id === o))
      if (unknown) throw notFound('Organisation', unknown)
      await db.transaction(async (tx) => {
        await repo.replaceAttendance(tx, meetingId, [
          ...input.members.map((x) => ({ meetingId, memberId: x.memberId, status: x.status })),
          ...input.guests.map((g) => ({
            meetingId,
            guestName: g.name,
            guestOrgId: g.orgId,
            status: g.status,
          })),
        ])
        await audit.record(tx, actor, {
          action: 'meeting.attendance_recorded',
          targetType: 'meeting',
          targetId: meetingId,
          data: {
            present: input.members.filter((x) => x.status === 'present').length,
            members: input.members.length,
            guests: input.guests.length,
          },
        })
      })
      return attendanceOf(db, meetingId)
    },

    async writeMinutes(
      actor: Actor,
      meetingId: string,
      input: { text: string; baseUpdatedAt: string | null },
    ) {
      const { m } = await managedMeeting(actor, meetingId)
      requireNotCancelled(m)
      requireMinutesOpen(m)
      requireStarted(m, 'Minutes')
      const current = m.minutesUpdatedAt?.toISOString() ?? null
      if (current !== input.baseUpdatedAt)
        throw new AppError(
          'CONFLICT',
          'The minutes were changed by someone else meanwhile; reload them and try again',
        )
      const now = clock.now()
      await db.transaction(async (tx) => {
        await repo.updateMeeting(tx, meetingId, {
          minutesText: input.text,
          minutesState: 'draft',
          minutesUpdatedAt: now,
          minutesUpdatedBy: actor.userId,
        })
        await audit.record(tx, actor, {
          action: 'meeting.minutes_written',
          targetType: 'meeting',
          targetId: meetingId,
          data: { number: m.number, length: input.text.length },
        })
      })
      return (await service.meeting(actor, meetingId)).minutes
    },

    /** At a later meeting of the same body, approves an earlier meeting's minutes; they are locked for good. */
    async approveMinutes(actor: Actor, atMeetingId: string, ofMeetingId: string) {
      const { m: at } = await managedMeeting(actor, atMeetingId)
      requireNotCancelled(at)
      requireStarted(at, 'The approval of minutes')
      const of = await repo.meetingById(db, ofMeetingId)
      if (!of || of.bodyId !== at.bodyId) throw notFound('Meeting', ofMeetingId)
      if (of.startsAt.getTime() >= at.startsAt.getTime())
        throw new AppError(
          'PRECONDITION_FAILED',
          `Minutes are approved at a later meeting than "${of.number}"`,
        )
      requireMinutesOpen(of)
      if (of.minutesState !== 'draft')
        throw new AppError('PRECONDITION_FAILED', `Meeting "${of.number}" has no minutes to approve yet`)
      await db.transaction(async (tx) => {
        await repo.updateMeeting(tx, ofMeetingId, {
          minutesState: 'approved',
          minutesApprovedAt: clock.now(),
          minutesApprovedIn: atMeetingId,
        })
        await audit.record(tx, actor, {
          action: 'meeting.minutes_approved',
          targetType: 'meeting',
          targetId: ofMeetingId,
          data: { number: of.number, approvedAt: at.number, atMeetingId },
        })
      })
      return service.meeting(actor, ofMeetingId)
    },

    async attachDocument(actor: Actor, meetingId: string, input: { fileId: string; title: string }) {
      const { m } = await managedMeeting(actor, meetingId)
      requireMinutesOpen(m)
      const f = await repo.fileById(db, input.fileId)
      if (!f || !policy.can(actor, 'file.upload', f.orgId)) throw notFound('File', input.fileId)
      await db.transaction(async (tx) => {
        const d = await repo.insertDocument(tx, {
          meetingId,
          ...input,
          createdBy: actor.userId,
          createdAt: clock.now(),
        })
        await audit.record(tx, actor, {
          action: 'meeting.document_attached',
          targetType: 'meeting',
          targetId: meetingId,
          data: { documentId: d?.id, fileId: input.fileId, title: input.title, sha256: f.sha256 },
        })
      })
      return (await service.meeting(actor, meetingId)).documents
    },

    async detachDocument(actor: Actor, documentId: string) {
      const d = await repo.documentById(db, documentId)
      if (!d) throw notFound('Meeting document', documentId)
      const { m } = await managedMeeting(actor, d.meetingId)
      requireMinutesOpen(m)
      await db.transaction(async (tx) => {
        await repo.deleteDocument(tx, documentId)
        await audit.record(tx, actor, {
          action: 'meeting.document_detached',
          targetType: 'meeting',
          targetId: m.id,
          data: { documentId, fileId: d.fileId, title: d.title },
        })
      })
      return (await service.meeting(actor, m.id)).documents
    },
  }
  return service
}

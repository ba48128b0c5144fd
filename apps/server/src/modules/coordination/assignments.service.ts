import {
  type Assignment,
  type AssignmentInput,
  type AssignmentState,
  type Clearance,
  clearanceAllows,
  type Decision,
  type DecisionInput,
  type ExecutionSummary,
  type MemberRole,
} from '@qalxan/contracts'
import { eq } from 'drizzle-orm'
import { changeRequests, measures } from '../../db/schema/index.ts'
import { type Clock, isoDay } from '../../platform/clock.ts'
import type { Database, Executor, Tx } from '../../platform/db.ts'
import { AppError, isUniqueViolation, notFound } from '../../platform/errors.ts'
import type { AccessPolicy } from '../access/access.policy.ts'
import type { Actor } from '../access/actor.ts'
import type { AuditService } from '../audit/audit.service.ts'
import {
  type AssignmentFilter,
  type AssignmentRow,
  type AssignmentScope,
  assignmentsRepository as arepo,
} from './assignments.repository.ts'
import { type CoordinationNoticeSender, tellPeople } from './coordination.notices.ts'
import type { CoordinationAccess } from './coordination.policy.ts'
import { type MeetingRow, coordinationRepository as repo } from './coordination.repository.ts'

export type AssignmentsService = ReturnType<typeof createAssignmentsService>

export const createAssignmentsService = (
  deps: {
    database: Database
    clock: Clock
    audit: AuditService
    policy: AccessPolicy
    access: CoordinationAccess
  } & CoordinationNoticeSender,
) => {
  const { database, clock, audit, policy, access } = deps
  const db = database.db
  const today = () => isoDay(clock.now())

  const out = async (
    actor: Actor,
    ex: Executor,
    rows: AssignmentRow[],
    manages: (bodyId: string) => boolean,
  ): Promise<Assignment[]> => {
    const reports = await arepo.reports(
      ex,
      rows.map((r) => r.a.id),
    )
    const day = today()
    return rows.map((r) => {
      const sees = r.measureConf !== null && clearanceAllows(actor.clearance, r.measureConf as Clearance)
      const state = r.a.state as AssignmentState
      return {
        id: r.a.id,
        decisionId: r.a.decisionId,
        decisionNumber: r.decisionNumber,
        meetingId: r.meetingId,
        meetingNumber: r.meetingNumber,
        bodyId: r.bodyId,
        bodyCode: r.bodyCode,
        orgId: r.a.orgId,
        orgCode: r.orgCode,
        orgName: r.orgName,
        responsibleUserId: r.a.responsibleUserId,
        responsibleName: r.responsibleName,
        task: r.a.task,
        dueOn: r.a.dueOn,
        // A measure above the reader's clearance is not named.
        measureId: sees ? r.a.measureId : null,
        measureCode: sees ? r.measureCode : null,
        changeRequestId: r.a.changeRequestId,
        state,
        // A report awaiting review is the reviewer's to answer, not the assignee's delay.
        overdue: state === 'open' && r.a.dueOn < day,
        completedOn: r.a.completedOn,
        reports: reports
          .filter((x) => x.r.assignmentId === r.a.id)
          .map((x) => ({
            id: x.r.id,
            text: x.r.text,
            done: x.r.done,
            fileId: x.r.fileId,
            filename: x.filename,
            by: x.by,
            at: x.r.createdAt.toISOString(),
            review:
              x.r.reviewedAt && x.r.reviewAccepted !== null
                ? {
                    accepted: x.r.reviewAccepted,
                    comment: x.r.reviewComment ?? '',
                    by: x.reviewer ?? '',
                    at: x.r.reviewedAt.toISOString(),
                  }
                : null,
          })),
        canReport:
          (state === 'open' || state === 'reported') &&
          access.canReportFor(actor, r.a.orgId, r.a.responsibleUserId),
        canReview: state === 'reported' && manages(r.bodyId),
      }
    })
  }

  const managesFn = async (actor: Actor, ex: Executor) => {
    const roles = await access.rolesOf(actor, ex)
    return (bodyId: string) => access.canManage(actor, roles, bodyId)
  }

  /** The assignment, or 404 when the reader may see neither its body nor its organisation's work. */
  const visible = async (actor: Actor, id: string, ex: Executor = db) => {
    const scope = await access.scope(actor, ex)
    const { items } = await arepo.list(ex, scope, { ids: [id] })
    const row = items[0]
    if (!row) throw notFound('Assignment', id)
    const [a] = await out(actor, ex, [row], await managesFn(actor, ex))
    return { row, a: a as Assignment }
  }

  /** Checks a batch of assignments against the body's members on the meeting's day. */
  const checkAssignments = async (actor: Actor, ex: Executor, m: MeetingRow, input: AssignmentInput[]) => {
    const meetingDay = isoDay(m.startsAt)
    const seats = await repo.members(ex, m.bodyId, meetingDay)
    const memberOrgs = new Set(seats.map((s) => s.m.orgId))
    const orgs = await repo.orgMap(
      ex,
      input.map((a) => a.orgId),
    )
    const issues: { path: (string | number)[]; message: string }[] = []
    for (const [i, a] of input.entries()) {
      const org = orgs.get(a.orgId)
      if (!org) {
        issues.push({ path: ['assignments', i, 'orgId'], message: `Organisation "${a.orgId}" was not found` })
        continue
      }
      if (!memberOrgs.has(a.orgId))
        issues.push({
          path: ['assignments', i, 'orgId'],
          message: `Organisation "${org.code}" is not a member of the body on ${meetingDay}`,
        })
      if (a.responsibleUserId && !(await repo.belongsTo(ex, a.responsibleUserId, a.orgId)))
        issues.push({
          path: ['assignments', i, 'responsibleUserId'],
          message: `User "${a.responsibleUserId}" does not belong to organisation "${org.code}"`,
        })
      if (a.dueOn < meetingDay)
        issues.push({
          path: ['assignments', i, 'dueOn'],
          message: `An assignment cannot fall due before the meeting (${meetingDay})`,
        })
      if (a.measureId) {
        const [ms] = await ex.select().from(measures).where(eq(measures.id, a.measureId))
        if (!ms || !clearanceAllows(actor.clearance, ms.confidentiality as Clearance))
          issues.push({
            path: ['assignments', i, 'measureId'],
            message: `Measure "${a.measureId}" was not found`,
          })
      }
      if (a.changeRequestId) {
        const [cr] = await ex.select().from(changeRequests).where(eq(changeRequests.id, a.changeRequestId))
        if (!cr)
          issues.push({
            path: ['assignments', i, 'changeRequestId'],
            message: `Change request "${a.changeRequestId}" was not found`,
          })
      }
    }
    if (issues.length) throw new AppError('VALIDATION_FAILED', issues[0]?.message ?? '', { issues })
    return orgs
  }

  /** Tells the assignee organisation's focal points and head, and the responsible person. */
  const announce = async (
    tx: Tx,
    bodyCode: string,
    decision: string,
    rows: { orgId: string; responsibleUserId: string | null; task: string; dueOn: string; id: string }[],
  ) => {
    for (const a of rows) {
      const people = [
        ...(await repo.holders(tx, [a.orgId], ['focal_point', 'head'])),
        ...(await repo.usersByIds(tx, a.responsibleUserId ? [a.responsibleUserId] : [])),
      ]
      await tellPeople(
        deps,
        tx,
        people,
        { kind: 'assignment_given', body: bodyCode, decision, task: a.task, dueOn: a.dueOn },
        `/coordination/assignments?focus=${a.id}`,
      )
    }
  }

  const managers = async (tx: Tx, bodyId: string) => {
    const seats = await repo.members(tx, bodyId, today())
    const ids = seats
      .filter((s) => s.m.userId && ['chair', 'deputy_chair', 'secretary'].includes(s.m.role))
      .map((s) => s.m.userId as string)
    return repo.usersByIds(tx, ids)
  }

  const service = {
    /**
     * The decisions of these meetings with their assignments as the reader may see them. A caller
     * that has already worked out the reader's scope, seats and the bodies' codes passes them in.
     */
    async decisionsOf(
      actor: Actor,
      ex: Executor,
      meetings: MeetingRow[],
      known?: { scope: AssignmentScope; roles: Map<string, MemberRole>; bodyCodes: Map<string, string> },
    ): Promise<Decision[]> {
      const decisions = await repo.decisions(
        ex,
        meetings.map((m) => m.id),
      )
      const scope = known?.scope ?? (await access.scope(actor, ex))
      const { items } = await arepo.list(ex, scope, { decisionIds: decisions.map((d) => d.id) })
      const roles = known?.roles ?? (await access.rolesOf(actor, ex))
      const assignments = await out(actor, ex, items, (bodyId) => access.canManage(actor, roles, bodyId))
      const bodyCodes =
        known?.bodyCodes ??
        new Map(
          (await repo.bodies(ex, today(), [...new Set(meetings.map((m) => m.bodyId))])).map((b) => [
            b.b.id,
            b.b.code,
          ]),
        )
      return decisions.map((d) => {
        const m = meetings.find((x) => x.id === d.meetingId) as MeetingRow
        return {
          id: d.id,
          meetingId: d.meetingId,
          meetingNumber: m.number,
          meetingDate: isoDay(m.startsAt),
          bodyId: m.bodyId,
          bodyCode: bodyCodes.get(m.bodyId) ?? '',
          number: d.number,
          text: d.text,
          agendaItemId: d.agendaItemId,
          createdAt: d.createdAt.toISOString(),
          assignments: assignments.filter((a) => a.decisionId === d.id),
        }
      })
    },

    async recordDecision(
      actor: Actor,
      meetingId: string,
      input: DecisionInput,
      visibleMeeting: (
        a: Actor,
        id: string,
      ) => Promise<{ m: MeetingRow; manage: boolean; body: { b: { code: string } } }>,
    ) {
      const { m, manage, body } = await visibleMeeting(actor, meetingId)
      if (!manage) await policy.require(actor, 'coord.manage')
      if (m.state === 'cancelled')
        throw new AppError('PRECONDITION_FAILED', `Meeting "${m.number}" is cancelled`)
      if (m.minutesState === 'approved')
        throw new AppError(
          'PRECONDITION_FAILED',
          `The minutes of meeting "${m.number}" are approved and locked`,
        )
      if (m.startsAt.getTime() > clock.now().getTime())
        throw new AppError(
          'PRECONDITION_FAILED',
          `Decisions can be recorded once meeting "${m.number}" has begun`,
        )
      if (input.agendaItemId) {
        const item = await repo.itemById(db, input.agendaItemId)
        if (!item || item.meetingId !== meetingId) throw notFound('Agenda item', input.agendaItemId)
      }
      await checkAssignments(actor, db, m, input.assignments)
      try {
        await db.transaction(async (tx) => {
          const d = await repo.insertDecision(tx, {
            createdAt: clock.now(),
            meetingId,
            number: input.number,
            text: input.text,
            agendaItemId: input.agendaItemId,
            createdBy: actor.userId,
          })
          const rows = input.assignments.length
            ? await arepo.insert(
                tx,
                input.assignments.map((a) => ({ ...a, decisionId: d.id })),
              )
            : []
          await announce(tx, body.b.code, d.number, rows)
          await audit.record(tx, actor, {
            action: 'decision.recorded',
            targetType: 'decision',
            targetId: d.id,
            data: {
              meeting: m.number,
              number: d.number,
              assignments: rows.map((r) => ({ id: r.id, orgId: r.orgId, dueOn: r.dueOn })),
            },
          })
        })
      } catch (err) {
        if (isUniqueViolation(err))
          throw new AppError('CONFLICT', `Decision "${input.number}" is already recorded at this meeting`)
        throw err
      }
      return service.decisionsOf(actor, db, [(await repo.meetingById(db, meetingId)) as MeetingRow])
    },

    async addAssignment(actor: Actor, decisionId: string, input: AssignmentInput) {
      const d = await repo.decisionById(db, decisionId)
      if (!d) throw notFound('Decision', decisionId)
      const m = (await repo.meetingById(db, d.meetingId)) as MeetingRow
      const scope = await access.scope(actor)
      if (scope.bodyIds && !scope.bodyIds.includes(m.bodyId)) throw notFound('Decision', decisionId)
      await access.requireManage(actor, m.bodyId)
      await checkAssignments(actor, db, m, [input])
      const [body] = await repo.bodies(db, today(), [m.bodyId])
      const id = await db.transaction(async (tx) => {
        const [row] = await arepo.insert(tx, [{ ...input, decisionId }])
        if (!row) throw new AppError('INTERNAL', 'The assignment was not stored')
        await announce(tx, body?.b.code ?? '', d.number, [row])
        await audit.record(tx, actor, {
          action: 'assignment.added',
          targetType: 'assignment',
          targetId: row.id,
          data: { decision: d.number, orgId: input.orgId, dueOn: input.dueOn },
        })
        return row.id
      })
      return (await visible(actor, id)).a
    },

    async list(actor: Actor, f: AssignmentFilter & { overdue?: boolean; limit: number; offset: number }) {
      const scope = await access.scope(actor)
      const { overdue, limit, offset, ...rest } = f
      const filter: AssignmentFilter = { ...rest, ...(overdue ? { overdueOn: today() } : {}) }
      const { items, total } = await arepo.list(db, scope, filter, limit, offset)
      return { items: await out(actor, db, items, await managesFn(actor, db)), total }
    },

    get: async (actor: Actor, id: string) => (await visible(actor, id)).a,

    /** The assignee reports execution: a progress note, or that it is done (then the secretary reviews). */
    async report(actor: Actor, id: string, input: { text: string; done: boolean; fileId: string | null }) {
      const { row, a } = await visible(actor, id)
      if (!access.canReportFor(actor, row.a.orgId, row.a.responsibleUserId))
        await policy.require(actor, 'assignment.report', row.a.orgId)
      if (a.state === 'done' || a.state === 'cancelled')
        throw new AppError('PRECONDITION_FAILED', 'This assignment is closed; nothing more can be reported')
      if (input.fileId) {
        const f = await repo.fileById(db, input.fileId)
        if (!f || f.orgId !== row.a.orgId) throw notFound('File', input.fileId)
      }
      await db.transaction(async (tx) => {
        await arepo.insertReport(tx, {
          createdAt: clock.now(),
          assignmentId: id,
          text: input.text,
          done: input.done,
          fileId: input.fileId,
          createdBy: actor.userId,
        })
        if (input.done) await arepo.update(tx, id, { state: 'reported' })
        await tellPeople(
          deps,
          tx,
          await managers(tx, row.bodyId),
          { kind: 'assignment_reported', decision: row.decisionNumber, org: row.orgCode, done: input.done },
          `/coordination/assignments?focus=${id}`,
        )
        await audit.record(tx, actor, {
          action: 'assignment.reported',
          targetType: 'assignment',
          targetId: id,
          data: { done: input.done, fileId: input.fileId },
        })
      })
      return (await visible(actor, id)).a
    },

    async review(actor: Actor, id: string, input: { accept: boolean; comment: string }) {
      const { row, a } = await visible(actor, id)
      await access.requireManage(actor, row.bodyId)
      if (a.state !== 'reported')
        throw new AppError(
          'PRECONDITION_FAILED',
          'Only an assignment reported as done can be accepted or returned',
        )
      if (!input.accept && !input.comment)
        throw new AppError('VALIDATION_FAILED', 'Say why the report is returned', {
          issues: [{ path: ['comment'], message: 'Say why the report is returned' }],
        })
      const pending = await arepo.pendingReport(db, id)
      const now = clock.now()
      await db.transaction(async (tx) => {
        if (pending)
          await arepo.review(tx, pending.id, {
            reviewAccepted: input.accept,
            reviewComment: input.comment,
            reviewedBy: actor.userId,
            reviewedAt: now,
          })
        await arepo.update(
          tx,
          id,
          input.accept
            ? { state: 'done', completedOn: isoDay(pending?.createdAt ?? now) }
            : { state: 'open' },
        )
        const people = [
          ...(await repo.holders(tx, [row.a.orgId], ['focal_point', 'head'])),
          ...(await repo.usersByIds(tx, row.a.responsibleUserId ? [row.a.responsibleUserId] : [])),
        ]
        await tellPeople(
          deps,
          tx,
          people,
          input.accept
            ? { kind: 'assignment_accepted', decision: row.decisionNumber }
            : { kind: 'assignment_returned', decision: row.decisionNumber, comment: input.comment },
          `/coordination/assignments?focus=${id}`,
        )
        await audit.record(tx, actor, {
          action: input.accept ? 'assignment.accepted' : 'assignment.returned',
          targetType: 'assignment',
          targetId: id,
          data: { comment: input.comment },
        })
      })
      return (await visible(actor, id)).a
    },

    async cancel(actor: Actor, id: string, reason: string) {
      const { row, a } = await visible(actor, id)
      await access.requireManage(actor, row.bodyId)
      if (a.state === 'done' || a.state === 'cancelled')
        throw new AppError('PRECONDITION_FAILED', 'This assignment is already closed')
      await db.transaction(async (tx) => {
        await arepo.update(tx, id, { state: 'cancelled' })
        await audit.record(tx, actor, {
          action: 'assignment.cancelled',
          targetType: 'assignment',
          targetId: id,
          data: { reason },
        })
      })
      return (await visible(actor, id)).a
    },

    async summary(actor: Actor, f: { bodyId?: string; orgId?: string }): Promise<ExecutionSummary> {
      const scope = await access.scope(actor)
      const day = today()
      return { asOf: day, ...(await arepo.summary(db, scope, f, day)) }
    },

    /** Decisions a change request may cite (those of the bodies the reader sees). */
    async decisionOptions(actor: Actor) {
      const scope = await access.scope(actor)
      const rows = await repo.decisionOptions(db, scope.bodyIds)
      return rows.map((r) => ({
        id: r.id,
        number: r.number,
        bodyName: r.bodyName.az,
        date: isoDay(r.startsAt),
      }))
    },

    /** What a change request cites for a decision of the portal: body, number and date. */
    async decisionRef(ex: Executor, id: string) {
      const d = await repo.decisionById(ex, id)
      if (!d) return null
      const m = (await repo.meetingById(ex, d.meetingId)) as MeetingRow
      const [b] = await repo.bodies(ex, today(), [m.bodyId])
      return { decisionId: d.id, body: b?.b.name.az ?? '', number: d.number, date: isoDay(m.startsAt) }
    },
  }
  return service
}

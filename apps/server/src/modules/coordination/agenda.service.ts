import {
  type AgendaItem,
  type AgendaItemInput,
  type AgendaLink,
  type Clearance,
  clearanceAllows,
} from '@qalxan/contracts'
import { eq } from 'drizzle-orm'
import { measures } from '../../db/schema/index.ts'
import { type Clock, isoDay } from '../../platform/clock.ts'
import type { Database, Executor } from '../../platform/db.ts'
import { AppError, notFound } from '../../platform/errors.ts'
import type { AccessPolicy } from '../access/access.policy.ts'
import type { Actor } from '../access/actor.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { type CoordinationNoticeSender, tellPeople } from './coordination.notices.ts'
import { coordinationRepository as repo } from './coordination.repository.ts'
import type { CoordinationService } from './coordination.service.ts'
import { meetingRules } from './meeting-rules.ts'

/** A meeting's agenda as the reader may see it: links above their clearance are left out. */
export const agendaOf = async (
  policy: AccessPolicy,
  actor: Actor,
  ex: Executor,
  meetingId: string,
): Promise<AgendaItem[]> => {
  const items = await repo.items(ex, meetingId)
  const ids = items.map((i) => i.i.id)
  const [links, requests] = await Promise.all([repo.links(ex, ids), repo.requests(ex, ids)])
  const sees = (conf: string | null) =>
    conf !== null && policy.can(actor, 'plan.read') && clearanceAllows(actor.clearance, conf as Clearance)
  const linkOut = (r: (typeof links)[number]): AgendaLink | null => {
    const l = r.l
    if (l.kind === 'measure' && l.measureId)
      return sees(r.measureConf)
        ? { kind: 'measure', targetId: l.measureId, label: r.measureCode ?? '', measureId: l.measureId }
        : null
    if (l.kind === 'report' && l.reportId)
      return sees(r.reportMeasureConf)
        ? {
            kind: 'report',
            targetId: l.reportId,
            label: `${r.reportPeriod} · ${r.reportMeasureCode}`,
            measureId: r.reportMeasureId,
          }
        : null
    if (l.kind === 'evaluation' && l.evaluationId)
      return sees(r.evalMeasureConf)
        ? {
            kind: 'evaluation',
            targetId: l.evaluationId,
            label: `${r.evalPeriod} · ${r.evalMeasureCode}`,
            measureId: r.evalMeasureId,
          }
        : null
    if (l.fileId) return { kind: 'document', targetId: l.fileId, label: r.filename ?? '', measureId: null }
    return null
  }
  return items.map((i) => ({
    id: i.i.id,
    meetingId: i.i.meetingId,
    position: i.i.position,
    title: i.i.title,
    description: i.i.description,
    presenterOrgId: i.i.presenterOrgId,
    presenterOrgCode: i.presenterCode,
    links: links
      .filter((l) => l.l.itemId === i.i.id)
      .map(linkOut)
      .filter((l): l is AgendaLink => l !== null)
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label, 'az')),
    requests: requests
      .filter((r) => r.r.itemId === i.i.id)
      .map((r) => ({
        id: r.r.id,
        itemId: r.r.itemId,
        orgId: r.r.orgId,
        orgCode: r.orgCode,
        orgName: r.orgName,
        dueOn: r.r.dueOn,
        state: r.r.submittedAt ? ('submitted' as const) : ('requested' as const),
        text: r.r.text,
        fileId: r.r.fileId,
        filename: r.filename,
        submittedAt: r.r.submittedAt?.toISOString() ?? null,
        submittedBy: r.submittedByName,
        canSubmit: policy.can(actor, 'assignment.report', r.r.orgId),
      })),
  }))
}

export type AgendaService = ReturnType<typeof createAgendaService>

/** Agenda items, their links and the short reports organisations are asked for before a meeting. */
export const createAgendaService = (
  deps: {
    database: Database
    clock: Clock
    audit: AuditService
    policy: AccessPolicy
    meetings: Pick<CoordinationService, 'visibleMeeting' | 'managedMeeting'>
  } & CoordinationNoticeSender,
) => {
  const { database, clock, audit, policy } = deps
  const { visibleMeeting, managedMeeting } = deps.meetings
  const db = database.db
  const today = () => isoDay(clock.now())
  const { requireNotCancelled, requireMinutesOpen } = meetingRules(clock)

  /** Links the writer may make: each target exists and its measure is within the writer's clearance. */
  const checkLinks = async (actor: Actor, ex: Executor, links: AgendaItemInput['links']) => {
    const rows = []
    for (const l of links) {
      const t = await repo.measureOfTarget(ex, l.kind, l.targetId)
      let visible = !!t
      if (t?.measureId) {
        const [m] = await ex
          .select({ c: measures.confidentiality })
          .from(measures)
          .where(eq(measures.id, t.measureId))
        visible = !!m && policy.can(actor, 'plan.read') && clearanceAllows(actor.clearance, m.c as Clearance)
      }
      if (!visible)
        throw new AppError('VALIDATION_FAILED', `The linked item "${l.targetId}" was not found`, {
          issues: [{ path: ['links'], message: `The linked item "${l.targetId}" was not found` }],
        })
      rows.push({
        kind: l.kind,
        measureId: l.kind === 'measure' ? l.targetId : null,
        reportId: l.kind === 'report' ? l.targetId : null,
        evaluationId: l.kind === 'evaluation' ? l.targetId : null,
        fileId: l.kind === 'document' ? l.targetId : null,
      })
    }
    return rows
  }

  return {
    async addItem(actor: Actor, meetingId: string, input: AgendaItemInput) {
      const { m } = await managedMeeting(actor, meetingId)
      requireNotCancelled(m)
      requireMinutesOpen(m)
      if (input.presenterOrgId && (await repo.orgsByIds(db, [input.presenterOrgId])).length === 0)
        throw notFound('Organisation', input.presenterOrgId)
      const links = await checkLinks(actor, db, input.links)
      const items = await repo.items(db, meetingId)
      await db.transaction(async (tx) => {
        const item = await repo.insertItem(tx, {
          meetingId,
          position: (items.at(-1)?.i.position ?? 0) + 1,
          title: input.title,
          description: input.description,
          presenterOrgId: input.presenterOrgId,
        })
        await repo.replaceLinks(
          tx,
          item.id,
          links.map((l) => ({ ...l, itemId: item.id })),
        )
        await audit.record(tx, actor, {
          action: 'agenda.item_added',
          targetType: 'meeting',
          targetId: meetingId,
          data: { itemId: item.id, title: input.title.az, links: input.links },
        })
      })
      return agendaOf(policy, actor, db, meetingId)
    },

    async updateItem(actor: Actor, itemId: string, input: AgendaItemInput) {
      const item = await repo.itemById(db, itemId)
      if (!item) throw notFound('Agenda item', itemId)
      const { m } = await managedMeeting(actor, item.meetingId)
      requireNotCancelled(m)
      requireMinutesOpen(m)
      if (input.presenterOrgId && (await repo.orgsByIds(db, [input.presenterOrgId])).length === 0)
        throw notFound('Organisation', input.presenterOrgId)
      const links = await checkLinks(actor, db, input.links)
      await db.transaction(async (tx) => {
        await repo.updateItem(tx, itemId, {
          title: input.title,
          description: input.description,
          presenterOrgId: input.presenterOrgId,
        })
        await repo.replaceLinks(
          tx,
          itemId,
          links.map((l) => ({ ...l, itemId })),
        )
        await audit.record(tx, actor, {
          action: 'agenda.item_changed',
          targetType: 'meeting',
          targetId: m.id,
          data: { itemId, title: input.title.az, links: input.links },
        })
      })
      return agendaOf(policy, actor, db, m.id)
    },

    async removeItem(actor: Actor, itemId: string) {
      const item = await repo.itemById(db, itemId)
      if (!item) throw notFound('Agenda item', itemId)
      const { m } = await managedMeeting(actor, item.meetingId)
      requireNotCancelled(m)
      if (m.startsAt.getTime() <= clock.now().getTime())
        throw new AppError(
          'PRECONDITION_FAILED',
          `Meeting "${m.number}" has begun: its agenda items stay on record`,
        )
      await db.transaction(async (tx) => {
        await repo.deleteItem(tx, itemId)
        await audit.record(tx, actor, {
          action: 'agenda.item_removed',
          targetType: 'meeting',
          targetId: m.id,
          data: { itemId, title: item.title.az },
        })
      })
      return agendaOf(policy, actor, db, m.id)
    },

    async reorder(actor: Actor, meetingId: string, itemIds: string[]) {
      const { m } = await managedMeeting(actor, meetingId)
      requireMinutesOpen(m)
      const items = await repo.items(db, meetingId)
      const have = new Set(items.map((i) => i.i.id))
      if (
        itemIds.length !== have.size ||
        new Set(itemIds).size !== itemIds.length ||
        !itemIds.every((i) => have.has(i))
      )
        throw new AppError('VALIDATION_FAILED', 'Give every agenda item of the meeting exactly once')
      await db.transaction(async (tx) => {
        for (const [i, id] of itemIds.entries()) await repo.updateItem(tx, id, { position: i + 1 })
        await audit.record(tx, actor, {
          action: 'agenda.reordered',
          targetType: 'meeting',
          targetId: meetingId,
          data: { itemIds },
        })
      })
      return agendaOf(policy, actor, db, meetingId)
    },

    /** Asks organisations for a short report on an item, due before the meeting; they are told. */
    async requestReports(actor: Actor, itemId: string, input: { orgIds: string[]; dueOn: string }) {
      const item = await repo.itemById(db, itemId)
      if (!item) throw notFound('Agenda item', itemId)
      const { m, body } = await managedMeeting(actor, item.meetingId)
      requireNotCancelled(m)
      const meetingDay = isoDay(m.startsAt)
      if (input.dueOn < today() || input.dueOn > meetingDay)
        throw new AppError(
          'VALIDATION_FAILED',
          `The reports are due between today and the meeting's day (${meetingDay})`,
          {
            issues: [
              {
                path: ['dueOn'],
                message: `The reports are due between today and the meeting's day (${meetingDay})`,
              },
            ],
          },
        )
      const orgIds = [...new Set(input.orgIds)]
      const orgs = await repo.orgsByIds(db, orgIds)
      const missing = orgIds.find((o) => !orgs.some((x) => x.id === o))
      if (missing) throw notFound('Organisation', missing)
      await db.transaction(async (tx) => {
        await repo.insertRequests(
          tx,
          orgIds.map((orgId) => ({ itemId, orgId, dueOn: input.dueOn })),
        )
        const people = await repo.holders(tx, orgIds, ['focal_point', 'head'])
        await tellPeople(
          deps,
          tx,
          people,
          {
            kind: 'item_requested',
            body: body.b.code,
            meeting: m.number,
            item: item.title.az,
            dueOn: input.dueOn,
          },
          `/coordination/meetings/${m.id}`,
        )
        await audit.record(tx, actor, {
          action: 'agenda.reports_requested',
          targetType: 'meeting',
          targetId: m.id,
          data: { itemId, organisations: orgs.map((o) => o.code), dueOn: input.dueOn },
        })
      })
      return agendaOf(policy, actor, db, m.id)
    },

    async submitItemReport(actor: Actor, requestId: string, input: { text: string; fileId: string | null }) {
      const r = await repo.requestById(db, requestId)
      if (!r) throw notFound('Report request', requestId)
      const item = await repo.itemById(db, r.itemId)
      const m = item ? await repo.meetingById(db, item.meetingId) : undefined
      if (!item || !m) throw notFound('Report request', requestId)
      if (!policy.can(actor, 'assignment.report', r.orgId)) {
        await visibleMeeting(actor, m.id)
        await policy.require(actor, 'assignment.report', r.orgId)
      }
      requireNotCancelled(m)
      if (m.startsAt.getTime() <= clock.now().getTime())
        throw new AppError(
          'PRECONDITION_FAILED',
          `Meeting "${m.number}" has begun: reports for it are closed`,
        )
      if (input.fileId) {
        const f = await repo.fileById(db, input.fileId)
        if (!f || f.orgId !== r.orgId) throw notFound('File', input.fileId)
      }
      await db.transaction(async (tx) => {
        await repo.submitRequest(tx, requestId, {
          text: input.text,
          fileId: input.fileId,
          submittedBy: actor.userId,
          submittedAt: clock.now(),
        })
        await audit.record(tx, actor, {
          action: 'agenda.report_submitted',
          targetType: 'meeting',
          targetId: m.id,
          data: { requestId, itemId: item.id, orgId: r.orgId, fileId: input.fileId },
        })
      })
      return (await agendaOf(policy, actor, db, m.id)).find((i) => i.id === item.id) as AgendaItem
    },
  }
}

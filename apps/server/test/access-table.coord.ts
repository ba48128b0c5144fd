import type { Role } from '@qalxan/contracts'
import { eq } from 'drizzle-orm'
import { coordMeetings } from '../src/db/schema/index.ts'
import type { Actor } from '../src/modules/access/actor.ts'
import type { PlanWorld } from './access-table.plan.ts'
import { makeOrg, type Org, type TestApp } from './helpers.ts'

/*
 * The rows of the route × role table for the coordination routes. Every role's user sits in the
 * OWN organisation and holds no seat of its own. The "own" body seats OWN (and OTHER); the
 * "other" body seats OTHER only, so OWN's people with `coord.read` for their own organisation
 * do not see it (404). "own" assignments are OWN's, "other" ones OTHER's in the other body.
 * State-changing rows build a fresh target per call where the call would change it.
 */

type Side = 'own' | 'other'
type Req = { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; body?: unknown }
export type CoordCtx = {
  t: TestApp
  org: Record<Side, Org>
  side: Side
  role: Role
  coord: CoordWorld
  fileOf: Record<Side, string>
}
type Row = {
  route: string
  name: string
  expect: { own: string; other?: string }
  request: (c: CoordCtx) => Promise<Req> | Req
}

const DAY = 86_400_000
let seq = 0

/** Two bodies, a past and a future meeting in each, decisions and assignments, built by the secretariat. */
export const setUpCoord = async (t: TestApp, org: Record<Side, Org>, plan: PlanWorld) => {
  const actor: Actor = plan.actor
  const { coordination, agenda, assignments } = t.services
  const body = async (code: string, sides: Side[]) => {
    const b = await coordination.createBody(actor, {
      kind: 'working_group',
      code,
      name: { az: code },
      mandate: '',
      parentId: null,
      directionId: null,
      establishedBy: '',
      establishedOn: null,
    })
    await coordination.addMembers(
      actor,
      b.id,
      sides.map((s) => ({
        orgId: org[s].id,
        userId: null,
        role: 'member' as const,
        validFrom: '2020-01-01',
        note: '',
      })),
    )
    return b
  }
  const bodies = {
    own: await body('TBL-WG-OWN', ['own', 'other']),
    other: await body('TBL-WG-OTHER', ['other']),
  }
  const schedule = async (side: Side, past: boolean) => {
    const n = ++seq
    const now = t.clock.now().getTime()
    const start = past ? now - 10 * DAY + n * 31 * 60_000 : now + 30 * DAY + n * 31 * 60_000
    // A past meeting is scheduled as it was, before it took place.
    const back = past ? 20 * DAY : 0
    t.clock.advance(-back)
    try {
      return await coordination.schedule(actor, {
        bodyId: bodies[side].id,
        number: `T-${n}`,
        title: { az: `İclas ${n}` },
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 30 * 60_000).toISOString(),
        location: '',
        onlineUrl: null,
      })
    } finally {
      t.clock.advance(back)
    }
  }
  const item = async (meetingId: string) =>
    (
      await agenda.addItem(actor, meetingId, {
        title: { az: 'Məsələ' },
        description: '',
        presenterOrgId: null,
        links: [],
      })
    ).at(-1)?.id as string
  const future = { own: await schedule('own', false), other: await schedule('other', false) }
  const past = { own: await schedule('own', true), other: await schedule('other', true) }
  const items = { own: await item(future.own.id), other: await item(future.other.id) }
  const ordered = { own: await schedule('own', false), other: await schedule('other', false) }
  const orderedItems = { own: await item(ordered.own.id), other: await item(ordered.other.id) }
  const today = t.clock.now().toISOString().slice(0, 10)
  const dueOn = new Date(t.clock.now().getTime() + 20 * DAY).toISOString().slice(0, 10)
  const request = async (side: Side) => {
    const items2 = await agenda.requestReports(actor, items[side], {
      orgIds: [org[side].id],
      dueOn: today,
    })
    return items2.find((i) => i.id === items[side])?.requests[0]?.id as string
  }
  const requests = { own: await request('own'), other: await request('other') }
  const decide = async (side: Side) => {
    const n = ++seq
    const ds = await assignments.recordDecision(
      actor,
      past[side].id,
      {
        number: `D-${n}`,
        text: { az: `Qərar ${n}` },
        agendaItemId: null,
        assignments: [
          {
            orgId: org[side].id,
            responsibleUserId: null,
            task: 'Tapşırıq',
            dueOn,
            measureId: null,
            changeRequestId: null,
          },
        ],
      },
      coordination.visibleMeeting,
    )
    const d = ds.find((x) => x.number === `D-${n}`)
    return { decisionId: d?.id as string, assignmentId: d?.assignments[0]?.id as string }
  }
  const decisions = { own: await decide('own'), other: await decide('other') }
  const reported = async (side: Side) => {
    const { assignmentId } = await decide(side)
    await assignments.report(actor, assignmentId, { text: 'İcra olundu', done: true, fileId: null })
    return assignmentId
  }
  const minutesAt = async (meetingId: string) => {
    const [m] = await t.database.db.select().from(coordMeetings).where(eq(coordMeetings.id, meetingId))
    return m?.minutesUpdatedAt?.toISOString() ?? null
  }
  return {
    actor,
    bodies,
    schedule,
    item,
    future,
    past,
    items,
    ordered,
    orderedItems,
    requests,
    decide,
    decisions,
    reported,
    minutesAt,
    dueOn,
  }
}
export type CoordWorld = Awaited<ReturnType<typeof setUpCoord>>

// Column order: admin secretariat evaluator wg_chair wg_member focal_point head auditor viewer
/** Reading a body and what belongs to it: the roles that read everywhere, and the people of a seated organisation. */
const READ = { own: '200 200 200 200 200 200 200 200 403', other: '200 200 200 200 404 404 404 200 403' }
/** Running a body's meetings: the secretariat (the users hold no seat of their own). */
const RUN = (ok: number) => ({
  own: `403 ${ok} 403 403 403 403 403 403 403`,
  other: `403 ${ok} 403 403 404 404 404 403 403`,
})
const SEC_ONLY = (ok: number) => `403 ${ok} 403 403 403 403 403 403 403`
const LIST = '200 200 200 200 200 200 200 200 403'
/** Reporting for an organisation: its focal points and head. */
const REPORT = { own: '403 403 403 403 403 200 200 403 403', other: '403 403 403 403 404 404 404 403 403' }

const later = (c: CoordCtx) => new Date(c.t.clock.now().getTime() + 60 * DAY + ++seq * 31 * 60_000)

export const COORD_ROWS: Row[] = [
  {
    route: 'GET /api/bodies',
    name: 'list bodies',
    expect: { own: LIST },
    request: () => ({ method: 'GET', url: '/api/bodies' }),
  },
  {
    route: 'POST /api/bodies',
    name: 'create body',
    expect: { own: SEC_ONLY(201) },
    request: () => ({
      method: 'POST',
      url: '/api/bodies',
      body: { kind: 'working_group', code: `TBL-B-${++seq}`, name: { az: 'Qrup' } },
    }),
  },
  {
    route: 'GET /api/bodies/:id',
    name: 'get body',
    expect: READ,
    request: (c) => ({ method: 'GET', url: `/api/bodies/${c.coord.bodies[c.side].id}` }),
  },
  {
    route: 'GET /api/bodies/:id/members',
    name: 'members on a date',
    expect: READ,
    request: (c) => ({
      method: 'GET',
      url: `/api/bodies/${c.coord.bodies[c.side].id}/members?on=2024-01-01`,
    }),
  },
  {
    route: 'GET /api/bodies/:id/members/history',
    name: 'member history',
    expect: READ,
    request: (c) => ({ method: 'GET', url: `/api/bodies/${c.coord.bodies[c.side].id}/members/history` }),
  },
  {
    route: 'POST /api/bodies/:id/members',
    name: 'seat members',
    expect: { own: SEC_ONLY(200), other: SEC_ONLY(200) },
    request: async (c) => {
      const o = await makeOrg(c.t, `TBL-O-${++seq}`)
      return {
        method: 'POST',
        url: `/api/bodies/${c.coord.bodies[c.side].id}/members`,
        body: { members: [{ orgId: o.id, validFrom: '2024-01-01' }] },
      }
    },
  },
  {
    route: 'POST /api/members/:id/end',
    name: 'end a seat',
    expect: { own: SEC_ONLY(200), other: SEC_ONLY(200) },
    request: async (c) => {
      const o = await makeOrg(c.t, `TBL-O-${++seq}`)
      const seated = await c.t.services.coordination.addMembers(c.coord.actor, c.coord.bodies[c.side].id, [
        { orgId: o.id, userId: null, role: 'member', validFrom: '2024-01-01', note: '' },
      ])
      const seat = seated.find((m) => m.orgId === o.id)
      return { method: 'POST', url: `/api/members/${seat?.id}/end`, body: { validTo: '2024-06-30' } }
    },
  },
  {
    route: 'GET /api/bodies/:id/proposed-members',
    name: 'members proposed from the plan',
    expect: { own: SEC_ONLY(200), other: SEC_ONLY(200) },
    request: (c) => ({ method: 'GET', url: `/api/bodies/${c.coord.bodies[c.side].id}/proposed-members` }),
  },
  {
    route: 'GET /api/bodies/:id/meetings',
    name: 'body meetings',
    expect: READ,
    request: (c) => ({ method: 'GET', url: `/api/bodies/${c.coord.bodies[c.side].id}/meetings` }),
  },
  {
    route: 'GET /api/meetings',
    name: 'calendar',
    expect: { own: LIST },
    request: () => ({ method: 'GET', url: '/api/meetings?from=2020-01-01&to=2030-12-31' }),
  },
  {
    route: 'POST /api/meetings',
    name: 'schedule a meeting',
    expect: RUN(201),
    request: (c) => {
      const s = later(c)
      return {
        method: 'POST',
        url: '/api/meetings',
        body: {
          bodyId: c.coord.bodies[c.side].id,
          number: `N-${seq}`,
          title: { az: 'İclas' },
          startsAt: s.toISOString(),
          endsAt: new Date(s.getTime() + 30 * 60_000).toISOString(),
        },
      }
    },
  },
  {
    route: 'GET /api/meetings/:id',
    name: 'meeting page',
    expect: READ,
    request: (c) => ({ method: 'GET', url: `/api/meetings/${c.coord.future[c.side].id}` }),
  },
  {
    route: 'PATCH /api/meetings/:id',
    name: 'retitle a meeting',
    expect: RUN(200),
    request: (c) => ({
      method: 'PATCH',
      url: `/api/meetings/${c.coord.future[c.side].id}`,
      body: { title: { az: `Yeni ad ${++seq}` } },
    }),
  },
  {
    route: 'POST /api/meetings/:id/cancel',
    name: 'cancel a meeting',
    expect: RUN(200),
    request: async (c) => ({
      method: 'POST',
      url: `/api/meetings/${(await c.coord.schedule(c.side, false)).id}/cancel`,
      body: { reason: 'Səbəb' },
    }),
  },
  {
    route: 'POST /api/meetings/:id/held',
    name: 'mark a meeting held',
    expect: RUN(200),
    request: (c) => ({ method: 'POST', url: `/api/meetings/${c.coord.past[c.side].id}/held` }),
  },
  {
    route: 'POST /api/meetings/:id/invitations',
    name: 'send invitations',
    expect: RUN(200),
    request: (c) => ({
      method: 'POST',
      url: `/api/meetings/${c.coord.future[c.side].id}/invitations`,
      body: { extra: ['guest@example.org'] },
    }),
  },
  {
    route: 'GET /api/meetings/:id/invitation.ics',
    name: 'download the invitation',
    expect: READ,
    request: (c) => ({ method: 'GET', url: `/api/meetings/${c.coord.future[c.side].id}/invitation.ics` }),
  },
  {
    route: 'POST /api/meetings/:id/agenda',
    name: 'add an agenda item',
    expect: RUN(200),
    request: (c) => ({
      method: 'POST',
      url: `/api/meetings/${c.coord.future[c.side].id}/agenda`,
      body: { title: { az: 'Məsələ' } },
    }),
  },
  {
    route: 'PUT /api/agenda-items/:id',
    name: 'change an agenda item',
    expect: RUN(200),
    request: (c) => ({
      method: 'PUT',
      url: `/api/agenda-items/${c.coord.items[c.side]}`,
      body: { title: { az: 'Dəyişdi' } },
    }),
  },
  {
    route: 'DELETE /api/agenda-items/:id',
    name: 'remove an agenda item',
    expect: RUN(200),
    request: async (c) => ({
      method: 'DELETE',
      url: `/api/agenda-items/${await c.coord.item(c.coord.future[c.side].id)}`,
    }),
  },
  {
    route: 'PUT /api/meetings/:id/agenda/order',
    name: 'reorder the agenda',
    expect: RUN(200),
    request: (c) => ({
      method: 'PUT',
      url: `/api/meetings/${c.coord.ordered[c.side].id}/agenda/order`,
      body: { itemIds: [c.coord.orderedItems[c.side]] },
    }),
  },
  {
    route: 'POST /api/agenda-items/:id/requests',
    name: 'request short reports',
    expect: RUN(200),
    request: (c) => ({
      method: 'POST',
      url: `/api/agenda-items/${c.coord.items[c.side]}/requests`,
      body: { orgIds: [c.org[c.side].id], dueOn: c.t.clock.now().toISOString().slice(0, 10) },
    }),
  },
  {
    route: 'POST /api/item-requests/:id/submit',
    name: 'send a short report',
    expect: REPORT,
    request: (c) => ({
      method: 'POST',
      url: `/api/item-requests/${c.coord.requests[c.side]}/submit`,
      body: { text: 'Arayış' },
    }),
  },
  {
    route: 'PUT /api/meetings/:id/attendance',
    name: 'record attendance',
    expect: RUN(200),
    request: (c) => ({
      method: 'PUT',
      url: `/api/meetings/${c.coord.past[c.side].id}/attendance`,
      body: { guests: [{ name: 'Qonaq' }] },
    }),
  },
  {
    route: 'PUT /api/meetings/:id/minutes',
    name: 'write the minutes',
    expect: RUN(200),
    request: async (c) => ({
      method: 'PUT',
      url: `/api/meetings/${c.coord.past[c.side].id}/minutes`,
      body: { text: `Protokol ${++seq}`, baseUpdatedAt: await c.coord.minutesAt(c.coord.past[c.side].id) },
    }),
  },
  {
    route: 'POST /api/meetings/:id/approve-minutes',
    name: 'approve earlier minutes',
    expect: RUN(200),
    request: async (c) => {
      const earlier = await c.coord.schedule(c.side, true)
      await c.t.services.coordination.writeMinutes(c.coord.actor, earlier.id, {
        text: 'Protokol',
        baseUpdatedAt: null,
      })
      const at = await c.coord.schedule(c.side, true)
      return {
        method: 'POST',
        url: `/api/meetings/${at.id}/approve-minutes`,
        body: { meetingId: earlier.id },
      }
    },
  },
  {
    route: 'POST /api/meetings/:id/documents',
    name: 'attach a document',
    expect: RUN(200),
    request: (c) => ({
      method: 'POST',
      url: `/api/meetings/${c.coord.past[c.side].id}/documents`,
      body: { fileId: c.fileOf.own, title: 'Arayış' },
    }),
  },
  {
    route: 'DELETE /api/meeting-documents/:id',
    name: 'detach a document',
    expect: RUN(200),
    request: async (c) => {
      const docs = await c.t.services.coordination.attachDocument(c.coord.actor, c.coord.past[c.side].id, {
        fileId: c.fileOf.own,
        title: `Sənəd ${++seq}`,
      })
      return { method: 'DELETE', url: `/api/meeting-documents/${docs.at(-1)?.id}` }
    },
  },
  ...(['agenda', 'minutes'] as const).flatMap((kind) =>
    (['pdf', 'docx'] as const).map(
      (format): Row => ({
        route: `GET /api/meetings/:id/${kind}.${format}`,
        name: `download the ${kind} as ${format}`,
        expect: READ,
        request: (c) => ({
          method: 'GET',
          url: `/api/meetings/${c.coord.past[c.side].id}/${kind}.${format}?lang=az`,
        }),
      }),
    ),
  ),
  {
    route: 'POST /api/meetings/:id/decisions',
    name: 'record a decision',
    expect: RUN(200),
    request: (c) => ({
      method: 'POST',
      url: `/api/meetings/${c.coord.past[c.side].id}/decisions`,
      body: { number: `R-${++seq}`, text: { az: 'Qərar' } },
    }),
  },
  {
    route: 'POST /api/decisions/:id/assignments',
    name: 'add an assignment',
    expect: RUN(201),
    request: (c) => ({
      method: 'POST',
      url: `/api/decisions/${c.coord.decisions[c.side].decisionId}/assignments`,
      body: { orgId: c.org[c.side].id, dueOn: c.coord.dueOn },
    }),
  },
  {
    route: 'GET /api/decisions/options',
    name: 'decisions to cite',
    expect: { own: LIST },
    request: () => ({ method: 'GET', url: '/api/decisions/options' }),
  },
  {
    route: 'GET /api/assignments',
    name: 'list assignments',
    expect: { own: LIST },
    request: () => ({ method: 'GET', url: '/api/assignments' }),
  },
  {
    route: 'GET /api/assignments/export.xlsx',
    name: 'decision-execution report',
    expect: { own: LIST },
    request: () => ({ method: 'GET', url: '/api/assignments/export.xlsx?lang=ru' }),
  },
  {
    route: 'GET /api/assignments/:id',
    name: 'get an assignment',
    expect: READ,
    request: (c) => ({ method: 'GET', url: `/api/assignments/${c.coord.decisions[c.side].assignmentId}` }),
  },
  {
    route: 'POST /api/assignments/:id/reports',
    name: 'report execution',
    expect: REPORT,
    request: (c) => ({
      method: 'POST',
      url: `/api/assignments/${c.coord.decisions[c.side].assignmentId}/reports`,
      body: { text: 'Gedişat' },
    }),
  },
  {
    route: 'POST /api/assignments/:id/review',
    name: 'accept a report of execution',
    expect: RUN(200),
    request: async (c) => ({
      method: 'POST',
      url: `/api/assignments/${await c.coord.reported(c.side)}/review`,
      body: { accept: true },
    }),
  },
  {
    route: 'POST /api/assignments/:id/cancel',
    name: 'cancel an assignment',
    expect: RUN(200),
    request: async (c) => ({
      method: 'POST',
      url: `/api/assignments/${(await c.coord.decide(c.side)).assignmentId}/cancel`,
      body: { reason: 'Lazım deyil' },
    }),
  },
  {
    route: 'GET /api/coordination/summary',
    name: 'decision-execution summary',
    expect: { own: LIST },
    request: () => ({ method: 'GET', url: '/api/coordination/summary' }),
  },
]

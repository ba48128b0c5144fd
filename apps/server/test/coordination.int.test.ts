import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { and, eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import ICAL from 'ical.js'
import { simpleParser } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mailOutbox, notifications } from '../src/db/schema/index.ts'
import { createSmtpMailer } from '../src/platform/mailer.ts'
import { as, createTestApp, DATABASES, makeUser, signIn, type TestApp, userByEmail } from './helpers.ts'
import { type Api, type PlanFixture, planFixture } from './plan-fixture.ts'
import { startSmtp } from './smtp-server.ts'

const pdfText = (pdf: Buffer) => {
  const dir = mkdtempSync(join(tmpdir(), 'qalxan-coord-'))
  try {
    const file = join(dir, 'doc.pdf')
    writeFileSync(file, pdf)
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The .ics attachments of the mail the SMTP server received for one address. */
const invitesTo = async (smtp: Awaited<ReturnType<typeof startSmtp>>, to: string) => {
  const out = []
  for (const m of smtp.received.filter((r) => r.to.includes(to))) {
    const parsed = await simpleParser(m.body)
    for (const a of parsed.attachments.filter((x) => x.contentType.startsWith('text/calendar'))) {
      const cal = new ICAL.Component(ICAL.parse(a.content.toString('utf8')))
      out.push({
        subject: parsed.subject ?? '',
        text: parsed.text ?? '',
        cal,
        event: cal.getFirstSubcomponent('vevent'),
      })
    }
  }
  return out
}

describe.each(DATABASES)('coordination on %s', (kind) => {
  let t: TestApp
  let f: PlanFixture
  let smtp: Awaited<ReturnType<typeof startSmtp>>
  let chair: Api
  let secretary: Api
  let secretaryId: string
  let wg: { id: string }
  let m1: { id: string; number: string }
  let m2: { id: string }
  let leadFocalId: string
  const seats: Record<string, string> = {}

  const at = (iso: string) =>
    t.clock.advance(Date.parse(iso.length === 10 ? `${iso}T06:00:00Z` : iso) - t.clock.now().getTime())

  beforeAll(async () => {
    smtp = await startSmtp()
    t = await createTestApp(kind, { mailer: createSmtpMailer(smtp.url) })
    at('2024-01-10')
    f = await planFixture(t)
    const sec = f.orgs.sec
    chair = as(t, await signIn(t, await makeUser(t, 'chair@test.az', sec, ['wg_chair'])), 'en')
    const s = await makeUser(t, 'secretary@test.az', sec, ['wg_member'])
    secretaryId = s.id
    secretary = as(t, await signIn(t, s), 'en')
    leadFocalId = (await userByEmail(t, 'focal@lead.az'))?.id as string
  })
  afterAll(async () => {
    await t.close()
    await smtp.close()
  })

  it('creates a working group and seats the executors the plan proposes', async () => {
    const s = f.people.secretariat
    const r = await s.post('/api/bodies', {
      kind: 'working_group',
      code: 'WG-1',
      name: { az: 'İşçi qrup', en: 'Working group', ru: 'Рабочая группа' },
      directionId: f.direction.id,
      establishedBy: 'Commission decision 1/2023',
      establishedOn: '2024-01-15',
    })
    expect(r.statusCode, r.body).toBe(201)
    wg = r.json()
    expect(
      (await s.post('/api/bodies', { kind: 'working_group', code: 'WG-1', name: { az: 'X' } })).statusCode,
    ).toBe(409)
    expect(
      (await s.post('/api/bodies', { kind: 'subgroup', code: 'SG-1', name: { az: 'X' } })).statusCode,
    ).toBe(422)

    const proposed = (await s.get(`/api/bodies/${wg.id}/proposed-members`)).json()
    const byCode = Object.fromEntries(proposed.map((p: { orgCode: string }) => [p.orgCode, p]))
    expect(byCode.LEAD).toMatchObject({
      lead: ['1.1', '1.2'],
      co: [],
      userId: leadFocalId,
      alreadyMember: false,
    })
    expect(byCode.CO).toMatchObject({ lead: [], co: ['1.1'] })
    expect(byCode.OUT).toMatchObject({ lead: ['1.3'] })

    const coFocal = (await userByEmail(t, 'focal@co.az'))?.id
    const chairId = (await userByEmail(t, 'chair@test.az'))?.id
    // A person who does not belong to the organisation cannot represent it.
    const wrong = await s.post(`/api/bodies/${wg.id}/members`, {
      members: [{ orgId: f.orgs.lead.id, userId: coFocal, validFrom: '2024-01-15' }],
    })
    expect(wrong.statusCode).toBe(422)
    expect(wrong.json().error.message).toBe(`User "${coFocal}" does not belong to organisation "LEAD"`)
    const early = await s.post(`/api/bodies/${wg.id}/members`, {
      members: [{ orgId: f.orgs.lead.id, validFrom: '2024-01-01' }],
    })
    expect(early.statusCode).toBe(422)

    const seated = await s.post(`/api/bodies/${wg.id}/members`, {
      members: [
        { orgId: f.orgs.sec.id, userId: chairId, role: 'chair', validFrom: '2024-01-15' },
        { orgId: f.orgs.sec.id, userId: secretaryId, role: 'secretary', validFrom: '2024-01-15' },
        { orgId: f.orgs.lead.id, userId: leadFocalId, validFrom: '2024-01-15' },
        { orgId: f.orgs.co.id, userId: coFocal, validFrom: '2024-01-15' },
      ],
    })
    expect(seated.statusCode, seated.body).toBe(200)
    for (const m of seated.json()) seats[m.email] = m.id
    const twoChairs = await s.post(`/api/bodies/${wg.id}/members`, {
      members: [
        {
          orgId: f.orgs.lead.id,
          userId: (await userByEmail(t, 'head@lead.az'))?.id,
          role: 'chair',
          validFrom: '2024-02-01',
        },
      ],
    })
    expect(twoChairs.statusCode).toBe(409)
    const again = await s.post(`/api/bodies/${wg.id}/members`, {
      members: [{ orgId: f.orgs.lead.id, userId: leadFocalId, validFrom: '2024-03-01' }],
    })
    expect(again.statusCode).toBe(409)

    // Only the secretariat seats members; the others see whose bodies they sit in.
    expect(
      (
        await f.people.leadFocal.post(`/api/bodies/${wg.id}/members`, {
          members: [{ orgId: f.orgs.out.id, validFrom: '2024-02-01' }],
        })
      ).statusCode,
    ).toBe(403)
    expect((await f.people.leadFocal.get(`/api/bodies/${wg.id}`)).statusCode).toBe(200)
    expect((await f.people.outFocal.get(`/api/bodies/${wg.id}`)).statusCode).toBe(404)
    expect((await f.people.outFocal.get('/api/bodies')).json()).toEqual([])
    expect((await f.people.publicReader.get('/api/bodies')).statusCode).toBe(403)
    // Seats begin on the 15th: before that the secretary does not yet run the group.
    expect((await secretary.get(`/api/bodies/${wg.id}`)).json()).toMatchObject({
      myRole: null,
      canManage: false,
      memberCount: 0,
    })
    at('2024-01-16')
    expect((await secretary.get(`/api/bodies/${wg.id}`)).json()).toMatchObject({
      myRole: 'secretary',
      canManage: true,
      memberCount: 4,
    })
  })

  it('refuses scheduling mistakes and schedules the meetings', async () => {
    const base = {
      bodyId: wg.id,
      title: {
        az: 'İşçi qrupun ilk iclası',
        en: 'First meeting of the working group',
        ru: 'Первое заседание',
      },
      location: 'Room 301',
    }
    const past = await secretary.post('/api/meetings', {
      ...base,
      number: '1',
      startsAt: '2024-01-05T06:00:00Z',
      endsAt: '2024-01-05T08:00:00Z',
    })
    expect(past.statusCode).toBe(422)
    expect(past.json().error.message).toBe('A meeting cannot be scheduled in the past')
    const backwards = await secretary.post('/api/meetings', {
      ...base,
      number: '1',
      startsAt: '2024-02-01T08:00:00Z',
      endsAt: '2024-02-01T06:00:00Z',
    })
    expect(backwards.statusCode).toBe(422)
    expect(JSON.stringify(backwards.json().error.details)).toContain('endsAt')
    const badLink = await secretary.post('/api/meetings', {
      ...base,
      number: '1',
      startsAt: '2024-02-01T06:00:00Z',
      endsAt: '2024-02-01T08:00:00Z',
      onlineUrl: 'javascript:alert(1)',
    })
    expect(badLink.statusCode).toBe(422)

    const ok = await secretary.post('/api/meetings', {
      ...base,
      number: '1',
      startsAt: '2024-02-01T06:00:00Z',
      endsAt: '2024-02-01T08:00:00Z',
    })
    expect(ok.statusCode, ok.body).toBe(201)
    m1 = ok.json()
    const overlap = await secretary.post('/api/meetings', {
      ...base,
      location: '',
      number: '1a',
      startsAt: '2024-02-01T07:00:00Z',
      endsAt: '2024-02-01T09:00:00Z',
    })
    expect(overlap.statusCode).toBe(409)
    expect(overlap.json().error.message).toBe('Meeting "1" of this body is already scheduled at that time')

    // The Commission cannot sit in the same room at the same time either.
    const commission = (
      await f.people.secretariat.post('/api/bodies', {
        kind: 'commission',
        code: 'COMM',
        name: { az: 'Koordinasiya Komissiyası' },
      })
    ).json()
    const room = await f.people.secretariat.post('/api/meetings', {
      ...base,
      bodyId: commission.id,
      location: 'room 301 ',
      number: 'C-1',
      startsAt: '2024-02-01T07:30:00Z',
      endsAt: '2024-02-01T09:00:00Z',
    })
    expect(room.statusCode).toBe(409)
    expect(room.json().error.message).toContain('"Room 301" is taken at that time by meeting "1" of "WG-1"')
    const dup = await secretary.post('/api/meetings', {
      ...base,
      number: '1',
      startsAt: '2024-02-10T06:00:00Z',
      endsAt: '2024-02-10T08:00:00Z',
    })
    expect(dup.statusCode).toBe(409)
    // A member who does not run the body cannot schedule for it.
    expect(
      (
        await f.people.leadFocal.post('/api/meetings', {
          ...base,
          number: '9',
          startsAt: '2024-02-20T06:00:00Z',
          endsAt: '2024-02-20T08:00:00Z',
        })
      ).statusCode,
    ).toBe(403)
    m2 = (
      await chair.post('/api/meetings', {
        ...base,
        number: '2',
        title: { az: 'İkinci iclas' },
        startsAt: '2024-03-01T06:00:00Z',
        endsAt: '2024-03-01T08:00:00Z',
      })
    ).json()
    const cal = (await f.people.leadFocal.get('/api/meetings?from=2024-02-01&to=2024-03-31')).json()
    expect(cal.map((m: { number: string }) => m.number)).toEqual(['1', '2'])
    expect((await f.people.outFocal.get('/api/meetings?from=2024-01-01&to=2024-12-31')).json()).toEqual([])
    expect((await f.people.outFocal.get(`/api/meetings/${m1.id}`)).statusCode).toBe(404)
  })

  it('e-mails invitations with an iCalendar file that a mail server receives, and updates and cancellations after', async () => {
    const before = (await t.database.db.select().from(mailOutbox)).length
    const bad = await secretary.post(`/api/meetings/${m1.id}/invitations`, { extra: ['not an address'] })
    expect(bad.statusCode).toBe(422)
    expect((await t.database.db.select().from(mailOutbox)).length).toBe(before)

    const sent = await secretary.post(`/api/meetings/${m1.id}/invitations`, { extra: ['guest@example.org'] })
    expect(sent.statusCode, sent.body).toBe(200)
    expect(sent.json().recipients.sort()).toEqual(
      ['chair@test.az', 'focal@co.az', 'focal@lead.az', 'guest@example.org', 'secretary@test.az'].sort(),
    )
    await t.services.outbox.flush()
    const [invite] = await invitesTo(smtp, 'focal@lead.az')
    expect(invite).toBeDefined()
    const e = invite?.event as ICAL.Component
    expect(invite?.cal.getFirstPropertyValue('method')).toBe('REQUEST')
    expect(e.getFirstPropertyValue('uid')).toBe(`${m1.id}@localhost`)
    expect(e.getFirstPropertyValue('sequence')).toBe(0)
    expect((e.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()).toBe(
      '2024-02-01T06:00:00.000Z',
    )
    expect((e.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().toISOString()).toBe(
      '2024-02-01T08:00:00.000Z',
    )
    expect(String(e.getFirstPropertyValue('summary'))).toContain('İşçi qrupun ilk iclası')
    expect(String(e.getFirstPropertyValue('location'))).toContain('Room 301')
    const attendees = e.getAllProperties('attendee').map((p) => String(p.getFirstValue()).toLowerCase())
    expect(attendees).toContain('mailto:focal@lead.az')
    expect(attendees).toContain('mailto:guest@example.org')
    expect(invite?.text).toContain('10:00')
    expect(invite?.text).toContain(`/coordination/meetings/${m1.id}`)

    // Moved by an hour: the same people get the same UID with the next SEQUENCE.
    const moved = await secretary.patch(`/api/meetings/${m1.id}`, {
      startsAt: '2024-02-01T07:00:00Z',
      endsAt: '2024-02-01T09:00:00Z',
    })
    expect(moved.statusCode, moved.body).toBe(200)
    expect(moved.json().sequence).toBe(1)
    await t.services.outbox.flush()
    const guest = await invitesTo(smtp, 'guest@example.org')
    expect(guest.map((g) => g.event?.getFirstPropertyValue('sequence'))).toEqual([0, 1])
    const movedStart = guest[1]?.event?.getFirstPropertyValue('dtstart') as ICAL.Time
    expect(movedStart.toJSDate().toISOString()).toBe('2024-02-01T07:00:00.000Z')

    // A meeting called off: CANCEL with the same UID.
    const m3 = (
      await secretary.post('/api/meetings', {
        bodyId: wg.id,
        number: '3',
        title: { az: 'Növbədənkənar iclas' },
        startsAt: '2024-02-15T06:00:00Z',
        endsAt: '2024-02-15T07:00:00Z',
      })
    ).json()
    await secretary.post(`/api/meetings/${m3.id}/invitations`, {})
    const cancelled = await secretary.post(`/api/meetings/${m3.id}/cancel`, { reason: 'Sədr ezamiyyətdədir' })
    expect(cancelled.json()).toMatchObject({ state: 'cancelled', sequence: 1 })
    await t.services.outbox.flush()
    const last = (await invitesTo(smtp, 'focal@co.az')).filter(
      (i) => i.event?.getFirstPropertyValue('uid') === `${m3.id}@localhost`,
    )
    expect(last.map((i) => i.cal.getFirstPropertyValue('method'))).toEqual(['REQUEST', 'CANCEL'])
    expect(last[1]?.event?.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect((await secretary.post(`/api/meetings/${m3.id}/invitations`, {})).statusCode).toBe(412)

    const ics = await f.people.leadFocal.get(`/api/meetings/${m1.id}/invitation.ics?lang=ru`)
    expect(ics.statusCode).toBe(200)
    expect(ics.headers['content-type']).toContain('text/calendar')
    expect(
      new ICAL.Component(ICAL.parse(ics.body))
        .getFirstSubcomponent('vevent')
        ?.getFirstPropertyValue('sequence'),
    ).toBe(1)
  })

  it('links agenda items to measures, each reader seeing only what their clearance opens', async () => {
    const s = f.people.secretariat
    const add = await s.post(`/api/meetings/${m1.id}/agenda`, {
      title: { az: 'Risklər reyestri üzrə hesabat', en: 'Report on the risk register' },
      presenterOrgId: f.orgs.lead.id,
      links: [
        { kind: 'measure', targetId: f.m1.id },
        { kind: 'measure', targetId: f.m2.id },
      ],
    })
    expect(add.statusCode, add.body).toBe(200)
    expect(add.json()[0].links.map((l: { label: string }) => l.label)).toEqual(['1.1', '1.2'])
    const seen = (await f.people.leadFocal.get(`/api/meetings/${m1.id}`)).json()
    expect(seen.agenda[0].links.map((l: { label: string }) => l.label)).toEqual(['1.1'])
    // The secretary's clearance does not open the restricted 1.2, nor can anyone link what does not exist.
    const hidden = await secretary.post(`/api/meetings/${m1.id}/agenda`, {
      title: { az: 'Məxfi' },
      links: [{ kind: 'measure', targetId: f.m2.id }],
    })
    expect(hidden.statusCode).toBe(422)
    expect(hidden.json().error.message).toBe(`The linked item "${f.m2.id}" was not found`)
    const none = await secretary.post(`/api/meetings/${m1.id}/agenda`, {
      title: { az: 'Heç nə' },
      links: [{ kind: 'report', targetId: crypto.randomUUID() }],
    })
    expect(none.statusCode).toBe(422)
    const second = await secretary.post(`/api/meetings/${m1.id}/agenda`, { title: { az: 'Müxtəlif' } })
    const ids = second.json().map((i: { id: string }) => i.id)
    const reordered = await secretary.put(`/api/meetings/${m1.id}/agenda/order`, {
      itemIds: [...ids].reverse(),
    })
    expect(reordered.json().map((i: { title: { az: string } }) => i.title.az)).toEqual([
      'Müxtəlif',
      'Risklər reyestri üzrə hesabat',
    ])
    expect(
      (await secretary.put(`/api/meetings/${m1.id}/agenda/order`, { itemIds: [ids[0]] })).statusCode,
    ).toBe(422)
  })

  it('asks an organisation for a short report before the meeting, which only it may send', async () => {
    const detail = (await secretary.get(`/api/meetings/${m1.id}`)).json()
    const item = detail.agenda.find((i: { title: { az: string } }) => i.title.az.startsWith('Risklər'))
    const late = await secretary.post(`/api/agenda-items/${item.id}/requests`, {
      orgIds: [f.orgs.lead.id],
      dueOn: '2024-02-05',
    })
    expect(late.statusCode).toBe(422)
    const asked = await secretary.post(`/api/agenda-items/${item.id}/requests`, {
      orgIds: [f.orgs.lead.id],
      dueOn: '2024-01-30',
    })
    expect(asked.statusCode, asked.body).toBe(200)
    const request = asked.json().find((i: { id: string }) => i.id === item.id).requests[0]
    expect(request).toMatchObject({ orgCode: 'LEAD', state: 'requested', canSubmit: false })
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, leadFocalId), eq(notifications.kind, 'item_requested')))
    expect(told).toHaveLength(1)

    expect(
      (await f.people.coFocal.post(`/api/item-requests/${request.id}/submit`, { text: 'Bizdən' })).statusCode,
    ).toBe(403)
    expect(
      (await f.people.outFocal.post(`/api/item-requests/${request.id}/submit`, { text: 'Bizdən' }))
        .statusCode,
    ).toBe(404)
    const sent = await f.people.leadFocal.post(`/api/item-requests/${request.id}/submit`, {
      text: 'Reyestrin layihəsi hazırlanıb, razılaşdırılır.',
    })
    expect(sent.statusCode, sent.body).toBe(200)
    expect(sent.json().requests[0]).toMatchObject({ state: 'submitted', submittedBy: 'focal' })
  })

  it('records attendance, minutes and decisions once the meeting has begun, and only then', async () => {
    expect((await secretary.put(`/api/meetings/${m1.id}/minutes`, { text: 'Erkən' })).statusCode).toBe(412)
    expect(
      (await secretary.post(`/api/meetings/${m1.id}/decisions`, { number: '1', text: { az: 'X' } }))
        .statusCode,
    ).toBe(412)
    at('2024-02-01T08:00:00Z')
    const attendance = await secretary.put(`/api/meetings/${m1.id}/attendance`, {
      members: [
        { memberId: seats['chair@test.az'], status: 'present' },
        { memberId: seats['secretary@test.az'], status: 'present' },
        { memberId: seats['focal@lead.az'], status: 'present' },
        { memberId: seats['focal@co.az'], status: 'excused' },
      ],
      guests: [{ name: 'Ekspert Əliyev', orgId: f.orgs.out.id }],
    })
    expect(attendance.statusCode, attendance.body).toBe(200)
    expect(attendance.json()).toHaveLength(5)
    expect(
      (
        await secretary.put(`/api/meetings/${m1.id}/attendance`, {
          members: [{ memberId: crypto.randomUUID(), status: 'present' }],
        })
      ).statusCode,
    ).toBe(422)

    const w = await secretary.put(`/api/meetings/${m1.id}/minutes`, {
      text: 'İclası sədr açdı.\n\nRisklər reyestri müzakirə edildi.',
      baseUpdatedAt: null,
    })
    expect(w.statusCode, w.body).toBe(200)
    expect(w.json().state).toBe('draft')
    const stale = await chair.put(`/api/meetings/${m1.id}/minutes`, {
      text: 'Başqa mətn',
      baseUpdatedAt: null,
    })
    expect(stale.statusCode).toBe(409)
    expect(
      (
        await chair.put(`/api/meetings/${m1.id}/minutes`, {
          text: 'İclası sədr açdı. Risklər reyestri müzakirə edildi və qəbul olundu.',
          baseUpdatedAt: w.json().updatedAt,
        })
      ).statusCode,
    ).toBe(200)
    expect(
      (await f.people.leadFocal.put(`/api/meetings/${m1.id}/minutes`, { text: 'Mən', baseUpdatedAt: null }))
        .statusCode,
    ).toBe(403)

    const decision = {
      number: '1/2024-1',
      text: {
        az: 'Risklər reyestrinin aparılması qaydasının layihəsi bəyənilsin',
        en: 'The draft procedure is endorsed',
      },
    }
    // OUT does not sit in the group on the meeting's day; CO's focal point does not represent LEAD.
    const outsider = await secretary.post(`/api/meetings/${m1.id}/decisions`, {
      ...decision,
      assignments: [{ orgId: f.orgs.out.id, dueOn: '2024-02-20' }],
    })
    expect(outsider.statusCode).toBe(422)
    expect(outsider.json().error.message).toBe('Organisation "OUT" is not a member of the body on 2024-02-01')
    const stranger = await secretary.post(`/api/meetings/${m1.id}/decisions`, {
      ...decision,
      assignments: [
        {
          orgId: f.orgs.lead.id,
          responsibleUserId: (await userByEmail(t, 'focal@co.az'))?.id,
          dueOn: '2024-02-20',
        },
      ],
    })
    expect(stranger.statusCode).toBe(422)
    const early = await secretary.post(`/api/meetings/${m1.id}/decisions`, {
      ...decision,
      assignments: [{ orgId: f.orgs.lead.id, dueOn: '2024-01-20' }],
    })
    expect(early.statusCode).toBe(422)

    const made = await secretary.post(`/api/meetings/${m1.id}/decisions`, {
      ...decision,
      assignments: [
        {
          orgId: f.orgs.lead.id,
          responsibleUserId: leadFocalId,
          task: 'Qaydanın yekun layihəsini təqdim etmək',
          dueOn: '2024-02-20',
          measureId: f.m1.id,
        },
        { orgId: f.orgs.co.id, task: 'Rəy vermək', dueOn: '2024-02-28' },
      ],
    })
    expect(made.statusCode, made.body).toBe(200)
    const [d] = made.json()
    expect(d.assignments.map((a: { orgCode: string; state: string }) => `${a.orgCode}:${a.state}`)).toEqual([
      'LEAD:open',
      'CO:open',
    ])
    expect((await secretary.post(`/api/meetings/${m1.id}/decisions`, decision)).statusCode).toBe(409)
    const given = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, leadFocalId), eq(notifications.kind, 'assignment_given')))
    expect(given).toHaveLength(1)
  })

  it('lets only the assignee organisation report execution, and the secretary accept or return it', async () => {
    at('2024-02-05')
    const lead = (await f.people.leadFocal.get('/api/assignments?state=open')).json()
    expect(lead.items.map((a: { orgCode: string }) => a.orgCode)).toEqual(['LEAD', 'CO'])
    const mine = lead.items.find((a: { orgCode: string }) => a.orgCode === 'LEAD')
    const theirs = lead.items.find((a: { orgCode: string }) => a.orgCode === 'CO')
    expect(mine).toMatchObject({ canReport: true, measureCode: '1.1', responsibleName: 'focal' })
    expect(theirs.canReport).toBe(false)

    expect(
      (await f.people.leadFocal.post(`/api/assignments/${theirs.id}/reports`, { text: 'Bizim', done: true }))
        .statusCode,
    ).toBe(403)
    expect(
      (await f.people.coFocal.post(`/api/assignments/${mine.id}/reports`, { text: 'Bizim', done: true }))
        .statusCode,
    ).toBe(403)
    expect(
      (await f.people.outFocal.post(`/api/assignments/${mine.id}/reports`, { text: 'Bizim', done: true }))
        .statusCode,
    ).toBe(404)
    expect((await f.people.outFocal.get(`/api/assignments/${mine.id}`)).statusCode).toBe(404)

    const note = await f.people.leadFocal.post(`/api/assignments/${mine.id}/reports`, {
      text: 'Layihə razılaşdırılır',
    })
    expect(note.json()).toMatchObject({ state: 'open' })
    const done = await f.people.leadHead.post(`/api/assignments/${mine.id}/reports`, {
      text: 'Yekun layihə təqdim edildi',
      done: true,
    })
    expect(done.json()).toMatchObject({ state: 'reported', canReview: false })
    // A focal point cannot accept their own report; the secretary must say why one is returned.
    expect(
      (await f.people.leadFocal.post(`/api/assignments/${mine.id}/review`, { accept: true })).statusCode,
    ).toBe(403)
    expect((await secretary.post(`/api/assignments/${mine.id}/review`, { accept: false })).statusCode).toBe(
      422,
    )
    const back = await secretary.post(`/api/assignments/${mine.id}/review`, {
      accept: false,
      comment: 'Əlavə əlaqələndirmə lazımdır',
    })
    expect(back.json()).toMatchObject({ state: 'open' })
    at('2024-02-10')
    await f.people.leadFocal.post(`/api/assignments/${mine.id}/reports`, {
      text: 'Razılaşdırıldı',
      done: true,
    })
    const accepted = await secretary.post(`/api/assignments/${mine.id}/review`, { accept: true })
    expect(accepted.json()).toMatchObject({ state: 'done', completedOn: '2024-02-10', overdue: false })
    expect(accepted.json().reports).toHaveLength(3)
    expect(
      (await f.people.leadFocal.post(`/api/assignments/${mine.id}/reports`, { text: 'Yenə' })).statusCode,
    ).toBe(412)
  })

  it('keeps the composition on any past date', async () => {
    at('2024-02-20')
    const s = f.people.secretariat
    const coSeat = seats['focal@co.az'] as string
    expect((await s.post(`/api/members/${coSeat}/end`, { validTo: '2024-01-01' })).statusCode).toBe(422)
    expect((await s.post(`/api/members/${coSeat}/end`, { validTo: '2024-02-15' })).statusCode).toBe(200)
    expect((await s.post(`/api/members/${coSeat}/end`, { validTo: '2024-02-16' })).statusCode).toBe(412)
    await s.post(`/api/bodies/${wg.id}/members`, {
      members: [
        { orgId: f.orgs.out.id, userId: (await userByEmail(t, 'focal@out.az'))?.id, validFrom: '2024-02-16' },
      ],
    })
    const on = async (day: string) =>
      (await chair.get(`/api/bodies/${wg.id}/members?on=${day}`))
        .json()
        .map((m: { orgCode: string }) => m.orgCode)
        .sort()
    expect(await on('2024-02-01')).toEqual(['CO', 'LEAD', 'SEC', 'SEC'])
    expect(await on('2024-02-15')).toEqual(['CO', 'LEAD', 'SEC', 'SEC'])
    expect(await on('2024-02-16')).toEqual(['LEAD', 'OUT', 'SEC', 'SEC'])
    expect(await on('2024-01-14')).toEqual([])
    expect((await chair.get(`/api/bodies/${wg.id}/members/history`)).json()).toHaveLength(5)
    // A former member keeps seeing the body and its own assignments.
    expect((await f.people.coFocal.get(`/api/bodies/${wg.id}`)).statusCode).toBe(200)
  })

  it('reminds before an assignment falls due and escalates after, once each, with an injected clock', async () => {
    const kinds = async (email: string) => {
      const u = await userByEmail(t, email)
      return (
        await t.database.db
          .select()
          .from(notifications)
          .where(eq(notifications.userId, u?.id as string))
      )
        .map((n) => n.kind)
        .filter((k) => k.startsWith('assignment_due') || k.startsWith('assignment_over'))
    }
    at('2024-02-20')
    expect(await t.services.assignmentReminders.run()).toEqual([])
    at('2024-02-21')
    const [a, b] = await Promise.all([
      t.services.assignmentReminders.run(),
      t.services.assignmentReminders.run(),
    ])
    expect([...a, ...b]).toEqual(['WG-1/1/2024-1/CO:remind-7'])
    expect(await kinds('focal@co.az')).toEqual(['assignment_due_soon'])
    expect(await t.services.assignmentReminders.run()).toEqual([])
    at('2024-02-27')
    expect(await t.services.assignmentReminders.run()).toEqual(['WG-1/1/2024-1/CO:remind-1'])
    // Down for a week: only the latest step due is sent.
    at('2024-03-16')
    expect(await t.services.assignmentReminders.run()).toEqual(['WG-1/1/2024-1/CO:escalate-14'])
    expect(await kinds('chair@test.az')).toEqual(['assignment_overdue'])
    expect(await kinds('secretary@test.az')).toEqual(['assignment_overdue'])
    expect(await t.services.assignmentReminders.run()).toEqual([])
    const mail = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'chair@test.az'))
    expect(mail.map((m) => m.subject)).toContain('1/2024-1 saylı qərar üzrə tapşırıq gecikir: CO')
    const summary = (await f.people.secretariat.get('/api/coordination/summary')).json()
    expect(summary.byBody).toEqual([
      expect.objectContaining({ code: 'WG-1', total: 2, done: 1, open: 1, overdue: 1, doneLate: 0 }),
    ])
    expect(summary.byOrg.map((o: { code: string; overdue: number }) => `${o.code}:${o.overdue}`)).toEqual([
      'CO:1',
      'LEAD:0',
    ])
    const overdue = (await f.people.coFocal.get('/api/assignments?overdue=true')).json()
    expect(overdue.items.map((x: { orgCode: string }) => x.orgCode)).toEqual(['CO'])
  })

  it('approves the minutes at a later meeting, after which they are locked', async () => {
    at('2024-03-01T06:30:00Z')
    const detail = (await secretary.get(`/api/meetings/${m2.id}`)).json()
    expect(detail.minutesToApprove.map((m: { number: string }) => m.number)).toEqual(['1'])
    expect(
      (await secretary.post(`/api/meetings/${m1.id}/approve-minutes`, { meetingId: m2.id })).statusCode,
    ).toBe(412)
    const approved = await secretary.post(`/api/meetings/${m2.id}/approve-minutes`, { meetingId: m1.id })
    expect(approved.statusCode, approved.body).toBe(200)
    expect(approved.json().meeting).toMatchObject({
      minutesState: 'approved',
      minutesApprovedIn: { id: m2.id, number: '2' },
    })
    const edit = await secretary.put(`/api/meetings/${m1.id}/minutes`, {
      text: 'Dəyişiklik',
      baseUpdatedAt: null,
    })
    expect(edit.statusCode).toBe(412)
    expect(edit.json().error.message).toBe('The minutes of meeting "1" are approved and locked')
    expect(
      (await secretary.post(`/api/meetings/${m1.id}/decisions`, { number: '9', text: { az: 'Gec' } }))
        .statusCode,
    ).toBe(412)
    expect((await secretary.put(`/api/meetings/${m1.id}/attendance`, { members: [] })).statusCode).toBe(412)
    expect(
      (await secretary.post(`/api/meetings/${m2.id}/approve-minutes`, { meetingId: m1.id })).statusCode,
    ).toBe(412)
    const after = (await chair.get(`/api/meetings/${m1.id}`)).json()
    expect(after.minutes.text).toContain('qəbul olundu')
  })

  it('writes the agenda and the minutes as PDF and DOCX in three languages, and the execution report as XLSX', async () => {
    const az = await f.people.leadFocal.get(`/api/meetings/${m1.id}/minutes.pdf?lang=az`)
    expect(az.statusCode).toBe(200)
    expect(az.headers['content-type']).toBe('application/pdf')
    const text = pdfText(az.rawPayload)
    expect(text).toContain('Protokol')
    expect(text).toContain('Risklər reyestrinin aparılması qaydasının layihəsi bəyənilsin')
    expect(text).toContain('Ekspert Əliyev')
    const ru = pdfText((await f.people.leadFocal.get(`/api/meetings/${m1.id}/agenda.pdf?lang=ru`)).rawPayload)
    expect(ru).toContain('Повестка дня')
    const docx = await chair.get(`/api/meetings/${m1.id}/minutes.docx?lang=en`)
    expect(docx.statusCode).toBe(200)
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK')
    expect((await f.people.publicReader.get(`/api/meetings/${m1.id}/minutes.pdf`)).statusCode).toBe(403)

    const x = await f.people.secretariat.get('/api/assignments/export.xlsx?lang=en')
    expect(x.statusCode).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer)
    const sheet = wb.worksheets[0]
    const cells = (sheet?.getSheetValues() ?? []).flat().map(String)
    expect(cells.some((c) => c.includes('LEAD'))).toBe(true)
    expect(cells.some((c) => c.includes('CO'))).toBe(true)
  })

  it('lets a change request to the plan cite a decision recorded in the portal', async () => {
    const s = f.people.secretariat
    const options = (await s.get('/api/decisions/options')).json()
    expect(options).toEqual([expect.objectContaining({ number: '1/2024-1', date: '2024-02-01' })])
    const base = await s.post(`/api/strategies/${f.strategy.id}/baseline`, { note: 'Approved plan' })
    expect([200, 201]).toContain(base.statusCode)
    const cr = (
      await s.post('/api/change-requests', {
        measureId: f.m1.id,
        kind: 'deadline',
        proposed: { deadline: '2023-2025' },
        justification: 'Qərara əsasən',
      })
    ).json()
    const decided = await s.post(`/api/change-requests/${cr.id}/decision`, {
      approve: true,
      decision: { body: '-', number: '-', date: '2024-01-01', decisionId: options[0].id },
    })
    expect(decided.statusCode, decided.body).toBe(200)
    expect(decided.json().decision).toMatchObject({
      number: '1/2024-1',
      date: '2024-02-01',
      body: 'İşçi qrup',
    })
    const missing = await s.post(`/api/change-requests/${cr.id}/decision`, {
      approve: true,
      decision: { body: '-', number: '-', date: '2024-01-01', decisionId: crypto.randomUUID() },
    })
    expect(missing.statusCode).toBe(409)
  })
})

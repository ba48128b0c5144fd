import type { Meeting } from '@qalxan/contracts'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../platform/errors.ts'
import { COORDINATION_MESSAGES } from './coordination.labels.ts'
import { type InvitationInput, invitationIcs, invitationSubject, invitationText } from './invitation.fns.ts'

// Long enough that SUMMARY and DESCRIPTION are folded, with multi-byte letters at the folds.
const TITLE_AZ =
  'Növbəti rüb üçün iş planının müzakirəsi: şəbəkə təhlükəsizliyi, zəifliklərin idarə edilməsi, İnsan resursları, Ağ siyahılar, Çöl, Öyrənmə, Üzv, Işıq'
const TITLE_RU =
  'Обсуждение плана работы на следующий квартал: сетевая безопасность, управление уязвимостями, подготовка кадров'
const ITEM_AZ = 'Zəifliklərin idarə edilməsi; qaydaların layihəsi, ğ ı İ ö ş ç ü ə'
const ITEM_RU = 'Разное — ёлка, щука, Ъ, Ы, Э'

const meeting = (over: Partial<Meeting> = {}): Meeting => ({
  id: '0e4c1f1a-9b1c-4b7a-8e2d-3f5a6b7c8d9e',
  bodyId: 'bd-1',
  bodyCode: 'WG-5',
  bodyName: { az: 'Şəbəkə təhlükəsizliyi üzrə işçi qrup', ru: 'Рабочая группа по сетевой безопасности' },
  number: '3',
  title: { az: TITLE_AZ, en: 'Work plan for the next quarter', ru: TITLE_RU },
  // 06:00 UTC is 10:00 in Baku; given with an offset to show it is converted
  startsAt: '2024-03-12T10:00:00+04:00',
  endsAt: '2024-03-12T12:30:00+04:00',
  location: 'Bakı, Ü. Hacıbəyli küç. 40',
  onlineUrl: 'https://meet.example.az/wg5-3',
  state: 'scheduled',
  cancelReason: null,
  minutesState: 'none',
  minutesApprovedAt: null,
  minutesApprovedIn: null,
  sequence: 4,
  invitationsSentAt: null,
  canManage: true,
  ...over,
})

const input = (over: Partial<InvitationInput> = {}): InvitationInput => ({
  meeting: meeting(),
  agenda: [{ title: ITEM_AZ }, { title: ITEM_RU }],
  method: 'REQUEST',
  organizer: { name: 'Katiblik — Nigar Məmmədova', email: 'katiblik@qalxan.gov.az' },
  attendees: [
    { name: 'Əli Hüseynov', email: 'ali.huseynov@digital.gov.az' },
    { name: 'Сергей Иванов "Серж"', email: 'ivanov@dtx.gov.az' },
    { name: null, email: 'guest@example.com' },
  ],
  url: 'https://qalxan.gov.az/coordination/meetings/0e4c1f1a-9b1c-4b7a-8e2d-3f5a6b7c8d9e',
  lang: 'az',
  uidDomain: 'qalxan.gov.az',
  stamp: new Date('2024-03-01T09:15:00Z'),
  ...over,
})

const parse = (ics: string) => {
  const cal = new ICAL.Component(ICAL.parse(ics))
  const events = cal.getAllSubcomponents('vevent')
  expect(events).toHaveLength(1)
  return { cal, event: events[0] as ICAL.Component }
}
// The URI scheme is case-insensitive; ical-generator writes MAILTO: for attendees, mailto: for the organiser.
const address = (p: ICAL.Property) => String(p.getFirstValue()).replace(/^mailto:/i, 'mailto:')
const utc = (event: ICAL.Component, name: string) => {
  const t = event.getFirstPropertyValue(name) as ICAL.Time
  expect(t.zone?.tzid).toBe('UTC')
  return t.toJSDate().toISOString()
}

describe('the iCalendar invitation', () => {
  it('is a REQUEST with one event: UID, SEQUENCE, UTC times, summary, place, agenda, link, organiser and attendees', () => {
    const ics = invitationIcs(input())
    const { cal, event } = parse(ics)
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST')
    expect(cal.getFirstPropertyValue('version')).toBe('2.0')
    expect(event.getFirstPropertyValue('uid')).toBe('0e4c1f1a-9b1c-4b7a-8e2d-3f5a6b7c8d9e@qalxan.gov.az')
    expect(event.getFirstPropertyValue('sequence')).toBe(4)
    expect(utc(event, 'dtstamp')).toBe('2024-03-01T09:15:00.000Z')
    expect(utc(event, 'dtstart')).toBe('2024-03-12T06:00:00.000Z')
    expect(utc(event, 'dtend')).toBe('2024-03-12T08:30:00.000Z')
    expect(ics).toContain('\r\nDTSTART:20240312T060000Z\r\n')
    expect(ics).not.toContain('VTIMEZONE')
    expect(event.getFirstPropertyValue('summary')).toBe(`WG-5, 3 saylı iclas: ${TITLE_AZ}`)
    expect(event.getFirstPropertyValue('location')).toBe(
      'Bakı, Ü. Hacıbəyli küç. 40 — https://meet.example.az/wg5-3',
    )
    expect(event.getFirstPropertyValue('description')).toBe(
      ['Gündəlik:', `1. ${ITEM_AZ}`, `2. ${ITEM_RU}`, '', `İclasın portaldakı səhifəsi: ${input().url}`].join(
        '\n',
      ),
    )
    expect(event.getFirstPropertyValue('url')).toBe(input().url)
    expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED')

    const organizer = event.getFirstProperty('organizer') as ICAL.Property
    expect(address(organizer)).toBe('mailto:katiblik@qalxan.gov.az')
    expect(organizer.getParameter('cn')).toBe('Katiblik — Nigar Məmmədova')

    const attendees = event.getAllProperties('attendee').map((p) => ({
      value: address(p),
      cn: p.getParameter('cn'),
      role: p.getParameter('role'),
      rsvp: p.getParameter('rsvp'),
      partstat: p.getParameter('partstat'),
    }))
    const common = { role: 'REQ-PARTICIPANT', rsvp: 'TRUE', partstat: 'NEEDS-ACTION' }
    expect(attendees).toEqual([
      { value: 'mailto:ali.huseynov@digital.gov.az', cn: 'Əli Hüseynov', ...common },
      // a double quote in a name becomes a single one (Outlook does not read RFC 6868's ^')
      { value: 'mailto:ivanov@dtx.gov.az', cn: "Сергей Иванов 'Серж'", ...common },
      { value: 'mailto:guest@example.com', cn: 'guest@example.com', ...common },
    ])
  })

  it('folds long lines at 75 octets without breaking the Azerbaijani and Cyrillic letters', () => {
    const ics = invitationIcs(input({ lang: 'ru' }))
    const lines = ics.split('\r\n')
    expect(lines.some((l) => l.startsWith(' '))).toBe(true)
    for (const l of lines) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75)
    // No character was cut in two: the file is valid UTF-8 all through.
    expect(Buffer.from(ics, 'utf8').toString('utf8')).toBe(ics)
    expect(ics).not.toContain('\uFFFD')
    const { event } = parse(ics)
    expect(event.getFirstPropertyValue('summary')).toBe(`WG-5, Заседание № 3: ${TITLE_RU}`)
    expect(event.getFirstPropertyValue('description')).toContain(`1. ${ITEM_AZ}\n2. ${ITEM_RU}`)
    expect(event.getFirstPropertyValue('description')).toContain(
      'Заседание на портале: https://qalxan.gov.az/',
    )
  })

  it('in English uses the English title, and the place alone or the link alone when only one is set', () => {
    const onlyLink = parse(invitationIcs(input({ lang: 'en', meeting: meeting({ location: '  ' }) }))).event
    expect(onlyLink.getFirstPropertyValue('summary')).toBe(
      'WG-5, Meeting No. 3: Work plan for the next quarter',
    )
    expect(onlyLink.getFirstPropertyValue('location')).toBe('https://meet.example.az/wg5-3')
    const onlyPlace = parse(invitationIcs(input({ meeting: meeting({ onlineUrl: null }) }))).event
    expect(onlyPlace.getFirstPropertyValue('location')).toBe('Bakı, Ü. Hacıbəyli küç. 40')
    const neither = parse(invitationIcs(input({ meeting: meeting({ onlineUrl: null, location: '' }) }))).event
    expect(neither.getFirstProperty('location')).toBe(null)
  })

  it('as a CANCEL keeps the UID, carries the new SEQUENCE and the reason, and is CANCELLED', () => {
    const cancelled = meeting({ state: 'cancelled', cancelReason: 'Sədr ezamiyyətdədir', sequence: 5 })
    const { cal, event } = parse(invitationIcs(input({ method: 'CANCEL', meeting: cancelled })))
    expect(cal.getFirstPropertyValue('method')).toBe('CANCEL')
    expect(event.getFirstPropertyValue('uid')).toBe('0e4c1f1a-9b1c-4b7a-8e2d-3f5a6b7c8d9e@qalxan.gov.az')
    expect(event.getFirstPropertyValue('sequence')).toBe(5)
    expect(event.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(event.getFirstPropertyValue('description')).toMatch(/^Səbəb: Sədr ezamiyyətdədir\n\n/)
    expect(event.getAllProperties('attendee')).toHaveLength(3)
  })

  it('invites an address given twice once', () => {
    const twice = input({
      attendees: [
        { name: 'A', email: 'same@example.com' },
        { name: 'B', email: 'Same@Example.com' },
      ],
    })
    expect(parse(invitationIcs(twice)).event.getAllProperties('attendee')).toHaveLength(1)
  })

  const refusal = (make: () => unknown) => {
    try {
      make()
    } catch (e) {
      expect(e).toBeInstanceOf(AppError)
      return e as AppError
    }
    throw new Error('expected a refusal')
  }
  /** Whether the message matches a catalogue template, so the HTTP layer can translate it. */
  const catalogued = (message: string) =>
    COORDINATION_MESSAGES.some(([en, az, ru]) => {
      const re = new RegExp(
        `^${en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\d\\\}/g, '.*?')}$`,
        's',
      )
      return re.test(message) && az !== en && ru !== en && az.includes('{0}') && ru.includes('{0}')
    })

  it.each([
    ['not-an-address', 'not-an-address'],
    ['no-domain@', 'no-domain@'],
    ['a@b', 'a@b'],
    ['two@example.com, three@example.com', 'two@example.com, three@example.com'],
    ['Name <name@example.com>', 'Name <name@example.com>'],
    [' padded@example.com', ' padded@example.com'],
    ['x@example.com\r\nBcc: evil@example.com', 'x@example.com\\r\\nBcc: evil@example.com'],
    ['x@example.com\nBcc: evil@example.com', 'x@example.com\\nBcc: evil@example.com'],
  ])('refuses the attendee address %j, naming it', (email, quoted) => {
    const e = refusal(() => invitationIcs(input({ attendees: [{ name: 'X', email }] })))
    expect(e.code).toBe('VALIDATION_FAILED')
    expect(e.message).toBe(`The e-mail address "${quoted}" is not valid`)
    // the message itself carries no line break into a log line or a header
    expect(e.message).not.toMatch(/[\r\n]/)
    expect(catalogued(e.message)).toBe(true)
    expect(e.details).toMatchObject({ issues: [{ path: ['attendees', 0, 'email'] }] })
  })

  it('refuses a malformed organiser address', () => {
    const e = refusal(() => invitationIcs(input({ organizer: { name: 'Katiblik', email: 'katiblik@' } })))
    expect(e.message).toBe('The e-mail address "katiblik@" is not valid')
    expect(e.details).toMatchObject({ issues: [{ path: ['organizer', 'email'] }] })
  })

  it.each([
    ['Əli\r\nBcc: evil@example.com'],
    ['Əli\nX-Injected: 1'],
    ['Əli\rHüseynov'],
    ['Əli\u2028Hüseynov'],
    ['Əli\u0000'],
  ])('refuses the name %j, naming the address it was given for', (name) => {
    const e = refusal(() =>
      invitationIcs(
        input({
          attendees: [
            { name: 'Ok', email: 'ok@example.com' },
            { name, email: 'ali@example.com' },
          ],
        }),
      ),
    )
    expect(e.code).toBe('VALIDATION_FAILED')
    expect(e.message).toBe(
      'The name given for "ali@example.com" contains a line break or another control character',
    )
    expect(catalogued(e.message)).toBe(true)
    expect(e.details).toMatchObject({ issues: [{ path: ['attendees', 1, 'name'] }] })
    const org = refusal(() => invitationIcs(input({ organizer: { name, email: 'katiblik@qalxan.gov.az' } })))
    expect(org.message).toContain('"katiblik@qalxan.gov.az"')
  })

  it('refuses a name longer than 200 characters', () => {
    const e = refusal(() =>
      invitationIcs(input({ attendees: [{ name: 'Ə'.repeat(201), email: 'a@example.com' }] })),
    )
    expect(e.message).toBe('The name given for "a@example.com" is longer than 200 characters')
    expect(catalogued(e.message)).toBe(true)
  })

  it('every message in the catalogue has Azerbaijani and Russian with the same placeholders', () => {
    expect(COORDINATION_MESSAGES.length).toBeGreaterThan(0)
    for (const [en, az, ru] of COORDINATION_MESSAGES) {
      const slots = (s: string) => [...s.matchAll(/\{\d\}/g)].map((m) => m[0]).sort()
      expect(slots(az)).toEqual(slots(en))
      expect(slots(ru)).toEqual(slots(en))
    }
  })
})

describe('the invitation e-mail', () => {
  it('has a subject per language and method', () => {
    const m = meeting()
    expect(invitationSubject(m, 'az', 'REQUEST')).toBe(`İclasa dəvət: WG-5, 3 saylı iclas: ${TITLE_AZ}`)
    expect(invitationSubject(m, 'en', 'REQUEST')).toBe(
      'Invitation: WG-5, Meeting No. 3: Work plan for the next quarter',
    )
    expect(invitationSubject(m, 'en', 'CANCEL')).toBe(
      'Cancelled: WG-5, Meeting No. 3: Work plan for the next quarter',
    )
    expect(invitationSubject(m, 'ru', 'CANCEL')).toBe(`Заседание отменено: WG-5, Заседание № 3: ${TITLE_RU}`)
  })

  it('says what, when in Baku time, where, the agenda and the link', () => {
    const az = invitationText(input())
    expect(az).toBe(
      [
        'Sizi iclasa dəvət edirik.',
        '',
        'Orqan: Şəbəkə təhlükəsizliyi üzrə işçi qrup (WG-5)',
        `Mövzu: 3 saylı iclas — ${TITLE_AZ}`,
        'Vaxt: 12.03.2024 10:00–12:30 (Bakı vaxtı)',
        'Yer: Bakı, Ü. Hacıbəyli küç. 40 — https://meet.example.az/wg5-3',
        '',
        'Gündəlik:',
        `1. ${ITEM_AZ}`,
        `2. ${ITEM_RU}`,
        '',
        `İclasın portaldakı səhifəsi: ${input().url}`,
        '',
      ].join('\n'),
    )
    const en = invitationText(input({ lang: 'en', meeting: meeting({ location: '', onlineUrl: null }) }))
    expect(en).toContain('When: 12 March 2024, 10:00–12:30 (Baku time)')
    expect(en).toContain('Where: not yet set')
    // no English body name: the Azerbaijani one
    expect(en).toContain('Body: Şəbəkə təhlükəsizliyi üzrə işçi qrup (WG-5)')
    const ru = invitationText(
      input({
        lang: 'ru',
        method: 'CANCEL',
        meeting: meeting({ state: 'cancelled', cancelReason: 'Перенос' }),
      }),
    )
    expect(ru).toMatch(/^Заседание, указанное ниже, отменено\.\n/)
    expect(ru).toContain('Причина: Перенос')
    expect(ru).toContain('Время: 12.03.2024 10:00–12:30 (бакинское время)')
    expect(ru).toContain('Орган: Рабочая группа по сетевой безопасности (WG-5)')
  })
})

import type { Meeting } from '@qalxan/contracts'
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator'
import { z } from 'zod'
import type { DocLang } from '../../platform/documents/index.ts'
import { AppError } from '../../platform/errors.ts'
import { coordinationMessage, fill, COORD_LABELS as L, tr } from './coordination.labels.ts'
import { bakuSpan } from './meeting-documents.fns.ts'

export type InvitationMethod = 'REQUEST' | 'CANCEL'
export type InvitationInput = {
  meeting: Meeting
  agenda: { title: string }[]
  method: InvitationMethod
  organizer: { name: string; email: string }
  attendees: { name: string | null; email: string }[]
  /** The meeting's page in the portal. */
  url: string
  lang: DocLang
  /** The right-hand side of the UID, the portal's host name: `<meeting id>@<uidDomain>`. */
  uidDomain: string
  /** DTSTAMP, the moment the invitation is written; now when left out. */
  stamp?: Date
}

const MAX_NAME = 200
const emailFormat = z.email()
// Control characters (CR, LF, TAB, NUL…) and the Unicode line and paragraph separators: any of
// them in a name or an address could start a new header in the e-mail or a new line in the .ics.
const LINE_BREAKING = /[\p{Cc}\u2028\u2029]/u

/** The value as it may be quoted in a message: control characters shown as escapes, at most 80 characters. */
const shown = (s: string) => {
  const v = JSON.stringify(s).slice(1, -1).replace(/\\"/g, '"')
  return v.length > 80 ? `${v.slice(0, 79)}…` : v
}

/**
 * The address exactly as given, refused (VALIDATION_FAILED, naming it) unless it is one plain
 * address: no surrounding spaces, line breaks or display-name syntax, which the mail header and the
 * iCalendar line would otherwise carry further.
 */
const checkedAddress = (email: string, path: (string | number)[]): string => {
  if (
    LINE_BREAKING.test(email) ||
    email !== email.trim() ||
    email.length > 254 ||
    !emailFormat.safeParse(email).success
  )
    throw new AppError('VALIDATION_FAILED', coordinationMessage('badEmail', shown(email)), {
      issues: [{ path, message: coordinationMessage('badEmail', shown(email)) }],
    })
  return email
}

const checkedName = (name: string | null, email: string, path: (string | number)[]): string | null => {
  if (name === null) return null
  if (LINE_BREAKING.test(name))
    throw new AppError('VALIDATION_FAILED', coordinationMessage('badName', email), {
      issues: [{ path, message: coordinationMessage('badName', email) }],
    })
  if (name.length > MAX_NAME)
    throw new AppError('VALIDATION_FAILED', coordinationMessage('nameTooLong', email, MAX_NAME), {
      issues: [{ path, message: coordinationMessage('nameTooLong', email, MAX_NAME) }],
    })
  // A double quote would be written as RFC 6868's ^' inside CN="…", which Outlook shows as it is.
  return name.trim().replace(/"/g, "'") || null
}

/** "WG-5, meeting No. 3: Work plan" in the language, the text of SUMMARY and of the e-mail subject. */
const summaryOf = (meeting: Meeting, lang: DocLang) =>
  `${meeting.bodyCode}, ${fill(tr(L.meetingNo, lang), meeting.number)}: ${tr(meeting.title, lang)}`

const locationOf = (meeting: Meeting) =>
  [meeting.location.trim(), meeting.onlineUrl ?? ''].filter(Boolean).join(' — ')

const agendaLines = (agenda: { title: string }[]) => agenda.map((a, i) => `${i + 1}. ${a.title.trim()}`)

/** The e-mail subject: "Invitation: WG-5, meeting No. 3: …", "Cancelled: …" for a cancellation. */
export const invitationSubject = (meeting: Meeting, lang: DocLang, method: InvitationMethod): string =>
  fill(
    tr(method === 'CANCEL' ? L.cancelSubject : L.invitationSubject, lang),
    summaryOf(meeting, lang),
  ).replace(LINE_BREAKING, ' ')

/** The plain-text e-mail body in the language: what, when in Baku time, where, the agenda, the link. */
export const invitationText = (
  input: Pick<InvitationInput, 'meeting' | 'agenda' | 'method' | 'url' | 'lang'>,
): string => {
  const { meeting: m, lang } = input
  const t = (x: { az: string; en?: string; ru?: string }) => tr(x, lang)
  const lines = [
    t(input.method === 'CANCEL' ? L.cancelIntro : L.invitationIntro),
    '',
    `${t(L.body)}: ${t(m.bodyName)} (${m.bodyCode})`,
    `${t(L.what)}: ${fill(t(L.meetingNo), m.number)} — ${t(m.title)}`,
    `${t(L.when)}: ${bakuSpan(m.startsAt, m.endsAt, lang)} (${t(L.bakuTime)})`,
    `${t(L.where)}: ${locationOf(m) || t(L.notYetSet)}`,
  ]
  if (input.method === 'CANCEL' && m.cancelReason) lines.push(`${t(L.reason)}: ${m.cancelReason}`)
  if (input.agenda.length) lines.push('', `${t(L.agendaTitle)}:`, ...agendaLines(input.agenda))
  lines.push('', `${t(L.meetingPage)}: ${input.url}`)
  return `${lines.join('\n')}\n`
}

const descriptionOf = (input: InvitationInput) => {
  const t = (x: { az: string; en?: string; ru?: string }) => tr(x, input.lang)
  const parts: string[] = []
  if (input.method === 'CANCEL' && input.meeting.cancelReason)
    parts.push(`${t(L.reason)}: ${input.meeting.cancelReason}`)
  if (input.agenda.length) parts.push([`${t(L.agendaTitle)}:`, ...agendaLines(input.agenda)].join('\n'))
  parts.push(`${t(L.meetingPage)}: ${input.url}`)
  return parts.join('\n\n')
}

/**
 * The iCalendar invitation (RFC 5545, with the iTIP METHOD of RFC 5546) for one meeting: REQUEST to
 * invite or to update (clients match the UID and keep the highest SEQUENCE), CANCEL to call it off.
 * Times are written in UTC, so no VTIMEZONE is needed. Refuses malformed addresses and names with
 * line breaks (VALIDATION_FAILED); an address given twice is invited once.
 */
export const invitationIcs = (input: InvitationInput): string => {
  const { meeting, lang, method } = input
  // The UID and the URL are written as they are: they must be one clean token each.
  if (!/^[A-Za-z0-9-]+$/.test(meeting.id))
    throw new Error(`meeting id "${shown(meeting.id)}" cannot be a UID`)
  // A host name, or an IP address (IPv6 in brackets) when the portal is reached by one.
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(input.uidDomain))
    throw new Error(`"${shown(input.uidDomain)}" is not a host name`)
  if (!/^https?:\/\/[^\s]+$/.test(input.url)) throw new Error(`"${shown(input.url)}" is not a web address`)

  const organizerEmail = checkedAddress(input.organizer.email, ['organizer', 'email'])
  const organizerName =
    checkedName(input.organizer.name, organizerEmail, ['organizer', 'name']) ?? organizerEmail
  const seen = new Set<string>()
  const attendees = input.attendees.flatMap((a, i) => {
    const email = checkedAddress(a.email, ['attendees', i, 'email'])
    const name = checkedName(a.name, email, ['attendees', i, 'name'])
    const key = email.toLowerCase()
    if (seen.has(key)) return []
    seen.add(key)
    return [
      {
        email,
        // Clients show the address where there is no name.
        name: name ?? email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: true,
      },
    ]
  })

  const cal = ical({
    prodId: { company: 'Qalxan', product: 'Coordination', language: lang.toUpperCase() },
    method: method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  })
  const location = locationOf(meeting)
  cal.createEvent({
    id: `${meeting.id}@${input.uidDomain}`,
    sequence: meeting.sequence,
    stamp: input.stamp ?? new Date(),
    start: new Date(meeting.startsAt),
    end: new Date(meeting.endsAt),
    summary: summaryOf(meeting, lang),
    ...(location ? { location } : {}),
    description: descriptionOf(input),
    url: input.url,
    organizer: { name: organizerName, email: organizerEmail },
    attendees,
    status: method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  })
  return cal.toString()
}

import type { AgendaItem, Assignment, Attendance, Decision, MeetingDetail } from '@qalxan/contracts'
import type { DocBlock, DocLang, DocModel } from '../../platform/documents/index.ts'
import {
  AGENDA_LINK_LABEL,
  ASSIGNMENT_STATE_LABEL,
  ATTENDANCE_STATUS_LABEL,
  EN_MONTHS,
  fill,
  type I18n,
  COORD_LABELS as L,
  MEMBER_ROLE_LABEL,
  tr,
} from './coordination.labels.ts'

// ---- dates, always in Baku time (UTC+4, no daylight saving since 2016; the zone database decides) ----

const bakuParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Baku',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/

export type WallClock = { y: number; m: number; d: number; hh: number; mm: number }

/**
 * The wall-clock time in Baku of an instant (an ISO timestamp). A calendar date alone
 * ("2024-03-20", a due date) is that day, not shifted. Null for text that is not a date.
 */
export const bakuWallClock = (value: string): WallClock | null => {
  const dm = DATE_ONLY.exec(value)
  if (dm) return { y: Number(dm[1]), m: Number(dm[2]), d: Number(dm[3]), hh: 0, mm: 0 }
  const t = Date.parse(value)
  if (Number.isNaN(t)) return null
  const p: Record<string, string> = {}
  for (const part of bakuParts.formatToParts(new Date(t))) p[part.type] = part.value
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), hh: Number(p.hour), mm: Number(p.minute) }
}

const two = (n: number) => String(n).padStart(2, '0')
const dayOf = (w: WallClock, lang: DocLang) =>
  lang === 'en' ? `${w.d} ${EN_MONTHS[w.m - 1]} ${w.y}` : `${two(w.d)}.${two(w.m)}.${w.y}`
const timeOf = (w: WallClock) => `${two(w.hh)}:${two(w.mm)}`

/** "20.03.2024" in Azerbaijani and Russian, "20 March 2024" in English; the text itself if not a date. */
export const bakuDate = (value: string, lang: DocLang): string => {
  const w = bakuWallClock(value)
  return w ? dayOf(w, lang) : value
}

/** "12.03.2024 10:00" in Azerbaijani and Russian, "12 March 2024, 10:00" in English. */
export const bakuDateTime = (value: string, lang: DocLang): string => {
  const w = bakuWallClock(value)
  if (!w) return value
  return lang === 'en' ? `${dayOf(w, lang)}, ${timeOf(w)}` : `${dayOf(w, lang)} ${timeOf(w)}`
}

/** A meeting's start and end: "12.03.2024 10:00–12:00", or both in full when it ends on another day. */
export const bakuSpan = (startsAt: string, endsAt: string, lang: DocLang): string => {
  const s = bakuWallClock(startsAt)
  const e = bakuWallClock(endsAt)
  if (!s || !e) return `${bakuDateTime(startsAt, lang)} – ${bakuDateTime(endsAt, lang)}`
  const sameDay = s.y === e.y && s.m === e.m && s.d === e.d
  return sameDay
    ? `${bakuDateTime(startsAt, lang)}–${timeOf(e)}`
    : `${bakuDateTime(startsAt, lang)} – ${bakuDateTime(endsAt, lang)}`
}

// ---- shared pieces of the two documents ----

const org = (code: string | null, name: I18n | null, lang: DocLang) =>
  name ? `${code ?? ''} — ${tr(name, lang)}`.replace(/^ — /, '') : (code ?? '—')

/** Paragraphs split on blank lines; single line breaks stay inside their paragraph. */
const paragraphs = (text: string): DocBlock[] =>
  text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ kind: 'paragraph', text: p }))

const meetingMeta = (detail: MeetingDetail, lang: DocLang, generatedOn: string): [string, string][] => {
  const m = detail.meeting
  const t = (x: I18n) => tr(x, lang)
  const rows: [string, string][] = [
    [t(L.body), `${t(m.bodyName)} (${m.bodyCode})`],
    [t(L.meeting), `${fill(t(L.meetingNo), m.number)} — ${t(m.title)}`],
    [t(L.dateTime), `${bakuSpan(m.startsAt, m.endsAt, lang)} (${t(L.bakuTime)})`],
  ]
  if (m.location.trim()) rows.push([t(L.place), m.location.trim()])
  if (m.onlineUrl) rows.push([t(L.online), m.onlineUrl])
  rows.push([t(L.preparedOn), bakuDate(generatedOn, lang)])
  return rows
}

const cancelledNote = (detail: MeetingDetail, lang: DocLang): DocBlock[] =>
  detail.meeting.state === 'cancelled'
    ? [{ kind: 'paragraph', text: fill(tr(L.cancelled, lang), detail.meeting.cancelReason ?? '—') }]
    : []

const footerOf = (detail: MeetingDetail, extra?: string) =>
  ['Qalxan', detail.meeting.bodyCode, detail.meeting.number, ...(extra ? [extra] : [])].join(' · ')

const byPosition = (items: AgendaItem[]) => [...items].sort((a, b) => a.position - b.position)

// ---- the agenda ----

const agendaItemBlocks = (item: AgendaItem, n: number, lang: DocLang): DocBlock[] => {
  const t = (x: I18n) => tr(x, lang)
  const blocks: DocBlock[] = [{ kind: 'heading', level: 2, text: `${n}. ${t(item.title)}` }]
  blocks.push(...paragraphs(item.description))
  if (item.presenterOrgCode)
    blocks.push({ kind: 'keyValue', rows: [[t(L.presenter), item.presenterOrgCode]] })
  if (item.links.length) {
    blocks.push({ kind: 'heading', level: 3, text: t(L.links) })
    blocks.push({
      kind: 'bullets',
      items: item.links.map((l) => `${t(AGENDA_LINK_LABEL[l.kind])}: ${l.label}`),
    })
  }
  if (item.requests.length) {
    blocks.push({
      kind: 'table',
      caption: t(L.requests),
      columns: [
        { title: t(L.organisation), width: 5 },
        { title: t(L.dueOn), width: 2 },
        { title: t(L.state), width: 2.5 },
      ],
      rows: item.requests.map((r) => [
        org(r.orgCode, r.orgName, lang),
        bakuDate(r.dueOn, lang),
        r.state === 'submitted'
          ? r.submittedAt
            ? fill(t(L.sentOn), bakuDate(r.submittedAt, lang))
            : t(L.sent)
          : t(L.notSent),
      ]),
    })
  }
  return blocks
}

/** The agenda of a meeting: when and where, then each item with its links and requested reports. */
export const agendaDocument = (
  detail: MeetingDetail,
  lang: DocLang,
  opts: { generatedOn: string },
): DocModel => {
  const t = (x: I18n) => tr(x, lang)
  const items = byPosition(detail.agenda)
  const blocks: DocBlock[] = [...cancelledNote(detail, lang), { kind: 'heading', level: 1, text: t(L.items) }]
  if (items.length === 0) blocks.push({ kind: 'paragraph', text: t(L.noItems), style: 'muted' })
  items.forEach((item, i) => {
    blocks.push(...agendaItemBlocks(item, i + 1, lang))
  })
  return {
    lang,
    title: t(L.agendaTitle),
    subtitle: `${t(detail.body.name)} — ${fill(t(L.meetingNo), detail.meeting.number)}`,
    meta: meetingMeta(detail, lang, opts.generatedOn),
    footer: footerOf(detail),
    blocks,
  }
}

// ---- the minutes ----

const attendanceBlocks = (rows: Attendance[], lang: DocLang): DocBlock[] => {
  const t = (x: I18n) => tr(x, lang)
  const blocks: DocBlock[] = [{ kind: 'heading', level: 1, text: t(L.attendance) }]
  if (rows.length === 0) return [...blocks, { kind: 'paragraph', text: t(L.noAttendance), style: 'muted' }]
  const count = (s: Attendance['status']) => rows.filter((r) => r.status === s).length
  blocks.push({
    kind: 'paragraph',
    text: fill(t(L.attendanceCounts), count('present'), count('absent'), count('excused')),
  })
  blocks.push({
    kind: 'table',
    columns: [
      { title: '№', width: 0.6, align: 'right' },
      { title: t(L.name), width: 4 },
      { title: t(L.organisation), width: 2 },
      { title: t(L.role), width: 2.2 },
      { title: t(L.status), width: 2.6 },
    ],
    rows: rows.map((r, i) => [
      String(i + 1),
      r.name,
      r.orgCode ?? '—',
      r.role ? t(MEMBER_ROLE_LABEL[r.role]) : r.memberId === null ? t(L.guest) : '—',
      t(ATTENDANCE_STATUS_LABEL[r.status]),
    ]),
  })
  return blocks
}

const stateOf = (a: Assignment, lang: DocLang) => {
  const s = tr(ASSIGNMENT_STATE_LABEL[a.state], lang)
  return a.overdue ? `${s} (${tr(L.overdueMark, lang)})` : s
}

const decisionBlocks = (d: Decision, items: AgendaItem[], lang: DocLang): DocBlock[] => {
  const t = (x: I18n) => tr(x, lang)
  const blocks: DocBlock[] = [{ kind: 'heading', level: 2, text: fill(t(L.decisionNo), d.number) }]
  const at = d.agendaItemId ? items.findIndex((i) => i.id === d.agendaItemId) : -1
  const item = items[at]
  if (item) blocks.push({ kind: 'paragraph', text: fill(t(L.onItem), at + 1, t(item.title)), style: 'muted' })
  blocks.push(...paragraphs(t(d.text)))
  if (d.assignments.length)
    blocks.push({
      kind: 'table',
      caption: t(L.assignments),
      columns: [
        { title: t(L.organisation), width: 3 },
        { title: t(L.responsible), width: 2 },
        { title: t(L.task), width: 4.5 },
        { title: t(L.dueOn), width: 1.8 },
        { title: t(L.state), width: 1.9 },
      ],
      rows: d.assignments.map((a) => [
        org(a.orgCode, a.orgName, lang),
        a.responsibleName ?? '—',
        a.task || '—',
        bakuDate(a.dueOn, lang),
        stateOf(a, lang),
      ]),
    })
  return blocks
}

/**
 * The minutes of a meeting: whether they are a draft or approved (and where), attendance with its
 * counts, the agenda, the text, the decisions with their assignments and the attached documents.
 */
export const minutesDocument = (
  detail: MeetingDetail,
  lang: DocLang,
  opts: { generatedOn: string },
): DocModel => {
  const t = (x: I18n) => tr(x, lang)
  const m = detail.meeting
  const approved = detail.minutes.state === 'approved'
  const items = byPosition(detail.agenda)
  const blocks: DocBlock[] = []

  if (!approved) blocks.push({ kind: 'paragraph', text: t(L.draftLine) })
  else if (m.minutesApprovedIn)
    blocks.push({
      kind: 'paragraph',
      text: fill(t(L.approvedLine), m.minutesApprovedIn.number, bakuDate(m.minutesApprovedAt ?? '', lang)),
    })
  else if (m.minutesApprovedAt)
    blocks.push({
      kind: 'paragraph',
      text: fill(t(L.approvedNoMeeting), bakuDate(m.minutesApprovedAt, lang)),
    })
  blocks.push(...cancelledNote(detail, lang))

  blocks.push(...attendanceBlocks(detail.attendance, lang))

  blocks.push({ kind: 'heading', level: 1, text: t(L.agendaOfMeeting) })
  if (items.length === 0) blocks.push({ kind: 'paragraph', text: t(L.noItems), style: 'muted' })
  else
    blocks.push({
      kind: 'bullets',
      items: items.map(
        (item, i) =>
          `${i + 1}. ${t(item.title)}${item.presenterOrgCode ? ` (${t(L.presenter)}: ${item.presenterOrgCode})` : ''}`,
      ),
    })

  blocks.push({ kind: 'heading', level: 1, text: t(L.minutesText) })
  const text = paragraphs(detail.minutes.text)
  blocks.push(
    ...(text.length ? text : [{ kind: 'paragraph', text: t(L.noMinutesText), style: 'muted' } as const]),
  )

  blocks.push({ kind: 'heading', level: 1, text: t(L.decisions) })
  if (detail.decisions.length === 0)
    blocks.push({ kind: 'paragraph', text: t(L.noDecisions), style: 'muted' })
  for (const d of detail.decisions) blocks.push(...decisionBlocks(d, items, lang))

  if (detail.documents.length) {
    blocks.push({ kind: 'heading', level: 1, text: t(L.documents) })
    blocks.push({
      kind: 'bullets',
      items: detail.documents.map((d) => (d.title === d.filename ? d.title : `${d.title} (${d.filename})`)),
    })
  }

  return {
    lang,
    title: t(L.minutesTitle),
    subtitle: `${t(detail.body.name)} — ${fill(t(L.meetingNo), m.number)}`,
    meta: meetingMeta(detail, lang, opts.generatedOn),
    // The draft mark is repeated at the foot of every page, so a printed page alone still says so.
    footer: footerOf(detail, approved ? undefined : t(L.draft)),
    blocks,
  }
}

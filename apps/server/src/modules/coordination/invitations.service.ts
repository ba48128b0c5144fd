import { LOCALES, type Locale } from '@qalxan/contracts'
import type { Clock } from '../../platform/clock.ts'
import type { Database, Executor, Tx } from '../../platform/db.ts'
import { AppError } from '../../platform/errors.ts'
import type { Actor } from '../access/actor.ts'
import type { AuditService } from '../audit/audit.service.ts'
import type { OutboxService } from '../notifications/outbox.service.ts'
import { type MeetingRow, coordinationRepository as repo } from './coordination.repository.ts'
import { type CoordinationService, meetingOut } from './coordination.service.ts'
import { invitationIcs, invitationSubject, invitationText } from './invitation.fns.ts'

type Invitee = { name: string | null; email: string; locale: string }

const localeOf = (l: string): Locale => ((LOCALES as readonly string[]).includes(l) ? (l as Locale) : 'az')

/**
 * Meeting invitations by e-mail with an iCalendar attachment: REQUEST when sent or changed, CANCEL
 * when the meeting is called off. The people invited are kept on the meeting, so that a change
 * reaches the same people; each gets the invitation in their own language.
 */
export const createInvitations = (deps: {
  database: Database
  clock: Clock
  audit: AuditService
  outbox: Pick<OutboxService, 'enqueueAll'>
  coordination: Pick<CoordinationService, 'visibleMeeting' | 'managedMeeting'>
  mailFrom: string
  publicUrl: string
}) => {
  const { database, audit } = deps
  const db = database.db
  const uidDomain = new URL(deps.publicUrl).hostname || 'qalxan.local'
  const organizerEmail = deps.mailFrom.match(/<([^>]+)>/)?.[1] ?? deps.mailFrom

  /** What every language's invitation is built from, read once per sending. */
  const contextOf = async (ex: Executor, m: MeetingRow) => {
    const [body] = await repo.bodies(ex, m.startsAt.toISOString().slice(0, 10), [m.bodyId])
    const items = await repo.items(ex, m.id)
    return { m, body, items }
  }

  const icsOf = (c: Awaited<ReturnType<typeof contextOf>>, invitees: Invitee[], lang: Locale) => {
    const { m, body, items } = c
    const meeting = meetingOut(m, { code: body?.b.code ?? '', name: body?.b.name ?? { az: '' } }, false, null)
    const agenda = items.map((i) => ({ title: i.i.title[lang] || i.i.title.az }))
    const url = `${deps.publicUrl}/coordination/meetings/${m.id}`
    const method = m.state === 'cancelled' ? ('CANCEL' as const) : ('REQUEST' as const)
    const ics = invitationIcs({
      meeting,
      agenda,
      method,
      organizer: { name: body?.b.name[lang] || body?.b.name.az || 'Qalxan', email: organizerEmail },
      attendees: invitees.map((i) => ({ name: i.name, email: i.email })),
      url,
      lang,
      uidDomain,
    })
    return { ics, meeting, agenda, method, url }
  }

  /** Writes one e-mail per invitee, with the .ics, in the transaction of the change. */
  const mailAll = async (tx: Tx, m: MeetingRow, invitees: Invitee[]) => {
    const context = await contextOf(tx, m)
    for (const lang of LOCALES) {
      const group = invitees.filter((i) => localeOf(i.locale) === lang)
      if (group.length === 0) continue
      const { ics, meeting, agenda, method, url } = icsOf(context, invitees, lang)
      await deps.outbox.enqueueAll(
        tx,
        group.map((person) => ({
          to: person.email,
          subject: invitationSubject(meeting, lang, method),
          text: invitationText({ meeting, agenda, method, url, lang }),
          attachments: [
            {
              filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
              contentType: `text/calendar; charset=utf-8; method=${method}`,
              content: ics,
            },
          ],
        })),
      )
    }
  }

  return {
    /** Invites the members on the meeting's day (and `extra` addresses); invitees already sent to are sent again. */
    async send(actor: Actor, meetingId: string, extra: string[]) {
      const { m } = await deps.coordination.managedMeeting(actor, meetingId)
      if (m.state === 'cancelled')
        throw new AppError('PRECONDITION_FAILED', `Meeting "${m.number}" is cancelled`)
      const seats = await repo.members(db, m.bodyId, m.startsAt.toISOString().slice(0, 10))
      const people = new Map<string, Invitee>()
      const withoutAddress: string[] = []
      for (const s of seats) {
        if (!s.email) {
          withoutAddress.push(s.userName ?? s.orgCode)
          continue
        }
        people.set(s.email.toLowerCase(), { name: s.userName, email: s.email, locale: s.locale ?? 'az' })
      }
      for (const e of extra)
        if (!people.has(e.toLowerCase())) people.set(e.toLowerCase(), { name: null, email: e, locale: 'az' })
      for (const prior of m.invitees)
        if (!people.has(prior.email.toLowerCase())) people.set(prior.email.toLowerCase(), prior)
      const invitees = [...people.values()]
      await db.transaction(async (tx) => {
        const next = await repo.updateMeeting(tx, meetingId, {
          invitees,
          invitationsSentAt: deps.clock.now(),
        })
        await mailAll(tx, next, invitees)
        await audit.record(tx, actor, {
          action: 'meeting.invitations_sent',
          targetType: 'meeting',
          targetId: meetingId,
          data: { number: m.number, sequence: m.sequence, recipients: invitees.map((i) => i.email) },
        })
      })
      return { sent: invitees.length, recipients: invitees.map((i) => i.email), withoutAddress }
    },

    /** After a change or a cancellation: the same people get the new version (same UID, next SEQUENCE). */
    resend: (tx: Tx, m: MeetingRow) => mailAll(tx, m, m.invitees),

    /** The invitation as a file, in the reader's language. */
    async download(actor: Actor, meetingId: string, lang: Locale) {
      const { m } = await deps.coordination.visibleMeeting(actor, meetingId)
      const { ics } = icsOf(await contextOf(db, m), m.invitees, lang)
      return { body: Buffer.from(ics, 'utf8'), name: `meeting-${m.number.replace(/[^\w.-]+/g, '_')}.ics` }
    },
  }
}
export type Invitations = ReturnType<typeof createInvitations>

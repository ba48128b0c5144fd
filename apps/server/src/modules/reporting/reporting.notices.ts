import type { Locale } from '@qalxan/contracts'
import type { Tx } from '../../platform/db.ts'
import type { NotificationsService } from '../notifications/notifications.service.ts'
import type { OutboxService } from '../notifications/outbox.service.ts'

/** What a notice is about; the words are filled in per language below. */
export type NoticeEvent =
  | { kind: 'report_submitted'; measure: string; period: string; late: boolean }
  | { kind: 'report_returned'; measure: string; period: string; comment: string }
  | { kind: 'report_accepted'; measure: string; period: string }
  | { kind: 'report_due_soon'; period: string; dueOn: string; missing: string[] }
  | { kind: 'report_overdue'; period: string; dueOn: string; org: string; missing: string[] }
  | { kind: 'period_opened'; period: string; dueOn: string }
  | { kind: 'late_exception'; period: string; until: string }

const list = (codes: string[]) =>
  codes.length > 10 ? `${codes.slice(0, 10).join(', ')} …` : codes.join(', ')

const TEXT: Record<Locale, (e: NoticeEvent) => { title: string; body: string }> = {
  az: (e) => {
    switch (e.kind) {
      case 'report_submitted':
        return {
          title: `${e.measure} tədbiri üzrə hesabat təqdim edildi`,
          body: `${e.period} dövrü üzrə hesabat baxılmaq üçün təqdim olunub${e.late ? ' (gecikmiş, istisna əsasında)' : ''}.`,
        }
      case 'report_returned':
        return {
          title: `${e.measure} tədbiri üzrə hesabat geri qaytarıldı`,
          body: `${e.period}: ${e.comment}`,
        }
      case 'report_accepted':
        return {
          title: `${e.measure} tədbiri üzrə hesabat qəbul edildi`,
          body: `${e.period} dövrü üzrə hesabat qəbul olunub.`,
        }
      case 'report_due_soon':
        return {
          title: `${e.period} hesabatlarının son tarixi: ${e.dueOn}`,
          body: `Hələ təqdim edilməmiş tədbirlər: ${list(e.missing)}.`,
        }
      case 'report_overdue':
        return {
          title: `${e.period} hesabatları gecikir: ${e.org}`,
          body: `Son tarix ${e.dueOn} idi. Təqdim edilməmiş tədbirlər: ${list(e.missing)}.`,
        }
      case 'period_opened':
        return {
          title: `${e.period} hesabat dövrü açıldı`,
          body: `Hesabatlar ${e.dueOn} tarixinədək təqdim edilməlidir.`,
        }
      case 'late_exception':
        return {
          title: `${e.period}: gecikmiş təqdimata icazə verildi`,
          body: `Hesabatı ${e.until} tarixinədək təqdim edə bilərsiniz.`,
        }
    }
  },
  en: (e) => {
    switch (e.kind) {
      case 'report_submitted':
        return {
          title: `Report on measure ${e.measure} submitted`,
          body: `The report for ${e.period} has been submitted for review${e.late ? ' (late, by exception)' : ''}.`,
        }
      case 'report_returned':
        return { title: `Report on measure ${e.measure} returned`, body: `${e.period}: ${e.comment}` }
      case 'report_accepted':
        return {
          title: `Report on measure ${e.measure} accepted`,
          body: `The report for ${e.period} has been accepted.`,
        }
      case 'report_due_soon':
        return {
          title: `${e.period} reports are due on ${e.dueOn}`,
          body: `Measures not yet submitted: ${list(e.missing)}.`,
        }
      case 'report_overdue':
        return {
          title: `${e.period} reports overdue: ${e.org}`,
          body: `They were due on ${e.dueOn}. Measures not submitted: ${list(e.missing)}.`,
        }
      case 'period_opened':
        return { title: `Reporting period ${e.period} is open`, body: `Reports are due on ${e.dueOn}.` }
      case 'late_exception':
        return { title: `${e.period}: late submission allowed`, body: `You may submit until ${e.until}.` }
    }
  },
  ru: (e) => {
    switch (e.kind) {
      case 'report_submitted':
        return {
          title: `Отчёт по мере ${e.measure} представлен`,
          body: `Отчёт за ${e.period} представлен на рассмотрение${e.late ? ' (с опозданием, по исключению)' : ''}.`,
        }
      case 'report_returned':
        return { title: `Отчёт по мере ${e.measure} возвращён`, body: `${e.period}: ${e.comment}` }
      case 'report_accepted':
        return { title: `Отчёт по мере ${e.measure} принят`, body: `Отчёт за ${e.period} принят.` }
      case 'report_due_soon':
        return {
          title: `Срок отчётов за ${e.period}: ${e.dueOn}`,
          body: `Ещё не представлены меры: ${list(e.missing)}.`,
        }
      case 'report_overdue':
        return {
          title: `Отчёты за ${e.period} просрочены: ${e.org}`,
          body: `Срок был ${e.dueOn}. Не представлены меры: ${list(e.missing)}.`,
        }
      case 'period_opened':
        return {
          title: `Открыт отчётный период ${e.period}`,
          body: `Отчёты нужно представить до ${e.dueOn}.`,
        }
      case 'late_exception':
        return {
          title: `${e.period}: разрешено позднее представление`,
          body: `Отчёт можно представить до ${e.until}.`,
        }
    }
  },
}

export const renderNotice = (locale: string, e: NoticeEvent) =>
  TEXT[locale === 'en' || locale === 'ru' ? locale : 'az'](e)

export type NoticeSender = {
  notifyAll: NotificationsService['notifyAll']
  outbox: Pick<OutboxService, 'enqueueAll'>
  publicUrl: string
}

/**
 * Each person's in-app notice and e-mail, in their language, in the transaction of the event: one
 * insert for all the notices and one for all the mail, however many people are told.
 */
export const sendNotices = async (
  deps: NoticeSender,
  tx: Tx,
  items: { person: { id: string; email: string; locale: string }; event: NoticeEvent; link: string }[],
) => {
  if (items.length === 0) return
  const rendered = items.map((i) => ({ ...i, n: renderNotice(i.person.locale, i.event) }))
  await deps.notifyAll(
    tx,
    rendered.map((r) => ({ userId: r.person.id, kind: r.event.kind, ...r.n, link: r.link })),
  )
  await deps.outbox.enqueueAll(
    tx,
    rendered.map((r) => ({
      to: r.person.email,
      subject: r.n.title,
      text: `${r.n.body}\n\n${deps.publicUrl}${r.link}`,
    })),
  )
}

import type { Locale } from '@qalxan/contracts'
import type { Tx } from '../../platform/db.ts'
import type { NotificationsService } from '../notifications/notifications.service.ts'
import type { OutboxService } from '../notifications/outbox.service.ts'

/** What a coordination notice is about; the words are filled in per language below. */
export type CoordinationEvent =
  | { kind: 'item_requested'; body: string; meeting: string; item: string; dueOn: string }
  | { kind: 'assignment_given'; body: string; decision: string; task: string; dueOn: string }
  | { kind: 'assignment_reported'; decision: string; org: string; done: boolean }
  | { kind: 'assignment_returned'; decision: string; comment: string }
  | { kind: 'assignment_accepted'; decision: string }
  | { kind: 'assignment_due_soon'; decision: string; task: string; dueOn: string }
  | { kind: 'assignment_overdue'; decision: string; task: string; dueOn: string; org: string }

const TEXT: Record<Locale, (e: CoordinationEvent) => { title: string; body: string }> = {
  az: (e) => {
    switch (e.kind) {
      case 'item_requested':
        return {
          title: `${e.body}, iclas ${e.meeting}: qısa hesabat istənilir`,
          body: `"${e.item}" gündəlik məsələsi üzrə qısa hesabatı ${e.dueOn} tarixinədək göndərin.`,
        }
      case 'assignment_given':
        return {
          title: `${e.body}: ${e.decision} saylı qərar üzrə tapşırıq`,
          body: `${e.task || 'Qərarın icrası'} — icra müddəti ${e.dueOn}.`,
        }
      case 'assignment_reported':
        return {
          title: `${e.decision} saylı qərar: ${e.org} icra barədə məlumat verdi`,
          body: e.done
            ? 'Tapşırığın icra olunduğu bildirilib; baxın və qəbul edin və ya qaytarın.'
            : 'Gedişat barədə məlumat əlavə edilib.',
        }
      case 'assignment_returned':
        return { title: `${e.decision} saylı qərar üzrə tapşırıq geri qaytarıldı`, body: e.comment }
      case 'assignment_accepted':
        return {
          title: `${e.decision} saylı qərar üzrə tapşırıq icra olunmuş sayıldı`,
          body: 'İcra qəbul edildi.',
        }
      case 'assignment_due_soon':
        return {
          title: `${e.decision} saylı qərar üzrə tapşırığın müddəti: ${e.dueOn}`,
          body: `${e.task || 'Qərarın icrası'} hələ icra olunmayıb.`,
        }
      case 'assignment_overdue':
        return {
          title: `${e.decision} saylı qərar üzrə tapşırıq gecikir: ${e.org}`,
          body: `Müddət ${e.dueOn} idi. ${e.task || 'Qərarın icrası'}`,
        }
    }
  },
  en: (e) => {
    switch (e.kind) {
      case 'item_requested':
        return {
          title: `${e.body}, meeting ${e.meeting}: a short report is requested`,
          body: `Send a short report on the agenda item "${e.item}" by ${e.dueOn}.`,
        }
      case 'assignment_given':
        return {
          title: `${e.body}: assignment under decision ${e.decision}`,
          body: `${e.task || 'Carry out the decision'}, due ${e.dueOn}.`,
        }
      case 'assignment_reported':
        return {
          title: `Decision ${e.decision}: ${e.org} reported on execution`,
          body: e.done
            ? 'The assignment is reported as carried out; review it to accept or return it.'
            : 'A progress note was added.',
        }
      case 'assignment_returned':
        return { title: `Assignment under decision ${e.decision} returned`, body: e.comment }
      case 'assignment_accepted':
        return {
          title: `Assignment under decision ${e.decision} accepted as done`,
          body: 'The execution was accepted.',
        }
      case 'assignment_due_soon':
        return {
          title: `Assignment under decision ${e.decision} is due ${e.dueOn}`,
          body: `${e.task || 'Carry out the decision'}: not yet done.`,
        }
      case 'assignment_overdue':
        return {
          title: `Assignment under decision ${e.decision} is overdue: ${e.org}`,
          body: `It was due ${e.dueOn}. ${e.task || 'Carry out the decision'}`,
        }
    }
  },
  ru: (e) => {
    switch (e.kind) {
      case 'item_requested':
        return {
          title: `${e.body}, заседание ${e.meeting}: запрошена краткая справка`,
          body: `Направьте краткую справку по вопросу повестки «${e.item}» до ${e.dueOn}.`,
        }
      case 'assignment_given':
        return {
          title: `${e.body}: поручение по решению № ${e.decision}`,
          body: `${e.task || 'Исполнить решение'}, срок ${e.dueOn}.`,
        }
      case 'assignment_reported':
        return {
          title: `Решение № ${e.decision}: ${e.org} сообщила об исполнении`,
          body: e.done
            ? 'Поручение отмечено как исполненное; рассмотрите и примите или верните.'
            : 'Добавлена информация о ходе исполнения.',
        }
      case 'assignment_returned':
        return { title: `Поручение по решению № ${e.decision} возвращено`, body: e.comment }
      case 'assignment_accepted':
        return {
          title: `Поручение по решению № ${e.decision} принято как исполненное`,
          body: 'Исполнение принято.',
        }
      case 'assignment_due_soon':
        return {
          title: `Срок поручения по решению № ${e.decision}: ${e.dueOn}`,
          body: `${e.task || 'Исполнить решение'}: ещё не исполнено.`,
        }
      case 'assignment_overdue':
        return {
          title: `Поручение по решению № ${e.decision} просрочено: ${e.org}`,
          body: `Срок был ${e.dueOn}. ${e.task || 'Исполнить решение'}`,
        }
    }
  },
}

export type CoordinationNoticeSender = {
  notifyAll: NotificationsService['notifyAll']
  outbox: Pick<OutboxService, 'enqueueAll'>
  publicUrl: string
}

/**
 * In the portal and by e-mail, in each person's language, in the transaction of the event: one
 * insert for all the notices and one for all the mail (a person named twice is told once).
 */
export const tellPeople = async (
  deps: CoordinationNoticeSender,
  tx: Tx,
  people: { id: string; email: string; locale: string }[],
  e: CoordinationEvent,
  link: string,
) => {
  const once = [...new Map(people.map((p) => [p.id, p])).values()]
  if (once.length === 0) return
  const told = once.map((p) => ({ p, n: TEXT[(p.locale in TEXT ? p.locale : 'az') as Locale](e) }))
  await deps.notifyAll(
    tx,
    told.map(({ p, n }) => ({ userId: p.id, kind: e.kind, ...n, link })),
  )
  await deps.outbox.enqueueAll(
    tx,
    told.map(({ p, n }) => ({
      to: p.email,
      subject: n.title,
      text: `${n.body}\n\n${deps.publicUrl}${link}`,
    })),
  )
}

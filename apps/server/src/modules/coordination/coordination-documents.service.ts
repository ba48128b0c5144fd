import type { Locale } from '@qalxan/contracts'
import type { Clock } from '../../platform/clock.ts'
import { renderDocx, renderPdf } from '../../platform/documents/index.ts'
import type { Actor } from '../access/actor.ts'
import type { AuditService } from '../audit/audit.service.ts'
import type { AssignmentFilter } from './assignments.repository.ts'
import type { AssignmentsService } from './assignments.service.ts'
import type { CoordinationService } from './coordination.service.ts'
import { executionWorkbook } from './execution-xlsx.fns.ts'
import { agendaDocument, minutesDocument } from './meeting-documents.fns.ts'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const TITLES: Record<Locale, string> = {
  az: 'Qərarların icrası',
  en: 'Execution of decisions',
  ru: 'Исполнение решений',
}

/** Agenda and minutes as DOCX and PDF, and the decision-execution report as XLSX, for what the reader sees. */
export const createCoordinationDocuments = (deps: {
  clock: Clock
  audit: AuditService
  coordination: Pick<CoordinationService, 'meeting'>
  assignments: Pick<AssignmentsService, 'list'>
}) => {
  const today = () => deps.clock.now().toISOString().slice(0, 10)
  return {
    async meetingDocument(
      actor: Actor,
      meetingId: string,
      kind: 'agenda' | 'minutes',
      lang: Locale,
      format: 'pdf' | 'docx',
    ) {
      const detail = await deps.coordination.meeting(actor, meetingId)
      const model = (kind === 'agenda' ? agendaDocument : minutesDocument)(detail, lang, {
        generatedOn: today(),
      })
      const body = format === 'pdf' ? await renderPdf(model) : await renderDocx(model)
      await deps.audit.recordAlone(actor, {
        action: 'meeting.document_generated',
        targetType: 'meeting',
        targetId: meetingId,
        data: { kind, lang, format, minutesState: detail.minutes.state },
      })
      const number = detail.meeting.number.replace(/[^\w.-]+/g, '_')
      return {
        body,
        name: `${detail.meeting.bodyCode}-${number}-${kind}-${lang}.${format}`,
        type: format === 'pdf' ? 'application/pdf' : DOCX,
      }
    },

    async executionReport(actor: Actor, f: AssignmentFilter & { overdue?: boolean }, lang: Locale) {
      const rows = []
      for (let offset = 0; ; offset += 500) {
        const page = await deps.assignments.list(actor, { ...f, limit: 500, offset })
        rows.push(...page.items)
        if (page.items.length < 500) break
      }
      const filter = [f.bodyId ? `body ${f.bodyId}` : '', f.orgId ? `org ${f.orgId}` : '', f.state ?? '']
        .filter(Boolean)
        .join(', ')
      const body = await executionWorkbook(rows, lang, { title: TITLES[lang], asOf: today(), filter })
      await deps.audit.recordAlone(actor, {
        action: 'assignment.report_exported',
        data: { rows: rows.length, lang, filter },
      })
      return { body, name: `qalxan-decision-execution-${today()}-${lang}.xlsx`, type: XLSX }
    },
  }
}
export type CoordinationDocuments = ReturnType<typeof createCoordinationDocuments>

import type { Clock } from '../../platform/clock.ts'
import type { Database } from '../../platform/db.ts'
import type { AccessPolicy } from '../access/access.policy.ts'
import type { AuditService } from '../audit/audit.service.ts'
import type { NotificationsService } from '../notifications/notifications.service.ts'
import type { OutboxService } from '../notifications/outbox.service.ts'
import { createAgendaService } from './agenda.service.ts'
import { createAssignmentsService } from './assignments.service.ts'
import { createAssignmentReminders } from './coordination.jobs.ts'
import { createCoordinationAccess } from './coordination.policy.ts'
import { createCoordinationService } from './coordination.service.ts'
import { createCoordinationDocuments } from './coordination-documents.service.ts'
import { createInvitations } from './invitations.service.ts'

export type { AgendaService } from './agenda.service.ts'
export type { AssignmentsService } from './assignments.service.ts'
export { registerCoordination } from './coordination.routes.ts'
export type { CoordinationService } from './coordination.service.ts'

/** The coordination module's services, wired once for the app, the worker, the CLI and the demo seed. */
export const createCoordination = (deps: {
  database: Database
  clock: Clock
  audit: AuditService
  policy: AccessPolicy
  notifyAll: NotificationsService['notifyAll']
  outbox: Pick<OutboxService, 'enqueueAll'>
  publicUrl: string
  mailFrom: string
}) => {
  const { database, clock, audit, policy } = deps
  const access = createCoordinationAccess({
    database,
    policy,
    today: () => clock.now().toISOString().slice(0, 10),
  })
  const sender = { notifyAll: deps.notifyAll, outbox: deps.outbox, publicUrl: deps.publicUrl }
  const assignments = createAssignmentsService({ database, clock, audit, policy, access, ...sender })
  const coordination = createCoordinationService({
    database,
    clock,
    audit,
    policy,
    access,
    assignments,
    ...sender,
  })
  const agenda = createAgendaService({ database, clock, audit, policy, meetings: coordination, ...sender })
  const invitations = createInvitations({
    database,
    clock,
    audit,
    outbox: deps.outbox,
    coordination,
    mailFrom: deps.mailFrom,
    publicUrl: deps.publicUrl,
  })
  const documents = createCoordinationDocuments({ clock, audit, coordination, assignments })
  const reminders = createAssignmentReminders({ database, clock, audit, ...sender })
  return { coordination, agenda, assignments, invitations, documents, reminders }
}

import {
  AgendaItemInputSchema,
  AgendaItemSchema,
  AgendaOrderSchema,
  ApproveMinutesSchema,
  AssignmentFilterSchema,
  AssignmentInputSchema,
  AssignmentReportInputSchema,
  AssignmentReviewSchema,
  AssignmentSchema,
  AttendanceInputSchema,
  AttendanceSchema,
  BodyInputSchema,
  BodySchema,
  CalendarQuerySchema,
  CancelMeetingSchema,
  DecisionInputSchema,
  DecisionOptionSchema,
  DecisionSchema,
  EndMemberInputSchema,
  ExecutionSummarySchema,
  InvitationInputSchema,
  InvitationResultSchema,
  ItemRequestInputSchema,
  ItemRequestSubmitSchema,
  isoDateSchema,
  MeetingDetailSchema,
  MeetingDocumentInputSchema,
  MeetingDocumentSchema,
  MeetingInputSchema,
  MeetingSchema,
  MeetingUpdateSchema,
  MemberSchema,
  MembersInputSchema,
  MinutesInputSchema,
  MinutesSchema,
  ProposedMemberSchema,
  pageOf,
} from '@qalxan/contracts'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { actorOf } from '../identity/identity.routes.ts'
import type { AgendaService } from './agenda.service.ts'
import type { AssignmentsService } from './assignments.service.ts'
import type { CoordinationService } from './coordination.service.ts'
import type { CoordinationDocuments } from './coordination-documents.service.ts'
import type { Invitations } from './invitations.service.ts'

const read = { auth: 'user' as const, rateLimit: { max: 300, timeWindow: '1 minute' } }
// Writes of this module change no one's identity (see `keepsPrincipals`).
const write = {
  auth: 'user' as const,
  keepsPrincipals: true,
  rateLimit: { max: 60, timeWindow: '1 minute' },
}
const download = { auth: 'user' as const, download: true, rateLimit: { max: 20, timeWindow: '1 minute' } }
const idParams = z.object({ id: z.uuid() })
const langQuery = z.object({ lang: z.enum(['az', 'en', 'ru']).default('az') })
const tags = ['coordination']

const send = (reply: FastifyReply, d: { body: Buffer; name: string; type: string }) =>
  reply.type(d.type).header('content-disposition', `attachment; filename="${d.name}"`).send(d.body)

export const registerCoordination = (
  app: FastifyInstance,
  deps: {
    coordination: CoordinationService
    agenda: AgendaService
    assignments: AssignmentsService
    invitations: Invitations
    documents: CoordinationDocuments
  },
) => {
  const { coordination: c, agenda, assignments: a, invitations, documents } = deps
  const r = app.withTypeProvider<ZodTypeProvider>()

  // ---- bodies and membership ----
  r.get('/api/bodies', {
    config: read,
    schema: { operationId: 'listBodies', tags, response: { 200: z.array(BodySchema) } },
    handler: (req) => c.bodies(actorOf(req)),
  })
  r.post('/api/bodies', {
    config: write,
    schema: { operationId: 'createBody', tags, body: BodyInputSchema, response: { 201: BodySchema } },
    handler: async (req, reply) => reply.status(201).send(await c.createBody(actorOf(req), req.body)),
  })
  r.get('/api/bodies/:id', {
    config: read,
    schema: { operationId: 'getBody', tags, params: idParams, response: { 200: BodySchema } },
    handler: (req) => c.body(actorOf(req), req.params.id),
  })
  r.get('/api/bodies/:id/members', {
    config: read,
    schema: {
      operationId: 'listBodyMembers',
      tags,
      params: idParams,
      querystring: z.object({ on: isoDateSchema.optional() }),
      response: { 200: z.array(MemberSchema) },
    },
    handler: (req) => c.members(actorOf(req), req.params.id, req.query.on),
  })
  r.get('/api/bodies/:id/members/history', {
    config: read,
    schema: {
      operationId: 'listBodyMemberHistory',
      tags,
      params: idParams,
      response: { 200: z.array(MemberSchema) },
    },
    handler: (req) => c.memberHistory(actorOf(req), req.params.id),
  })
  r.post('/api/bodies/:id/members', {
    config: write,
    schema: {
      operationId: 'addBodyMembers',
      tags,
      params: idParams,
      body: MembersInputSchema,
      response: { 200: z.array(MemberSchema) },
    },
    handler: (req) => c.addMembers(actorOf(req), req.params.id, req.body.members),
  })
  r.post('/api/members/:id/end', {
    config: write,
    schema: {
      operationId: 'endBodyMember',
      tags,
      params: idParams,
      body: EndMemberInputSchema,
      response: { 200: MemberSchema },
    },
    handler: (req) => c.endMember(actorOf(req), req.params.id, req.body.validTo, req.body.note),
  })
  r.get('/api/bodies/:id/proposed-members', {
    config: read,
    schema: {
      operationId: 'proposeBodyMembers',
      tags,
      params: idParams,
      querystring: z.object({ strategyId: z.uuid().optional() }),
      response: { 200: z.array(ProposedMemberSchema) },
    },
    handler: (req) => c.proposedMembers(actorOf(req), req.params.id, req.query.strategyId ?? null),
  })
  r.get('/api/bodies/:id/meetings', {
    config: read,
    schema: {
      operationId: 'listBodyMeetings',
      tags,
      params: idParams,
      response: { 200: z.array(MeetingSchema) },
    },
    handler: (req) => c.bodyMeetings(actorOf(req), req.params.id),
  })

  // ---- meetings ----
  r.get('/api/meetings', {
    config: read,
    schema: {
      operationId: 'listMeetings',
      tags,
      querystring: CalendarQuerySchema,
      response: { 200: z.array(MeetingSchema) },
    },
    handler: (req) => c.calendar(actorOf(req), req.query),
  })
  r.post('/api/meetings', {
    config: write,
    schema: {
      operationId: 'scheduleMeeting',
      tags,
      body: MeetingInputSchema,
      response: { 201: MeetingSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await c.schedule(actorOf(req), req.body)),
  })
  r.get('/api/meetings/:id', {
    config: read,
    schema: { operationId: 'getMeeting', tags, params: idParams, response: { 200: MeetingDetailSchema } },
    handler: (req) => c.meeting(actorOf(req), req.params.id),
  })
  r.patch('/api/meetings/:id', {
    config: write,
    schema: {
      operationId: 'updateMeeting',
      tags,
      params: idParams,
      body: MeetingUpdateSchema,
      response: { 200: MeetingSchema },
    },
    handler: (req) => c.update(actorOf(req), req.params.id, req.body, invitations.resend),
  })
  r.post('/api/meetings/:id/cancel', {
    config: write,
    schema: {
      operationId: 'cancelMeeting',
      tags,
      params: idParams,
      body: CancelMeetingSchema,
      response: { 200: MeetingSchema },
    },
    handler: (req) => c.cancel(actorOf(req), req.params.id, req.body.reason, invitations.resend),
  })
  r.post('/api/meetings/:id/held', {
    config: write,
    schema: { operationId: 'markMeetingHeld', tags, params: idParams, response: { 200: MeetingSchema } },
    handler: (req) => c.markHeld(actorOf(req), req.params.id),
  })
  r.post('/api/meetings/:id/invitations', {
    config: write,
    schema: {
      operationId: 'sendMeetingInvitations',
      tags,
      params: idParams,
      body: InvitationInputSchema,
      response: { 200: InvitationResultSchema },
    },
    handler: (req) => invitations.send(actorOf(req), req.params.id, req.body.extra),
  })
  r.get('/api/meetings/:id/invitation.ics', {
    config: download,
    schema: { operationId: 'downloadMeetingInvitation', tags, params: idParams, querystring: langQuery },
    handler: async (req, reply) => {
      const d = await invitations.download(actorOf(req), req.params.id, req.query.lang)
      return send(reply, { ...d, type: 'text/calendar; charset=utf-8' })
    },
  })

  // ---- agenda ----
  r.post('/api/meetings/:id/agenda', {
    config: write,
    schema: {
      operationId: 'addAgendaItem',
      tags,
      params: idParams,
      body: AgendaItemInputSchema,
      response: { 200: z.array(AgendaItemSchema) },
    },
    handler: (req) => agenda.addItem(actorOf(req), req.params.id, req.body),
  })
  r.put('/api/agenda-items/:id', {
    config: write,
    schema: {
      operationId: 'updateAgendaItem',
      tags,
      params: idParams,
      body: AgendaItemInputSchema,
      response: { 200: z.array(AgendaItemSchema) },
    },
    handler: (req) => agenda.updateItem(actorOf(req), req.params.id, req.body),
  })
  r.delete('/api/agenda-items/:id', {
    config: write,
    schema: {
      operationId: 'removeAgendaItem',
      tags,
      params: idParams,
      response: { 200: z.array(AgendaItemSchema) },
    },
    handler: (req) => agenda.removeItem(actorOf(req), req.params.id),
  })
  r.put('/api/meetings/:id/agenda/order', {
    config: write,
    schema: {
      operationId: 'reorderAgenda',
      tags,
      params: idParams,
      body: AgendaOrderSchema,
      response: { 200: z.array(AgendaItemSchema) },
    },
    handler: (req) => agenda.reorder(actorOf(req), req.params.id, req.body.itemIds),
  })
  r.post('/api/agenda-items/:id/requests', {
    config: write,
    schema: {
      operationId: 'requestAgendaReports',
      tags,
      params: idParams,
      body: ItemRequestInputSchema,
      response: { 200: z.array(AgendaItemSchema) },
    },
    handler: (req) => agenda.requestReports(actorOf(req), req.params.id, req.body),
  })
  r.post('/api/item-requests/:id/submit', {
    config: write,
    schema: {
      operationId: 'submitAgendaReport',
      tags,
      params: idParams,
      body: ItemRequestSubmitSchema,
      response: { 200: AgendaItemSchema },
    },
    handler: (req) => agenda.submitItemReport(actorOf(req), req.params.id, req.body),
  })

  // ---- attendance, minutes, documents ----
  r.put('/api/meetings/:id/attendance', {
    config: write,
    schema: {
      operationId: 'recordAttendance',
      tags,
      params: idParams,
      body: AttendanceInputSchema,
      response: { 200: z.array(AttendanceSchema) },
    },
    handler: (req) => c.recordAttendance(actorOf(req), req.params.id, req.body),
  })
  r.put('/api/meetings/:id/minutes', {
    config: write,
    schema: {
      operationId: 'writeMinutes',
      tags,
      params: idParams,
      body: MinutesInputSchema,
      response: { 200: MinutesSchema },
    },
    handler: (req) => c.writeMinutes(actorOf(req), req.params.id, req.body),
  })
  r.post('/api/meetings/:id/approve-minutes', {
    config: write,
    schema: {
      operationId: 'approveMinutes',
      tags,
      params: idParams,
      body: ApproveMinutesSchema,
      response: { 200: MeetingDetailSchema },
    },
    handler: (req) => c.approveMinutes(actorOf(req), req.params.id, req.body.meetingId),
  })
  r.post('/api/meetings/:id/documents', {
    config: write,
    schema: {
      operationId: 'attachMeetingDocument',
      tags,
      params: idParams,
      body: MeetingDocumentInputSchema,
      response: { 200: z.array(MeetingDocumentSchema) },
    },
    handler: (req) => c.attachDocument(actorOf(req), req.params.id, req.body),
  })
  r.delete('/api/meeting-documents/:id', {
    config: write,
    schema: {
      operationId: 'detachMeetingDocument',
      tags,
      params: idParams,
      response: { 200: z.array(MeetingDocumentSchema) },
    },
    handler: (req) => c.detachDocument(actorOf(req), req.params.id),
  })
  for (const kind of ['agenda', 'minutes'] as const)
    for (const format of ['pdf', 'docx'] as const)
      r.get(`/api/meetings/:id/${kind}.${format}`, {
        config: download,
        schema: {
          operationId: `download${kind === 'agenda' ? 'Agenda' : 'Minutes'}${format === 'pdf' ? 'Pdf' : 'Docx'}`,
          tags,
          params: idParams,
          querystring: langQuery,
        },
        handler: async (req, reply) =>
          send(
            reply,
            await documents.meetingDocument(actorOf(req), req.params.id, kind, req.query.lang, format),
          ),
      })

  // ---- decisions and assignments ----
  r.post('/api/meetings/:id/decisions', {
    config: write,
    schema: {
      operationId: 'recordDecision',
      tags,
      params: idParams,
      body: DecisionInputSchema,
      response: { 200: z.array(DecisionSchema) },
    },
    handler: (req) => a.recordDecision(actorOf(req), req.params.id, req.body, c.visibleMeeting),
  })
  r.post('/api/decisions/:id/assignments', {
    config: write,
    schema: {
      operationId: 'addAssignment',
      tags,
      params: idParams,
      body: AssignmentInputSchema,
      response: { 201: AssignmentSchema },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await a.addAssignment(actorOf(req), req.params.id, req.body)),
  })
  r.get('/api/decisions/options', {
    config: read,
    schema: { operationId: 'listDecisionOptions', tags, response: { 200: z.array(DecisionOptionSchema) } },
    handler: (req) => a.decisionOptions(actorOf(req)),
  })
  r.get('/api/assignments', {
    config: read,
    schema: {
      operationId: 'listAssignments',
      tags,
      querystring: AssignmentFilterSchema,
      response: { 200: pageOf(AssignmentSchema) },
    },
    handler: (req) => a.list(actorOf(req), req.query),
  })
  r.get('/api/assignments/export.xlsx', {
    config: download,
    schema: {
      operationId: 'exportAssignments',
      tags,
      querystring: AssignmentFilterSchema.omit({ limit: true, offset: true }).extend(langQuery.shape),
    },
    handler: async (req, reply) => {
      const { lang, ...f } = req.query
      return send(reply, await documents.executionReport(actorOf(req), f, lang))
    },
  })
  r.get('/api/assignments/:id', {
    config: read,
    schema: { operationId: 'getAssignment', tags, params: idParams, response: { 200: AssignmentSchema } },
    handler: (req) => a.get(actorOf(req), req.params.id),
  })
  r.post('/api/assignments/:id/reports', {
    config: write,
    schema: {
      operationId: 'reportAssignment',
      tags,
      params: idParams,
      body: AssignmentReportInputSchema,
      response: { 200: AssignmentSchema },
    },
    handler: (req) => a.report(actorOf(req), req.params.id, req.body),
  })
  r.post('/api/assignments/:id/review', {
    config: write,
    schema: {
      operationId: 'reviewAssignment',
      tags,
      params: idParams,
      body: AssignmentReviewSchema,
      response: { 200: AssignmentSchema },
    },
    handler: (req) => a.review(actorOf(req), req.params.id, req.body),
  })
  r.post('/api/assignments/:id/cancel', {
    config: write,
    schema: {
      operationId: 'cancelAssignment',
      tags,
      params: idParams,
      body: CancelMeetingSchema,
      response: { 200: AssignmentSchema },
    },
    handler: (req) => a.cancel(actorOf(req), req.params.id, req.body.reason),
  })
  r.get('/api/coordination/summary', {
    config: read,
    schema: {
      operationId: 'coordinationSummary',
      tags,
      querystring: z.object({ bodyId: z.uuid().optional(), orgId: z.uuid().optional() }),
      response: { 200: ExecutionSummarySchema },
    },
    handler: (req) => a.summary(actorOf(req), req.query),
  })
}

import {
  CalendarSchema,
  ContributionInputSchema,
  ContributionSchema,
  EvidenceInputSchema,
  LateExceptionInputSchema,
  MeasurePageSchema,
  okSchema,
  PeriodInputSchema,
  PeriodSchema,
  ReportDiffSchema,
  ReportDraftSchema,
  ReportRevisionSchema,
  ReportSchema,
} from '@qalxan/contracts'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { EvaluationService } from '../evaluation/evaluation.service.ts'
import { actorOf } from '../identity/identity.routes.ts'
import type { MeasurePageService } from './measure-page.service.ts'
import type { ReportingService } from './reporting.service.ts'

const read = { auth: 'user' as const, rateLimit: { max: 300, timeWindow: '1 minute' } }
// Writes of this module change no one's identity (see `keepsPrincipals`).
const write = {
  auth: 'user' as const,
  keepsPrincipals: true,
  rateLimit: { max: 60, timeWindow: '1 minute' },
}
const idParams = z.object({ id: z.uuid() })
const strategyParams = z.object({ strategyId: z.uuid() })
const mpParams = z.object({ measureId: z.uuid(), periodId: z.uuid() })
const tags = ['reporting']

export const registerReporting = (
  app: FastifyInstance,
  deps: {
    reporting: ReportingService
    measurePage: MeasurePageService
    evaluation: Pick<EvaluationService, 'snapshotFor'>
  },
) => {
  const { reporting, measurePage, evaluation } = deps
  const r = app.withTypeProvider<ZodTypeProvider>()

  r.get('/api/measures/:id/page', {
    config: read,
    schema: {
      operationId: 'getMeasurePage',
      tags: ['plan', ...tags],
      params: idParams,
      querystring: z.object({ periodId: z.uuid().optional() }),
      response: { 200: MeasurePageSchema },
    },
    handler: (req) => measurePage.page(actorOf(req), req.params.id, req.query.periodId),
  })

  r.get('/api/strategies/:strategyId/periods', {
    config: read,
    schema: {
      operationId: 'listPeriods',
      tags,
      params: strategyParams,
      response: { 200: z.array(PeriodSchema) },
    },
    handler: (req) => reporting.periods(actorOf(req), req.params.strategyId),
  })
  r.post('/api/strategies/:strategyId/periods', {
    config: write,
    schema: {
      operationId: 'createPeriod',
      tags,
      params: strategyParams,
      body: PeriodInputSchema,
      response: { 201: PeriodSchema },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await reporting.createPeriod(actorOf(req), req.params.strategyId, req.body)),
  })
  r.post('/api/strategies/:strategyId/periods/calendar', {
    config: write,
    schema: {
      operationId: 'generateCalendar',
      tags,
      params: strategyParams,
      body: z.object({
        year: z.number().int().min(2000).max(2100),
        calendar: CalendarSchema.default(CalendarSchema.parse({})),
      }),
      response: { 200: z.array(PeriodSchema) },
    },
    handler: (req) =>
      reporting.generateCalendar(actorOf(req), req.params.strategyId, req.body.year, req.body.calendar),
  })
  r.get('/api/periods/:id', {
    config: read,
    schema: { operationId: 'getPeriod', tags, params: idParams, response: { 200: PeriodSchema } },
    handler: (req) => reporting.period(actorOf(req), req.params.id),
  })
  r.post('/api/periods/:id/state', {
    config: write,
    schema: {
      operationId: 'movePeriod',
      tags,
      params: idParams,
      body: z.object({ state: z.enum(['open', 'closed', 'locked']) }),
      response: { 200: PeriodSchema },
    },
    handler: (req) =>
      reporting.movePeriod(actorOf(req), req.params.id, req.body.state, evaluation.snapshotFor),
  })
  r.get('/api/periods/:id/exceptions', {
    config: read,
    schema: {
      operationId: 'listLateExceptions',
      tags,
      params: idParams,
      response: {
        200: z.array(z.object({ id: z.string(), orgId: z.string(), reason: z.string(), until: z.string() })),
      },
    },
    handler: (req) => reporting.exceptions(actorOf(req), req.params.id),
  })
  r.post('/api/periods/:id/exceptions', {
    config: write,
    schema: {
      operationId: 'grantLateException',
      tags,
      params: idParams,
      body: LateExceptionInputSchema,
      response: {
        201: z.object({ id: z.string(), orgId: z.string(), reason: z.string(), until: z.string() }),
      },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await reporting.grantException(actorOf(req), req.params.id, req.body)),
  })

  r.get('/api/measures/:id/reports', {
    config: read,
    schema: {
      operationId: 'listMeasureReports',
      tags,
      params: idParams,
      response: { 200: z.array(ReportSchema) },
    },
    handler: (req) => reporting.reportsOfMeasure(actorOf(req), req.params.id),
  })
  r.get('/api/measures/:measureId/periods/:periodId/report', {
    config: read,
    schema: { operationId: 'getReport', tags, params: mpParams, response: { 200: ReportSchema } },
    handler: (req) => reporting.report(actorOf(req), req.params.measureId, req.params.periodId),
  })
  r.put('/api/measures/:measureId/periods/:periodId/report', {
    config: write,
    schema: {
      operationId: 'saveReportDraft',
      tags,
      params: mpParams,
      body: ReportDraftSchema,
      response: { 200: ReportSchema },
    },
    handler: (req) => reporting.saveDraft(actorOf(req), req.params.measureId, req.params.periodId, req.body),
  })
  r.post('/api/reports/:id/evidence', {
    config: write,
    schema: {
      operationId: 'addReportEvidence',
      tags,
      params: idParams,
      body: EvidenceInputSchema,
      response: { 200: ReportSchema },
    },
    handler: (req) => reporting.addEvidence(actorOf(req), req.params.id, req.body),
  })
  r.delete('/api/reports/:id/evidence/:evidenceId', {
    config: write,
    schema: {
      operationId: 'removeReportEvidence',
      tags,
      params: idParams.extend({ evidenceId: z.uuid() }),
      response: { 200: ReportSchema },
    },
    handler: (req) => reporting.removeEvidence(actorOf(req), req.params.id, req.params.evidenceId),
  })
  r.post('/api/reports/:id/submit', {
    config: write,
    schema: { operationId: 'submitReport', tags, params: idParams, response: { 200: ReportSchema } },
    handler: (req) => reporting.act(actorOf(req), req.params.id, 'submit'),
  })
  r.post('/api/reports/:id/return', {
    config: write,
    schema: {
      operationId: 'returnReport',
      tags,
      params: idParams,
      body: z.object({ comment: z.string().trim().min(1).max(4000) }),
      response: { 200: ReportSchema },
    },
    handler: (req) => reporting.act(actorOf(req), req.params.id, 'return', req.body.comment),
  })
  r.post('/api/reports/:id/accept', {
    config: write,
    schema: {
      operationId: 'acceptReport',
      tags,
      params: idParams,
      body: z.object({ comment: z.string().trim().max(4000).optional() }).default({}),
      response: { 200: ReportSchema },
    },
    handler: (req) => reporting.act(actorOf(req), req.params.id, 'accept', req.body.comment),
  })
  r.get('/api/reports/:id/revisions', {
    config: read,
    schema: {
      operationId: 'listReportRevisions',
      tags,
      params: idParams,
      response: { 200: z.array(ReportRevisionSchema) },
    },
    handler: (req) => reporting.revisions(actorOf(req), req.params.id),
  })
  r.get('/api/reports/:id/diff', {
    config: read,
    schema: {
      operationId: 'diffReportRevisions',
      tags,
      params: idParams,
      querystring: z.object({
        from: z.coerce.number().int().min(0).max(100_000),
        to: z.coerce.number().int().min(0).max(100_000),
      }),
      response: { 200: ReportDiffSchema },
    },
    handler: (req) => reporting.diff(actorOf(req), req.params.id, req.query.from, req.query.to),
  })

  r.get('/api/measures/:measureId/periods/:periodId/contributions', {
    config: read,
    schema: {
      operationId: 'listContributions',
      tags,
      params: mpParams,
      response: { 200: z.array(ContributionSchema) },
    },
    handler: (req) => reporting.contributions(actorOf(req), req.params.measureId, req.params.periodId),
  })
  r.put('/api/measures/:measureId/periods/:periodId/contribution', {
    config: write,
    schema: {
      operationId: 'saveContribution',
      tags,
      params: mpParams,
      body: ContributionInputSchema.extend({ orgId: z.uuid().optional() }),
      response: { 200: ContributionSchema },
    },
    handler: (req) =>
      reporting.saveContribution(actorOf(req), req.params.measureId, req.params.periodId, req.body),
  })
  r.post('/api/contributions/:id/evidence', {
    config: write,
    schema: {
      operationId: 'addContributionEvidence',
      tags,
      params: idParams,
      body: EvidenceInputSchema,
      response: { 200: okSchema },
    },
    handler: (req) => reporting.addContributionEvidence(actorOf(req), req.params.id, req.body),
  })
}

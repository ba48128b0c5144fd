import {
  EvaluationInputSchema,
  EvaluationSchema,
  OrganisationViewSchema,
  OverviewSchema,
  PeriodSchema,
  PublicResultsSchema,
} from '@qalxan/contracts'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { actorOf } from '../identity/identity.routes.ts'
import type { EvaluationService } from './evaluation.service.ts'
import type { OfficialReportService } from './official-report.service.ts'

const read = { auth: 'user' as const, rateLimit: { max: 300, timeWindow: '1 minute' } }
// Writes of this module change no one's identity (see `keepsPrincipals`).
const write = {
  auth: 'user' as const,
  keepsPrincipals: true,
  rateLimit: { max: 60, timeWindow: '1 minute' },
}
const strategyParams = z.object({ strategyId: z.uuid() })
const periodQuery = z.object({ periodId: z.uuid().optional() })
const tags = ['evaluation']

export const registerEvaluation = (
  app: FastifyInstance,
  deps: { evaluation: EvaluationService; officialReports: OfficialReportService },
) => {
  const { evaluation, officialReports } = deps
  const r = app.withTypeProvider<ZodTypeProvider>()

  r.put('/api/measures/:measureId/periods/:periodId/evaluation', {
    config: write,
    schema: {
      operationId: 'recordEvaluation',
      tags,
      params: z.object({ measureId: z.uuid(), periodId: z.uuid() }),
      body: EvaluationInputSchema,
      response: { 200: EvaluationSchema },
    },
    handler: (req) => evaluation.evaluate(actorOf(req), req.params.measureId, req.params.periodId, req.body),
  })
  r.get('/api/measures/:id/evaluations', {
    config: read,
    schema: {
      operationId: 'listMeasureEvaluations',
      tags,
      params: z.object({ id: z.uuid() }),
      response: { 200: z.array(EvaluationSchema) },
    },
    handler: (req) => evaluation.evaluationsOfMeasure(actorOf(req), req.params.id),
  })
  r.get('/api/strategies/:strategyId/overview', {
    config: read,
    schema: {
      operationId: 'strategyOverview',
      tags,
      params: strategyParams,
      querystring: periodQuery,
      response: { 200: OverviewSchema },
    },
    handler: (req) => evaluation.overview(actorOf(req), req.params.strategyId, req.query.periodId),
  })
  r.get('/api/strategies/:strategyId/organisations/:orgId/overview', {
    config: read,
    schema: {
      operationId: 'organisationOverview',
      tags,
      params: strategyParams.extend({ orgId: z.uuid() }),
      querystring: periodQuery,
      response: { 200: OrganisationViewSchema },
    },
    handler: (req) =>
      evaluation.organisation(actorOf(req), req.params.strategyId, req.params.orgId, req.query.periodId),
  })
  r.post('/api/periods/:id/publish', {
    config: write,
    schema: {
      operationId: 'publishPeriod',
      tags,
      params: z.object({ id: z.uuid() }),
      response: { 200: PeriodSchema },
    },
    handler: (req) => evaluation.publish(actorOf(req), req.params.id),
  })
  r.get('/api/public/strategies/:strategyId/results', {
    config: {
      auth: 'public',
      reason: 'the public page of published results: public measures of published periods only',
      rateLimit: { max: 120, timeWindow: '1 minute' },
    },
    schema: {
      operationId: 'publicResults',
      tags,
      params: strategyParams,
      response: { 200: PublicResultsSchema },
    },
    handler: (req) => evaluation.publicResults(req.params.strategyId),
  })
  const docQuery = z.object({
    lang: z.enum(['az', 'en', 'ru']).default('az'),
    format: z.enum(['pdf', 'docx']).default('pdf'),
  })
  const send = (reply: import('fastify').FastifyReply, d: { body: Buffer; name: string; type: string }) =>
    reply.type(d.type).header('content-disposition', `attachment; filename="${d.name}"`).send(d.body)
  r.get('/api/strategies/:strategyId/reports/annual', {
    config: { auth: 'user', download: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: {
      operationId: 'annualReport',
      tags,
      params: strategyParams,
      querystring: docQuery.extend({ year: z.coerce.number().int().min(2000).max(2100) }),
    },
    handler: async (req, reply) =>
      send(
        reply,
        await officialReports.annual(
          actorOf(req),
          req.params.strategyId,
          req.query.year,
          req.query.lang,
          req.query.format,
        ),
      ),
  })
  r.get('/api/strategies/:strategyId/reports/half-year', {
    config: { auth: 'user', download: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: {
      operationId: 'halfYearReport',
      tags,
      params: strategyParams,
      querystring: docQuery.extend({ periodId: z.uuid() }),
    },
    handler: async (req, reply) =>
      send(
        reply,
        await officialReports.halfYear(
          actorOf(req),
          req.params.strategyId,
          req.query.periodId,
          req.query.lang,
          req.query.format,
        ),
      ),
  })
  r.get('/api/periods/:id/measures.xlsx', {
    config: { auth: 'user', rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: {
      operationId: 'periodMeasuresWorkbook',
      tags,
      params: z.object({ id: z.uuid() }),
      querystring: z.object({ lang: z.enum(['az', 'en', 'ru']).default('az') }),
    },
    handler: async (req, reply) =>
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="qalxan-period-measures.xlsx"')
        .send(await officialReports.periodWorkbook(actorOf(req), req.params.id, req.query.lang)),
  })
  r.get('/api/public/strategies', {
    config: {
      auth: 'public',
      reason: 'the public results page lists the strategies it can show',
      rateLimit: { max: 120, timeWindow: '1 minute' },
    },
    schema: {
      operationId: 'publicStrategies',
      tags,
      response: {
        200: z.array(
          z.object({
            id: z.string(),
            code: z.string(),
            title: z.object({ az: z.string(), en: z.string().optional(), ru: z.string().optional() }),
            periodStart: z.number().int(),
            periodEnd: z.number().int(),
          }),
        ),
      },
    },
    handler: () => evaluation.publicStrategies(),
  })
}

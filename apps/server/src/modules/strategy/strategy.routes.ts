import {
  ChangeRequestInputSchema,
  ChangeRequestSchema,
  ClearanceSchema,
  codeSchema,
  DecisionRefSchema,
  DirectionSchema,
  FrameworkTagSchema,
  GoalSchema,
  IndicatorInputSchema,
  IndicatorSchema,
  i18nLongTextSchema,
  i18nTextSchema,
  MeasureDetailSchema,
  MeasureInputSchema,
  MeasureListQuerySchema,
  MeasureSchema,
  MilestoneInputSchema,
  MilestoneSchema,
  okSchema,
  PlanTreeSchema,
  PlanVersionSchema,
  pageOf,
  StrategyInputSchema,
  StrategySchema,
} from '@qalxan/contracts'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { localeOf, translate } from '../../platform/messages.ts'
import { actorOf } from '../identity/identity.routes.ts'
import { uploadedFile } from '../organizations/organizations.routes.ts'
import type { PlanImportReport, PlanImportService } from './plan-import.service.ts'
import type { StrategyService } from './strategy.service.ts'

const read = { auth: 'user' as const, rateLimit: { max: 300, timeWindow: '1 minute' } }
// Writes of this module change no one's identity (see `keepsPrincipals`).
const write = {
  auth: 'user' as const,
  keepsPrincipals: true,
  rateLimit: { max: 60, timeWindow: '1 minute' },
}
const idParams = z.object({ id: z.uuid() })
const strategyParams = z.object({ strategyId: z.uuid() })
const tags = ['plan']

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const PlanImportReportSchema = z.object({
  dryRun: z.boolean(),
  written: z.boolean(),
  counts: z.object({
    directions: z.number().int(),
    goals: z.number().int(),
    measures: z.number().int(),
    indicators: z.number().int(),
  }),
  issues: z.array(
    z.object({ sheet: z.string(), row: z.number().int(), column: z.string(), message: z.string() }),
  ),
})
const langQuery = z.object({ lang: z.enum(['az', 'en', 'ru']).default('az') })

export const registerStrategy = (
  app: FastifyInstance,
  deps: { strategy: StrategyService; planImport: PlanImportService },
) => {
  const { strategy, planImport } = deps
  const r = app.withTypeProvider<ZodTypeProvider>()

  r.get('/api/strategies', {
    config: read,
    schema: { operationId: 'listStrategies', tags, response: { 200: z.array(StrategySchema) } },
    handler: (req) => strategy.strategies(actorOf(req)),
  })
  r.post('/api/strategies', {
    config: write,
    schema: {
      operationId: 'createStrategy',
      tags,
      body: StrategyInputSchema,
      response: { 201: StrategySchema },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await strategy.createStrategy(actorOf(req), req.body)),
  })
  r.get('/api/strategies/:strategyId/plan', {
    config: read,
    schema: { operationId: 'getPlan', tags, params: strategyParams, response: { 200: PlanTreeSchema } },
    handler: (req) => strategy.plan(actorOf(req), req.params.strategyId),
  })
  r.post('/api/strategies/:strategyId/directions', {
    config: write,
    schema: {
      operationId: 'createDirection',
      tags,
      params: strategyParams,
      body: z.object({ code: codeSchema, title: i18nTextSchema }),
      response: { 201: DirectionSchema },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await strategy.createDirection(actorOf(req), req.params.strategyId, req.body)),
  })
  r.post('/api/strategies/:strategyId/goals', {
    config: write,
    schema: {
      operationId: 'createGoal',
      tags,
      params: strategyParams,
      body: z.object({ directionId: z.uuid(), code: codeSchema, title: i18nLongTextSchema }),
      response: { 201: GoalSchema },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await strategy.createGoal(actorOf(req), req.params.strategyId, req.body)),
  })
  r.get('/api/strategies/:strategyId/measures', {
    config: read,
    schema: {
      operationId: 'listMeasures',
      tags,
      params: strategyParams,
      querystring: MeasureListQuerySchema,
      response: { 200: pageOf(MeasureSchema) },
    },
    handler: (req) => strategy.listMeasures(actorOf(req), req.params.strategyId, req.query),
  })
  r.post('/api/strategies/:strategyId/measures', {
    config: write,
    schema: {
      operationId: 'createMeasure',
      tags,
      params: strategyParams,
      body: MeasureInputSchema,
      response: { 201: MeasureSchema },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await strategy.createMeasure(actorOf(req), req.params.strategyId, req.body)),
  })
  r.get('/api/measures/:id', {
    config: read,
    schema: { operationId: 'getMeasure', tags, params: idParams, response: { 200: MeasureDetailSchema } },
    handler: (req) => strategy.measure(actorOf(req), req.params.id),
  })
  r.patch('/api/measures/:id', {
    config: write,
    schema: {
      operationId: 'updateMeasureAttributes',
      tags,
      params: idParams,
      body: z
        .object({
          weight: z.number().positive().max(100).optional(),
          confidentiality: ClearanceSchema.optional(),
          frameworkTags: z.array(FrameworkTagSchema).max(20).optional(),
        })
        .strict(),
      response: { 200: MeasureSchema },
    },
    handler: (req) => strategy.updateMeasureAttributes(actorOf(req), req.params.id, req.body),
  })
  r.post('/api/measures/:id/milestones', {
    config: write,
    schema: {
      operationId: 'addMilestone',
      tags,
      params: idParams,
      body: MilestoneInputSchema,
      response: { 201: MilestoneSchema },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await strategy.addMilestone(actorOf(req), req.params.id, req.body)),
  })
  r.patch('/api/milestones/:id', {
    config: write,
    schema: {
      operationId: 'updateMilestone',
      tags,
      params: idParams,
      body: z
        .object({
          title: i18nTextSchema.optional(),
          plannedDate: z.iso.date().nullable().optional(),
          actualDate: z.iso.date().nullable().optional(),
          stage: z.enum(['draft', 'agreed', 'submitted', 'adopted']).nullable().optional(),
          actType: z.string().trim().max(60).nullable().optional(),
          actNumber: z.string().trim().max(40).nullable().optional(),
          actDate: z.iso.date().nullable().optional(),
        })
        .strict(),
      response: { 200: MilestoneSchema },
    },
    handler: (req) => strategy.updateMilestone(actorOf(req), req.params.id, req.body),
  })
  r.get('/api/strategies/:strategyId/indicators', {
    config: read,
    schema: {
      operationId: 'listIndicators',
      tags,
      params: strategyParams,
      response: { 200: z.array(IndicatorSchema) },
    },
    handler: (req) => strategy.indicators(actorOf(req), req.params.strategyId),
  })
  r.post('/api/strategies/:strategyId/indicators', {
    config: write,
    schema: {
      operationId: 'createIndicator',
      tags,
      params: strategyParams,
      body: IndicatorInputSchema.extend({ measureId: z.uuid().nullable().optional() }),
      response: { 201: IndicatorSchema },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await strategy.addIndicator(actorOf(req), req.params.strategyId, req.body)),
  })
  r.post('/api/strategies/:strategyId/indicators/:indicatorId/values', {
    config: write,
    schema: {
      operationId: 'recordIndicatorValue',
      tags,
      params: strategyParams.extend({ indicatorId: z.uuid() }),
      body: z.object({ year: z.number().int().min(2000).max(2100), value: z.number().finite() }),
      response: { 200: okSchema },
    },
    handler: (req) =>
      strategy.recordIndicatorValue(actorOf(req), req.params.strategyId, req.params.indicatorId, req.body),
  })

  r.post('/api/strategies/:strategyId/baseline', {
    config: write,
    schema: {
      operationId: 'approveBaseline',
      tags,
      params: strategyParams,
      body: z.object({ note: z.string().trim().min(1).max(500) }),
      response: { 200: z.object({ version: z.number().int() }) },
    },
    handler: (req) => strategy.approveBaseline(actorOf(req), req.params.strategyId, req.body.note),
  })
  r.get('/api/strategies/:strategyId/versions', {
    config: read,
    schema: {
      operationId: 'listPlanVersions',
      tags,
      params: strategyParams,
      response: { 200: z.array(PlanVersionSchema) },
    },
    handler: (req) => strategy.versions(actorOf(req), req.params.strategyId),
  })
  r.get('/api/strategies/:strategyId/versions/:version', {
    config: read,
    schema: {
      operationId: 'getPlanVersion',
      tags,
      params: strategyParams.extend({ version: z.coerce.number().int().min(1).max(100_000) }),
      response: {
        200: z.object({
          version: z.number().int(),
          note: z.string(),
          createdAt: z.string(),
          snapshot: z.record(z.string(), z.unknown()),
        }),
      },
    },
    handler: (req) => strategy.version(actorOf(req), req.params.strategyId, req.params.version),
  })
  r.get('/api/strategies/:strategyId/change-requests', {
    config: read,
    schema: {
      operationId: 'listChangeRequests',
      tags,
      params: strategyParams,
      querystring: z.object({ measureId: z.uuid().optional() }),
      response: { 200: z.array(ChangeRequestSchema) },
    },
    handler: (req) => strategy.changeRequests(actorOf(req), req.params.strategyId, req.query.measureId),
  })
  r.post('/api/change-requests', {
    config: write,
    schema: {
      operationId: 'proposeChange',
      tags,
      body: ChangeRequestInputSchema,
      response: { 201: ChangeRequestSchema },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await strategy.proposeChange(actorOf(req), req.body)),
  })
  r.post('/api/change-requests/:id/decision', {
    config: write,
    schema: {
      operationId: 'decideChange',
      tags,
      params: idParams,
      body: z.object({ approve: z.boolean(), decision: DecisionRefSchema }),
      response: { 200: ChangeRequestSchema },
    },
    handler: (req) => strategy.decideChange(actorOf(req), req.params.id, req.body),
  })

  const xlsx = (reply: import('fastify').FastifyReply, name: string, body: Buffer) =>
    reply.type(XLSX).header('content-disposition', `attachment; filename="${name}"`).send(body)
  r.get('/api/strategies/:strategyId/plan/template.xlsx', {
    config: read,
    schema: { operationId: 'planImportTemplate', tags, params: strategyParams, querystring: langQuery },
    handler: async (req, reply) =>
      xlsx(
        reply,
        `qalxan-action-plan-template-${req.query.lang}.xlsx`,
        await planImport.template(actorOf(req), req.query.lang),
      ),
  })
  r.get('/api/strategies/:strategyId/plan/export.xlsx', {
    config: read,
    schema: { operationId: 'exportPlan', tags, params: strategyParams, querystring: langQuery },
    handler: async (req, reply) =>
      xlsx(
        reply,
        'qalxan-action-plan.xlsx',
        await planImport.exportPlan(actorOf(req), req.params.strategyId, req.query.lang),
      ),
  })
  r.get('/api/strategies/:strategyId/measures/export.xlsx', {
    config: read,
    schema: {
      operationId: 'exportMeasures',
      tags,
      params: strategyParams,
      querystring: MeasureListQuerySchema.extend(langQuery.shape),
    },
    handler: async (req, reply) =>
      xlsx(
        reply,
        'qalxan-measures.xlsx',
        await planImport.exportMeasures(actorOf(req), req.params.strategyId, req.query, req.query.lang),
      ),
  })
  r.post('/api/strategies/:strategyId/plan/import', {
    config: { ...write, rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: {
      operationId: 'importPlan',
      tags,
      params: strategyParams,
      querystring: z.object({ dryRun: z.enum(['true', 'false']).default('true') }),
      response: { 200: PlanImportReportSchema },
    },
    handler: async (req) => {
      const { buf } = await uploadedFile(req)
      const locale = localeOf(req.headers['accept-language'])
      const report: PlanImportReport = await planImport.importPlan(
        actorOf(req),
        req.params.strategyId,
        buf,
        req.query.dryRun === 'true',
      )
      return {
        ...report,
        issues: report.issues.map((i) => ({ ...i, message: translate(i.message, locale) })),
      }
    },
  })
}

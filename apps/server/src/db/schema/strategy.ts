import type { ChangeProposal, I18nLongText, I18nText } from '@qalxan/contracts'
import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { user } from './auth.ts'
import { organizations } from './organizations.ts'

/** The approved Strategy: its approving act and its period. */
export const strategies = pgTable('strategies', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  title: jsonb('title').$type<I18nText>().notNull(),
  actType: text('act_type').notNull(),
  actNumber: text('act_number').notNull(),
  actDate: date('act_date').notNull(),
  periodStart: integer('period_start').notNull(),
  periodEnd: integer('period_end').notNull(),
  /** The plan baseline now in force; v1 is the approved plan. */
  baselineVersion: integer('baseline_version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

export const directions = pgTable(
  'directions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    strategyId: uuid('strategy_id')
      .notNull()
      .references(() => strategies.id),
    code: text('code').notNull(),
    title: jsonb('title').$type<I18nText>().notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [unique('directions_code_uq').on(t.strategyId, t.code)],
)

export const goals = pgTable(
  'goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    strategyId: uuid('strategy_id')
      .notNull()
      .references(() => strategies.id),
    directionId: uuid('direction_id')
      .notNull()
      .references(() => directions.id),
    code: text('code').notNull(),
    title: jsonb('title').$type<I18nLongText>().notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [unique('goals_code_uq').on(t.strategyId, t.code), index('goals_direction_idx').on(t.directionId)],
)

export const measures = pgTable(
  'measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    strategyId: uuid('strategy_id')
      .notNull()
      .references(() => strategies.id),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id),
    code: text('code').notNull(),
    title: jsonb('title').$type<I18nLongText>().notNull(),
    description: jsonb('description').$type<Partial<I18nLongText>>().notNull(),
    expectedResult: jsonb('expected_result').$type<Partial<I18nLongText>>().notNull(),
    outputType: text('output_type').notNull(),
    deadlineKind: text('deadline_kind').notNull(),
    deadlineValue: text('deadline_value').notNull(),
    deadlineStart: date('deadline_start'),
    deadlineEnd: date('deadline_end'),
    /** As approved in baseline v1; kept beside the current value. */
    originalDeadline: text('original_deadline').notNull(),
    weight: doublePrecision('weight').notNull().default(1),
    confidentiality: text('confidentiality').notNull().default('public'),
    frameworkTags: jsonb('framework_tags').$type<string[]>().notNull().default([]),
    state: text('state').notNull().default('active'),
    position: integer('position').notNull().default(0),
    /** Lower-cased title and code in all languages, for the search box. */
    searchText: text('search_text').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('measures_code_uq').on(t.strategyId, t.code),
    index('measures_goal_idx').on(t.goalId),
    index('measures_deadline_idx').on(t.deadlineEnd),
  ],
)

/** Lead executors, co-executors and recommended participants ("tövsiyə olunur") of a measure. */
export const measureExecutors = pgTable(
  'measure_executors',
  {
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    role: text('role').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.measureId, t.orgId] }), index('measure_executors_org_idx').on(t.orgId)],
)

export const milestones = pgTable(
  'milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    title: jsonb('title').$type<I18nText>().notNull(),
    originalPlannedDate: date('original_planned_date'),
    plannedDate: date('planned_date'),
    actualDate: date('actual_date'),
    stage: text('stage'),
    actType: text('act_type'),
    actNumber: text('act_number'),
    actDate: date('act_date'),
    position: integer('position').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('milestones_measure_idx').on(t.measureId)],
)

/** Strategy target indicators (measure_id null) and measure indicators. */
export const indicators = pgTable(
  'indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    strategyId: uuid('strategy_id')
      .notNull()
      .references(() => strategies.id),
    measureId: uuid('measure_id').references(() => measures.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: jsonb('name').$type<I18nText>().notNull(),
    unit: text('unit').notNull(),
    baseline: doublePrecision('baseline'),
    baselineYear: integer('baseline_year'),
    direction: text('direction').notNull().default('up'),
    targets: jsonb('targets').$type<{ year: number; value: number }[]>().notNull().default([]),
  },
  (t) => [
    unique('indicators_code_uq').on(t.strategyId, t.code),
    index('indicators_measure_idx').on(t.measureId),
  ],
)

/** Observed values: from accepted measure reports, or entered by the secretariat. */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    periodId: uuid('period_id'),
    value: doublePrecision('value').notNull(),
    source: text('source').notNull(),
    reportId: uuid('report_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('indicator_values_ind_idx').on(t.indicatorId, t.year)],
)

/** Each plan baseline, with the whole plan as it stood, so any version can be shown again. */
export const planVersions = pgTable(
  'plan_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    strategyId: uuid('strategy_id')
      .notNull()
      .references(() => strategies.id),
    version: integer('version').notNull(),
    note: text('note').notNull(),
    decision: jsonb('decision').$type<{
      body: string
      number: string
      date: string
      decisionId?: string
    } | null>(),
    changeRequestId: uuid('change_request_id'),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    createdBy: text('created_by').references(() => user.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('plan_versions_uq').on(t.strategyId, t.version)],
)

export const changeRequests = pgTable(
  'change_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    strategyId: uuid('strategy_id')
      .notNull()
      .references(() => strategies.id),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id),
    kind: text('kind').notNull(),
    proposed: jsonb('proposed').$type<ChangeProposal>().notNull(),
    current: jsonb('current').$type<Record<string, unknown>>().notNull(),
    justification: text('justification').notNull(),
    state: text('state').notNull().default('proposed'),
    decision: jsonb('decision').$type<{
      body: string
      number: string
      date: string
      decisionId?: string
    } | null>(),
    resultingVersion: integer('resulting_version'),
    createdBy: text('created_by').references(() => user.id),
    decidedBy: text('decided_by').references(() => user.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('change_requests_measure_idx').on(t.measureId)],
)

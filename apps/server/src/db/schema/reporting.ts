import { sql } from 'drizzle-orm'
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { user } from './auth.ts'
import { organizations } from './organizations.ts'
import { files } from './platform.ts'
import { indicators, measures, strategies } from './strategy.ts'

/**
 * Text as the search box compares it: Azerbaijani letters to plain Latin, then lower case (the SQL
 * twin of `foldForSearch`). Stored in generated columns with trigram indexes, so that a search
 * folds no row when it runs.
 */
const folded = (expr: string) => sql.raw(`lower(translate(${expr}, 'ƏəĞğİıÖöŞşÇçÜüЁё', 'EeGgIiOoSsCcUuЕе'))`)

/** A reporting period of the calendar: quarterly update, semi-annual or annual report. */
export const reportingPeriods = pgTable(
  'reporting_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    strategyId: uuid('strategy_id')
      .notNull()
      .references(() => strategies.id),
    kind: text('kind').notNull(),
    label: text('label').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** Executors' reports are due on this day. */
    dueOn: date('due_on').notNull(),
    /** planned → open → closed → locked. */
    state: text('state').notNull().default('planned'),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    /** A locked period's results shown on the public page (public measures only). */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Reminder and escalation runs already done for this period, so a job never repeats them. */
    remindersSent: jsonb('reminders_sent').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('reporting_periods_label_uq').on(t.strategyId, t.label)],
)

/** The lead executor's consolidated report on one measure for one period. */
export const measureReports = pgTable(
  'measure_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id),
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportingPeriods.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    /** draft → submitted → returned | accepted. */
    state: text('state').notNull().default('draft'),
    reportedStatus: text('reported_status'),
    progress: integer('progress'),
    workDone: text('work_done').notNull().default(''),
    problems: text('problems').notNull().default(''),
    nextSteps: text('next_steps').notNull().default(''),
    revision: integer('revision').notNull().default(1),
    /** Submitted after the period closed, through a secretariat exception. */
    late: boolean('late').notNull().default(false),
    reviewComment: text('review_comment'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: text('submitted_by').references(() => user.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: text('reviewed_by').references(() => user.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').references(() => user.id),
    textFolded: text('text_folded').generatedAlwaysAs(
      folded(`work_done || ' ' || problems || ' ' || next_steps`),
    ),
    commentFolded: text('comment_folded').generatedAlwaysAs(folded('review_comment')),
  },
  (t) => [
    unique('measure_reports_uq').on(t.measureId, t.periodId),
    index('measure_reports_period_idx').on(t.periodId, t.state),
    index('measure_reports_org_idx').on(t.orgId, t.periodId),
    index('measure_reports_text_folded_idx').using('gin', t.textFolded.op('gin_trgm_ops')),
    index('measure_reports_comment_folded_idx').using('gin', t.commentFolded.op('gin_trgm_ops')),
  ],
)

/** Every saved revision and every workflow step of a report, whole, so any two can be compared. */
export const measureReportRevisions = pgTable(
  'measure_report_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => measureReports.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    action: text('action').notNull(),
    state: text('state').notNull(),
    comment: text('comment'),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    actorUserId: text('actor_user_id').references(() => user.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('measure_report_revisions_report_idx').on(t.reportId, t.revision)],
)

/** Indicator values a report gives. */
export const reportIndicatorValues = pgTable(
  'report_indicator_values',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => measureReports.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id),
    value: doublePrecision('value').notNull(),
  },
  (t) => [unique('report_indicator_values_uq').on(t.reportId, t.indicatorId)],
)

/** A co-executor's contribution to a measure for a period. */
export const contributions = pgTable(
  'contributions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id),
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportingPeriods.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    /** draft → submitted (the lead executor sees submitted ones). */
    state: text('state').notNull().default('draft'),
    text: text('text').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    updatedBy: text('updated_by').references(() => user.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('contributions_uq').on(t.measureId, t.periodId, t.orgId),
    index('contributions_period_idx').on(t.periodId),
  ],
)

/** Evidence on a report or a contribution: a stored file, a link or a legal act. */
export const evidence = pgTable(
  'evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id').references(() => measureReports.id, { onDelete: 'cascade' }),
    contributionId: uuid('contribution_id').references(() => contributions.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    fileId: uuid('file_id').references(() => files.id),
    url: text('url'),
    actType: text('act_type'),
    actNumber: text('act_number'),
    actDate: date('act_date'),
    addedBy: text('added_by').references(() => user.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    titleFolded: text('title_folded').generatedAlwaysAs(folded('title')),
  },
  (t) => [
    index('evidence_report_idx').on(t.reportId),
    index('evidence_contribution_idx').on(t.contributionId),
    index('evidence_title_folded_idx').using('gin', t.titleFolded.op('gin_trgm_ops')),
  ],
)

/** The secretariat's leave for one organisation to submit after the period closed. */
export const lateExceptions = pgTable(
  'late_exceptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportingPeriods.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    reason: text('reason').notNull(),
    until: date('until').notNull(),
    grantedBy: text('granted_by').references(() => user.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('late_exceptions_period_idx').on(t.periodId, t.orgId)],
)

/** The evaluator's assessment of one measure for one period. */
export const evaluations = pgTable(
  'evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id),
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportingPeriods.id),
    completion: text('completion').notNull(),
    comment: text('comment').notNull().default(''),
    evaluatorId: text('evaluator_id').references(() => user.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    commentFolded: text('comment_folded').generatedAlwaysAs(folded('comment')),
  },
  (t) => [
    unique('evaluations_uq').on(t.measureId, t.periodId),
    index('evaluations_period_idx').on(t.periodId),
    index('evaluations_comment_folded_idx').using('gin', t.commentFolded.op('gin_trgm_ops')),
  ],
)

/** The roll-ups of a locked period, written once and never changed. */
export const periodSnapshots = pgTable('period_snapshots', {
  periodId: uuid('period_id')
    .primaryKey()
    .references(() => reportingPeriods.id),
  data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  takenAt: timestamp('taken_at', { withTimezone: true }).notNull().defaultNow(),
  takenBy: text('taken_by').references(() => user.id),
})

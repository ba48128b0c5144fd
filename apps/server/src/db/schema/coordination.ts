import type { I18nLongText, I18nText } from '@qalxan/contracts'
import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  date,
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
import { evaluations, measureReports } from './reporting.ts'
import { changeRequests, directions, measures, strategies } from './strategy.ts'

/** The Coordination Commission, its working groups and their sub-groups. */
export const coordBodies = pgTable(
  'coord_bodies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    code: text('code').notNull().unique(),
    name: jsonb('name').$type<I18nText>().notNull(),
    mandate: text('mandate').notNull().default(''),
    parentId: uuid('parent_id'),
    strategyId: uuid('strategy_id').references(() => strategies.id),
    directionId: uuid('direction_id').references(() => directions.id),
    establishedBy: text('established_by').notNull().default(''),
    establishedOn: date('established_on'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('coord_bodies_parent_idx').on(t.parentId)],
)

/** A dated seat: the composition on any past day is the rows whose dates hold that day. */
export const coordMembers = pgTable(
  'coord_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => coordBodies.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    userId: text('user_id').references(() => user.id),
    role: text('role').notNull(),
    validFrom: date('valid_from').notNull(),
    /** Last day of the membership, inclusive; null while it lasts. */
    validTo: date('valid_to'),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('coord_members_body_idx').on(t.bodyId, t.validFrom),
    index('coord_members_org_idx').on(t.orgId),
    index('coord_members_user_idx').on(t.userId),
    check('coord_members_dates_ck', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
)

export const coordMeetings = pgTable(
  'coord_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => coordBodies.id),
    number: text('number').notNull(),
    title: jsonb('title').$type<I18nText>().notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    location: text('location').notNull().default(''),
    onlineUrl: text('online_url'),
    state: text('state').notNull().default('scheduled'),
    cancelReason: text('cancel_reason'),
    sequence: integer('sequence').notNull().default(0),
    invitationsSentAt: timestamp('invitations_sent_at', { withTimezone: true }),
    /** Who was sent the invitation, so that a change or a cancellation reaches the same people. */
    invitees: jsonb('invitees')
      .$type<{ name: string | null; email: string; locale: string }[]>()
      .notNull()
      .default([]),
    minutesState: text('minutes_state').notNull().default('none'),
    minutesText: text('minutes_text').notNull().default(''),
    minutesUpdatedAt: timestamp('minutes_updated_at', { withTimezone: true }),
    minutesUpdatedBy: text('minutes_updated_by').references(() => user.id),
    minutesApprovedAt: timestamp('minutes_approved_at', { withTimezone: true }),
    minutesApprovedIn: uuid('minutes_approved_in'),
    createdBy: text('created_by').references(() => user.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('coord_meetings_number_uq').on(t.bodyId, t.number),
    index('coord_meetings_starts_idx').on(t.startsAt),
    check('coord_meetings_times_ck', sql`${t.endsAt} > ${t.startsAt}`),
  ],
)

export const coordAgendaItems = pgTable(
  'coord_agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => coordMeetings.id),
    position: integer('position').notNull(),
    title: jsonb('title').$type<I18nText>().notNull(),
    description: text('description').notNull().default(''),
    presenterOrgId: uuid('presenter_org_id').references(() => organizations.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('coord_agenda_items_meeting_idx').on(t.meetingId)],
)

/** What an agenda item is about: one target per row, each with its own foreign key. */
export const coordAgendaLinks = pgTable(
  'coord_agenda_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => coordAgendaItems.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    measureId: uuid('measure_id').references(() => measures.id),
    reportId: uuid('report_id').references(() => measureReports.id),
    evaluationId: uuid('evaluation_id').references(() => evaluations.id),
    fileId: uuid('file_id').references(() => files.id),
  },
  (t) => [
    index('coord_agenda_links_item_idx').on(t.itemId),
    check(
      'coord_agenda_links_one_ck',
      sql`num_nonnulls(${t.measureId}, ${t.reportId}, ${t.evaluationId}, ${t.fileId}) = 1`,
    ),
  ],
)

/** A short report an organisation is asked to send on an agenda item before the meeting. */
export const coordItemRequests = pgTable(
  'coord_item_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => coordAgendaItems.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    dueOn: date('due_on').notNull(),
    text: text('text'),
    fileId: uuid('file_id').references(() => files.id),
    submittedBy: text('submitted_by').references(() => user.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('coord_item_requests_uq').on(t.itemId, t.orgId),
    index('coord_item_requests_org_idx').on(t.orgId),
  ],
)

export const coordAttendance = pgTable(
  'coord_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => coordMeetings.id),
    memberId: uuid('member_id').references(() => coordMembers.id),
    guestName: text('guest_name'),
    guestOrgId: uuid('guest_org_id').references(() => organizations.id),
    status: text('status').notNull(),
  },
  (t) => [
    unique('coord_attendance_member_uq').on(t.meetingId, t.memberId),
    index('coord_attendance_meeting_idx').on(t.meetingId),
    check('coord_attendance_who_ck', sql`num_nonnulls(${t.memberId}, ${t.guestName}) = 1`),
  ],
)

export const coordMeetingDocuments = pgTable(
  'coord_meeting_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => coordMeetings.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    title: text('title').notNull(),
    createdBy: text('created_by').references(() => user.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('coord_meeting_documents_meeting_idx').on(t.meetingId)],
)

export const coordDecisions = pgTable(
  'coord_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => coordMeetings.id),
    number: text('number').notNull(),
    text: jsonb('text').$type<I18nLongText>().notNull(),
    agendaItemId: uuid('agenda_item_id').references(() => coordAgendaItems.id),
    createdBy: text('created_by').references(() => user.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('coord_decisions_number_uq').on(t.meetingId, t.number)],
)

export const coordAssignments = pgTable(
  'coord_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => coordDecisions.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    responsibleUserId: text('responsible_user_id').references(() => user.id),
    task: text('task').notNull().default(''),
    dueOn: date('due_on').notNull(),
    measureId: uuid('measure_id').references(() => measures.id),
    changeRequestId: uuid('change_request_id').references(() => changeRequests.id),
    state: text('state').notNull().default('open'),
    completedOn: date('completed_on'),
    /** Reminder and escalation steps already sent, so that a repeated job sends nothing twice. */
    remindersSent: text('reminders_sent').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('coord_assignments_decision_idx').on(t.decisionId),
    index('coord_assignments_org_idx').on(t.orgId, t.state),
    index('coord_assignments_due_idx').on(t.state, t.dueOn),
  ],
)

export const coordAssignmentReports = pgTable(
  'coord_assignment_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => coordAssignments.id),
    text: text('text').notNull(),
    done: boolean('done').notNull().default(false),
    fileId: uuid('file_id').references(() => files.id),
    createdBy: text('created_by')
      .notNull()
      .references(() => user.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    reviewAccepted: boolean('review_accepted'),
    reviewComment: text('review_comment'),
    reviewedBy: text('reviewed_by').references(() => user.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  },
  (t) => [index('coord_assignment_reports_assignment_idx').on(t.assignmentId)],
)

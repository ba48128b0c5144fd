import { z } from 'zod'
import { codeSchema, emailSchema, i18nTextSchema, isoDateSchema } from './primitives.ts'
import { i18nLongTextSchema } from './strategy.ts'

// ---- Bodies and dated membership ----

/** The Coordination Commission, its working groups and their sub-groups (one per direction, say). */
export const BODY_KINDS = ['commission', 'working_group', 'subgroup'] as const
export const BodyKindSchema = z.enum(BODY_KINDS)
export type BodyKind = z.infer<typeof BodyKindSchema>

export const MEMBER_ROLES = ['chair', 'deputy_chair', 'secretary', 'member'] as const
export const MemberRoleSchema = z.enum(MEMBER_ROLES)
export type MemberRole = z.infer<typeof MemberRoleSchema>
/** Members in these roles run the body's meetings: agenda, invitations, attendance, minutes, decisions. */
export const MANAGING_MEMBER_ROLES: readonly MemberRole[] = ['chair', 'deputy_chair', 'secretary']

export const BodySchema = z.object({
  id: z.string(),
  kind: BodyKindSchema,
  code: z.string(),
  name: i18nTextSchema,
  mandate: z.string(),
  parentId: z.string().nullable(),
  parentCode: z.string().nullable(),
  strategyId: z.string().nullable(),
  directionId: z.string().nullable(),
  directionCode: z.string().nullable(),
  /** The legal act or decision that set the body up, e.g. "Commission decision 1/2023, 2023-11-22". */
  establishedBy: z.string(),
  establishedOn: z.string().nullable(),
  archivedAt: z.string().nullable(),
  memberCount: z.number().int(),
  /** The reader's own role in the body today, if they are a member. */
  myRole: MemberRoleSchema.nullable(),
  /** Whether the reader may run the body's meetings. */
  canManage: z.boolean(),
})
export type Body = z.infer<typeof BodySchema>

export const BodyInputSchema = z.object({
  kind: BodyKindSchema,
  code: codeSchema,
  name: i18nTextSchema,
  mandate: z.string().trim().max(4000).default(''),
  parentId: z.uuid().nullable().default(null),
  directionId: z.uuid().nullable().default(null),
  establishedBy: z.string().trim().max(300).default(''),
  establishedOn: isoDateSchema.nullable().default(null),
})
export type BodyInput = z.infer<typeof BodyInputSchema>

/**
 * A seat in a body: an organisation, usually with the person who represents it. `validTo` is the
 * last day of the membership (inclusive); null while it lasts. Members on day D are those with
 * validFrom ≤ D and (validTo null or D ≤ validTo).
 */
export const MemberSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  orgId: z.string(),
  orgCode: z.string(),
  orgName: i18nTextSchema,
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  email: z.string().nullable(),
  role: MemberRoleSchema,
  validFrom: z.string(),
  validTo: z.string().nullable(),
  note: z.string(),
})
export type Member = z.infer<typeof MemberSchema>

export const MemberInputSchema = z.object({
  orgId: z.uuid(),
  userId: z.string().trim().min(1).max(64).nullable().default(null),
  role: MemberRoleSchema.default('member'),
  validFrom: isoDateSchema,
  note: z.string().trim().max(500).default(''),
})
export type MemberInput = z.infer<typeof MemberInputSchema>

export const MembersInputSchema = z.object({ members: z.array(MemberInputSchema).min(1).max(300) })

export const EndMemberInputSchema = z.object({
  validTo: isoDateSchema,
  note: z.string().trim().max(500).optional(),
})

/** An organisation the plan suggests for a working group: it leads or co-executes the group's measures. */
export const ProposedMemberSchema = z.object({
  orgId: z.string(),
  orgCode: z.string(),
  orgName: i18nTextSchema,
  lead: z.array(z.string()),
  co: z.array(z.string()),
  /** The organisation's first focal point, as the person to seat; null when it has none. */
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  alreadyMember: z.boolean(),
})
export type ProposedMember = z.infer<typeof ProposedMemberSchema>

// ---- Meetings ----

export const MEETING_STATES = ['scheduled', 'held', 'cancelled'] as const
export const MeetingStateSchema = z.enum(MEETING_STATES)
export type MeetingState = z.infer<typeof MeetingStateSchema>

/** none → draft (written in the portal) → approved at a later meeting, after which they are locked. */
export const MINUTES_STATES = ['none', 'draft', 'approved'] as const
export const MinutesStateSchema = z.enum(MINUTES_STATES)
export type MinutesState = z.infer<typeof MinutesStateSchema>

/** The longest meeting the portal schedules. */
export const MAX_MEETING_HOURS = 12

export const MeetingSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  bodyCode: z.string(),
  bodyName: i18nTextSchema,
  number: z.string(),
  title: i18nTextSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  location: z.string(),
  onlineUrl: z.string().nullable(),
  state: MeetingStateSchema,
  cancelReason: z.string().nullable(),
  minutesState: MinutesStateSchema,
  minutesApprovedAt: z.string().nullable(),
  /** The later meeting at which these minutes were approved. */
  minutesApprovedIn: z.object({ id: z.string(), number: z.string() }).nullable(),
  /** Incremented on every change an invitee must hear of (iCalendar SEQUENCE). */
  sequence: z.number().int(),
  invitationsSentAt: z.string().nullable(),
  canManage: z.boolean(),
})
export type Meeting = z.infer<typeof MeetingSchema>

const meetingFields = {
  number: z.string().trim().min(1).max(40),
  title: i18nTextSchema,
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  location: z.string().trim().max(300).default(''),
  onlineUrl: z
    .url({ protocol: /^https$/ })
    .max(500)
    .nullable()
    .default(null),
}
const endsAfterStart = (m: { startsAt?: string; endsAt?: string }) =>
  !m.startsAt || !m.endsAt || Date.parse(m.endsAt) > Date.parse(m.startsAt)
const notTooLong = (m: { startsAt?: string; endsAt?: string }) =>
  !m.startsAt || !m.endsAt || Date.parse(m.endsAt) - Date.parse(m.startsAt) <= MAX_MEETING_HOURS * 3_600_000

export const MeetingInputSchema = z
  .object({ bodyId: z.uuid(), ...meetingFields })
  .refine(endsAfterStart, { path: ['endsAt'], message: 'The meeting must end after it starts' })
  .refine(notTooLong, { path: ['endsAt'], message: `A meeting lasts at most ${MAX_MEETING_HOURS} hours` })
export type MeetingInput = z.infer<typeof MeetingInputSchema>

export const MeetingUpdateSchema = z
  .object(meetingFields)
  .partial()
  .refine(endsAfterStart, { path: ['endsAt'], message: 'The meeting must end after it starts' })
  .refine(notTooLong, { path: ['endsAt'], message: `A meeting lasts at most ${MAX_MEETING_HOURS} hours` })
export type MeetingUpdate = z.infer<typeof MeetingUpdateSchema>

export const CancelMeetingSchema = z.object({ reason: z.string().trim().min(1).max(1000) })

// ---- Agenda ----

export const AGENDA_LINK_KINDS = ['measure', 'report', 'evaluation', 'document'] as const
export const AgendaLinkKindSchema = z.enum(AGENDA_LINK_KINDS)
export type AgendaLinkKind = z.infer<typeof AgendaLinkKindSchema>

export const AgendaLinkSchema = z.object({
  kind: AgendaLinkKindSchema,
  targetId: z.string(),
  /** What the link shows: a measure code, "P-2024 · 5.1.1.1", a file name. */
  label: z.string(),
  /** The measure the link leads to (for a report or an evaluation, its measure). */
  measureId: z.string().nullable(),
})
export type AgendaLink = z.infer<typeof AgendaLinkSchema>

export const AgendaLinkInputSchema = z.object({ kind: AgendaLinkKindSchema, targetId: z.uuid() })

export const ITEM_REQUEST_STATES = ['requested', 'submitted'] as const

/** An organisation asked to send a short report on an agenda item before the meeting. */
export const ItemRequestSchema = z.object({
  id: z.string(),
  itemId: z.string(),
  orgId: z.string(),
  orgCode: z.string(),
  orgName: i18nTextSchema,
  dueOn: z.string(),
  state: z.enum(ITEM_REQUEST_STATES),
  text: z.string().nullable(),
  fileId: z.string().nullable(),
  filename: z.string().nullable(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  /** Whether the reader may send this report (a focal point or head of the organisation). */
  canSubmit: z.boolean(),
})
export type ItemRequest = z.infer<typeof ItemRequestSchema>

export const AgendaItemSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  position: z.number().int(),
  title: i18nTextSchema,
  description: z.string(),
  presenterOrgId: z.string().nullable(),
  presenterOrgCode: z.string().nullable(),
  links: z.array(AgendaLinkSchema),
  requests: z.array(ItemRequestSchema),
})
export type AgendaItem = z.infer<typeof AgendaItemSchema>

export const AgendaItemInputSchema = z.object({
  title: i18nTextSchema,
  description: z.string().trim().max(4000).default(''),
  presenterOrgId: z.uuid().nullable().default(null),
  links: z.array(AgendaLinkInputSchema).max(20).default([]),
})
export type AgendaItemInput = z.infer<typeof AgendaItemInputSchema>

export const AgendaOrderSchema = z.object({ itemIds: z.array(z.uuid()).min(1).max(100) })

export const ItemRequestInputSchema = z.object({
  orgIds: z.array(z.uuid()).min(1).max(100),
  dueOn: isoDateSchema,
})

export const ItemRequestSubmitSchema = z.object({
  text: z.string().trim().min(1).max(8000),
  fileId: z.uuid().nullable().default(null),
})

// ---- Attendance, minutes, documents ----

export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused'] as const
export const AttendanceStatusSchema = z.enum(ATTENDANCE_STATUSES)
export type AttendanceStatus = z.infer<typeof AttendanceStatusSchema>

export const AttendanceSchema = z.object({
  /** The member's seat; null for a guest. */
  memberId: z.string().nullable(),
  userId: z.string().nullable(),
  name: z.string(),
  orgId: z.string().nullable(),
  orgCode: z.string().nullable(),
  role: MemberRoleSchema.nullable(),
  status: AttendanceStatusSchema,
})
export type Attendance = z.infer<typeof AttendanceSchema>

export const AttendanceInputSchema = z.object({
  members: z
    .array(z.object({ memberId: z.uuid(), status: AttendanceStatusSchema }))
    .max(300)
    .default([]),
  guests: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(200),
        orgId: z.uuid().nullable().default(null),
        status: AttendanceStatusSchema.default('present'),
      }),
    )
    .max(100)
    .default([]),
})
export type AttendanceInput = z.infer<typeof AttendanceInputSchema>

export const MinutesSchema = z.object({
  state: MinutesStateSchema,
  text: z.string(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
})
export type Minutes = z.infer<typeof MinutesSchema>

export const MinutesInputSchema = z.object({
  text: z.string().trim().min(1).max(100_000),
  /** The `updatedAt` the writer started from; a save over someone else's newer text is refused. */
  baseUpdatedAt: z.string().max(40).nullable().default(null),
})

export const ApproveMinutesSchema = z.object({ meetingId: z.uuid() })

export const MeetingDocumentSchema = z.object({
  id: z.string(),
  fileId: z.string(),
  title: z.string(),
  filename: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
})
export type MeetingDocument = z.infer<typeof MeetingDocumentSchema>

export const MeetingDocumentInputSchema = z.object({
  fileId: z.uuid(),
  title: z.string().trim().min(1).max(300),
})

// ---- Decisions and assignments ----

export const ASSIGNMENT_STATES = ['open', 'reported', 'done', 'cancelled'] as const
export const AssignmentStateSchema = z.enum(ASSIGNMENT_STATES)
export type AssignmentState = z.infer<typeof AssignmentStateSchema>

export const AssignmentReportSchema = z.object({
  id: z.string(),
  text: z.string(),
  /** The assignee says the assignment is carried out (otherwise a progress note). */
  done: z.boolean(),
  fileId: z.string().nullable(),
  filename: z.string().nullable(),
  by: z.string(),
  at: z.string(),
  /** The secretary's answer to a report of completion. */
  review: z.object({ accepted: z.boolean(), comment: z.string(), by: z.string(), at: z.string() }).nullable(),
})
export type AssignmentReport = z.infer<typeof AssignmentReportSchema>

export const AssignmentSchema = z.object({
  id: z.string(),
  decisionId: z.string(),
  decisionNumber: z.string(),
  meetingId: z.string(),
  meetingNumber: z.string(),
  bodyId: z.string(),
  bodyCode: z.string(),
  orgId: z.string(),
  orgCode: z.string(),
  orgName: i18nTextSchema,
  responsibleUserId: z.string().nullable(),
  responsibleName: z.string().nullable(),
  task: z.string(),
  dueOn: z.string(),
  measureId: z.string().nullable(),
  measureCode: z.string().nullable(),
  changeRequestId: z.string().nullable(),
  state: AssignmentStateSchema,
  /** Still open after its due date (a report awaiting review does not count). */
  overdue: z.boolean(),
  completedOn: z.string().nullable(),
  reports: z.array(AssignmentReportSchema),
  /** Whether the reader may report execution (the assignee organisation's focal points and head, the responsible person). */
  canReport: z.boolean(),
  canReview: z.boolean(),
})
export type Assignment = z.infer<typeof AssignmentSchema>

export const AssignmentInputSchema = z.object({
  orgId: z.uuid(),
  responsibleUserId: z.string().trim().min(1).max(64).nullable().default(null),
  task: z.string().trim().max(2000).default(''),
  dueOn: isoDateSchema,
  measureId: z.uuid().nullable().default(null),
  changeRequestId: z.uuid().nullable().default(null),
})
export type AssignmentInput = z.infer<typeof AssignmentInputSchema>

export const DecisionSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  meetingNumber: z.string(),
  meetingDate: z.string(),
  bodyId: z.string(),
  bodyCode: z.string(),
  number: z.string(),
  text: i18nLongTextSchema,
  agendaItemId: z.string().nullable(),
  createdAt: z.string(),
  assignments: z.array(AssignmentSchema),
})
export type Decision = z.infer<typeof DecisionSchema>

export const DecisionInputSchema = z.object({
  number: z.string().trim().min(1).max(40),
  text: i18nLongTextSchema,
  agendaItemId: z.uuid().nullable().default(null),
  assignments: z.array(AssignmentInputSchema).max(50).default([]),
})
export type DecisionInput = z.infer<typeof DecisionInputSchema>

export const AssignmentReportInputSchema = z.object({
  text: z.string().trim().min(1).max(8000),
  done: z.boolean().default(false),
  fileId: z.uuid().nullable().default(null),
})

export const AssignmentReviewSchema = z.object({
  accept: z.boolean(),
  comment: z.string().trim().max(4000).default(''),
})

export const AssignmentFilterSchema = z.object({
  bodyId: z.uuid().optional(),
  orgId: z.uuid().optional(),
  state: AssignmentStateSchema.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
})

// ---- Whole views ----

export const MeetingDetailSchema = z.object({
  meeting: MeetingSchema,
  body: BodySchema,
  agenda: z.array(AgendaItemSchema),
  attendance: z.array(AttendanceSchema),
  minutes: MinutesSchema,
  documents: z.array(MeetingDocumentSchema),
  decisions: z.array(DecisionSchema),
  /** Earlier meetings of the body whose draft minutes this meeting may approve. */
  minutesToApprove: z.array(z.object({ id: z.string(), number: z.string(), startsAt: z.string() })),
})
export type MeetingDetail = z.infer<typeof MeetingDetailSchema>

export const InvitationInputSchema = z.object({
  /** Addresses beyond the members on the meeting's date (guests, speakers). */
  extra: z.array(emailSchema).max(50).default([]),
})

export const InvitationResultSchema = z.object({
  sent: z.number().int(),
  recipients: z.array(z.string()),
  /** Members on the meeting's date without an address, who are not invited by e-mail. */
  withoutAddress: z.array(z.string()),
})

const executionCounts = {
  total: z.number().int(),
  open: z.number().int(),
  reported: z.number().int(),
  done: z.number().int(),
  cancelled: z.number().int(),
  overdue: z.number().int(),
  doneLate: z.number().int(),
}
export const ExecutionSummarySchema = z.object({
  asOf: z.string(),
  byBody: z.array(
    z.object({ bodyId: z.string(), code: z.string(), name: i18nTextSchema, ...executionCounts }),
  ),
  byOrg: z.array(z.object({ orgId: z.string(), code: z.string(), name: i18nTextSchema, ...executionCounts })),
})
export type ExecutionSummary = z.infer<typeof ExecutionSummarySchema>

export const CalendarQuerySchema = z.object({
  from: isoDateSchema,
  to: isoDateSchema,
  bodyId: z.uuid().optional(),
})

/** The decisions a change request to the Action Plan may cite. */
export const DecisionOptionSchema = z.object({
  id: z.string(),
  number: z.string(),
  bodyName: z.string(),
  date: z.string(),
})

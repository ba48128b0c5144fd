import { z } from 'zod'
import { ClearanceSchema, RoleGrantSchema } from './access.ts'
import { codeSchema, emailSchema, i18nTextSchema, isoDateSchema, LocaleSchema } from './primitives.ts'

export const ORG_TYPES = [
  'cabinet',
  'ministry',
  'committee',
  'service',
  'agency',
  'commission',
  'state_company',
  'court',
  'local_authority',
  'private_participant',
  'other',
] as const
export const OrgTypeSchema = z.enum(ORG_TYPES)
export const JURISDICTIONS = ['national', 'nakhchivan'] as const
export const JurisdictionSchema = z.enum(JURISDICTIONS)

export const OrganizationSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: i18nTextSchema,
  shortName: z.string().nullable(),
  type: OrgTypeSchema,
  jurisdiction: JurisdictionSchema,
  parentId: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Organization = z.infer<typeof OrganizationSchema>

export const OrganizationInputSchema = z.object({
  code: codeSchema,
  name: i18nTextSchema,
  shortName: z.string().trim().max(50).nullable().optional(),
  type: OrgTypeSchema,
  jurisdiction: JurisdictionSchema.default('national'),
  parentId: z.uuid().nullable().optional(),
})
export type OrganizationInput = z.infer<typeof OrganizationInputSchema>

export const UnitSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  parentId: z.string().nullable(),
  code: z.string().nullable(),
  name: i18nTextSchema,
})
export const UnitInputSchema = z.object({
  name: i18nTextSchema,
  code: codeSchema.nullable().optional(),
  parentId: z.uuid().nullable().optional(),
})

export const UserSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  orgId: z.string().nullable(),
  position: z.string().nullable(),
  clearance: ClearanceSchema,
  locale: LocaleSchema,
  twoFactorEnabled: z.boolean(),
  disabled: z.boolean(),
  grants: z.array(RoleGrantSchema),
  createdAt: z.string(),
})
export type UserSummary = z.infer<typeof UserSummarySchema>

export const CreateUserSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: emailSchema,
  orgId: z.uuid(),
  unitId: z.uuid().nullable().optional(),
  position: z.string().trim().max(200).nullable().optional(),
  /** Left out: `internal` when an administrator creates the person, `public` otherwise (see canAssignClearance). */
  clearance: ClearanceSchema.optional(),
  locale: LocaleSchema.default('az'),
})
export const UpdateUserSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  clearance: ClearanceSchema.optional(),
  disabled: z.boolean().optional(),
  locale: LocaleSchema.optional(),
})
export const SetRolesSchema = z.object({ grants: z.array(RoleGrantSchema).max(50) })

export const MembershipSchema = z.object({
  id: z.string(),
  userId: z.string(),
  orgId: z.string(),
  unitId: z.string().nullable(),
  position: z.string().nullable(),
  validFrom: isoDateSchema,
  validTo: isoDateSchema.nullable(),
})
export const MoveUserSchema = z.object({
  orgId: z.uuid(),
  unitId: z.uuid().nullable().optional(),
  position: z.string().trim().max(200).nullable().optional(),
  validFrom: isoDateSchema,
})

/** One row's problems in an import; `row` is the 1-based line of the sheet (header is row 1). */
export const ImportIssueSchema = z.object({ row: z.number().int(), column: z.string(), message: z.string() })
export const ImportReportSchema = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  issues: z.array(ImportIssueSchema),
})
export type ImportReport = z.infer<typeof ImportReportSchema>

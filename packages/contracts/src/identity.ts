import { z } from 'zod'
import { ClearanceSchema, PermissionSchema, RoleGrantSchema } from './access.ts'
import { LocaleSchema } from './primitives.ts'

export const MeSchema = z.object({
  user: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    locale: LocaleSchema,
    clearance: ClearanceSchema,
    /** TOTP with an authenticator app. */
    twoFactorEnabled: z.boolean(),
    /** At least one passkey registered. */
    hasPasskey: z.boolean(),
  }),
  organization: z.object({ id: z.string(), name: z.string() }).nullable(),
  grants: z.array(RoleGrantSchema),
  /** Permissions held anywhere, for the web to show or hide navigation. */
  permissions: z.array(PermissionSchema),
  /** A privileged role is held but no second factor is set up yet: everything else is closed. */
  mfaSetupRequired: z.boolean(),
  /** When this session last passed a second-factor check, for step-up decisions. */
  mfaVerifiedAt: z.string().nullable(),
  authMethod: z.enum(['session', 'token']),
})
export type Me = z.infer<typeof MeSchema>

export const UpdateMeSchema = z.object({
  locale: LocaleSchema.optional(),
  name: z.string().trim().min(1).max(200).optional(),
})

export const TOKEN_SCOPES = ['read', 'write'] as const
export const ApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
})
export type ApiToken = z.infer<typeof ApiTokenSchema>

export const CreateApiTokenSchema = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1).max(2),
  expiresInDays: z.number().int().min(1).max(365),
})
export const CreatedApiTokenSchema = z.object({ token: ApiTokenSchema, secret: z.string() })

export const SessionInfoSchema = z.object({
  id: z.string(),
  current: z.boolean(),
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
})

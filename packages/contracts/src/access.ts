import { z } from 'zod'

/** Roles of DESIGN §1, each held within one organisation. */
export const ROLES = [
  'admin',
  'secretariat',
  'evaluator',
  'wg_chair',
  'wg_member',
  'focal_point',
  'head',
  'auditor',
  'viewer',
] as const
export const RoleSchema = z.enum(ROLES)
export type Role = z.infer<typeof RoleSchema>

/** Roles whose holders must sign in with a second factor. */
export const PRIVILEGED_ROLES: readonly Role[] = ['admin', 'secretariat', 'evaluator', 'auditor']

export const CLEARANCES = ['public', 'internal', 'restricted'] as const
export const ClearanceSchema = z.enum(CLEARANCES)
export type Clearance = z.infer<typeof ClearanceSchema>

export const clearanceRank = (c: Clearance): number => CLEARANCES.indexOf(c)
export const clearanceAllows = (held: Clearance, needed: Clearance): boolean =>
  clearanceRank(held) >= clearanceRank(needed)

/**
 * Whether someone with these grants and clearance may give a person clearance `to` (on creation, or
 * by changing it): only a platform administrator changes clearances, and never above their own;
 * everyone else who may create people creates them at `public`.
 */
export const canAssignClearance = (
  grants: readonly { role: string }[],
  held: Clearance,
  to: Clearance,
  change: 'create' | 'update',
): boolean =>
  (change === 'create' && to === 'public') ||
  (grants.some((g) => g.role === 'admin') && clearanceAllows(held, to))

export const PERMISSIONS = [
  'org.read',
  'org.manage',
  'user.read',
  'user.manage',
  'role.manage',
  'audit.read',
  'audit.export',
  'outbox.read',
  'token.manage',
  'file.upload',
  'system.backup',
  'plan.read',
  'plan.manage',
  'period.manage',
  'report.read',
  'report.write',
  'report.submit',
  'report.review',
  'evaluation.read',
  'evaluation.write',
  'coord.read',
  'coord.manage',
  'assignment.report',
] as const
export const PermissionSchema = z.enum(PERMISSIONS)
export type Permission = z.infer<typeof PermissionSchema>

/**
 * What each role may do, and where: `own` limits it to the organisation the role is held in,
 * `all` opens it across organisations. The server decides with this table; the web only hides.
 */
export const ROLE_PERMISSIONS: Record<Role, Partial<Record<Permission, 'own' | 'all'>>> = {
  admin: {
    'org.read': 'all',
    'org.manage': 'all',
    'user.read': 'all',
    'user.manage': 'all',
    'role.manage': 'all',
    'audit.read': 'all',
    'audit.export': 'all',
    'outbox.read': 'all',
    'token.manage': 'own',
    'file.upload': 'own',
    'system.backup': 'all',
    'plan.read': 'all',
    'coord.read': 'all',
  },
  secretariat: {
    'org.read': 'all',
    'user.read': 'all',
    'token.manage': 'own',
    'file.upload': 'own',
    'plan.read': 'all',
    'plan.manage': 'all',
    'period.manage': 'all',
    'report.read': 'all',
    'report.review': 'all',
    'evaluation.read': 'all',
    'coord.read': 'all',
    'coord.manage': 'all',
  },
  evaluator: {
    'org.read': 'all',
    'user.read': 'own',
    'file.upload': 'own',
    'plan.read': 'all',
    'report.read': 'all',
    'evaluation.read': 'all',
    'evaluation.write': 'all',
    'coord.read': 'all',
  },
  wg_chair: {
    'org.read': 'all',
    'user.read': 'own',
    'file.upload': 'own',
    'plan.read': 'all',
    'report.read': 'all',
    'evaluation.read': 'all',
    'coord.read': 'all',
  },
  wg_member: {
    'org.read': 'all',
    'user.read': 'own',
    'file.upload': 'own',
    'plan.read': 'all',
    'report.read': 'own',
    'evaluation.read': 'own',
    'coord.read': 'own',
  },
  focal_point: {
    'org.read': 'all',
    'user.read': 'own',
    'file.upload': 'own',
    'token.manage': 'own',
    'plan.read': 'all',
    'report.read': 'own',
    'report.write': 'own',
    'evaluation.read': 'own',
    'coord.read': 'own',
    'assignment.report': 'own',
  },
  head: {
    'org.read': 'all',
    'user.read': 'own',
    'user.manage': 'own',
    'file.upload': 'own',
    'plan.read': 'all',
    'report.read': 'own',
    'report.write': 'own',
    'report.submit': 'own',
    'evaluation.read': 'own',
    'coord.read': 'own',
    'assignment.report': 'own',
  },
  auditor: {
    'org.read': 'all',
    'user.read': 'all',
    'audit.read': 'all',
    'audit.export': 'all',
    'plan.read': 'all',
    'report.read': 'all',
    'evaluation.read': 'all',
    'coord.read': 'all',
  },
  viewer: { 'org.read': 'all', 'plan.read': 'all' },
}

/** Permissions whose use needs a recent second-factor check (step-up). */
export const STEP_UP_PERMISSIONS: readonly Permission[] = ['role.manage', 'audit.export', 'token.manage']

export const RoleGrantSchema = z.object({ role: RoleSchema, orgId: z.uuid() })
export type RoleGrant = z.infer<typeof RoleGrantSchema>

/** Can someone holding these grants use `permission` on an object of organisation `orgId`? */
export const can = (grants: readonly RoleGrant[], permission: Permission, orgId?: string): boolean =>
  grants.some((g) => {
    const scope = ROLE_PERMISSIONS[g.role][permission]
    if (!scope) return false
    return scope === 'all' || orgId === undefined || g.orgId === orgId
  })

/** Does some grant open `permission` in every organisation (not only its own)? */
export const canEverywhere = (grants: readonly RoleGrant[], permission: Permission): boolean =>
  grants.some((g) => ROLE_PERMISSIONS[g.role][permission] === 'all')

export const isPrivileged = (grants: readonly RoleGrant[]): boolean =>
  grants.some((g) => PRIVILEGED_ROLES.includes(g.role))

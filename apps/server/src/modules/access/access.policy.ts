import {
  type Clearance,
  can,
  canEverywhere,
  clearanceAllows,
  isPrivileged,
  type Permission,
  STEP_UP_PERMISSIONS,
} from '@qalxan/contracts'
import { AppError } from '../../platform/errors.ts'
import type { Actor } from './actor.ts'

/** A second-factor check older than this does not count for sensitive actions. */
export const STEP_UP_WINDOW_MS = 10 * 60_000

export type Denial = { permission: Permission; orgId?: string }

export const createAccessPolicy = (deps: {
  now: () => Date
  onDenied: (actor: Actor, d: Denial) => Promise<void>
}) => {
  const hasRecentMfa = (actor: Actor) =>
    actor.mfaAt !== null && deps.now().getTime() - actor.mfaAt.getTime() <= STEP_UP_WINDOW_MS

  return {
    can: (actor: Actor, permission: Permission, orgId?: string) => can(actor.grants, permission, orgId),
    canEverywhere: (actor: Actor, permission: Permission) => canEverywhere(actor.grants, permission),
    /**
     * Throws FORBIDDEN (recorded in the audit trail) unless the actor holds `permission` for `orgId`;
     * sensitive permissions also need a recent second-factor check.
     */
    async require(actor: Actor, permission: Permission, orgId?: string) {
      if (!can(actor.grants, permission, orgId)) {
        await deps.onDenied(actor, { permission, orgId })
        throw new AppError('FORBIDDEN', 'You do not have permission to do this')
      }
      if (STEP_UP_PERMISSIONS.includes(permission)) this.requireStepUp(actor)
    },
    /** For views across every organisation: the permission must be held everywhere, not only at home. */
    async requireEverywhere(actor: Actor, permission: Permission) {
      if (!canEverywhere(actor.grants, permission)) {
        await deps.onDenied(actor, { permission })
        throw new AppError('FORBIDDEN', 'You do not have permission to do this')
      }
    },
    requireStepUp(actor: Actor) {
      if (actor.authMethod === 'token') {
        throw new AppError(
          'FORBIDDEN',
          'This action needs a person signed in with a second factor, not an API token',
        )
      }
      if (!hasRecentMfa(actor)) {
        throw new AppError('MFA_REQUIRED', 'Confirm this action with your authenticator code', {
          stepUp: true,
        })
      }
    },
    /** For reads of another organisation's object: answer as if it did not exist. */
    async requireVisible(actor: Actor, permission: Permission, orgId: string, what: string, id: string) {
      if (!can(actor.grants, permission, orgId)) {
        await deps.onDenied(actor, { permission, orgId })
        throw new AppError('NOT_FOUND', `${what} "${id}" was not found`)
      }
    },
    clearanceAllows: (actor: Actor, needed: Clearance) => clearanceAllows(actor.clearance, needed),
    mfaSetupRequired: (actor: Actor, secondFactor: boolean) => isPrivileged(actor.grants) && !secondFactor,
  }
}

export type AccessPolicy = ReturnType<typeof createAccessPolicy>

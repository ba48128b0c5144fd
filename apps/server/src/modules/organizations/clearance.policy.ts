import { type Clearance, canAssignClearance } from '@qalxan/contracts'
import { AppError } from '../../platform/errors.ts'
import type { Actor } from '../access/actor.ts'
import type { AuditService } from '../audit/audit.service.ts'

/**
 * Clearance is the ceiling of what a person may read, so it is not part of `user.manage`: a head
 * who manages their organisation's people could otherwise raise anyone there, themself included.
 */
export const isAdministrator = (actor: Actor) => actor.grants.some((g) => g.role === 'admin')

/** The clearance of a new person when none is asked for: the highest the creator may give of `internal`. */
export const defaultClearance = (actor: Actor): Clearance =>
  canAssignClearance(actor.grants, actor.clearance, 'internal', 'create') ? 'internal' : 'public'

/** Why `actor` may not give clearance `to`, or null when they may. */
export const clearanceRefusal = (actor: Actor, to: Clearance, change: 'create' | 'update') => {
  if (canAssignClearance(actor.grants, actor.clearance, to, change)) return null
  if (!isAdministrator(actor)) {
    return change === 'create'
      ? new AppError(
          'FORBIDDEN',
          `Only a platform administrator may give clearance "${to}"; people you create start at "public"`,
        )
      : new AppError('FORBIDDEN', 'Only a platform administrator may change a clearance')
  }
  return new AppError(
    'FORBIDDEN',
    `You cannot give clearance "${to}": it is above your own ("${actor.clearance}")`,
  )
}

/** Records a refused clearance in the audit trail (outside any transaction: nothing is written). */
export const auditClearanceDenied = (
  audit: Pick<AuditService, 'recordAlone'>,
  actor: Actor,
  data: { clearance: Clearance | Clearance[]; targetId?: string | null; rows?: number[] },
) =>
  audit.recordAlone(actor, {
    action: 'access.denied',
    outcome: 'denied',
    targetType: 'user',
    targetId: data.targetId ?? null,
    data: {
      permission: 'user.manage',
      rule: 'clearance',
      clearance: data.clearance,
      held: actor.clearance,
      ...(data.rows ? { rows: data.rows } : {}),
    },
  })

import { can, MANAGING_MEMBER_ROLES, type MemberRole } from '@qalxan/contracts'
import type { Database, Executor } from '../../platform/db.ts'
import { notFound } from '../../platform/errors.ts'
import type { AccessPolicy } from '../access/access.policy.ts'
import type { Actor } from '../access/actor.ts'
import type { AssignmentScope } from './assignments.repository.ts'
import { coordinationRepository as repo } from './coordination.repository.ts'

/**
 * Who sees and runs what in coordination. The roles that read everywhere see every body; the
 * people of an organisation see the bodies in which it sits or sat (and its own assignments);
 * the secretariat and a body's chair, deputy chair and secretary run its meetings.
 */
export const createCoordinationAccess = (deps: {
  database: Database
  policy: AccessPolicy
  today: () => string
}) => {
  const { policy } = deps

  const ownOrgs = (actor: Actor) =>
    actor.grants.filter((g) => can([g], 'coord.read', g.orgId)).map((g) => g.orgId)

  const access = {
    /** What the reader may see: every body (null), or these bodies plus their organisations' assignments. */
    async scope(actor: Actor, ex: Executor = deps.database.db): Promise<AssignmentScope> {
      await policy.require(actor, 'coord.read')
      if (policy.canEverywhere(actor, 'coord.read')) return { bodyIds: null, orgIds: [] }
      const orgIds = ownOrgs(actor)
      return { bodyIds: await repo.bodyIdsOf(ex, orgIds, actor.userId), orgIds }
    },

    /** The body, or 404 when the reader may not see it. */
    async visibleBody(actor: Actor, bodyId: string, ex: Executor = deps.database.db) {
      const scope = await access.scope(actor, ex)
      const [b] = await repo.bodies(ex, deps.today(), [bodyId])
      if (!b || (scope.bodyIds && !scope.bodyIds.includes(bodyId))) throw notFound('Body', bodyId)
      return { body: b, scope }
    },

    /** The reader's own seat role in each body today. */
    async rolesOf(actor: Actor, ex: Executor = deps.database.db) {
      const seats = await repo.seatsOf(ex, actor.userId, deps.today())
      const roles = new Map<string, MemberRole>()
      for (const s of seats) {
        const had = roles.get(s.bodyId)
        if (!had || MANAGING_MEMBER_ROLES.includes(s.role as MemberRole))
          roles.set(s.bodyId, s.role as MemberRole)
      }
      return roles
    },

    canManage: (actor: Actor, roles: Map<string, MemberRole>, bodyId: string) =>
      policy.can(actor, 'coord.manage') || MANAGING_MEMBER_ROLES.includes(roles.get(bodyId) ?? 'member'),

    /** Throws FORBIDDEN (recorded) unless the reader runs the body's meetings. */
    async requireManage(actor: Actor, bodyId: string, ex: Executor = deps.database.db) {
      const roles = await access.rolesOf(actor, ex)
      if (!access.canManage(actor, roles, bodyId)) await policy.require(actor, 'coord.manage')
    },

    /** Focal points and heads report for their organisation; the responsible person for themselves. */
    canReportFor: (actor: Actor, orgId: string, responsibleUserId?: string | null) =>
      policy.can(actor, 'assignment.report', orgId) ||
      (!!responsibleUserId && responsibleUserId === actor.userId),
  }
  return access
}
export type CoordinationAccess = ReturnType<typeof createCoordinationAccess>

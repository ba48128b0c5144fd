import {
  type CreateUserSchema,
  can,
  type Locale,
  type MoveUserSchema,
  type RoleGrant,
  type UpdateUserSchema,
  type UserSummary,
} from '@qalxan/contracts'
import type { z } from 'zod'
import type { user } from '../../db/schema/index.ts'
import type { Clock } from '../../platform/clock.ts'
import type { Database } from '../../platform/db.ts'
import { AppError, notFound } from '../../platform/errors.ts'
import type { AccessPolicy } from '../access/access.policy.ts'
import type { Actor } from '../access/actor.ts'
import type { AuditService } from '../audit/audit.service.ts'
import type { NotificationsService } from '../notifications/notifications.service.ts'
import { auditClearanceDenied, clearanceRefusal, defaultClearance } from './clearance.policy.ts'
import { organizationsRepository as orgs, usersRepository as repo } from './organizations.repository.ts'

const ROLES_CHANGED: Record<Locale, { title: string; body: string }> = {
  az: {
    title: 'Rollarınız dəyişdirildi',
    body: 'Administrator portaldakı rollarınızı dəyişdi. Yeni hüquqlar ana səhifədə göstərilir.',
  },
  en: {
    title: 'Your roles were changed',
    body: 'An administrator changed your roles in the portal. Your new access is shown on the home page.',
  },
  ru: {
    title: 'Ваши роли изменены',
    body: 'Администратор изменил ваши роли на портале. Новые права показаны на главной странице.',
  },
}

type Row = { user: typeof user.$inferSelect; orgId: string | null; position: string | null }

const userOut = (r: Row, grants: RoleGrant[]): UserSummary => ({
  id: r.user.id,
  name: r.user.name,
  email: r.user.email,
  orgId: r.orgId,
  position: r.position,
  clearance: r.user.clearance as UserSummary['clearance'],
  locale: r.user.locale as UserSummary['locale'],
  twoFactorEnabled: Boolean(r.user.twoFactorEnabled),
  disabled: r.user.disabled,
  grants,
  createdAt: r.user.createdAt.toISOString(),
})

const today = (d: Date) => d.toISOString().slice(0, 10)

export type UsersService = ReturnType<typeof createUsersService>

export const createUsersService = (deps: {
  database: Database
  clock: Clock
  audit: AuditService
  policy: AccessPolicy
  /** Sends the set-password invitation (better-auth's reset flow); runs after the user is committed. */
  invite: (email: string) => Promise<void>
  notify: NotificationsService['notify']
}) => {
  const { database, clock, audit, policy } = deps
  const db = database.db

  const withGrants = async (rows: Row[]) => {
    const grants = await repo.grantsOf(
      db,
      rows.map((r) => r.user.id),
    )
    return rows.map((r) =>
      userOut(
        r,
        grants
          .filter((g) => g.userId === r.user.id)
          .map((g) => ({ role: g.role as RoleGrant['role'], orgId: g.orgId })),
      ),
    )
  }

  /** Refuses (and audits) a clearance the actor may not give. */
  const requireClearance = async (
    actor: Actor,
    to: UserSummary['clearance'],
    change: 'create' | 'update',
    targetId: string | null,
  ) => {
    const refusal = clearanceRefusal(actor, to, change)
    if (!refusal) return
    await auditClearanceDenied(audit, actor, { clearance: to, targetId })
    throw refusal
  }

  /** A user outside the actor's reach answers 404, as if absent. */
  const visible = async (actor: Actor, id: string) => {
    const r = await repo.byId(db, id)
    if (!r) throw notFound('User', id)
    if (r.user.id !== actor.userId && !can(actor.grants, 'user.read', r.orgId ?? '')) {
      await policy.requireVisible(actor, 'user.read', r.orgId ?? '', 'User', id)
    }
    return r
  }

  return {
    async list(actor: Actor, f: { orgId?: string; q?: string; limit: number; offset: number }) {
      await policy.require(actor, 'user.read')
      const everywhere = actor.grants.some((g) => can([g], 'user.read', '__any__'))
      const orgIds = everywhere
        ? undefined
        : actor.grants.filter((g) => can([g], 'user.read', g.orgId)).map((g) => g.orgId)
      const r = await repo.list(db, { ...f, orgIds })
      return { items: await withGrants(r.items), total: r.total }
    },

    get: async (actor: Actor, id: string) => (await withGrants([await visible(actor, id)]))[0] as UserSummary,

    async create(actor: Actor, input: z.infer<typeof CreateUserSchema>) {
      await policy.require(actor, 'user.manage', input.orgId)
      const clearance = input.clearance ?? defaultClearance(actor)
      await requireClearance(actor, clearance, 'create', null)
      if (!(await orgs.byId(db, input.orgId)))
        throw new AppError('VALIDATION_FAILED', `No organisation "${input.orgId}"`)
      if ((await repo.byEmails(db, [input.email])).length) {
        throw new AppError('CONFLICT', `A user with e-mail "${input.email}" already exists`)
      }
      const id = await db.transaction(async (tx) => {
        const u = await repo.insertUser(tx, {
          id: crypto.randomUUID(),
          name: input.name,
          email: input.email,
          clearance,
          locale: input.locale,
        })
        await repo.insertMembership(tx, {
          userId: u.id,
          orgId: input.orgId,
          unitId: input.unitId ?? null,
          position: input.position ?? null,
          validFrom: today(clock.now()),
        })
        await audit.record(tx, actor, {
          action: 'user.created',
          targetType: 'user',
          targetId: u.id,
          data: { email: input.email, orgId: input.orgId, clearance },
        })
        return u.id
      })
      await deps.invite(input.email)
      return this.get(actor, id)
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof UpdateUserSchema>) {
      const r = await visible(actor, id)
      await policy.require(actor, 'user.manage', r.orgId ?? undefined)
      if (id === actor.userId && patch.disabled)
        throw new AppError('PRECONDITION_FAILED', 'You cannot disable your own account')
      // Sending the clearance the person already has (as the edit form does) is no change.
      if (patch.clearance !== undefined && patch.clearance !== r.user.clearance)
        await requireClearance(actor, patch.clearance, 'update', id)
      await db.transaction(async (tx) => {
        await repo.updateUser(tx, id, { ...patch, updatedAt: clock.now() })
        await audit.record(tx, actor, {
          action: 'user.updated',
          targetType: 'user',
          targetId: id,
          data: patch,
        })
      })
      return this.get(actor, id)
    },

    async setRoles(actor: Actor, id: string, grants: RoleGrant[]) {
      const r = await visible(actor, id)
      await policy.require(actor, 'role.manage', r.orgId ?? undefined)
      const orgIds = [...new Set(grants.map((g) => g.orgId))]
      for (const orgId of orgIds)
        if (!(await orgs.byId(db, orgId)))
          throw new AppError('VALIDATION_FAILED', `No organisation "${orgId}"`)
      if (id === actor.userId && !grants.some((g) => g.role === 'admin')) {
        throw new AppError('PRECONDITION_FAILED', 'You cannot remove your own administrator role')
      }
      const unique = [...new Map(grants.map((g) => [`${g.role}|${g.orgId}`, g])).values()]
      await db.transaction(async (tx) => {
        const before = await repo.grantsOf(tx, [id])
        await repo.revokeAllGrants(tx, id, clock.now())
        await repo.insertGrants(
          tx,
          unique.map((g) => ({ userId: id, orgId: g.orgId, role: g.role, grantedBy: actor.userId })),
        )
        await audit.record(tx, actor, {
          action: 'user.roles_changed',
          targetType: 'user',
          targetId: id,
          data: { before: before.map((g) => ({ role: g.role, orgId: g.orgId })), after: unique },
        })
        // The person learns of it in the portal, in their own language.
        const locale: Locale = r.user.locale === 'en' || r.user.locale === 'ru' ? r.user.locale : 'az'
        await deps.notify(tx, id, { kind: 'roles_changed', ...ROLES_CHANGED[locale], link: '/' })
      })
      return this.get(actor, id)
    },

    async memberships(actor: Actor, id: string) {
      await visible(actor, id)
      return (await repo.memberships(db, id)).map((m) => ({
        id: m.id,
        userId: m.userId,
        orgId: m.orgId,
        unitId: m.unitId,
        position: m.position,
        validFrom: m.validFrom,
        validTo: m.validTo,
      }))
    },

    /** Ends the current membership the day before `validFrom` and opens the new one. */
    async move(actor: Actor, id: string, input: z.infer<typeof MoveUserSchema>) {
      const r = await visible(actor, id)
      await policy.require(actor, 'user.manage', r.orgId ?? undefined)
      await policy.require(actor, 'user.manage', input.orgId)
      if (!(await orgs.byId(db, input.orgId)))
        throw new AppError('VALIDATION_FAILED', `No organisation "${input.orgId}"`)
      await db.transaction(async (tx) => {
        const current = await repo.currentMembership(tx, id)
        if (current && current.validFrom >= input.validFrom) {
          throw new AppError(
            'VALIDATION_FAILED',
            `The move must be dated after the current membership began (${current.validFrom})`,
            [{ path: 'body.validFrom', message: `Must be after ${current.validFrom}` }],
          )
        }
        if (current) {
          const end = new Date(`${input.validFrom}T00:00:00Z`)
          end.setUTCDate(end.getUTCDate() - 1)
          await repo.closeMembership(tx, current.id, today(end))
        }
        await repo.insertMembership(tx, {
          userId: id,
          orgId: input.orgId,
          unitId: input.unitId ?? null,
          position: input.position ?? null,
          validFrom: input.validFrom,
        })
        await audit.record(tx, actor, {
          action: 'user.moved',
          targetType: 'user',
          targetId: id,
          data: { from: current?.orgId ?? null, to: input.orgId, validFrom: input.validFrom },
        })
      })
      return this.memberships(actor, id)
    },

    async resendInvitation(actor: Actor, id: string) {
      const r = await visible(actor, id)
      await policy.require(actor, 'user.manage', r.orgId ?? undefined)
      await deps.invite(r.user.email)
      await audit.recordAlone(actor, { action: 'user.invited', targetType: 'user', targetId: id })
    },
  }
}

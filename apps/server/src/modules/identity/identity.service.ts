import {
  type ApiToken,
  type Clearance,
  type CreateApiTokenSchema,
  type Locale,
  type Me,
  PERMISSIONS,
  type Permission,
  type RoleGrant,
} from '@qalxan/contracts'
import type { z } from 'zod'
import type { apiTokens } from '../../db/schema/index.ts'
import type { Clock } from '../../platform/clock.ts'
import type { Database } from '../../platform/db.ts'
import { AppError, notFound } from '../../platform/errors.ts'
import type { AccessPolicy } from '../access/access.policy.ts'
import type { Actor } from '../access/actor.ts'
import type { AuditService } from '../audit/audit.service.ts'
import type { Auth } from './auth.ts'
import { hashToken, newTokenSecret, TOKEN_PREFIX } from './identity.fns.ts'
import { identityRepository as repo } from './identity.repository.ts'

export type Principal = {
  actor: Actor
  /** TOTP with an authenticator app. */
  totpEnabled: boolean
  hasPasskey: boolean
  /** Either of them: what privileged roles require. */
  secondFactor: boolean
  name: string
  email: string
  locale: Locale
}
export type IdentityService = ReturnType<typeof createIdentityService>

const tokenOut = (t: typeof apiTokens.$inferSelect): ApiToken => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  scopes: t.scopes as ApiToken['scopes'],
  expiresAt: t.expiresAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
  createdAt: t.createdAt.toISOString(),
})

export const createIdentityService = (deps: {
  database: Database
  clock: Clock
  auth: Auth
  audit: AuditService
  policy: AccessPolicy
}) => {
  const { database, clock, auth, audit, policy } = deps
  const db = database.db

  type UserFields = {
    name: string
    email: string
    locale?: string | null
    clearance?: string | null
    disabled?: boolean | null
    twoFactorEnabled?: boolean | null
  }

  const principalFor = async (
    userId: string,
    u: UserFields,
    via: {
      sessionId: string | null
      authMethod: 'session' | 'token'
      scopes: Actor['scopes']
      mfaAt: Date | null
    },
    ctx: { requestId: string; ip: string },
  ): Promise<Principal | null> => {
    if (u.disabled) return null
    const [grants, membership, hasPasskey] = await Promise.all([
      repo.activeGrants(db, userId),
      repo.currentMembership(db, userId),
      repo.hasPasskey(db, userId),
    ])
    return {
      actor: {
        userId,
        orgId: membership?.orgId ?? null,
        grants: grants as RoleGrant[],
        // Least privilege if a value is ever missing.
        clearance: (u.clearance ?? 'public') as Clearance,
        ...via,
        requestId: ctx.requestId,
        ip: ctx.ip,
      },
      totpEnabled: Boolean(u.twoFactorEnabled),
      hasPasskey,
      // A passkey is a second factor too: privileged users may hold either.
      secondFactor: Boolean(u.twoFactorEnabled) || hasPasskey,
      name: u.name,
      email: u.email,
      locale: (u.locale ?? 'az') as Locale,
    }
  }

  return {
    /** Who is calling: a bearer API token, else the session cookie; null when neither is valid. */
    async resolve(headers: Headers, ctx: { requestId: string; ip: string }): Promise<Principal | null> {
      const authz = headers.get('authorization')
      if (authz?.startsWith('Bearer ')) {
        const secret = authz.slice(7).trim()
        if (!secret.startsWith(TOKEN_PREFIX)) return null
        const t = await repo.findTokenByHash(db, hashToken(secret))
        const now = clock.now()
        if (!t || t.revokedAt || t.expiresAt <= now) return null
        // Last use to the minute: a busy integration does not rewrite the row on every request.
        if (!t.lastUsedAt || now.getTime() - t.lastUsedAt.getTime() > 60_000)
          await repo.touchToken(db, t.id, now)
        const u = await repo.findUser(db, t.userId)
        if (!u) return null
        return principalFor(
          t.userId,
          u,
          { sessionId: null, authMethod: 'token', scopes: t.scopes as Actor['scopes'], mfaAt: null },
          ctx,
        )
      }
      const s = await auth.api.getSession({ headers })
      if (!s) return null
      const mfa = (s.session as { mfaVerifiedAt?: Date | string | null }).mfaVerifiedAt
      return principalFor(
        s.user.id,
        s.user,
        {
          sessionId: s.session.id,
          authMethod: 'session',
          scopes: ['read', 'write'],
          mfaAt: mfa ? new Date(mfa) : null,
        },
        ctx,
      )
    },

    async me(p: Principal): Promise<Me> {
      const { actor } = p
      const membership = await repo.currentMembership(db, actor.userId)
      const permissions = PERMISSIONS.filter((perm: Permission) => policy.can(actor, perm))
      return {
        user: {
          id: actor.userId,
          name: p.name,
          email: p.email,
          locale: p.locale,
          clearance: actor.clearance,
          twoFactorEnabled: p.totpEnabled,
          hasPasskey: p.hasPasskey,
        },
        organization: membership
          ? { id: membership.orgId, name: membership.orgName[p.locale] || membership.orgName.az }
          : null,
        grants: actor.grants,
        permissions,
        mfaSetupRequired: policy.mfaSetupRequired(actor, p.secondFactor),
        mfaVerifiedAt: actor.mfaAt?.toISOString() ?? null,
        authMethod: actor.authMethod,
      }
    },

    async updateMe(actor: Actor, patch: { locale?: Locale; name?: string }) {
      await db.transaction(async (tx) => {
        await repo.updateUser(tx, actor.userId, { ...patch, updatedAt: clock.now() })
        await audit.record(tx, actor, {
          action: 'user.profile_updated',
          targetType: 'user',
          targetId: actor.userId,
          data: patch,
        })
      })
    },

    async listSessions(actor: Actor) {
      const rows = await repo.listSessions(db, actor.userId)
      const now = clock.now()
      return rows
        .filter((r) => r.expiresAt > now)
        .map((r) => ({
          id: r.id,
          current: r.id === actor.sessionId,
          ipAddress: r.ipAddress,
          userAgent: r.userAgent,
          createdAt: r.createdAt.toISOString(),
          expiresAt: r.expiresAt.toISOString(),
        }))
    },

    async revokeSession(actor: Actor, sessionId: string) {
      await db.transaction(async (tx) => {
        if (!(await repo.deleteSession(tx, actor.userId, sessionId))) throw notFound('Session', sessionId)
        await audit.record(tx, actor, {
          action: 'auth.session_revoked',
          targetType: 'session',
          targetId: sessionId,
        })
      })
    },

    listTokens: async (actor: Actor) => (await repo.listTokens(db, actor.userId)).map(tokenOut),

    async createToken(actor: Actor, input: z.infer<typeof CreateApiTokenSchema>) {
      await policy.require(actor, 'token.manage')
      const secret = newTokenSecret()
      const expiresAt = new Date(clock.now().getTime() + input.expiresInDays * 86_400_000)
      const token = await db.transaction(async (tx) => {
        const t = await repo.insertToken(tx, {
          userId: actor.userId,
          name: input.name,
          prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
          tokenHash: hashToken(secret),
          scopes: input.scopes,
          expiresAt,
        })
        await audit.record(tx, actor, {
          action: 'token.created',
          targetType: 'api_token',
          targetId: t.id,
          data: { name: input.name, scopes: input.scopes, expiresAt: expiresAt.toISOString() },
        })
        return t
      })
      return { token: tokenOut(token), secret }
    },

    async revokeToken(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        if (!(await repo.revokeToken(tx, actor.userId, id, clock.now()))) throw notFound('API token', id)
        await audit.record(tx, actor, { action: 'token.revoked', targetType: 'api_token', targetId: id })
      })
    },

    requireWriteScope(actor: Actor) {
      if (!actor.scopes.includes('write')) throw new AppError('FORBIDDEN', 'This API token may only read')
    },
  }
}

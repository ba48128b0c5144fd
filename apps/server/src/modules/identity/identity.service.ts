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
import { hashToken, newTokenSecret, readCookie, TOKEN_PREFIX, verifySignedCookie } from './identity.fns.ts'
import {
  type PrincipalRow,
  identityRepository as repo,
  type SessionPrincipalRow,
} from './identity.repository.ts'

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
  /** The name of the organisation of the current membership. */
  orgName: { az: string; en?: string; ru?: string } | null
}
export type IdentityService = ReturnType<typeof createIdentityService>

/** How long a session's caller is reused without reading it again (see `principals` below). */
export const PRINCIPAL_TTL_MS = 5_000
const PRINCIPAL_CACHE_MAX = 10_000

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

  /** better-auth's session cookie: its name, the key that signs it and the session lifetimes. */
  const sessionCookie = auth.$context.then((c) => ({
    name: c.authCookies.sessionToken.name,
    dontRemember: c.authCookies.dontRememberToken.name,
    secret: c.secret,
    expiresInMs: c.sessionConfig.expiresIn * 1000,
    updateAgeMs: c.sessionConfig.updateAge * 1000,
  }))

  const principalOf = (
    row: PrincipalRow,
    via: Pick<Actor, 'sessionId' | 'authMethod' | 'scopes' | 'mfaAt'>,
    ctx: { requestId: string; ip: string },
  ): Principal | null => {
    if (row.disabled) return null
    const hasPasskey = Boolean(row.has_passkey)
    const totpEnabled = Boolean(row.two_factor_enabled)
    return {
      actor: {
        userId: row.user_id,
        orgId: row.org_id,
        grants: row.grants as RoleGrant[],
        // Least privilege if a value is ever missing.
        clearance: (row.clearance ?? 'public') as Clearance,
        ...via,
        requestId: ctx.requestId,
        ip: ctx.ip,
      },
      totpEnabled,
      hasPasskey,
      // A passkey is a second factor too: privileged users may hold either.
      secondFactor: totpEnabled || hasPasskey,
      name: row.name,
      email: row.email,
      locale: (row.locale ?? 'az') as Locale,
      orgName: row.org_name,
    }
  }

  /**
   * Sessions read in the last PRINCIPAL_TTL_MS, by token. Any change this process makes that may
   * change who someone is (every write through the API, everything better-auth does) empties it
   * (`forgetPrincipals`, called by the routes); a change made by another process or straight in the
   * database is seen within PRINCIPAL_TTL_MS. `generation` keeps a read that began before such a
   * change from storing what it read.
   */
  const principals = new Map<string, { row: SessionPrincipalRow; until: number }>()
  let generation = 0
  const forgetPrincipals = () => {
    generation++
    principals.clear()
  }
  const sessionRow = async (token: string, now: number) => {
    const hit = principals.get(token)
    if (hit && hit.until > now) return hit.row
    const seen = generation
    const row = await repo.sessionPrincipal(db, token)
    if (row && seen === generation) {
      if (principals.size >= PRINCIPAL_CACHE_MAX) principals.clear()
      principals.set(token, { row, until: now + PRINCIPAL_TTL_MS })
    }
    return row
  }

  /**
   * The session of the signed cookie, checked as better-auth's `getSession` checks it (signature,
   * expiry, sliding renewal), but read with the user, grants and membership in one statement.
   */
  const fromSession = async (headers: Headers, ctx: { requestId: string; ip: string }) => {
    const c = await sessionCookie
    const cookies = headers.get('cookie')
    const signed = readCookie(cookies, c.name)
    const token = signed ? verifySignedCookie(signed, c.secret) : null
    if (!token) return null
    // better-auth writes sessions by the real time, not the injected clock, so they are read by it too.
    const now = Date.now()
    const row = await sessionRow(token, now)
    if (!row) return null
    const expiresAt = Date.parse(row.expires_at)
    if (expiresAt < now) {
      principals.delete(token)
      await repo.deleteSessionById(db, row.session_id)
      return null
    }
    // As better-auth does: a session in use is renewed at most once per `updateAge`.
    if (expiresAt - c.expiresInMs + c.updateAgeMs <= now && !readCookie(cookies, c.dontRemember)) {
      const until = new Date(now + c.expiresInMs)
      if (!(await repo.extendSession(db, row.session_id, until, new Date(now)))) {
        principals.delete(token)
        return null
      }
      row.expires_at = until.toISOString()
    }
    return principalOf(
      row,
      {
        sessionId: row.session_id,
        authMethod: 'session',
        scopes: ['read', 'write'],
        mfaAt: row.mfa_verified_at ? new Date(row.mfa_verified_at) : null,
      },
      ctx,
    )
  }

  const fromToken = async (secret: string, ctx: { requestId: string; ip: string }) => {
    if (!secret.startsWith(TOKEN_PREFIX)) return null
    const t = await repo.tokenPrincipal(db, hashToken(secret))
    const now = clock.now()
    if (!t || t.revoked_at || Date.parse(t.expires_at) <= now.getTime()) return null
    // Last use to the minute: a busy integration does not rewrite the row on every request.
    if (!t.last_used_at || now.getTime() - Date.parse(t.last_used_at) > 60_000)
      await repo.touchToken(db, t.token_id, now)
    return principalOf(
      t,
      { sessionId: null, authMethod: 'token', scopes: t.scopes as Actor['scopes'], mfaAt: null },
      ctx,
    )
  }

  return {
    forgetPrincipals,
    /** Who is calling: a bearer API token, else the session cookie; null when neither is valid. */
    async resolve(headers: Headers, ctx: { requestId: string; ip: string }): Promise<Principal | null> {
      const authz = headers.get('authorization')
      if (authz?.startsWith('Bearer ')) return fromToken(authz.slice(7).trim(), ctx)
      return fromSession(headers, ctx)
    },

    async me(p: Principal): Promise<Me> {
      const { actor } = p
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
        organization:
          actor.orgId && p.orgName ? { id: actor.orgId, name: p.orgName[p.locale] || p.orgName.az } : null,
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

import { passkey } from '@better-auth/passkey'
import { hash, verify } from '@node-rs/argon2'
import { betterAuth } from 'better-auth'
import { drizzleAdapter } from 'better-auth/adapters/drizzle'
import { APIError, createAuthMiddleware } from 'better-auth/api'
import { twoFactor } from 'better-auth/plugins'
import { eq, sql } from 'drizzle-orm'
import type { Config } from '../../config.ts'
import {
  account,
  loginFailures,
  passkey as passkeyTable,
  rateLimit,
  session,
  twoFactor as twoFactorTable,
  user,
  verification,
} from '../../db/schema/index.ts'
import type { Clock } from '../../platform/clock.ts'
import type { Database } from '../../platform/db.ts'
import type { AuditService } from '../audit/audit.service.ts'
import type { OutboxService } from '../notifications/outbox.service.ts'

export const CLIENT_IP_HEADER = 'x-qalxan-client-ip'

/** After this many consecutive wrong passwords the account is locked for LOCKOUT_MINUTES. */
export const LOCKOUT_THRESHOLD = 5
export const LOCKOUT_MINUTES = 15

// OWASP's argon2id minimum (19 MiB, 2 passes); the library's default algorithm is argon2id.
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 }

type AuthDeps = {
  config: Config
  database: Database
  clock: Clock
  audit: AuditService
  outbox: OutboxService
  authSecret: string
}

export const createAuth = (deps: AuthDeps) => {
  const { config, database, clock, audit, outbox } = deps
  const db = database.db

  const lockedUntil = async (email: string) => {
    const [row] = await db.select().from(loginFailures).where(eq(loginFailures.email, email))
    return row?.lockedUntil && row.lockedUntil > clock.now() ? row.lockedUntil : null
  }
  const recordFailure = async (email: string) => {
    const now = clock.now()
    const lockAt = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000)
    await db
      .insert(loginFailures)
      .values({ email, failedCount: 1, lastFailedAt: now })
      .onConflictDoUpdate({
        target: loginFailures.email,
        set: {
          failedCount: sql`${loginFailures.failedCount} + 1`,
          lastFailedAt: now,
          lockedUntil: sql`case when ${loginFailures.failedCount} + 1 >= ${LOCKOUT_THRESHOLD} then ${lockAt.toISOString()}::timestamptz else ${loginFailures.lockedUntil} end`,
        },
      })
  }
  const auditAuth = (
    action: string,
    outcome: 'success' | 'failure' | 'denied',
    userId: string | null,
    data: Record<string, unknown>,
    ip: string | null,
  ) =>
    audit.recordAlone(
      userId
        ? {
            userId,
            orgId: null,
            grants: [],
            clearance: 'public',
            sessionId: null,
            authMethod: 'session',
            scopes: [],
            mfaAt: null,
            requestId: null,
            ip,
          }
        : null,
      { action, outcome, targetType: 'user', targetId: userId, data },
    )

  return betterAuth({
    appName: 'Qalxan',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret: deps.authSecret,
    trustedOrigins: [config.publicUrl, ...config.trustedOrigins],
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user,
        session,
        account,
        verification,
        twoFactor: twoFactorTable,
        rateLimit,
        passkey: passkeyTable,
      },
    }),
    user: {
      additionalFields: {
        locale: { type: 'string', required: false, defaultValue: 'az', input: false },
        clearance: { type: 'string', required: false, defaultValue: 'internal', input: false },
        disabled: { type: 'boolean', required: false, defaultValue: false, input: false },
      },
    },
    emailAndPassword: {
      enabled: true,
      // Accounts are created by administrators and imports, never by self sign-up.
      disableSignUp: true,
      minPasswordLength: 12,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 72 * 3600,
      password: {
        hash: (password) => hash(password, ARGON2),
        verify: ({ hash: h, password }) => verify(h, password),
      },
      sendResetPassword: async ({ user: u, token }) => {
        const url = `${config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`
        await outbox.enqueueAlone({
          to: u.email,
          subject: 'Qalxan: set your password',
          text: `Hello ${u.name},\n\nOpen this link to set your Qalxan password (valid 72 hours):\n${url}\n\nIf you did not expect this message, ignore it.`,
        })
      },
    },
    session: {
      // Read back with the session, so resolving the caller needs no second query for it.
      additionalFields: { mfaVerifiedAt: { type: 'date', required: false, input: false } },
      expiresIn: 8 * 3600,
      updateAge: 15 * 60,
      freshAge: 10 * 60,
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 200,
      customRules: {
        '/sign-in/email': { window: 60, max: 10 },
        '/two-factor/verify-totp': { window: 60, max: 10 },
        '/two-factor/verify-backup-code': { window: 60, max: 10 },
        '/request-password-reset': { window: 300, max: 5 },
      },
    },
    advanced: {
      useSecureCookies: config.secureCookies,
      cookiePrefix: 'qalxan',
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      database: { generateId: () => crypto.randomUUID() },
    },
    plugins: [
      twoFactor({
        issuer: 'Qalxan',
        backupCodeOptions: { amount: 10, length: 10, storeBackupCodes: 'encrypted' },
      }),
      // A passkey with user verification is both factors at once (possession and PIN or biometrics).
      passkey({
        rpID: new URL(config.publicUrl).hostname,
        rpName: 'Qalxan',
        origin: new URL(config.publicUrl).origin,
        authenticatorSelection: { userVerification: 'required', residentKey: 'preferred' },
      }),
    ],
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-in/email') return
        const email = String(ctx.body?.email ?? '')
          .trim()
          .toLowerCase()
        const until = await lockedUntil(email)
        if (until) {
          throw new APIError('TOO_MANY_REQUESTS', {
            code: 'ACCOUNT_LOCKED',
            message: `Too many failed sign-ins. The account is locked until ${until.toISOString().slice(11, 16)} UTC.`,
          })
        }
        const [u] = await db.select({ disabled: user.disabled }).from(user).where(eq(user.email, email))
        if (u?.disabled) {
          throw new APIError('FORBIDDEN', { code: 'ACCOUNT_DISABLED', message: 'This account is disabled.' })
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        const returned = ctx.context.returned
        const failed = returned instanceof APIError || (returned instanceof Response && !returned.ok)
        const ip = ctx.request?.headers.get(CLIENT_IP_HEADER) ?? null
        if (ctx.path === '/sign-in/email') {
          const email = String(ctx.body?.email ?? '')
            .trim()
            .toLowerCase()
          const [u] = await db.select({ id: user.id }).from(user).where(eq(user.email, email))
          if (failed) {
            if (returned instanceof APIError && returned.body?.code === 'ACCOUNT_LOCKED') return
            await recordFailure(email)
            await auditAuth('auth.sign_in', 'failure', u?.id ?? null, { email }, ip)
          } else {
            await db.delete(loginFailures).where(eq(loginFailures.email, email))
            await auditAuth(
              'auth.sign_in',
              'success',
              u?.id ?? null,
              {
                email,
                secondFactorPending: Boolean(
                  (returned as { twoFactorRedirect?: boolean })?.twoFactorRedirect,
                ),
              },
              ip,
            )
          }
          return
        }
        if (
          ctx.path === '/two-factor/verify-totp' ||
          ctx.path === '/two-factor/verify-backup-code' ||
          ctx.path === '/passkey/verify-authentication'
        ) {
          const s = ctx.context.newSession ?? ctx.context.session
          const userId = s?.user.id ?? null
          if (!failed && s?.session.id) {
            await db.update(session).set({ mfaVerifiedAt: clock.now() }).where(eq(session.id, s.session.id))
          }
          const method = ctx.path.endsWith('totp')
            ? 'totp'
            : ctx.path.startsWith('/passkey')
              ? 'passkey'
              : 'recovery_code'
          await auditAuth(
            method === 'passkey' ? 'auth.sign_in' : 'auth.second_factor',
            failed ? 'failure' : 'success',
            userId,
            { method },
            ip,
          )
          return
        }
        if (
          !failed &&
          [
            '/two-factor/disable',
            '/reset-password',
            '/change-password',
            '/passkey/verify-registration',
            '/passkey/delete-passkey',
          ].includes(ctx.path)
        ) {
          const userId = ctx.context.session?.user.id ?? null
          await auditAuth(
            `auth.${ctx.path.slice(1).replaceAll('/', '.').replaceAll('-', '_')}`,
            'success',
            userId,
            {},
            ip,
          )
        }
      }),
    },
  })
}

export type Auth = ReturnType<typeof createAuth>

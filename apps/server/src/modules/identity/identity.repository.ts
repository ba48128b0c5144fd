import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm'
import {
  apiTokens,
  memberships,
  organizations,
  passkey,
  roleGrants,
  session,
  user,
} from '../../db/schema/index.ts'
import type { Executor } from '../../platform/db.ts'
import { preparedSql } from '../../platform/prepared.ts'

/** What authentication needs of a user, whoever vouches for them (a session or an API token). */
export type PrincipalRow = {
  user_id: string
  name: string
  email: string
  locale: string | null
  clearance: string | null
  disabled: boolean | null
  two_factor_enabled: boolean | null
  grants: { role: string; orgId: string | null }[]
  org_id: string | null
  org_name: { az: string; en?: string; ru?: string } | null
  has_passkey: boolean
}
/** Timestamps as ISO 8601 text (`to_json`): raw statements leave them unparsed, differently per driver. */
export type SessionPrincipalRow = PrincipalRow & {
  session_id: string
  expires_at: string
  mfa_verified_at: string | null
}
export type TokenPrincipalRow = PrincipalRow & {
  token_id: string
  scopes: string[]
  expires_at: string
  revoked_at: string | null
  last_used_at: string | null
}

/**
 * The user with the active grants, the current membership (with its organisation's name) and the
 * passkey flag in one row, beside the columns of what vouches for the user (`from`, the user
 * aliased `u`): one statement on every signed-in request instead of one per table.
 */
const principalQuery = (vouch: SQL, from: SQL, where: SQL) => sql`
  select ${vouch}, u.id as user_id, u.name, u.email, u.locale, u.clearance, u.disabled, u.two_factor_enabled,
    (select coalesce(json_agg(json_build_object('role', g.role, 'orgId', g.org_id)), '[]'::json)
       from ${roleGrants} g where g.user_id = u.id and g.revoked_at is null) as grants,
    m.org_id, m.org_name,
    exists (select 1 from ${passkey} p where p.user_id = u.id) as has_passkey
  from ${from}
  left join lateral (
    select cm.org_id, o.name as org_name from ${memberships} cm
      join ${organizations} o on o.id = cm.org_id
     where cm.user_id = u.id and cm.valid_to is null
     order by cm.valid_from desc limit 1) m on true
  where ${where}`

/** Both drivers answer a raw statement with `{ rows }`. */
const firstRow = <T>(r: unknown) => ((r as { rows: T[] }).rows[0] as T | undefined) ?? null

// Sent by every signed-in request whose caller is not in the short cache: prepared once.
const sessionPrincipal = preparedSql<SessionPrincipalRow>(
  'identity_session_principal',
  principalQuery(
    sql`s.id as session_id, to_json(s.expires_at) as expires_at, to_json(s.mfa_verified_at) as mfa_verified_at`,
    sql`${session} s join ${user} u on u.id = s.user_id`,
    sql`s.token = ${sql.placeholder('token')}`,
  ),
)

export const identityRepository = {
  /** The session by its token with its user; the caller checks expiry. */
  async sessionPrincipal(db: Executor, token: string) {
    const [row] = await sessionPrincipal(db, { token })
    return row ?? null
  },
  /** The API token by its hash with its user; the caller checks expiry and revocation. */
  async tokenPrincipal(db: Executor, tokenHash: string) {
    const r = await db.execute(
      principalQuery(
        sql`t.id as token_id, t.scopes, to_json(t.expires_at) as expires_at, to_json(t.revoked_at) as revoked_at,
          to_json(t.last_used_at) as last_used_at`,
        sql`${apiTokens} t join ${user} u on u.id = t.user_id`,
        sql`t.token_hash = ${tokenHash}`,
      ),
    )
    return firstRow<TokenPrincipalRow>(r)
  },
  /** Moves a session's end on (better-auth's sliding expiry), unless it was deleted meanwhile. */
  async extendSession(db: Executor, id: string, expiresAt: Date, at: Date) {
    const r = await db
      .update(session)
      .set({ expiresAt, updatedAt: at })
      .where(eq(session.id, id))
      .returning({ id: session.id })
    return r.length > 0
  },
  deleteSessionById: (db: Executor, id: string) => db.delete(session).where(eq(session.id, id)),
  listSessions: (db: Executor, userId: string) =>
    db.select().from(session).where(eq(session.userId, userId)).orderBy(desc(session.createdAt)),
  async deleteSession(db: Executor, userId: string, sessionId: string) {
    const r = await db
      .delete(session)
      .where(and(eq(session.id, sessionId), eq(session.userId, userId)))
      .returning({ id: session.id })
    return r.length > 0
  },
  touchToken: (db: Executor, id: string, at: Date) =>
    db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id)),
  listTokens: (db: Executor, userId: string) =>
    db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt)),
  insertToken: async (db: Executor, row: typeof apiTokens.$inferInsert) => {
    const [t] = await db.insert(apiTokens).values(row).returning()
    return t as typeof apiTokens.$inferSelect
  },
  async revokeToken(db: Executor, userId: string, id: string, at: Date) {
    const r = await db
      .update(apiTokens)
      .set({ revokedAt: at })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id })
    return r.length > 0
  },
  updateUser: (db: Executor, userId: string, set: Partial<typeof user.$inferInsert>) =>
    db.update(user).set(set).where(eq(user.id, userId)),
}

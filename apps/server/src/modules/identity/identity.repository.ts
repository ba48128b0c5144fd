import { and, desc, eq, isNull } from 'drizzle-orm'
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

export const identityRepository = {
  async findUser(db: Executor, userId: string) {
    const [u] = await db.select().from(user).where(eq(user.id, userId))
    return u ?? null
  },
  async activeGrants(db: Executor, userId: string) {
    return db
      .select({ role: roleGrants.role, orgId: roleGrants.orgId })
      .from(roleGrants)
      .where(and(eq(roleGrants.userId, userId), isNull(roleGrants.revokedAt)))
  },
  async currentMembership(db: Executor, userId: string) {
    const [m] = await db
      .select({ orgId: memberships.orgId, orgName: organizations.name })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.orgId))
      .where(and(eq(memberships.userId, userId), isNull(memberships.validTo)))
      .orderBy(desc(memberships.validFrom))
      .limit(1)
    return m ?? null
  },
  async hasPasskey(db: Executor, userId: string) {
    const [p] = await db.select({ id: passkey.id }).from(passkey).where(eq(passkey.userId, userId)).limit(1)
    return Boolean(p)
  },
  listSessions: (db: Executor, userId: string) =>
    db.select().from(session).where(eq(session.userId, userId)).orderBy(desc(session.createdAt)),
  async deleteSession(db: Executor, userId: string, sessionId: string) {
    const r = await db
      .delete(session)
      .where(and(eq(session.id, sessionId), eq(session.userId, userId)))
      .returning({ id: session.id })
    return r.length > 0
  },
  async findTokenByHash(db: Executor, tokenHash: string) {
    const [t] = await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash))
    return t ?? null
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

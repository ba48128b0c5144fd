import { and, asc, count, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm'
import { memberships, organizations, orgUnits, roleGrants, user } from '../../db/schema/index.ts'
import type { Executor } from '../../platform/db.ts'

const like = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`

export const organizationsRepository = {
  async list(db: Executor, f: { q?: string; limit: number; offset: number }) {
    const w: SQL | undefined = f.q
      ? or(ilike(organizations.code, like(f.q)), sql`${organizations.name}::text ilike ${like(f.q)}`)
      : undefined
    const items = await db
      .select()
      .from(organizations)
      .where(w)
      .orderBy(asc(organizations.code))
      .limit(f.limit)
      .offset(f.offset)
    const [t] = await db.select({ n: count() }).from(organizations).where(w)
    return { items, total: t?.n ?? 0 }
  },
  all: (db: Executor) => db.select().from(organizations).orderBy(asc(organizations.code)),
  async byId(db: Executor, id: string) {
    const [o] = await db.select().from(organizations).where(eq(organizations.id, id))
    return o ?? null
  },
  byCodes: (db: Executor, codes: string[]) =>
    codes.length
      ? db.select().from(organizations).where(inArray(organizations.code, codes))
      : Promise.resolve([]),
  async insert(db: Executor, row: typeof organizations.$inferInsert) {
    const [o] = await db.insert(organizations).values(row).returning()
    return o as typeof organizations.$inferSelect
  },
  async update(db: Executor, id: string, set: Partial<typeof organizations.$inferInsert>) {
    const [o] = await db.update(organizations).set(set).where(eq(organizations.id, id)).returning()
    return o ?? null
  },
  /** Ids of the organisation and every organisation above it, to refuse a parent that would make a cycle. */
  async ancestors(db: Executor, id: string) {
    const r = await db.execute<{ id: string }>(sql`
      with recursive up(id, parent_id, depth) as (
        select id, parent_id, 0 from organizations where id = ${id}
        union all
        select o.id, o.parent_id, up.depth + 1 from organizations o join up on o.id = up.parent_id where up.depth < 100
      ) select id from up`)
    return (r as unknown as { rows: { id: string }[] }).rows.map((x) => x.id)
  },
  units: (db: Executor, orgId: string) =>
    db.select().from(orgUnits).where(eq(orgUnits.orgId, orgId)).orderBy(asc(orgUnits.code)),
  async unitById(db: Executor, id: string) {
    const [u] = await db.select().from(orgUnits).where(eq(orgUnits.id, id))
    return u ?? null
  },
  async insertUnit(db: Executor, row: typeof orgUnits.$inferInsert) {
    const [u] = await db.insert(orgUnits).values(row).returning()
    return u as typeof orgUnits.$inferSelect
  },
}

export const usersRepository = {
  async list(
    db: Executor,
    f: { orgId?: string; orgIds?: string[]; q?: string; limit: number; offset: number },
  ) {
    const current = and(eq(memberships.userId, user.id), isNull(memberships.validTo))
    const w = and(
      f.orgId ? eq(memberships.orgId, f.orgId) : undefined,
      f.orgIds
        ? inArray(memberships.orgId, f.orgIds.length ? f.orgIds : ['00000000-0000-0000-0000-000000000000'])
        : undefined,
      f.q ? or(ilike(user.name, like(f.q)), ilike(user.email, like(f.q))) : undefined,
    )
    const items = await db
      .select({ user, orgId: memberships.orgId, position: memberships.position })
      .from(user)
      .leftJoin(memberships, current)
      .where(w)
      // Names repeat: the id keeps pages stable, so paging neither skips nor repeats a user.
      .orderBy(asc(user.name), asc(user.id))
      .limit(f.limit)
      .offset(f.offset)
    const [t] = await db.select({ n: count() }).from(user).leftJoin(memberships, current).where(w)
    return { items, total: t?.n ?? 0 }
  },
  async byId(db: Executor, id: string) {
    const [r] = await db
      .select({ user, orgId: memberships.orgId, position: memberships.position })
      .from(user)
      .leftJoin(memberships, and(eq(memberships.userId, user.id), isNull(memberships.validTo)))
      .where(eq(user.id, id))
    return r ?? null
  },
  byEmails: (db: Executor, emails: string[]) =>
    emails.length ? db.select().from(user).where(inArray(user.email, emails)) : Promise.resolve([]),
  grantsOf: (db: Executor, userIds: string[]) =>
    userIds.length
      ? db
          .select({ userId: roleGrants.userId, role: roleGrants.role, orgId: roleGrants.orgId })
          .from(roleGrants)
          .where(and(inArray(roleGrants.userId, userIds), isNull(roleGrants.revokedAt)))
      : Promise.resolve([]),
  revokeAllGrants: (db: Executor, userId: string, at: Date) =>
    db
      .update(roleGrants)
      .set({ revokedAt: at })
      .where(and(eq(roleGrants.userId, userId), isNull(roleGrants.revokedAt))),
  insertGrants: (db: Executor, rows: (typeof roleGrants.$inferInsert)[]) =>
    rows.length ? db.insert(roleGrants).values(rows) : Promise.resolve(),
  async insertUser(db: Executor, row: typeof user.$inferInsert) {
    const [u] = await db.insert(user).values(row).returning()
    return u as typeof user.$inferSelect
  },
  updateUser: (db: Executor, id: string, set: Partial<typeof user.$inferInsert>) =>
    db.update(user).set(set).where(eq(user.id, id)),
  memberships: (db: Executor, userId: string) =>
    db.select().from(memberships).where(eq(memberships.userId, userId)).orderBy(asc(memberships.validFrom)),
  async currentMembership(db: Executor, userId: string) {
    const [m] = await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, userId), isNull(memberships.validTo)))
    return m ?? null
  },
  closeMembership: (db: Executor, id: string, validTo: string) =>
    db.update(memberships).set({ validTo }).where(eq(memberships.id, id)),
  insertMembership: (db: Executor, row: typeof memberships.$inferInsert) =>
    db.insert(memberships).values(row),
}

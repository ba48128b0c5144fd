import { eq, sql } from 'drizzle-orm'
import { integer, pgTable, text } from 'drizzle-orm/pg-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../src/platform/db.ts'
import { prepared, preparedSql } from '../src/platform/prepared.ts'
import { DATABASES, openTestDatabase } from './helpers.ts'

const probe = pgTable('prepared_probe', { id: integer('id').primaryKey(), note: text('note') })

// Module-level, as in the repositories: the same statements serve both drivers in one process.
const insertProbe = prepared('test_probe_insert', (db) =>
  db.insert(probe).values({ id: sql.placeholder('id'), note: sql.placeholder('note') }),
)
const probeById = prepared('test_probe_by_id', (db) =>
  db
    .select()
    .from(probe)
    .where(eq(probe.id, sql.placeholder('id'))),
)
const countProbes = preparedSql<{ n: number }>(
  'test_probe_count',
  sql`select count(*)::int as n from prepared_probe`,
)

describe.each(DATABASES)('prepared statements on %s', (kind) => {
  let database: Database & { drop(): Promise<void> }
  beforeAll(async () => {
    database = await openTestDatabase(kind)
    await database.query('create table prepared_probe (id integer primary key, note text)')
  })
  afterAll(() => database.drop())

  it('run on the database, mapping the rows as the query builder does', async () => {
    await insertProbe(database.db, { id: 1, note: 'one' })
    expect(await probeById(database.db, { id: 1 })).toEqual([{ id: 1, note: 'one' }])
    expect(await probeById(database.db, { id: 2 })).toEqual([])
    expect(await countProbes(database.db)).toEqual([{ n: 1 }])
  })

  it('run in the transaction they are given: it sees its own rows, and a rollback takes them back', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await insertProbe(tx, { id: 2, note: 'two' })
        expect(await probeById(tx, { id: 2 })).toEqual([{ id: 2, note: 'two' }])
        expect(await countProbes(tx)).toEqual([{ n: 2 }])
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    expect(await probeById(database.db, { id: 2 })).toEqual([])
    expect(await countProbes(database.db)).toEqual([{ n: 1 }])
  })

  it('serve many callers at once, over several pooled connections', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => insertProbe(database.db, { id: 100 + i, note: `n${i}` })),
    )
    const rows = await Promise.all(
      Array.from({ length: 20 }, (_, i) => probeById(database.db, { id: 100 + i })),
    )
    expect(rows.map((r) => r[0]?.note)).toEqual(Array.from({ length: 20 }, (_, i) => `n${i}`))
  })

  it('keep a failed statement from spoiling the connection', async () => {
    await expect(insertProbe(database.db, { id: 1, note: 'again' })).rejects.toThrow()
    expect(await probeById(database.db, { id: 1 })).toEqual([{ id: 1, note: 'one' }])
  })
})

describe('prepared statement names', () => {
  it('are unique', () => {
    expect(() => preparedSql('test_probe_count', sql`select 1`)).toThrow(/Two prepared statements named/)
  })
})

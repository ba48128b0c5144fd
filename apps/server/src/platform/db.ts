import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import type { ExtractTablesWithRelations } from 'drizzle-orm'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import pg from 'pg'
import * as schema from '../db/schema/index.ts'

export type Schema = typeof schema
export type Db = PgDatabase<PgQueryResultHKT, Schema>
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>
/** Repositories take either: a query that must join a transaction is given the `tx`. */
export type Executor = Db | Tx

export type Database = {
  kind: 'pglite' | 'postgres'
  db: Db
  /** The embedded engine, when embedded: pg-boss shares it. */
  pglite?: PGlite
  connectionString?: string
  /** Raw SQL with parameters, for pg-boss adapters and bulk work. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>
  close(): Promise<void>
}

export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../db/migrations')

/**
 * PGlite has no inter-process lock: a second process opening a live data folder can corrupt it.
 * The lock file holds the owner's PID; a stale one (owner gone) is taken over.
 */
export const lockDataDir = (dir: string): (() => void) => {
  mkdirSync(dir, { recursive: true })
  const lockPath = join(dir, 'qalxan.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      return () => rmSync(lockPath, { force: true })
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const pid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10)
      // The same process counts too: two PGlite instances on one folder corrupt it just the same.
      if (Number.isInteger(pid) && isAlive(pid)) {
        throw new Error(
          `The data folder "${dir}" is in use by process ${pid}. Stop that process first, or set DATABASE_URL to use PostgreSQL for several processes.`,
        )
      }
      rmSync(lockPath, { force: true })
    }
  }
  throw new Error(`Could not lock the data folder "${dir}"`)
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export type OpenOptions = {
  /** postgres://… selects PostgreSQL; otherwise PGlite in `dataDir` (or in memory when `memory`). */
  databaseUrl?: string
  dataDir?: string
  memory?: boolean
  /** A PGlite data-folder dump to start from (tests load a migrated template this way). */
  loadDataDir?: Blob
}

export const openDatabase = async (opts: OpenOptions): Promise<Database> => {
  if (opts.databaseUrl?.startsWith('postgres')) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 })
    // An idle connection the server closes (restart, failover, administrator) is reported here;
    // unhandled, it would end the process. The pool replaces the connection on the next query.
    pool.on('error', (err) => {
      console.warn(`database connection lost: ${err.message}`)
    })
    const db = drizzlePg({ client: pool, schema }) as unknown as Db
    return {
      kind: 'postgres',
      db,
      connectionString: opts.databaseUrl,
      query: async (sql, params) => pool.query(sql, params as unknown[]) as never,
      close: () => pool.end(),
    }
  }
  let release: (() => void) | undefined
  let dataDir: string | undefined
  if (!opts.memory) {
    dataDir = resolve(opts.dataDir ?? './data', 'pgdata')
    release = lockDataDir(resolve(opts.dataDir ?? './data'))
  }
  try {
    // pg_trgm backs the search box's indexes (migration 0004), as it does on PostgreSQL.
    const pglite = await PGlite.create({ dataDir, loadDataDir: opts.loadDataDir, extensions: { pg_trgm } })
    const db = drizzlePglite({ client: pglite, schema }) as unknown as Db
    return {
      kind: 'pglite',
      db,
      pglite,
      query: async (sql, params) => pglite.query(sql, params) as never,
      close: async () => {
        await pglite.close()
        release?.()
      },
    }
  } catch (err) {
    release?.()
    throw err
  }
}

export const runMigrations = async (database: Database): Promise<void> => {
  const config = { migrationsFolder: MIGRATIONS_DIR }
  if (database.kind === 'pglite') await migratePglite(database.db as never, config)
  else await migratePg(database.db as never, config)
}

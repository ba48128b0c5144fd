import pg from 'pg'
import type { Database } from '../../apps/server/src/platform/db.ts'

/**
 * Bulk loading with COPY … FROM STDIN in PostgreSQL's text format: the fastest way in, several
 * times faster than multi-row INSERTs (../shared/STACK.md: Drizzle's builder costs ~2 s per 100k
 * rows on top). PostgreSQL gets it through `pg`'s submittable interface (what pg-copy-streams
 * does, without adding the dependency); PGlite reads the same text from a Blob (`/dev/blob`).
 */

/** A value as COPY takes it: null/undefined as NULL, dates as ISO text, objects as JSON. */
export type Value = unknown

/** One value in COPY text format: \N for NULL, backslash escapes for the four special characters. */
const field = (v: Value): string => {
  if (v === null || v === undefined) return '\\N'
  const s =
    typeof v === 'string'
      ? v
      : v instanceof Date
        ? v.toISOString()
        : typeof v === 'object'
          ? JSON.stringify(v)
          : String(v)
  return /[\\\t\n\r]/.test(s)
    ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : s
}

export const copyText = (rows: readonly Value[][]) => {
  let out = ''
  for (const r of rows) out += `${r.map(field).join('\t')}\n`
  return out
}

/** A COPY FROM STDIN statement as a `pg` submittable: sends the text when the server asks for it. */
class CopyIn {
  private error: Error | undefined
  constructor(
    readonly text: string,
    private readonly data: Buffer,
    private readonly done: (err?: Error) => void,
  ) {}
  submit(connection: { query(text: string): void }) {
    connection.query(this.text)
  }
  handleCopyInResponse(connection: { sendCopyFromChunk(b: Buffer): void; endCopyFrom(): void }) {
    const CHUNK = 256 * 1024
    for (let i = 0; i < this.data.length; i += CHUNK)
      connection.sendCopyFromChunk(this.data.subarray(i, i + CHUNK))
    connection.endCopyFrom()
  }
  handleError(err: Error) {
    this.error = err
  }
  handleCommandComplete() {}
  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handleReadyForQuery() {
    this.done(this.error)
  }
}

export type Loader = {
  /** Appends rows to a table; resolves when the server has them. */
  copy(table: string, columns: readonly string[], rows: readonly Value[][]): Promise<void>
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>
  close(): Promise<void>
}

const statement = (table: string, columns: readonly string[]) =>
  `copy "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`

/**
 * A loader on its own connection (PostgreSQL) with, for this session only, synchronous commit off
 * (the load is thrown away with the database if anything fails) and foreign-key triggers off
 * (`session_replication_role = replica`: three times faster; `checkForeignKeys` then proves every
 * reference afterwards). The portal's own connections keep the server's settings.
 */
export const openLoader = async (database: Database): Promise<Loader> => {
  if (database.kind === 'postgres') {
    const client = new pg.Client({ connectionString: database.connectionString })
    await client.connect()
    await client.query(
      `set synchronous_commit = off; set maintenance_work_mem = '256MB'; set session_replication_role = replica`,
    )
    return {
      copy: (table, columns, rows) =>
        new Promise<void>((resolve, reject) => {
          const data = Buffer.from(copyText(rows), 'utf8')
          const q = new CopyIn(statement(table, columns), data, (err) => (err ? reject(err) : resolve()))
          client.query(q as never)
        }),
      query: async (sql, params) => client.query(sql, params) as never,
      close: () => client.end(),
    }
  }
  const pglite = database.pglite
  if (!pglite) throw new Error('PGlite engine missing')
  // PGlite has one session, shared with the portal: the settings are reset when the load is done.
  await pglite.exec('set synchronous_commit = off; set session_replication_role = replica')
  return {
    async copy(table, columns, rows) {
      const blob = new Blob([copyText(rows)])
      await pglite.query(`${statement(table, columns).replace('from stdin', "from '/dev/blob'")}`, [], {
        blob,
      })
    },
    query: async (sql, params) => pglite.query(sql, params) as never,
    close: async () => {
      await pglite.exec('reset synchronous_commit; reset session_replication_role')
    },
  }
}

/**
 * Drops a table's secondary indexes (not its primary key or unique constraints) while `fn` loads it,
 * then builds them again from their own definitions: one sort per index instead of two million
 * random insertions. The indexes afterwards are exactly those of the migrations.
 */
export const withIndexesDeferred = async (loader: Loader, table: string, fn: () => Promise<void>) => {
  const { rows } = await loader.query<{ indexname: string; indexdef: string }>(
    `select i.indexname, i.indexdef from pg_indexes i
      where i.schemaname = 'public' and i.tablename = $1
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [table],
  )
  for (const r of rows) await loader.query(`drop index "${r.indexname}"`)
  try {
    await fn()
  } finally {
    for (const r of rows) await loader.query(r.indexdef)
  }
}

/**
 * Every single-column foreign key of the public schema, checked in one anti-join each: what the
 * triggers skipped during the load. Returns the constraints that have orphans (none, or a bug here).
 */
export const checkForeignKeys = async (loader: Loader) => {
  const { rows } = await loader.query<{
    name: string
    child: string
    col: string
    parent: string
    pcol: string
  }>(
    `select c.conname as name, c.conrelid::regclass::text as child, a.attname as col,
            c.confrelid::regclass::text as parent, af.attname as pcol
       from pg_constraint c
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
       join pg_attribute af on af.attrelid = c.confrelid and af.attnum = c.confkey[1]
      where c.contype = 'f' and cardinality(c.conkey) = 1 and c.connamespace = 'public'::regnamespace`,
  )
  const broken: string[] = []
  for (const fk of rows) {
    const { rows: r } = await loader.query<{ n: number }>(
      `select count(*)::int as n from ${fk.child} x where x."${fk.col}" is not null
         and not exists (select 1 from ${fk.parent} p where p."${fk.pcol}" = x."${fk.col}")`,
    )
    if ((r[0]?.n ?? 0) > 0)
      broken.push(`${fk.name}: ${r[0]?.n} rows of ${fk.child} without their ${fk.parent}`)
  }
  return { checked: rows.length, broken }
}

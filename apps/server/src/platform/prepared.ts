import type { SQL } from 'drizzle-orm'
import type { Executor } from './db.ts'

/**
 * Named prepared statements for the statements almost every request sends (the measure, the period
 * and the report a write acts on, the audit chain's head, a revision, the signed-in caller).
 *
 * Drizzle builds a query's SQL text on every call: walking the selection, the conditions and the
 * column mappings costs 0.2–0.3 ms per statement on the reference machine, as much as PostgreSQL
 * takes to answer these ones (`bench/monitoring`: `select … from reporting_periods where id = $1`
 * 0.48–0.57 ms through the builder, 0.27 ms prepared). A prepared query is built once; on
 * PostgreSQL its name also lets each pooled connection parse and plan it once.
 *
 * Drizzle binds a prepared query to the connection it was prepared on, while the repositories take
 * whichever executor the caller has: the database, or a transaction on a connection of its own. So
 * the query is built once per driver and run as a view that only swaps the connection for the
 * executor's (`_.session.client`, what Drizzle's own prepared queries run on). drizzle-orm is
 * pinned to an exact version for this; `test/prepared.int.test.ts` shows the statements run in the
 * transaction they are given (a rollback takes them back) on PGlite and PostgreSQL.
 */

type Values = Record<string, unknown>
type PreparedQuery<R> = { execute(values?: Values): Promise<R>; client?: unknown }
type Session = {
  client: unknown
  prepareQuery(
    query: { sql: string; params: unknown[] },
    fields: undefined,
    name: string,
    isResponseInArrayMode: boolean,
  ): PreparedQuery<unknown>
}
type Internals = {
  _: { session: Session }
  dialect: { sqlToQuery(sql: SQL): { sql: string; params: unknown[] } }
}

const names = new Set<string>()

const claim = (name: string) => {
  if (names.has(name)) throw new Error(`Two prepared statements named ${name}`)
  names.add(name)
}

/** Runs `base` (prepared on some connection of the same driver) on the executor's connection. */
const on = <R>(base: PreparedQuery<R>, client: unknown): PreparedQuery<R> =>
  base.client === client ? base : (Object.create(base, { client: { value: client } }) as PreparedQuery<R>)

/**
 * The statement made by `make` on the first executor of each driver (PGlite, node-postgres), run on
 * the connection of whichever executor a call gets.
 */
const perDriver = <R>(name: string, make: (executor: Executor) => PreparedQuery<R>) => {
  claim(name)
  const byDriver = new Map<unknown, PreparedQuery<R>>()
  return (executor: Executor, values?: Values) => {
    const session = (executor as unknown as Internals)._.session
    let base = byDriver.get(session.constructor)
    if (!base) {
      base = make(executor)
      byDriver.set(session.constructor, base)
    }
    return on(base, session.client).execute(values)
  }
}

/**
 * A query-builder statement with `sql.placeholder(…)` for its values, built and named once:
 * `const byId = prepared('period_by_id', (db) => db.select().from(t).where(eq(t.id, sql.placeholder('id'))))`,
 * then `await byId(executor, { id })`.
 */
export const prepared = <R>(
  name: string,
  build: (db: Executor) => { prepare(name: string): PreparedQuery<R> },
): ((executor: Executor, values?: Values) => Promise<R>) =>
  perDriver(name, (executor) => build(executor).prepare(name))

/**
 * A raw statement (`sql\`…${sql.placeholder('x')}…\``), built and named once; answers its rows as
 * the driver gives them (as `db.execute` does).
 */
export const preparedSql = <Row>(
  name: string,
  statement: SQL,
): ((executor: Executor, values?: Values) => Promise<Row[]>) => {
  const run = perDriver(name, (executor) => {
    const internals = executor as unknown as Internals
    return internals._.session.prepareQuery(
      internals.dialect.sqlToQuery(statement),
      undefined,
      name,
      false,
    ) as PreparedQuery<{ rows: Row[] }>
  })
  return async (executor, values) => (await run(executor, values)).rows
}

/**
 * A statement whose shape depends on its input (the columns an update sets, the filters a list
 * uses), prepared once per shape under `prefix_1`, `prefix_2`…: `shaped(key, parts)` gives the
 * statement of the shape `key`, building it from `parts` the first time.
 */
export const preparedByShape = <P, R>(
  prefix: string,
  build: (parts: P) => (db: Executor) => { prepare(name: string): PreparedQuery<R> },
) => {
  const shapes = new Map<string, (executor: Executor, values?: Values) => Promise<R>>()
  return (key: string, parts: P) => {
    let run = shapes.get(key)
    if (!run) {
      run = prepared(`${prefix}_${shapes.size + 1}`, build(parts))
      shapes.set(key, run)
    }
    return run
  }
}

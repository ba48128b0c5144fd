import pg from 'pg'
import type { Database } from '../../apps/server/src/platform/db.ts'

/**
 * Records every SQL statement the portal sends while `capture` runs: through `pg.Client` (every
 * pooled and transaction connection of the PostgreSQL pass) or the PGlite engine's `query` (queries
 * inside PGlite transactions are not seen). Used for one request per endpoint, unloaded, to count the
 * statements, find the ones repeated per row, and EXPLAIN ANALYZE the slow ones.
 */

export type Statement = { sql: string; params: unknown[]; ms: number }

let sink: Statement[] | null = null
let installed = false

const installPg = () => {
  if (installed) return
  installed = true
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown }
  const original = proto.query
  proto.query = function (this: unknown, ...a: unknown[]) {
    const into = sink
    const config = a[0] as { text?: string; values?: unknown[]; submit?: unknown } | string
    if (!into || (typeof config === 'object' && typeof config?.submit === 'function'))
      return original.apply(this, a)
    const sql = typeof config === 'string' ? config : (config?.text ?? '')
    const params = (Array.isArray(a[1]) ? a[1] : typeof config === 'object' ? config.values : undefined) ?? []
    const t = performance.now()
    const done = () => into.push({ sql, params, ms: performance.now() - t })
    const last = a.length - 1
    if (typeof a[last] === 'function') {
      const cb = a[last] as (...r: unknown[]) => void
      a[last] = (...r: unknown[]) => {
        done()
        cb(...r)
      }
      return original.apply(this, a)
    }
    const r = original.apply(this, a) as Promise<unknown> | undefined
    r?.then(done, done)
    return r
  }
}

export const capture = async <T>(
  database: Database,
  fn: () => Promise<T>,
): Promise<{ result: T; statements: Statement[] }> => {
  const statements: Statement[] = []
  if (database.kind === 'postgres') {
    installPg()
    sink = statements
    try {
      return { result: await fn(), statements }
    } finally {
      sink = null
    }
  }
  const engine = database.pglite
  if (!engine) throw new Error('no PGlite engine')
  const query = engine.query
  engine.query = (async (...a: Parameters<typeof query>) => {
    const t = performance.now()
    try {
      return await query.apply(engine, a)
    } finally {
      statements.push({ sql: String(a[0]), params: (a[1] as unknown[]) ?? [], ms: performance.now() - t })
    }
  }) as typeof query
  try {
    return { result: await fn(), statements }
  } finally {
    Reflect.deleteProperty(engine, 'query')
  }
}

/** Statement text with its literals and whitespace folded, so repeats per row group together. */
export const shape = (sql: string) =>
  sql
    .replace(/\s+/g, ' ')
    .replace(/\$\d+/g, '$n')
    .replace(/(\$n, )+\$n/g, '$n…')
    .trim()

export const summarise = (statements: Statement[]) => {
  const groups = new Map<string, { n: number; ms: number }>()
  for (const s of statements) {
    const k = shape(s.sql)
    const g = groups.get(k) ?? { n: 0, ms: 0 }
    g.n++
    g.ms += s.ms
    groups.set(k, g)
  }
  return {
    count: statements.length,
    ms: statements.reduce((t, s) => t + s.ms, 0),
    repeated: [...groups.entries()].filter(([, g]) => g.n >= 3).sort((a, b) => b[1].n - a[1].n),
    slowest: [...statements].sort((a, b) => b.ms - a.ms).slice(0, 3),
  }
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of a read statement with its parameters, inside a transaction rolled back.
 * Run twice on the same connection and the second kept: the first pays for a cold catalogue cache
 * (a new connection's planning is several times slower than the portal's warm pooled ones).
 */
export const explain = async (database: Database, s: Statement): Promise<string> => {
  if (!/^\s*(select|with)\b/i.test(s.sql)) return '(not a read: not explained)'
  const run = async (q: (sql: string, p?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>) => {
    await q('begin')
    try {
      await q(`explain (analyze, buffers) ${s.sql}`, s.params)
      const { rows } = await q(`explain (analyze, buffers) ${s.sql}`, s.params)
      return rows.map((r) => String(Object.values(r)[0])).join('\n')
    } finally {
      await q('rollback')
    }
  }
  if (database.kind === 'postgres') {
    const c = new pg.Client({ connectionString: database.connectionString })
    await c.connect()
    try {
      return await run((sql, p) => c.query(sql, p as unknown[]) as never)
    } finally {
      await c.end()
    }
  }
  return run((sql, p) => database.query(sql, p))
}

/** Where one request's server time went, from hooks added after the portal's own. */
export type Phases = { hooksAndAuth: number; handler: number; serialize: number }

/**
 * Hooks added to the built app before it listens (they run after the portal's own hooks of the same
 * kind): our onRequest → our preHandler is the portal's request hooks and authentication,
 * preHandler → preSerialization the route handler (service and SQL), preSerialization → onSend the
 * response schema's validation and JSON serialisation. They record only while `phases` is awaited.
 */
export const installPhaseHooks = (app: import('fastify').FastifyInstance) => {
  let into: Phases[] | null = null
  const marks = new WeakMap<object, number[]>()
  const mark = (req: object) => marks.get(req)?.push(performance.now())
  app.addHook('onRequest', async (req) => {
    if (into) marks.set(req, [performance.now()])
  })
  app.addHook('preHandler', async (req) => {
    mark(req)
  })
  app.addHook('preSerialization', async (req, _reply, payload) => {
    mark(req)
    return payload
  })
  app.addHook('onSend', async (req, _reply, payload) => {
    mark(req)
    const m = marks.get(req)
    if (into && m && m.length === 4) {
      const [a, b, c, d] = m as [number, number, number, number]
      into.push({ hooksAndAuth: b - a, handler: c - b, serialize: d - c })
    }
    return payload
  })
  return {
    async phases<T>(fn: () => Promise<T>): Promise<{ result: T; phases: Phases | null }> {
      const got: Phases[] = []
      into = got
      try {
        return { result: await fn(), phases: got[0] ?? null }
      } finally {
        into = null
      }
    },
  }
}
export type PhaseRecorder = ReturnType<typeof installPhaseHooks>

/**
 * API throughput of the portal's list endpoints as a ratio of an empty Fastify route measured in the
 * same run, on PGlite and on PostgreSQL. See bench/README.md.
 *
 *   node --import tsx bench/api/run.ts [--db pglite,postgres] [--seconds 5] [--warmup 1] …
 */
import { type ChildProcess, fork } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import Fastify, { type FastifyInstance } from 'fastify'
import { buildApp } from '../../apps/server/src/app.ts'
import { loadConfig } from '../../apps/server/src/config.ts'
import { memberships, roleGrants, user } from '../../apps/server/src/db/schema/index.ts'
import { systemClock } from '../../apps/server/src/platform/clock.ts'
import { type Database, openDatabase, runMigrations } from '../../apps/server/src/platform/db.ts'
import { createFileStore } from '../../apps/server/src/platform/files.ts'
import { totpFromUri } from '../../apps/server/src/platform/totp.ts'
import { enrolTotp, setPassword } from '../../apps/server/src/seed/demo.ts'
import setupTemplates, { TEMPLATE_FILE, withDb } from '../../apps/server/test/global-setup.ts'
import type { LoadJob, LoadReply, LoadSummary } from './load.ts'
import { type SeedCounts, seedData } from './seed.ts'

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'pglite,postgres' },
    seconds: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    connections: { type: 'string', default: '10' },
    'max-requests': { type: 'string', default: '250000' },
    orgs: { type: 'string', default: '300' },
    users: { type: 'string', default: '3000' },
    'pg-url': {
      type: 'string',
      default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
    rounds: { type: 'string', default: '1' },
    'time-limit': { type: 'string', default: '900' },
    sql: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
})

if (args.help) {
  console.log(`node --import tsx bench/api/run.ts [options]

  --db pglite,postgres   databases to run on, in this order (default both)
  --seconds 5            measured seconds per run
  --warmup 1             warm-up seconds before each run (not counted)
  --connections 10       concurrent keep-alive connections
  --max-requests 250000  upper bound of requests per run
  --rounds 1             repeat the whole set; the table shows medians and the ratio range
  --orgs 300 --users 3000  data seeded before the runs
  --pg-url URL           PostgreSQL server to create the throw-away database in
                         (default BENCH_PG_URL or postgres://postgres@127.0.0.1:5432/postgres)
  --sql                  print the SQL statements of one request per endpoint (PGlite pass)
  --time-limit 900       stop (and clean up) after this many seconds`)
  process.exit(0)
}

const num = (name: keyof typeof args, min: number, max: number) => {
  const v = Number(args[name])
  if (!Number.isFinite(v) || v < min || v > max)
    throw new Error(`--${name} must be between ${min} and ${max}`)
  return v
}
const SECONDS = num('seconds', 1, 60)
const WARMUP = num('warmup', 0, 30)
const CONNECTIONS = num('connections', 1, 200)
const MAX_REQUESTS = num('max-requests', CONNECTIONS, 10_000_000)
const ORGS = num('orgs', 1, 100_000)
const USERS = num('users', 1, 1_000_000)
const ROUNDS = num('rounds', 1, 20)
const TIME_LIMIT = num('time-limit', 30, 3600)
const KINDS = (args.db ?? '').split(',').map((s) => s.trim())
for (const k of KINDS)
  if (k !== 'pglite' && k !== 'postgres') throw new Error(`--db: unknown database "${k}"`)

const ORIGIN = 'http://localhost:3000'
const PASSWORD = 'bench-password-Qalxan-2026'
const BENCH_EMAIL = 'bench.secretariat@bench.gov.az'
/** Client addresses sent through X-Forwarded-For: 1024 × 300 requests a minute per route is far above any run. */
const CLIENT_IPS = Array.from({ length: 1024 }, (_, i) => `10.77.${i >> 8}.${(i & 255) + 1}`)

// The portal sits behind a proxy on loopback here; it takes the client address from X-Forwarded-For.
process.env.TRUST_PROXY = '127.0.0.1'

const cleanups: (() => Promise<void>)[] = []
let cleaning = Promise.resolve()
/**
 * Runs the cleanups registered after position `from`, newest first. Calls queue behind each other, so
 * whoever exits (the main flow or a signal) waits until the throw-away database is dropped.
 */
const cleanUp = (from = 0) => {
  const batch = cleanups.splice(from).reverse()
  cleaning = cleaning.then(async () => {
    for (const c of batch) {
      try {
        await c()
      } catch (err) {
        console.error('cleanup:', err instanceof Error ? err.message : err)
      }
    }
  })
  return cleaning
}
let abortCode: number | undefined
const abort = (why: string, code: number) => {
  console.error(why)
  abortCode = code
  void cleanUp().finally(() => process.exit(code))
}
process.once('SIGINT', () => abort('interrupted', 130))
process.once('SIGTERM', () => abort('terminated', 143))
setTimeout(() => abort(`stopped: over the time limit of ${TIME_LIMIT} s`, 1), TIME_LIMIT * 1000).unref()

const log = (s: string) => process.stderr.write(`${s}\n`)
const since = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`

// ---------------------------------------------------------------------------------------------- load

const startLoadClient = () => {
  const child: ChildProcess = fork(join(import.meta.dirname, 'load.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const waiting = new Map<number, { resolve(s: LoadSummary): void; reject(e: Error): void }>()
  child.on('message', (m: LoadReply) => {
    const w = waiting.get(m.id)
    waiting.delete(m.id)
    if (m.summary) w?.resolve(m.summary)
    else w?.reject(new Error(m.error ?? 'load client failed'))
  })
  child.on('exit', (code) => {
    for (const w of waiting.values()) w.reject(new Error(`load client exited (${code})`))
    waiting.clear()
  })
  let next = 0
  const send = (job: Omit<LoadJob, 'id' | 'clientIps' | 'connections' | 'maxRequests'>) =>
    new Promise<LoadSummary>((resolve, reject) => {
      const id = ++next
      waiting.set(id, { resolve, reject })
      child.send({
        ...job,
        id,
        clientIps: CLIENT_IPS,
        connections: CONNECTIONS,
        maxRequests: MAX_REQUESTS,
      } satisfies LoadJob)
    })
  return {
    /** A warm-up run whose figures are dropped, then the measured run. */
    async measure(origin: string, path: string, headers: Record<string, string> = {}) {
      if (WARMUP > 0) await send({ origin, path, headers, seconds: WARMUP })
      return send({ origin, path, headers, seconds: SECONDS })
    },
    async stop() {
      if (child.connected) child.disconnect()
      if (child.exitCode === null) await new Promise((r) => child.once('exit', r))
    },
  }
}
type LoadClient = ReturnType<typeof startLoadClient>

/** The baseline: a bare Fastify app with one route, nothing registered. */
const startBaseline = async () => {
  const app = Fastify()
  app.get('/empty', async () => ({}))
  await app.listen({ port: 0, host: '127.0.0.1' })
  return { app, origin: originOf(app) }
}

const originOf = (app: FastifyInstance) => {
  const a = app.server.address()
  if (!a || typeof a === 'string') throw new Error('no TCP address')
  return `http://127.0.0.1:${a.port}`
}

// ------------------------------------------------------------------------------------------ database

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const withAdmin = async <T>(url: string, fn: (admin: Database) => Promise<T>) => {
  const admin = await openDatabase({ databaseUrl: url })
  try {
    return await fn(admin)
  } finally {
    await admin.close()
  }
}

const openBenchDatabase = async (kind: 'pglite' | 'postgres'): Promise<Database> => {
  if (kind === 'pglite') {
    if (!existsSync(TEMPLATE_FILE)) {
      // Writes only the PGlite template: the PostgreSQL template belongs to the test runs.
      const saved = process.env.TEST_PG_URL
      delete process.env.TEST_PG_URL
      try {
        await setupTemplates()
      } finally {
        if (saved !== undefined) process.env.TEST_PG_URL = saved
      }
    }
    const database = await openDatabase({
      memory: true,
      loadDataDir: new Blob([readFileSync(TEMPLATE_FILE)]),
    })
    cleanups.push(() => database.close())
    // A template older than the newest migration is brought up to date.
    await runMigrations(database)
    return database
  }
  const adminUrl = args['pg-url'] as string
  const name = `qalxan_bench_${process.pid}`
  await withAdmin(adminUrl, async (admin) => {
    // Databases left by runs that were killed before they could drop theirs.
    const { rows } = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like 'qalxan\\_bench\\_%'`,
    )
    for (const { datname } of rows) {
      const pid = Number(datname.slice('qalxan_bench_'.length))
      if (Number.isInteger(pid) && !isAlive(pid))
        await admin.query(`drop database if exists ${datname} with (force)`)
    }
    await admin.query(`drop database if exists ${name} with (force)`)
    await admin.query(`create database ${name}`)
  })
  cleanups.push(async () => {
    await withAdmin(adminUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`))
  })
  const database = await openDatabase({ databaseUrl: withDb(adminUrl, name) })
  cleanups.push(() => database.close())
  await runMigrations(database)
  return database
}

// ---------------------------------------------------------------------------------------------- auth

const cookieHeader = (jar: Map<string, string>, res: Response) => {
  for (const c of res.headers.getSetCookie()) {
    const pair = c.split(';')[0] as string
    const name = pair.slice(0, pair.indexOf('='))
    const value = pair.slice(pair.indexOf('=') + 1)
    if (value === '' || /max-age=0/i.test(c)) jar.delete(name)
    else jar.set(name, pair)
  }
  return [...jar.values()].join('; ')
}

const post = (origin: string, path: string, body: unknown, cookie?: string) =>
  fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  })

/** Password and TOTP code over HTTP, as the browser does; returns the session cookie header. */
const signIn = async (origin: string, email: string, totpUri: string) => {
  const jar = new Map<string, string>()
  const r1 = await post(origin, '/api/auth/sign-in/email', { email, password: PASSWORD })
  if (!r1.ok) throw new Error(`sign-in: ${r1.status} ${await r1.text()}`)
  let cookie = cookieHeader(jar, r1)
  if (((await r1.json()) as { twoFactorRedirect?: boolean }).twoFactorRedirect) {
    const r2 = await post(
      origin,
      '/api/auth/two-factor/verify-totp',
      { code: await totpFromUri(totpUri) },
      cookie,
    )
    if (!r2.ok) throw new Error(`second factor: ${r2.status} ${await r2.text()}`)
    cookie = cookieHeader(jar, r2)
  }
  return cookie
}

// --------------------------------------------------------------------------------------------- a run

/** One measured run, with the mean of the empty-route runs just before and just after it. */
type Run = { s: LoadSummary; empty: number; ratio: number }
type Row = { database: string; endpoint: string; auth: string; runs: Run[] }

type Target = {
  endpoint: string
  auth: string
  path: string
  headers: Record<string, string>
  expect?: number
}

const benchDatabase = async (kind: 'pglite' | 'postgres', load: LoadClient, baseline: { origin: string }) => {
  const label = kind === 'pglite' ? 'PGlite (in memory)' : 'PostgreSQL 15'
  log(`\n== ${label}`)
  let t = performance.now()
  const database = await openBenchDatabase(kind)
  log(`database open and migrated: ${since(t)}`)

  t = performance.now()
  const counts = await seedData(database, { organizations: ORGS, users: USERS })
  log(
    `seeded ${counts.organizations} organisations, ${counts.users} users, ${counts.memberships} memberships, ${counts.grants} role grants: ${since(t)}`,
  )

  const dir = mkdtempSync(join(os.tmpdir(), 'qalxan-bench-'))
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }))
  const config = loadConfig({ DATA_DIR: dir, PUBLIC_URL: ORIGIN, LOG_LEVEL: 'silent' })
  const { app, services } = await buildApp({
    config,
    database,
    clock: systemClock,
    files: createFileStore(join(dir, 'files')),
    authSecret: 'bench-secret-bench-secret-bench-secret-0123456789',
    logger: false,
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  cleanups.push(() => app.close())
  const origin = originOf(app)

  // The signed-in user: a secretariat member, who may list every organisation and every user. The role is
  // privileged, so TOTP is enrolled through better-auth and the sign-in passes the second factor.
  t = performance.now()
  const orgId = counts.orgIds[0] as string
  const userId = crypto.randomUUID()
  await database.db.insert(user).values({ id: userId, email: BENCH_EMAIL, name: 'Bench Secretariat' })
  await database.db.insert(memberships).values({ userId, orgId, validFrom: '2024-01-01' })
  await database.db.insert(roleGrants).values({ userId, orgId, role: 'secretariat' })
  await setPassword(database, userId, PASSWORD)
  const { totpUri } = await enrolTotp(services, BENCH_EMAIL, PASSWORD)
  const cookie = await signIn(origin, BENCH_EMAIL, totpUri)
  // A read-scoped API token, created through the API with the fresh second factor (step-up).
  const created = await post(
    origin,
    '/api/tokens',
    { name: 'bench', scopes: ['read'], expiresInDays: 1 },
    cookie,
  )
  if (created.status !== 201) throw new Error(`token: ${created.status} ${await created.text()}`)
  const { secret } = (await created.json()) as { secret: string }
  log(`signed in (password + TOTP) and created an API token: ${since(t)}`)

  const totalUsers = counts.users + 1
  const targets: Target[] = [
    { endpoint: 'GET /health (portal, no auth, no DB)', auth: '-', path: '/health', headers: {} },
    ...(['cookie', 'token'] as const).flatMap((auth): Target[] => {
      const headers: Record<string, string> =
        auth === 'cookie' ? { cookie } : { authorization: `Bearer ${secret}` }
      return [
        {
          endpoint: 'GET /api/organizations?limit=50',
          auth,
          path: '/api/organizations?limit=50',
          headers,
          expect: ORGS,
        },
        {
          endpoint: 'GET /api/users?limit=50',
          auth,
          path: '/api/users?limit=50',
          headers,
          expect: totalUsers,
        },
      ]
    }),
  ]

  // One request each before the load: the answer must be a full page. On PGlite the SQL statements the
  // request runs are counted and timed (all of them go through the one engine object).
  const report: string[] = []
  for (const target of targets) {
    const pglite = database.pglite
    const query = pglite?.query
    const seen: { sql: string; ms: number }[] = []
    if (pglite && query)
      pglite.query = (async (...a: Parameters<typeof query>) => {
        const t0 = performance.now()
        try {
          return await query.apply(pglite, a)
        } finally {
          seen.push({ sql: String(a[0]).replace(/\s+/g, ' '), ms: performance.now() - t0 })
        }
      }) as typeof query
    const t0 = performance.now()
    const res = await fetch(`${origin}${target.path}`, { headers: target.headers })
    const body = (await res.json()) as { items?: unknown[]; total?: number }
    const total = performance.now() - t0
    if (pglite) Reflect.deleteProperty(pglite, 'query')
    if (res.status !== 200)
      throw new Error(`${target.path} (${target.auth}): ${res.status} ${JSON.stringify(body)}`)
    const page = Math.min(50, target.expect ?? 0)
    if (target.expect !== undefined && (body.items?.length !== page || body.total !== target.expect))
      throw new Error(
        `${target.path}: ${body.items?.length} items of ${body.total}, expected ${page} of ${target.expect}`,
      )
    if (!pglite) continue
    report.push(`${target.endpoint} (${target.auth}): ${seen.length} SQL statements`)
    if (args.sql) {
      report.push(`    first request, cold: ${total.toFixed(1)} ms; the statements (some overlap):`)
      for (const q of seen) report.push(`    ${q.ms.toFixed(2).padStart(7)} ms  ${q.sql.slice(0, 150)}`)
    }
  }
  if (report.length) log(`one request each, unloaded:\n  ${report.join('\n  ')}`)

  // Each endpoint is run between two runs of the empty route, and its ratio is taken against their mean:
  // on a shared machine the speed drifts during a pass, and the drift then cancels out.
  const rows: Row[] = targets.map((t) => ({ database: label, endpoint: t.endpoint, auth: t.auth, runs: [] }))
  const empties: LoadSummary[] = []
  const runEmpty = async () => {
    const s = await load.measure(baseline.origin, '/empty', {})
    empties.push(s)
    return s
  }
  for (let round = 1; round <= ROUNDS; round++) {
    let before = await runEmpty()
    for (const [i, target] of targets.entries()) {
      log(`  round ${round}/${ROUNDS}: ${target.endpoint}${target.auth === '-' ? '' : ` (${target.auth})`}`)
      const s = await load.measure(origin, target.path, target.headers)
      const after = await runEmpty()
      const empty = (before.perSecond + after.perSecond) / 2
      rows[i]?.runs.push({ s, empty, ratio: s.perSecond / empty })
      before = after
    }
  }
  const emptyRow: Row = {
    database: label,
    endpoint: 'GET /empty (bare Fastify, baseline)',
    auth: '-',
    runs: empties.map((s) => ({ s, empty: s.perSecond, ratio: 1 })),
  }
  return { rows: [emptyRow, ...rows], counts }
}

// ------------------------------------------------------------------------------------------- output

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

const median = (xs: number[]) => {
  const v = [...xs].sort((x, y) => x - y)
  const m = v.length >> 1
  return v.length % 2 ? (v[m] as number) : ((v[m - 1] as number) + (v[m] as number)) / 2
}

const printTable = (rows: Row[]) => {
  const head = [
    'database',
    'endpoint',
    'auth',
    'req/s',
    'p50 ms',
    'p99 ms',
    'non-2xx',
    'errors',
    'empty req/s',
    'ratio to empty',
  ]
  const body = rows.map((r) => {
    const of = (f: (x: Run) => number) => median(r.runs.map(f))
    const ratio = of((x) => x.ratio)
    const ratios = r.runs.map((x) => x.ratio)
    const range = ratios.length > 1 ? ` [${fmt(Math.min(...ratios), 3)}–${fmt(Math.max(...ratios), 3)}]` : ''
    return [
      r.database,
      r.endpoint,
      r.auth,
      fmt(of((x) => x.s.perSecond)),
      fmt(
        of((x) => x.s.p50),
        1,
      ),
      fmt(
        of((x) => x.s.p99),
        1,
      ),
      fmt(r.runs.reduce((n, x) => n + x.s.non2xx, 0)),
      fmt(r.runs.reduce((n, x) => n + x.s.errors + x.s.timeouts, 0)),
      fmt(of((x) => x.empty)),
      ratio === 1 ? '1' : `${fmt(ratio, 4)} (1/${fmt(1 / ratio, 1 / ratio < 20 ? 1 : 0)})${range}`,
    ]
  })
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] as string).length)))
  const right = new Set([3, 4, 5, 6, 7, 8])
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (right.has(i) ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number))).join(' | ')} |`
  console.log(line(head))
  console.log(
    `|${widths.map((w, i) => (right.has(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`,
  )
  for (const b of body) console.log(line(b))
}

const main = async () => {
  const started = performance.now()
  const loadAtStart = os.loadavg()
  const load = startLoadClient()
  cleanups.push(() => load.stop())
  const baseline = await startBaseline()
  cleanups.push(() => baseline.app.close())

  const results: { rows: Row[]; counts: SeedCounts }[] = []
  let failed = false
  try {
    for (const kind of KINDS) {
      // Each pass closes its own app and database; the load client and the baseline stay up.
      const mark = cleanups.length
      try {
        results.push(await benchDatabase(kind as 'pglite' | 'postgres', load, baseline))
      } catch (err) {
        // One database failing (say, no PostgreSQL server) still leaves the other's figures.
        failed = true
        console.error(`${kind}: ${err instanceof Error ? (err.stack ?? err.message).slice(0, 4000) : err}`)
      } finally {
        await cleanUp(mark)
      }
    }
  } finally {
    await cleanUp()
  }
  if (!results.length) throw new Error('no database could be measured')

  const cpus = os.cpus()
  const loadavg = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ')
  console.log('\nQalxan API throughput, as a ratio of an empty Fastify route measured in the same run\n')
  printTable(results.flatMap((r) => r.rows))
  console.log(
    [
      '',
      'ratio: requests/s of the row divided by the mean requests/s of the empty route measured just before and' +
        ` just after it ("empty req/s")${ROUNDS > 1 ? `; medians of ${ROUNDS} rounds, [range]` : ''}.`,
      `load: autocannon in a separate process, ${CONNECTIONS} connections, ${WARMUP} s warm-up then ${SECONDS} s` +
        ` measured (at most ${fmt(MAX_REQUESTS)} requests) per run, keep-alive, loopback only.`,
      `data: ${fmt(ORGS)} organisations, ${fmt(USERS)} users (+1); signed in as a secretariat member` +
        ' (session cookie after password + TOTP) and with a read-scoped API token of the same user.',
      `machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${fmt(os.totalmem() / 2 ** 30, 0)} GiB,` +
        ` Node ${process.version}; load average ${loadavg(loadAtStart)} at the start, ${loadavg(os.loadavg())} at the end.`,
      '  Small and shared: server, database and load generator share the cores, and absolute requests/s move from',
      '  run to run with what else is running. Compare ratios, not requests/s.',
      `total time: ${since(started)}`,
    ].join('\n'),
  )
  return failed ? 1 : 0
}

main().then(
  (code) => process.exit(abortCode ?? code),
  async (err: unknown) => {
    // Driver errors carry the whole statement and its parameters: the message and stack are enough.
    console.error(err instanceof Error ? (err.stack ?? err.message).slice(0, 4000) : err)
    await cleanUp()
    process.exit(abortCode ?? 1)
  },
)

/**
 * Monitoring at national scale: generates the database of issue 3 (300 organisations, 3,000 users,
 * 500 measures, 20 periods, reports with their revisions, contributions, evidence, evaluations, two
 * million hash-chained audit events), then measures p50/p95 of the portal's dashboard, measure list,
 * measure page, report save and submission and search beside the bare SQL that returns the same data,
 * and the web app's initial JavaScript. See bench/README.md.
 *
 *   node --import tsx bench/monitoring/run.ts [--db postgres|pglite|postgres,pglite] [--iterations 100] …
 */
import { type ChildProcess, fork } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { Clearance } from '@qalxan/contracts'
import { buildApp } from '../../apps/server/src/app.ts'
import { loadConfig } from '../../apps/server/src/config.ts'
import { systemClock } from '../../apps/server/src/platform/clock.ts'
import { type Database, openDatabase, runMigrations } from '../../apps/server/src/platform/db.ts'
import { createFileStore } from '../../apps/server/src/platform/files.ts'
import { withDb } from '../../apps/server/test/global-setup.ts'
import type { Reply } from './client.ts'
import { type Diagnosis, diagnose } from './diagnose.ts'
import { finishThroughApi } from './finish.ts'
import { type Generated, generate } from './generate.ts'
import { type Measured, printCounts, printDiagnosis, printTable, printWhatIf } from './output.ts'
import { type Job, type JobInput, percentile, type Result, runSql, WARMUP_BUDGET_MS } from './sampler.ts'
import { type Actors, buildRows } from './scenarios.ts'
import { type SignedIn, signIn, signInPrivileged, withPasswords } from './session.ts'
import { installPhaseHooks } from './trace.ts'
import { buildWeb, measureInitialJs, type WebSize } from './web-size.ts'
import { createProposedIndexes } from './what-if.ts'

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'postgres' },
    'pg-url': {
      type: 'string',
      default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
    iterations: { type: 'string', default: '100' },
    warmup: { type: 'string', default: '10' },
    submits: { type: 'string', default: '60' },
    'row-seconds': { type: 'string', default: '20' },
    orgs: { type: 'string', default: '300' },
    users: { type: 'string', default: '3000' },
    measures: { type: 'string', default: '500' },
    'audit-events': { type: 'string', default: '2000000' },
    seed: { type: 'string', default: '2026' },
    'skip-web': { type: 'boolean', default: false },
    'skip-diagnosis': { type: 'boolean', default: false },
    'skip-what-if': { type: 'boolean', default: false },
    'verify-audit': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'time-limit': { type: 'string', default: '1200' },
    help: { type: 'boolean', default: false },
  },
})

if (args.help) {
  console.log(`node --import tsx bench/monitoring/run.ts [options]

  --db postgres          databases, in this order: postgres, pglite or postgres,pglite (default postgres)
  --pg-url URL           PostgreSQL server to create qalxan_bench_monitoring_<pid> in
                         (default BENCH_PG_URL or postgres://postgres@127.0.0.1:5432/postgres)
  --iterations 100       measured iterations per row (after --warmup 10)
  --submits 60           measured submissions (each needs a fresh draft of the open period; 5 warm-up)
  --row-seconds 20       stop a row's measuring after this long (with at least 20 iterations)
  --orgs 300 --users 3000 --measures 500 --audit-events 2000000   the scale
  --seed 2026            the generator's seed (same seed, same database)
  --skip-web             do not build the web app or measure its initial JavaScript
  --skip-diagnosis       no SQL trace and EXPLAIN ANALYZE of one request per endpoint
  --skip-what-if         do not try the proposed indexes afterwards (PostgreSQL)
  --verify-audit         also verify the whole audit chain with the portal's verifier
  --keep                 keep the PostgreSQL database until the next run (and print how to drop it)
  --time-limit 1200      stop (and clean up) after this many seconds`)
  process.exit(0)
}

const num = (name: keyof typeof args, min: number, max: number) => {
  const v = Number(args[name])
  if (!Number.isFinite(v) || v < min || v > max)
    throw new Error(`--${name} must be between ${min} and ${max}`)
  return v
}
const ITERATIONS = num('iterations', 5, 10_000)
const WARMUP = num('warmup', 0, 1000)
const SUBMITS = num('submits', 5, 5000)
const SUBMIT_WARMUP = 5
const ROW_SECONDS = num('row-seconds', 1, 600)
const TIME_LIMIT = num('time-limit', 60, 7200)
const SCALE = {
  organizations: num('orgs', 10, 100_000),
  users: num('users', 100, 1_000_000),
  measures: num('measures', 20, 100_000),
  auditEvents: num('audit-events', 0, 100_000_000),
  seed: num('seed', 0, 2 ** 31),
}
const KINDS = (args.db ?? '').split(',').map((s) => s.trim()) as ('postgres' | 'pglite')[]
for (const k of KINDS)
  if (k !== 'pglite' && k !== 'postgres') throw new Error(`--db: unknown database "${k}"`)
/** One database per run, so that two runs on one server cannot drop each other's. */
const DB_PREFIX = 'qalxan_bench_monitoring_'
const DB_NAME = `${DB_PREFIX}${process.pid}`

// The portal sits behind a proxy on loopback; the client rotates X-Forwarded-For so that the
// per-address rate limits still run on every request but never refuse one.
process.env.TRUST_PROXY = '127.0.0.1'

const cleanups: (() => Promise<void>)[] = []
let cleaning = Promise.resolve()
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
  // A cleanup that waits on the generator (PGlite closes only when its queue is empty) may not hold
  // the process: after ten seconds it ends anyway (a PostgreSQL database left is dropped next run).
  setTimeout(() => process.exit(code), 10_000).unref()
  void cleanUp().finally(() => process.exit(code))
}
process.once('SIGINT', () => abort('interrupted', 130))
process.once('SIGTERM', () => abort('terminated', 143))
setTimeout(() => abort(`stopped: over the time limit of ${TIME_LIMIT} s`, 1), TIME_LIMIT * 1000).unref()

const log = (s: string) => process.stderr.write(`${s}\n`)
const since = (t: number) => (performance.now() - t) / 1000

// -------------------------------------------------------------------------------------------- client

const startClient = () => {
  const child: ChildProcess = fork(join(import.meta.dirname, 'client.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const waiting = new Map<number, { resolve(r: Reply): void; reject(e: Error): void }>()
  child.on('message', (m: Reply) => {
    const w = waiting.get(m.id)
    waiting.delete(m.id)
    if (m.result || m.pair) w?.resolve(m)
    else w?.reject(new Error(m.error ?? 'client failed'))
  })
  child.on('exit', (code) => {
    for (const w of waiting.values()) w.reject(new Error(`client exited (${code})`))
    waiting.clear()
  })
  let next = 0
  const send = (job: JobInput) =>
    new Promise<Reply>((resolve, reject) => {
      const id = ++next
      waiting.set(id, { resolve, reject })
      child.send({ ...job, id } as Job)
    })
  return {
    run: (job: Exclude<JobInput, { kind: 'pair' }>) => send(job).then((r) => r.result as Result),
    /** The portal and its bare SQL in turns (PostgreSQL, whose bare SQL runs in the client). */
    runPair: (job: Extract<JobInput, { kind: 'pair' }>) =>
      send(job).then((r) => r.pair as { app: Result; bare: Result }),
    async stop() {
      if (child.connected) child.disconnect()
      if (child.exitCode === null) await new Promise((r) => child.once('exit', r))
    },
  }
}
type Client = ReturnType<typeof startClient>

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

const openBenchDatabase = async (
  kind: 'pglite' | 'postgres',
): Promise<{ database: Database; url?: string }> => {
  if (kind === 'pglite') {
    // On disk, not in memory: two million audit events would not fit PGlite's wasm heap.
    const dir = mkdtempSync(join(os.tmpdir(), 'qalxan-monitoring-pglite-'))
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }))
    const database = await openDatabase({ dataDir: dir })
    cleanups.push(() => database.close())
    await runMigrations(database)
    return { database }
  }
  const adminUrl = args['pg-url'] as string
  await withAdmin(adminUrl, async (admin) => {
    // Databases of runs that were killed (or kept with --keep) before they could drop theirs.
    const { rows } = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like 'qalxan\\_bench\\_monitoring\\_%'`,
    )
    for (const { datname } of rows) {
      const pid = Number(datname.slice(DB_PREFIX.length))
      if (Number.isInteger(pid) && !isAlive(pid))
        await admin.query(`drop database if exists ${datname} with (force)`)
    }
    await admin.query(`drop database if exists ${DB_NAME} with (force)`)
    await admin.query(`create database ${DB_NAME}`)
  })
  if (!args.keep)
    cleanups.push(() =>
      withAdmin(adminUrl, (admin) => admin.query(`drop database if exists ${DB_NAME} with (force)`)).then(
        () => {},
      ),
    )
  const url = withDb(adminUrl, DB_NAME)
  const database = await openDatabase({ databaseUrl: url })
  cleanups.push(() => database.close())
  await runMigrations(database)
  return { database, url }
}

// ------------------------------------------------------------------------------------------- a pass

/** The bench users: the secretariat member, focal points of the five biggest lead executors, the writers and heads of the drafts. */
const signInActors = async (
  g: Generated,
  database: Database,
  services: Parameters<typeof signInPrivileged>[1],
  origin: string,
) => {
  const person = (orgId: string, role: string) => g.people.find((p) => p.orgId === orgId && p.role === role)
  const secPerson = g.people.find((p) => p.role === 'secretariat')
  if (!secPerson) throw new Error('no secretariat member generated')
  const secretariat = {
    ...(await signInPrivileged(database, services, origin, secPerson)),
    clearance: secPerson.clearance as Clearance,
  }

  const leadCount = new Map<string, number>()
  for (const m of g.measures) for (const o of m.leads) leadCount.set(o, (leadCount.get(o) ?? 0) + 1)
  const top = [...leadCount.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([o]) => o)

  // Drafts of the open period, from the organisations with most of them, until there are enough.
  const byOrg = new Map<string, Generated['openDrafts']>()
  for (const d of g.openDrafts) byOrg.set(d.orgId, [...(byOrg.get(d.orgId) ?? []), d])
  const submitDrafts: Generated['openDrafts'] = []
  for (const [, ds] of [...byOrg.entries()].sort((a, b) => b[1].length - a[1].length)) {
    if (submitDrafts.length >= SUBMITS + SUBMIT_WARMUP + 1) break
    submitDrafts.push(...ds)
  }
  const draftOrgs = [...new Set(submitDrafts.map((d) => d.orgId))]

  const focalPeople = top.map((o) => person(o, 'focal_point')).filter((p) => p !== undefined)
  const writerPeople = draftOrgs.map((o) => person(o, 'focal_point')).filter((p) => p !== undefined)
  const headPeople = draftOrgs.map((o) => person(o, 'head')).filter((p) => p !== undefined)
  const everyone = [
    ...new Map([...focalPeople, ...writerPeople, ...headPeople].map((p) => [p.id, p])).values(),
  ]
  await withPasswords(
    database,
    everyone.map((p) => p.id),
  )
  const sessions = new Map<string, SignedIn>()
  for (const p of everyone) sessions.set(p.id, await signIn(database, origin, p))
  const actors: Actors = {
    secretariat,
    focal: focalPeople.map((p) => ({
      ...(sessions.get(p.id) as SignedIn),
      orgId: p.orgId,
      clearance: p.clearance as Clearance,
    })),
    writers: new Map(
      writerPeople.map((p) => [
        p.orgId,
        { ...(sessions.get(p.id) as SignedIn), clearance: p.clearance as Clearance },
      ]),
    ),
    heads: new Map(headPeople.map((p) => [p.orgId, sessions.get(p.id) as SignedIn])),
  }
  const writable = (d: Generated['openDrafts'][number]) => {
    const w = actors.writers.get(d.orgId)
    return !!w && (d.confidentiality !== 'restricted' || w.clearance === 'restricted')
  }
  // One draft is kept back for the traced save and submission of the diagnosis.
  const at = submitDrafts.findIndex(writable)
  const traced = at >= 0 ? submitDrafts.splice(at, 1)[0] : undefined
  const saveDrafts = submitDrafts.filter(writable)
  return { actors, submitDrafts, saveDrafts, traced, signedIn: everyone.length + 1 }
}

const benchDatabase = async (kind: 'pglite' | 'postgres', client: Client) => {
  const label = kind === 'pglite' ? 'PGlite (on disk)' : 'PostgreSQL 15'
  log(`\n== ${label}`)
  let t = performance.now()
  const { database, url } = await openBenchDatabase(kind)
  log(`database created and migrated: ${since(t).toFixed(1)} s`)

  t = performance.now()
  log('generating:')
  const g = await generate(database, SCALE, log)
  const generation = since(t)
  log(`generated in ${generation.toFixed(1)} s`)

  const dir = mkdtempSync(join(os.tmpdir(), 'qalxan-monitoring-'))
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }))
  const config = loadConfig({ DATA_DIR: dir, PUBLIC_URL: 'http://localhost:3000', LOG_LEVEL: 'silent' })
  const { app, services } = await buildApp({
    config,
    database,
    clock: systemClock,
    files: createFileStore(join(dir, 'files')),
    authSecret: 'bench-secret-bench-secret-bench-secret-0123456789',
    logger: false,
  })
  const recorder = installPhaseHooks(app)
  await app.listen({ port: 0, host: '127.0.0.1' })
  cleanups.push(() => app.close())
  const addr = app.server.address()
  if (!addr || typeof addr === 'string') throw new Error('no TCP address')
  const origin = `http://127.0.0.1:${addr.port}`

  t = performance.now()
  const who = await signInActors(g, database, services, origin)
  const finish = await finishThroughApi(database, origin, g, who.actors.secretariat)
  log(
    `signed in ${who.signedIn} people; through the API: baseline v1, ${finish.locked} periods locked with snapshots, ${finish.changeRequests} change requests: ${since(t).toFixed(1)} s`,
  )

  const rows = buildRows(g, who.actors, {
    iterations: ITERATIONS,
    warmup: WARMUP,
    submits: Math.min(SUBMITS, who.submitDrafts.length - SUBMIT_WARMUP),
    submitWarmup: SUBMIT_WARMUP,
    saveDrafts: who.saveDrafts,
    submitDrafts: who.submitDrafts,
  })

  const measureRows = async (which: typeof rows, budgetMs: number) => {
    const measured: Measured[] = []
    const done = new Map<string, { app: Result; bare: Result }>()
    for (const row of which) {
      const key = row.shared ? row.group : `${row.group}/${row.label}`
      let r = done.get(key)
      if (!r) {
        log(`  ${row.group}: ${row.shared ? 'the page' : row.label}`)
        // A row that fails is reported as failed; the other rows are still measured.
        const failed = (err: unknown): Result => ({
          samples: [],
          failed: 1,
          failures: [err instanceof Error ? err.message : String(err)],
          first: [],
        })
        r =
          kind === 'postgres'
            ? await client
                .runPair({
                  kind: 'pair',
                  origin,
                  url: url as string,
                  app: row.app,
                  bare: row.bare,
                  budgetMs,
                  appFirst: row.appFirst,
                })
                .catch((err) => ({ app: failed(err), bare: failed(err) }))
            : await (async () => {
                const app = await client.run({ kind: 'http', origin, ...row.app, budgetMs }).catch(failed)
                const q = ((sql: string, p?: unknown[]) => database.query(sql, p)) as never
                const bare = await (async () => {
                  await runSql(q, row.bare.warmup, false, WARMUP_BUDGET_MS)
                  return runSql(q, row.bare.measured, true, budgetMs)
                })().catch(failed)
                return { app, bare }
              })()
        done.set(key, r)
      }
      const pickStep = (s: number[]) =>
        row.step === 'sum' ? s.reduce((a, b) => a + b, 0) : (s[row.step] as number)
      const a = r.app.samples.map(pickStep)
      const b = r.bare.samples.map(pickStep)
      measured.push({
        database: label,
        row,
        n: a.length,
        app: { p50: percentile(a, 50), p95: percentile(a, 95) },
        bare: { p50: percentile(b, 50), p95: percentile(b, 95) },
        failed: r.app.failed + r.bare.failed,
        failures: [...r.app.failures, ...r.bare.failures],
      })
    }
    return measured
  }
  log('measuring:')
  const measured = await measureRows(rows, ROW_SECONDS * 1000)

  let auditCheck = ''
  if (args['verify-audit']) {
    t = performance.now()
    const v = await services.audit.verify()
    auditCheck = `audit chain verified by the portal's verifier: ${v.ok ? 'ok' : `BROKEN at ${v.brokenAt}: ${v.reason}`}, ${v.checked.toLocaleString('en-US')} events, ${since(t).toFixed(1)} s`
  } else {
    auditCheck = await finish.verifyTail()
  }

  const diagnosis = args['skip-diagnosis']
    ? null
    : await diagnose(
        database,
        origin,
        rows,
        who,
        recorder,
        join(os.tmpdir(), `qalxan-monitoring-${kind}-explain.txt`),
      )

  // The proposed indexes, tried here: the search rows again, with them.
  let whatIf: {
    indexes: { sql: string; seconds: number }[]
    measured: Measured[]
    diagnosis: Diagnosis | null
  } | null = null
  const indexes = kind === 'postgres' && !args['skip-what-if'] ? await createProposedIndexes(database) : []
  if (kind === 'postgres' && !args['skip-what-if'] && !indexes.length)
    log('the proposed indexes are all in the migrations already: nothing to try')
  if (indexes.length) {
    log('with the proposed indexes:')
    const search = rows.filter((r) => r.group === 'search')
    const again = await measureRows(search, ROW_SECONDS * 500)
    const traced = args['skip-diagnosis']
      ? null
      : await diagnose(
          database,
          origin,
          search,
          who,
          recorder,
          join(os.tmpdir(), `qalxan-monitoring-${kind}-explain-indexed.txt`),
        )
    whatIf = { indexes, measured: again, diagnosis: traced }
  }
  return { label, g, generation, measured, diagnosis, auditCheck, finish, whatIf }
}

// ------------------------------------------------------------------------------------------------ main

const main = async () => {
  const started = performance.now()
  const loadAtStart = os.loadavg()
  const client = startClient()
  cleanups.push(() => client.stop())

  // The web build runs beside the data generation: it is mostly the bundler, the generation mostly the database.
  let web: Promise<WebSize | Error> | null = null
  if (!args['skip-web']) {
    const out = mkdtempSync(join(os.tmpdir(), 'qalxan-monitoring-web-'))
    cleanups.push(async () => rmSync(out, { recursive: true, force: true }))
    web = buildWeb(out, join(os.tmpdir(), 'qalxan-monitoring-web-build.log')).then(
      (seconds) => measureInitialJs(out, seconds),
      (err: Error) => err,
    )
  }

  const passes: Awaited<ReturnType<typeof benchDatabase>>[] = []
  let failed = false
  try {
    for (const kind of KINDS) {
      const mark = cleanups.length
      try {
        passes.push(await benchDatabase(kind, client))
      } catch (err) {
        failed = true
        console.error(`${kind}: ${err instanceof Error ? (err.stack ?? err.message).slice(0, 4000) : err}`)
      } finally {
        await cleanUp(mark)
      }
    }
  } finally {
    await cleanUp()
  }
  const webSize = web ? await web : null
  if (!passes.length) throw new Error('no database could be measured')

  console.log(
    '\nQalxan monitoring at national scale: p50 and p95 of the portal beside its bare SQL, same run\n',
  )
  printTable(
    passes.flatMap((p) => p.measured),
    webSize,
  )
  for (const p of passes) printCounts(p.label, p.g, p.generation, p.finish, p.auditCheck)
  for (const p of passes) if (p.diagnosis) printDiagnosis(p.label, p.diagnosis)
  for (const p of passes) {
    if (!p.whatIf) continue
    printWhatIf(p.label, p.whatIf, p.measured)
    if (p.whatIf.diagnosis) printDiagnosis(`${p.label}, with the proposed indexes`, p.whatIf.diagnosis)
  }
  const cpus = os.cpus()
  const loadavg = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ')
  console.log(
    [
      '',
      `how: a real listening server on 127.0.0.1 (buildApp, logging off, no job worker); requests from a separate Node process,`,
      `  one at a time over one keep-alive connection, each timed from the first byte sent to the last byte read; bare SQL`,
      `  in that same process on its own \`pg\` connection (PGlite: in the server's process, where the engine is), timed the same`,
      `  way; ${WARMUP} warm-up iterations first (submissions: ${SUBMIT_WARMUP}; at most ${WARMUP_BUDGET_MS / 1000} s); at most ${ITERATIONS} measured or ${ROW_SECONDS} s per row (at least 20).`,
      `  ratio = app p95 / bare p95. Targets (PostgreSQL): every p95 within 2× of its bare SQL; lists and the measure page under 50 ms.`,
      `machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version};` +
        ` load average ${loadavg(loadAtStart)} at the start, ${loadavg(os.loadavg())} at the end; ${new Date().toISOString()}`,
      `total time: ${since(started).toFixed(0)} s`,
      ...(args.keep
        ? [
            `kept: the database ${DB_NAME} (drop it with: psql -h 127.0.0.1 -U postgres -c 'drop database ${DB_NAME} with (force)')`,
          ]
        : []),
    ].join('\n'),
  )
  return failed ? 1 : 0
}

main().then(
  (code) => process.exit(abortCode ?? code),
  async (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message).slice(0, 4000) : err)
    await cleanUp()
    process.exit(abortCode ?? 1)
  },
)

import http from 'node:http'
import { BARE, type Q } from './bare.ts'

/**
 * Latency sampling, one request (or one bare query set) at a time: each iteration is a sequence of
 * steps, each step timed on its own from the first byte sent to the last byte read. Run in a child
 * process (client.ts) so that the client does not share the server's event loop, and in the server's
 * process only for PGlite's bare SQL, whose engine lives there.
 */

export type HttpStep = {
  method: 'GET' | 'POST' | 'PUT'
  path: string
  headers: Record<string, string>
  body?: unknown
  expect: number
  /** For saves: send the revision the previous answer for this path returned. */
  chainRevision?: boolean
}
export type SqlStep = { fn: string; args: Record<string, unknown> & { token: string } }

/** `budgetMs`: stop measuring after this long, once at least `MIN_SAMPLES` iterations are in. */
export type Job =
  | {
      id: number
      kind: 'http'
      origin: string
      warmup: HttpStep[][]
      measured: HttpStep[][]
      budgetMs: number
    }
  | { id: number; kind: 'sql'; url: string; warmup: SqlStep[][]; measured: SqlStep[][]; budgetMs: number }
  | {
      id: number
      kind: 'pair'
      origin: string
      url: string
      app: { warmup: HttpStep[][]; measured: HttpStep[][] }
      bare: { warmup: SqlStep[][]; measured: SqlStep[][] }
      budgetMs: number
      appFirst?: boolean
    }

export type JobInput = { [K in Job['kind']]: Omit<Extract<Job, { kind: K }>, 'id'> }[Job['kind']]

export const MIN_SAMPLES = 20
/** Warm-up stops after this long too (with at least two iterations): a 1.5 s request needs no ten. */
export const WARMUP_BUDGET_MS = 3000
const overBudget = (started: number, budgetMs: number, done: number, keep: boolean) =>
  done >= (keep ? MIN_SAMPLES : 2) && performance.now() - started > budgetMs

export type Result = {
  /** Milliseconds per measured iteration, per step. */
  samples: number[][]
  /** Steps that did not answer as expected (the first few are described in `failures`). */
  failed: number
  failures: string[]
  /** The first answer of each step of the first measured iteration, for the sanity checks. */
  first: string[]
}

/** Client addresses sent through X-Forwarded-For, so the per-address rate limits never refuse. */
const IPS = Array.from({ length: 1024 }, (_, i) => `10.78.${i >> 8}.${(i & 255) + 1}`)
let ipTurn = 0

const once = (agent: http.Agent, origin: string, s: HttpStep, body: string | undefined) =>
  new Promise<{ status: number; text: string }>((resolve, reject) => {
    const url = new URL(s.path, origin)
    const req = http.request(
      url,
      {
        method: s.method,
        agent,
        headers: {
          ...s.headers,
          'x-forwarded-for': IPS[ipTurn++ % IPS.length] as string,
          ...(body === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })

/**
 * A keep-alive socket the server closed while it sat idle (Node's server closes idle sockets after
 * five seconds) fails as ECONNRESET before anything was read: sent again once, on a new socket.
 */
const send = async (agent: http.Agent, origin: string, s: HttpStep, body: string | undefined) => {
  try {
    return await once(agent, origin, s, body)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code !== 'ECONNRESET' && code !== 'EPIPE') throw err
    return once(agent, origin, s, body)
  }
}

const revisions = new Map<string, number>()

export const runHttp = async (
  origin: string,
  iterations: HttpStep[][],
  keep: boolean,
  budgetMs = Number.POSITIVE_INFINITY,
): Promise<Result> => {
  const out: Result = { samples: [], failed: 0, failures: [], first: [] }
  const started = performance.now()
  // A new agent per run: no socket is left from before a pause in which the server closed it.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  try {
    await runIterations(agent, origin, iterations, keep, budgetMs, started, out)
  } finally {
    agent.destroy()
  }
  return out
}

const runIterations = async (
  agent: http.Agent,
  origin: string,
  iterations: HttpStep[][],
  keep: boolean,
  budgetMs: number,
  started: number,
  out: Result,
) => {
  for (const [n, steps] of iterations.entries()) {
    if (overBudget(started, budgetMs, n, keep)) break
    await httpIteration(agent, origin, steps, n === 0, keep, out)
  }
}

/** One iteration of HTTP steps, each timed on its own; `first`: keep the answers for the checks. */
const httpIteration = async (
  agent: http.Agent,
  origin: string,
  steps: HttpStep[],
  first: boolean,
  keep: boolean,
  out: Result,
) => {
  const row: number[] = []
  for (const s of steps) {
    let payload = s.body
    if (s.chainRevision && payload && typeof payload === 'object') {
      const seen = revisions.get(s.path)
      if (seen !== undefined) payload = { ...payload, revision: seen }
    }
    const body = payload === undefined ? undefined : JSON.stringify(payload)
    const t = performance.now()
    const res = await send(agent, origin, s, body)
    row.push(performance.now() - t)
    if (res.status !== s.expect) {
      out.failed++
      if (out.failures.length < 5)
        out.failures.push(`${s.method} ${s.path}: ${res.status} ${res.text.slice(0, 300)}`)
    } else if (s.chainRevision) {
      revisions.set(s.path, (JSON.parse(res.text) as { revision: number }).revision)
    }
    if (first) out.first.push(res.text.slice(0, 2_000_000))
  }
  if (keep) out.samples.push(row)
}

export const runSql = async (
  q: Q,
  iterations: SqlStep[][],
  keep: boolean,
  budgetMs = Number.POSITIVE_INFINITY,
): Promise<Result> => {
  const out: Result = { samples: [], failed: 0, failures: [], first: [] }
  const started = performance.now()
  for (const [n, steps] of iterations.entries()) {
    if (overBudget(started, budgetMs, n, keep)) break
    await sqlIteration(q, steps, n === 0, keep, out)
  }
  return out
}

const sqlIteration = async (q: Q, steps: SqlStep[], first: boolean, keep: boolean, out: Result) => {
  const row: number[] = []
  for (const s of steps) {
    const fn = BARE[s.fn]
    if (!fn) throw new Error(`no bare SQL "${s.fn}"`)
    const t = performance.now()
    try {
      const r = await fn(q, s.args)
      row.push(performance.now() - t)
      if (first) out.first.push(JSON.stringify((r as { rows?: unknown[] })?.rows?.length ?? null))
    } catch (err) {
      row.push(performance.now() - t)
      out.failed++
      if (out.failures.length < 5) out.failures.push(`${s.fn}: ${err instanceof Error ? err.message : err}`)
    }
  }
  if (keep) out.samples.push(row)
}

/**
 * The portal and its bare SQL measured in turns, one iteration of each, the order swapped every
 * time: a change of the machine's load in the middle of a row (these machines are shared) then
 * weighs on both sides alike instead of on whichever was being measured, so the ratio holds still.
 */
export const runPair = async (
  origin: string,
  q: Q,
  app: { warmup: HttpStep[][]; measured: HttpStep[][] },
  bare: { warmup: SqlStep[][]; measured: SqlStep[][] },
  budgetMs: number,
  /** Always the portal first (when the bare SQL acts on what the portal's iteration acted on). */
  alwaysAppFirst = false,
): Promise<{ app: Result; bare: Result }> => {
  const a: Result = { samples: [], failed: 0, failures: [], first: [] }
  const b: Result = { samples: [], failed: 0, failures: [], first: [] }
  const scratch: Result = { samples: [], failed: 0, failures: [], first: [] }
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  try {
    let started = performance.now()
    const warm = Math.max(app.warmup.length, bare.warmup.length)
    for (let n = 0; n < warm && !overBudget(started, WARMUP_BUDGET_MS, n, false); n++) {
      const appSteps = app.warmup[n]
      const bareSteps = bare.warmup[n]
      if (appSteps) await httpIteration(agent, origin, appSteps, false, false, scratch)
      if (bareSteps) await sqlIteration(q, bareSteps, false, false, scratch)
    }
    started = performance.now()
    const n = Math.min(app.measured.length, bare.measured.length)
    // Both sides share the row's time: twice the budget of one.
    for (let i = 0; i < n && !overBudget(started, 2 * budgetMs, i, true); i++) {
      const appFirst = alwaysAppFirst || i % 2 === 0
      const appSteps = app.measured[i] as HttpStep[]
      const bareSteps = bare.measured[i] as SqlStep[]
      if (appFirst) await httpIteration(agent, origin, appSteps, i === 0, true, a)
      await sqlIteration(q, bareSteps, i === 0, true, b)
      if (!appFirst) await httpIteration(agent, origin, appSteps, i === 0, true, a)
    }
  } finally {
    agent.destroy()
  }
  return { app: a, bare: b }
}

/** Nearest-rank percentile of unsorted samples. */
export const percentile = (xs: readonly number[], p: number) => {
  if (!xs.length) return Number.NaN
  const v = [...xs].sort((a, b) => a - b)
  return v[Math.min(v.length - 1, Math.max(0, Math.ceil((p / 100) * v.length) - 1))] as number
}

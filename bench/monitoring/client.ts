/**
 * The measuring client, forked by run.ts: HTTP requests to the portal and, on PostgreSQL, the bare
 * SQL on its own `pg` connection, both timed here the same way. One job at a time over IPC.
 */
import pg from 'pg'
import { type Job, type Result, runHttp, runPair, runSql, WARMUP_BUDGET_MS } from './sampler.ts'

export type Reply = { id: number; result?: Result; pair?: { app: Result; bare: Result }; error?: string }

const clients = new Map<string, pg.Client>()
const clientFor = async (url: string) => {
  let c = clients.get(url)
  if (!c) {
    c = new pg.Client({ connectionString: url })
    // Dropping the database at the end ends this connection; that is not a failure of the run.
    c.on('error', () => {})
    await c.connect()
    clients.set(url, c)
  }
  return c
}

process.on('message', async (job: Job) => {
  try {
    if (job.kind === 'pair') {
      const c = await clientFor(job.url)
      const q = ((sql: string, params?: unknown[]) => c.query(sql, params)) as never
      const pair = await runPair(job.origin, q, job.app, job.bare, job.budgetMs, job.appFirst)
      process.send?.({ id: job.id, pair } satisfies Reply)
      return
    }
    let result: Result
    if (job.kind === 'http') {
      await runHttp(job.origin, job.warmup, false, WARMUP_BUDGET_MS)
      result = await runHttp(job.origin, job.measured, true, job.budgetMs)
    } else {
      const c = await clientFor(job.url)
      const q = ((sql: string, params?: unknown[]) => c.query(sql, params)) as never
      await runSql(q, job.warmup, false, WARMUP_BUDGET_MS)
      result = await runSql(q, job.measured, true, job.budgetMs)
    }
    process.send?.({ id: job.id, result } satisfies Reply)
  } catch (err) {
    process.send?.({
      id: job.id,
      error: err instanceof Error ? (err.stack ?? err.message) : String(err),
    } satisfies Reply)
  }
})

process.on('disconnect', async () => {
  for (const c of clients.values()) await c.end().catch(() => {})
  process.exit(0)
})

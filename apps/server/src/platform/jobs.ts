import { sql } from 'drizzle-orm'
import { fromDrizzle, fromPglite, PgBoss } from 'pg-boss'
import type { z } from 'zod'
import type { Database, Tx } from './db.ts'

/** A job is named and versioned, and its payload is validated on both ends. */
export type JobDefinition<S extends z.ZodType> = {
  name: string
  version: number
  schema: S
  handler: (data: z.infer<S>) => Promise<void>
  /** Cron schedule (UTC) for periodic jobs. */
  cron?: string
}

export const defineJob = <S extends z.ZodType>(def: JobDefinition<S>) => def

export type Jobs = {
  /** Enqueue; give `tx` so the job is cancelled if the transaction rolls back. */
  send<S extends z.ZodType>(job: JobDefinition<S>, data: z.infer<S>, tx?: Tx): Promise<void>
  register(jobs: JobDefinition<z.ZodType>[]): void
  /**
   * Creates the jobs' queues now. Call it before any write that enqueues: creating a queue inside
   * a caller's transaction would wait for that transaction on the embedded database's one connection.
   */
  prepare(jobs: JobDefinition<z.ZodType>[]): Promise<void>
  /** Starts processing the registered jobs in this process (the worker role). */
  startWorking(): Promise<void>
  stop(): Promise<void>
  boss: PgBoss
}

const queueName = (job: { name: string; version: number }) => `${job.name}.v${job.version}`

export const createJobs = async (database: Database): Promise<Jobs> => {
  const boss =
    database.kind === 'pglite' && database.pglite
      ? new PgBoss({ db: fromPglite(database.pglite), backend: 'pglite' })
      : new PgBoss({ connectionString: database.connectionString as string })
  boss.on('error', (err: unknown) => {
    // pg-boss reports background errors here; throwing would kill the process.
    console.error('job queue error', err)
  })
  await boss.start()
  const registered = new Map<string, JobDefinition<z.ZodType>>()
  const created = new Set<string>()
  const ensureQueue = async (name: string) => {
    if (created.has(name)) return
    await boss.createQueue(name)
    // createQueue empties pg-boss's cache entry for the queue, and the next send would read it back
    // on pg-boss's own connection: inside a caller's transaction on the embedded database (one
    // connection) that waits for ever. A harmless lookup fills the cache now.
    await boss.getJobById(name, crypto.randomUUID())
    created.add(name)
  }
  return {
    boss,
    async send(job, data, tx) {
      const parsed = job.schema.parse(data) as object
      const name = queueName(job)
      await ensureQueue(name)
      await boss.send(name, parsed, tx ? { db: fromDrizzle(tx as never, sql as never) } : {})
    },
    register(jobs) {
      for (const j of jobs) registered.set(queueName(j), j)
    },
    async prepare(jobs) {
      for (const j of jobs) await ensureQueue(queueName(j))
    },
    async startWorking() {
      for (const [name, job] of registered) {
        await ensureQueue(name)
        await boss.work(name, { pollingIntervalSeconds: 1 }, async (batch) => {
          for (const item of batch) await job.handler(job.schema.parse(item.data))
        })
        if (job.cron) await boss.schedule(name, job.cron, {}, { tz: 'UTC' })
      }
    },
    stop: () => boss.stop({ graceful: true, timeout: 5_000 } as never),
  }
}

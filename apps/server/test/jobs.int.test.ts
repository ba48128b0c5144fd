import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createJobs, defineJob, type Jobs } from '../src/platform/jobs.ts'
import { DATABASES, openTestDatabase } from './helpers.ts'

// PostgreSQL: three workers share the queue; PGlite: the one embedded worker.
describe.each(DATABASES)('jobs across workers on %s', (kind) => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>
  const workers: Jobs[] = []
  const seen: { worker: number; n: number }[] = []

  beforeAll(async () => {
    db = await openTestDatabase(kind)
    for (let w = 0; w < (kind === 'postgres' ? 3 : 1); w++) {
      const jobs = await createJobs(db)
      const job = defineJob({
        name: 'test.count',
        version: 1,
        schema: z.object({ n: z.number().int() }),
        handler: async ({ n }) => {
          seen.push({ worker: w, n })
          // Long enough that the other workers poll while this one still holds its job.
          await new Promise((r) => setTimeout(r, 20))
        },
      })
      jobs.register([job])
      await jobs.startWorking()
      workers.push(jobs)
    }
  })
  afterAll(async () => {
    for (const w of workers) await w.stop()
    await db.drop()
  })

  it('runs every job exactly once', async () => {
    // The embedded database runs one worker; fewer jobs keep the test short there.
    const count = kind === 'postgres' ? 60 : 20
    const sender = workers[0] as Jobs
    const job = defineJob({
      name: 'test.count',
      version: 1,
      schema: z.object({ n: z.number().int() }),
      handler: async () => {},
    })
    for (let n = 0; n < count; n++) await sender.send(job, { n })
    const deadline = Date.now() + 50_000
    while (seen.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200))
    await new Promise((r) => setTimeout(r, 1500)) // a late duplicate would show up here
    const ns = seen.map((s) => s.n).sort((a, b) => a - b)
    expect(ns).toEqual(Array.from({ length: count }, (_, i) => i))
    if (kind === 'postgres') expect(new Set(seen.map((s) => s.worker)).size).toBeGreaterThan(1)
  })

  it('runs a job enqueued in a committed transaction and cancels one whose transaction rolls back', async () => {
    const sender = workers[0] as Jobs
    const job = defineJob({
      name: 'test.count',
      version: 1,
      schema: z.object({ n: z.number().int() }),
      handler: async () => {},
    })
    await db.db
      .transaction(async (tx) => {
        await sender.send(job, { n: 999 }, tx)
        throw new Error('roll back')
      })
      .catch(() => {})
    await db.db.transaction(async (tx) => {
      await sender.send(job, { n: 1000 }, tx)
    })
    const deadline = Date.now() + 20_000
    while (!seen.some((s) => s.n === 1000) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200))
    expect(seen.some((s) => s.n === 1000)).toBe(true)
    expect(seen.some((s) => s.n === 999)).toBe(false)
  })
})

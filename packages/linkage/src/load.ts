import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { ident } from './comparisons.ts'
import type { LinkageConfig } from './config.ts'
import type { Db } from './db.ts'
import type { InputRow, ProblemSink } from './input.ts'
import { derivedColumns } from './normalise.ts'
import {
  type BatchRequest,
  type BatchResult,
  createNormaliser,
  type StoredColumn,
  sourceColumns,
  tsv,
} from './normalise-batch.ts'

export type { StoredColumn }

/** Derived columns that a rule or a comparison reads; the others are not stored. */
const usedDerived = (config: LinkageConfig): Set<string> => {
  const used = new Set<string>()
  for (const rule of [...config.blocking, ...config.training.deterministic])
    for (const key of rule) used.add(key)
  for (const c of config.comparisons) {
    if (c.method === 'name') used.add(`${c.column}__fold`)
    if (c.method === 'date') for (const suffix of ['days', 'swap']) used.add(`${c.column}__${suffix}`)
  }
  return used
}

/** The normalised columns of the records table, derived keys included, in table order. */
export const storedColumns = (config: LinkageConfig): StoredColumn[] => {
  const used = usedDerived(config)
  return Object.entries(config.columns).flatMap(([name, { kind }]) => [
    { name, kind, source: name },
    ...derivedColumns(kind)
      .map((suffix) => ({ name: `${name}__${suffix}`, kind, source: name, suffix }))
      .filter((c) => used.has(c.name)),
  ])
}

export const createRecordsTable = async (db: Db, config: LinkageConfig): Promise<void> => {
  const columns = storedColumns(config)
    .map((c) => `${ident(c.name)} VARCHAR`)
    .join(', ')
  await db.run(
    `CREATE TABLE IF NOT EXISTS records (rid INTEGER, src UTINYINT, id VARCHAR, file VARCHAR, line INTEGER, truth VARCHAR, ${columns})`,
  )
}

export type NormalisedRow = InputRow & { id: string; normalised: Record<string, string | null> }

export type LoadOptions = {
  src: number
  startRid: number
  onProblem: ProblemSink
  onRow?: (row: NormalisedRow) => void
  onProgress?: (rows: number) => void
  signal?: AbortSignal
  /** Where the temporary file of normalised rows goes; the system's temporary directory by default. */
  tempDirectory?: string
  /** Normalising worker threads; defaultLoadWorkers() when absent, 0 for none. */
  workers?: number
  /** Whether the main thread normalises batches too when the threads are behind (LINKAGE_LOAD_SHARE=0: no). */
  share?: boolean
}

/** Rows per batch handed to a normalising thread. */
const BATCH_ROWS = 2000
/** Batches that may wait for each thread: enough to keep it busy, few enough to bound memory. */
const BATCHES_PER_WORKER = 4

/**
 * Threads that normalise while the main thread reads and checks the file. Measured on two cores (see
 * docs/linkage.md); LINKAGE_LOAD_WORKERS overrides it (0 normalises on the main thread).
 */
export const defaultLoadWorkers = (): number => {
  const set = process.env.LINKAGE_LOAD_WORKERS
  if (set !== undefined && /^\d+$/.test(set)) return Number(set)
  return Math.min(DEFAULT_WORKERS, Math.max(0, availableParallelism() - 1))
}
const DEFAULT_WORKERS = 1
/** Batches waiting per thread beyond which the main thread normalises the next one itself. */
const SHARE_WHEN_WAITING = 2

type Pool = {
  run: (request: BatchRequest) => Promise<BatchResult>
  /** Batches sent and not yet answered. */
  waiting: () => number
  close: () => Promise<void>
}

const startPool = (columns: readonly StoredColumn[], size: number): Pool => {
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData: { columns } })
    const pending = new Map<number, { resolve: (r: BatchResult) => void; reject: (e: unknown) => void }>()
    const failAll = (error: unknown) => {
      for (const p of pending.values()) p.reject(error)
      pending.clear()
    }
    worker.on('message', (message: BatchResult & { seq: number }) => {
      const p = pending.get(message.seq)
      pending.delete(message.seq)
      p?.resolve(message)
    })
    worker.on('error', failAll)
    worker.on('exit', (code) => failAll(new Error(`a normalising thread stopped (exit code ${code})`)))
    return { worker, pending }
  })
  return {
    run: (request) => {
      const w = workers[request.seq % workers.length] as (typeof workers)[number]
      return new Promise((resolve, reject) => {
        w.pending.set(request.seq, { resolve, reject })
        w.worker.postMessage(request)
      })
    },
    waiting: () => workers.reduce((a, w) => a + w.pending.size, 0),
    close: async () => {
      await Promise.all(workers.map((w) => w.worker.terminate()))
    },
  }
}

const ignore = () => {}

/**
 * Stores rows in the records table; returns how many. Every row read is stored. The main thread reads,
 * checks and numbers the rows; batches of them are normalised by worker threads (on the main thread
 * when there are none, or when the input fits in one batch) and come back in order. Rows go through a
 * temporary tab-separated file and DuckDB's parallel COPY, several times faster than the appender.
 */
export const loadRows = async (
  db: Db,
  config: LinkageConfig,
  rows: AsyncIterable<InputRow>,
  options: LoadOptions,
): Promise<number> => {
  const columns = storedColumns(config)
  const sources = sourceColumns(columns)
  const truthPattern = config.truth?.pattern ? new RegExp(config.truth.pattern) : null
  const workerCount = options.workers ?? defaultLoadWorkers()
  const keep = options.onRow !== undefined
  const shareWork = options.share ?? process.env.LINKAGE_LOAD_SHARE !== '0'
  let local: ReturnType<typeof createNormaliser> | null = null
  let pool: Pool | null = null
  const base = options.tempDirectory ?? tmpdir()
  await mkdir(base, { recursive: true })
  const dir = await mkdtemp(join(base, 'linkage-load-'))
  const path = join(dir, 'rows.tsv')
  const out = createWriteStream(path)
  let rid = options.startRid
  let count = 0
  let buffer = ''
  let seq = 0
  let prefixes: string[] = []
  let raw: (string | null)[] = []
  let held: { row: InputRow; id: string }[] = []
  const queue: { rows: { row: InputRow; id: string }[]; result: Promise<BatchResult> }[] = []

  const finish = async (batch: (typeof queue)[number]) => {
    const result = await batch.result
    buffer += result.tsv
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain')
      buffer = ''
    }
    if (options.onRow && result.values) {
      const width = columns.length
      batch.rows.forEach(({ row, id }, i) => {
        const normalised: Record<string, string | null> = {}
        columns.forEach((c, j) => {
          normalised[c.name] = result.values?.[i * width + j] ?? null
        })
        options.onRow?.({ ...row, id, normalised })
      })
    }
    const before = count
    count += batch.rows.length
    if (Math.floor(count / 50_000) > Math.floor(before / 50_000)) options.onProgress?.(count)
    if (options.signal?.aborted) throw options.signal.reason
  }

  const dispatch = async (last: boolean) => {
    if (prefixes.length === 0) return
    const request: BatchRequest = { seq: seq++, prefixes, raw, keep }
    if (!pool && !last && workerCount > 0) pool = startPool(columns, workerCount)
    let result: Promise<BatchResult>
    // When the threads already have work queued, the main thread normalises this batch itself rather
    // than wait: it reads faster than one thread normalises, and this keeps both cores busy.
    const share = pool !== null && shareWork && pool.waiting() >= workerCount * SHARE_WHEN_WAITING
    if (pool && !share) {
      result = pool.run(request)
      // Awaited in order below; a failure is not an unhandled rejection meanwhile.
      result.catch(ignore)
    } else {
      local ??= createNormaliser(columns)
      result = Promise.resolve(local(request))
    }
    queue.push({ rows: held, result })
    prefixes = []
    raw = []
    held = []
    const limit = pool ? workerCount * BATCHES_PER_WORKER : 1
    while (queue.length >= limit) await finish(queue.shift() as (typeof queue)[number])
  }

  try {
    for await (const row of rows) {
      let id = row.values[config.id] ?? null
      if (id === null) {
        id = `${row.file}:${row.line}`
        options.onProblem({
          file: row.file,
          line: row.line,
          column: config.id,
          code: 'missing-id',
          severity: 'warning',
          message: `no record identifier; "${id}" is used`,
        })
      }
      let truth: string | null = null
      if (config.truth) {
        const value = row.values[config.truth.column] ?? null
        truth = value !== null && truthPattern ? (truthPattern.exec(value)?.[1] ?? value) : value
      }
      prefixes.push(`${rid++}\t${options.src}\t${tsv(id)}\t${tsv(row.file)}\t${row.line}\t${tsv(truth)}`)
      for (const c of sources) raw.push(row.values[c.name] ?? null)
      held.push(keep ? { row, id } : { row: EMPTY_ROW, id })
      if (prefixes.length >= BATCH_ROWS) await dispatch(false)
    }
    await dispatch(true)
    while (queue.length > 0) await finish(queue.shift() as (typeof queue)[number])
    out.end(buffer)
    await once(out, 'finish')
    await db.run(
      `COPY records FROM '${path.replaceAll("'", "''")}' (FORMAT csv, DELIMITER '\t', HEADER false, QUOTE '', ESCAPE '', NULLSTR '\\N', AUTO_DETECT false)`,
    )
  } finally {
    out.destroy()
    await (pool as Pool | null)?.close()
    await rm(dir, { recursive: true, force: true })
  }
  options.onProgress?.(count)
  return count
}

// Rows are held for the row callback only; without one a batch keeps just how many rows it has.
const EMPTY_ROW: InputRow = { file: '', line: 0, values: {} }

/** Term frequencies of the values of a column: the share of records holding each value. */
export const refreshTermFrequencies = async (db: Db, columns: readonly string[]): Promise<void> => {
  for (const column of columns) {
    const table = ident(`tf_${column}`)
    await db.run(
      `CREATE OR REPLACE TABLE ${table} AS SELECT ${ident(column)} AS value, count(*)::DOUBLE / sum(count(*)) OVER () AS tf FROM records WHERE ${ident(column)} IS NOT NULL GROUP BY 1`,
    )
  }
}

import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ident } from './comparisons.ts'
import type { LinkageConfig } from './config.ts'
import type { Db } from './db.ts'
import type { InputRow, ProblemSink } from './input.ts'
import { type ColumnKind, derivedColumns, deriveValue, normalise } from './normalise.ts'

export type StoredColumn = { name: string; kind: ColumnKind; source: string; suffix?: string }

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

// Names, dates, places and codes repeat a great deal in a national list; identifiers do not.
const UNIQUE_KINDS = new Set<ColumnKind>(['fin', 'idcard', 'id'])
const CACHE_LIMIT = 200_000

const createMemo = () => {
  const caches = new Map<string, Map<string, string | null>>()
  return (key: string, input: string, compute: () => string | null): string | null => {
    let cache = caches.get(key)
    if (!cache) {
      cache = new Map()
      caches.set(key, cache)
    }
    const hit = cache.get(input)
    if (hit !== undefined) return hit
    const value = compute()
    // Bounded memory: start afresh rather than track recency.
    if (cache.size >= CACHE_LIMIT) cache.clear()
    cache.set(input, value)
    return value
  }
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
}

// Written values never hold tabs or line breaks (normalisation squeezes whitespace); the raw ones
// (identifier, file name) are cleaned here. \N marks NULL.
const tsv = (v: string | null): string => (v === null ? '\\N' : v.replace(/[\t\n\r\\]/g, ' '))

/**
 * Stores rows in the records table; returns how many. Every row read is stored. Rows go through a
 * temporary tab-separated file and DuckDB's parallel COPY, several times faster than the appender.
 */
export const loadRows = async (
  db: Db,
  config: LinkageConfig,
  rows: AsyncIterable<InputRow>,
  options: LoadOptions,
): Promise<number> => {
  const columns = storedColumns(config)
  const truthPattern = config.truth?.pattern ? new RegExp(config.truth.pattern) : null
  const memo = createMemo()
  const base = options.tempDirectory ?? tmpdir()
  await mkdir(base, { recursive: true })
  const dir = await mkdtemp(join(base, 'linkage-load-'))
  const path = join(dir, 'rows.tsv')
  const out = createWriteStream(path)
  let rid = options.startRid
  let count = 0
  let buffer = ''
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
        const raw = row.values[config.truth.column] ?? null
        truth = raw !== null && truthPattern ? (truthPattern.exec(raw)?.[1] ?? raw) : raw
      }
      let line = `${rid++}\t${options.src}\t${tsv(id)}\t${tsv(row.file)}\t${row.line}\t${tsv(truth)}`
      const normalised: Record<string, string | null> = {}
      for (const c of columns) {
        const raw = c.suffix === undefined ? (row.values[c.name] ?? null) : (normalised[c.source] ?? null)
        const value =
          raw === null
            ? null
            : c.suffix === undefined
              ? UNIQUE_KINDS.has(c.kind)
                ? normalise(c.kind, raw)
                : memo(c.name, raw, () => normalise(c.kind, raw))
              : memo(c.name, raw, () => deriveValue(c.kind, c.suffix as string, raw))
        normalised[c.name] = value
        line += `\t${tsv(value)}`
      }
      buffer += `${line}\n`
      options.onRow?.({ ...row, id, normalised })
      count++
      if (buffer.length > 1 << 20) {
        if (!out.write(buffer)) await once(out, 'drain')
        buffer = ''
      }
      if (count % 50_000 === 0) {
        options.onProgress?.(count)
        if (options.signal?.aborted) throw options.signal.reason
      }
    }
    out.end(buffer)
    await once(out, 'finish')
    await db.run(
      `COPY records FROM '${path.replaceAll("'", "''")}' (FORMAT csv, DELIMITER '\t', HEADER false, QUOTE '', ESCAPE '', NULLSTR '\\N', AUTO_DETECT false)`,
    )
  } finally {
    out.destroy()
    await rm(dir, { recursive: true, force: true })
  }
  options.onProgress?.(count)
  return count
}

/** Term frequencies of the values of a column: the share of records holding each value. */
export const refreshTermFrequencies = async (db: Db, columns: readonly string[]): Promise<void> => {
  for (const column of columns) {
    const table = ident(`tf_${column}`)
    await db.run(
      `CREATE OR REPLACE TABLE ${table} AS SELECT ${ident(column)} AS value, count(*)::DOUBLE / sum(count(*)) OVER () AS tf FROM records WHERE ${ident(column)} IS NOT NULL GROUP BY 1`,
    )
  }
}

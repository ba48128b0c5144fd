import { ident } from './comparisons.ts'
import type { LinkageConfig } from './config.ts'
import type { Db } from './db.ts'
import type { InputRow, ProblemSink } from './input.ts'
import { type ColumnKind, derivedColumns, deriveValue, normalise } from './normalise.ts'

export type StoredColumn = { name: string; kind: ColumnKind; source: string; suffix?: string }

/** The normalised columns of the records table, derived keys included, in table order. */
export const storedColumns = (config: LinkageConfig): StoredColumn[] =>
  Object.entries(config.columns).flatMap(([name, { kind }]) => [
    { name, kind, source: name },
    ...derivedColumns(kind).map((suffix) => ({ name: `${name}__${suffix}`, kind, source: name, suffix })),
  ])

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
}

/** Appends rows to the records table; returns how many were stored. Every row read is stored. */
export const loadRows = async (
  db: Db,
  config: LinkageConfig,
  rows: AsyncIterable<InputRow>,
  options: LoadOptions,
): Promise<number> => {
  const columns = storedColumns(config)
  const truthPattern = config.truth?.pattern ? new RegExp(config.truth.pattern) : null
  const appender = await db.connection.createAppender('records')
  let rid = options.startRid
  let count = 0
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
      appender.appendInteger(rid++)
      appender.appendUTinyInt(options.src)
      appender.appendVarchar(id)
      appender.appendVarchar(row.file)
      appender.appendInteger(row.line)
      let truth: string | null = null
      if (config.truth) {
        const raw = row.values[config.truth.column] ?? null
        truth = raw !== null && truthPattern ? (truthPattern.exec(raw)?.[1] ?? raw) : raw
      }
      if (truth === null) appender.appendNull()
      else appender.appendVarchar(truth)
      const normalised: Record<string, string | null> = {}
      for (const c of columns) {
        const value =
          c.suffix === undefined
            ? normalise(c.kind, row.values[c.name])
            : deriveValue(c.kind, c.suffix, normalised[c.source] ?? null)
        normalised[c.name] = value
        if (value === null) appender.appendNull()
        else appender.appendVarchar(value)
      }
      appender.endRow()
      options.onRow?.({ ...row, id, normalised })
      count++
      if (count % 50_000 === 0) {
        appender.flushSync()
        options.onProgress?.(count)
        if (options.signal?.aborted) throw options.signal.reason
        // Lets timers, the abort signal and the progress bar run during a long load.
        await new Promise((resolve) => setImmediate(resolve))
      }
    }
  } finally {
    appender.closeSync()
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

import { availableParallelism } from 'node:os'
import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api'

export type DbOptions = {
  /** DuckDB database file; in memory when absent. A file keeps a verified list for incremental linking. */
  path?: string
  threads?: number
  /** DuckDB memory limit such as '8GB'; DuckDB spills to `tempDirectory` beyond it. */
  memoryLimit?: string
  tempDirectory?: string
}

export type Db = {
  connection: DuckDBConnection
  run: (sql: string, params?: DuckDBValue[]) => Promise<void>
  /** All rows as plain objects; BIGINT and HUGEINT become numbers (counts here stay far below 2^53). */
  all: <T = Record<string, unknown>>(sql: string, params?: DuckDBValue[]) => Promise<T[]>
  scalar: (sql: string, params?: DuckDBValue[]) => Promise<number>
  /** Streams the rows of a query in chunks, without materialising the result. */
  chunks: (sql: string) => AsyncGenerator<DuckDBValue[][]>
  interrupt: () => void
  close: () => void
}

const plain = (value: unknown): unknown => (typeof value === 'bigint' ? Number(value) : value)

export const openDb = async (options: DbOptions = {}): Promise<Db> => {
  const config: Record<string, string> = {
    threads: String(options.threads ?? availableParallelism()),
    memory_limit: options.memoryLimit ?? '8GB',
    preserve_insertion_order: 'false',
  }
  if (options.tempDirectory) config.temp_directory = options.tempDirectory
  const instance = await DuckDBInstance.create(options.path ?? ':memory:', config)
  const connection = await instance.connect()
  const all = async <T>(sql: string, params?: DuckDBValue[]): Promise<T[]> => {
    const reader = await connection.runAndReadAll(sql, params)
    return reader.getRowObjects().map((row) => {
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(row)) out[k] = plain(v)
      return out as T
    })
  }
  return {
    connection,
    run: async (sql, params) => {
      await connection.run(sql, params)
    },
    all,
    scalar: async (sql, params) => {
      const rows = await all<Record<string, unknown>>(sql, params)
      const first = rows[0]
      return first ? Number(Object.values(first)[0] ?? 0) : 0
    },
    chunks: async function* (sql) {
      const result = await connection.stream(sql)
      for (;;) {
        const chunk = await result.fetchChunk()
        if (!chunk || chunk.rowCount === 0) return
        yield chunk.getRows()
      }
    },
    interrupt: () => connection.interrupt(),
    close: () => {
      connection.closeSync()
      instance.closeSync()
    },
  }
}

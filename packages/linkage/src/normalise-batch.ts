import { type ColumnKind, deriveValue, normalise } from './normalise.ts'

export type StoredColumn = { name: string; kind: ColumnKind; source: string; suffix?: string }

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

// Written values never hold tabs or line breaks (normalisation squeezes whitespace); the raw ones
// (identifier, file name) are cleaned here. \N marks NULL.
export const tsv = (v: string | null): string => (v === null ? '\\N' : v.replace(/[\t\n\r\\]/g, ' '))

/**
 * A batch of rows to normalise: for each row the start of its line in the temporary file (rid, source,
 * identifier, file, line, truth) and its raw values of the source columns, row after row.
 */
export type BatchRequest = { seq: number; prefixes: string[]; raw: (string | null)[]; keep: boolean }

/** The rows' lines of the temporary file, and their stored values row after row when asked to keep them. */
export type BatchResult = { tsv: string; values?: (string | null)[] }

/** The raw value of each source column of the stored columns (those without a suffix), in table order. */
export const sourceColumns = (columns: readonly StoredColumn[]): StoredColumn[] =>
  columns.filter((c) => c.suffix === undefined)

/**
 * Normalises batches of rows with one set of caches; the same code runs on the main thread and in the
 * worker threads, so where a batch is done never changes what is stored.
 */
export const createNormaliser = (columns: readonly StoredColumn[]) => {
  const memo = createMemo()
  const width = sourceColumns(columns).length
  return ({ prefixes, raw, keep }: Omit<BatchRequest, 'seq'>): BatchResult => {
    let out = ''
    const values: (string | null)[] | undefined = keep ? [] : undefined
    const byName = new Map<string, string | null>()
    for (let r = 0; r < prefixes.length; r++) {
      let line = prefixes[r] as string
      let k = r * width
      byName.clear()
      for (const c of columns) {
        const source = c.suffix === undefined ? (raw[k++] ?? null) : (byName.get(c.source) ?? null)
        const value =
          source === null
            ? null
            : c.suffix === undefined
              ? UNIQUE_KINDS.has(c.kind)
                ? normalise(c.kind, source)
                : memo(c.name, source, () => normalise(c.kind, source))
              : memo(c.name, source, () => deriveValue(c.kind, c.suffix as string, source))
        byName.set(c.name, value)
        values?.push(value)
        line += `\t${tsv(value)}`
      }
      out += `${line}\n`
    }
    return values ? { tsv: out, values } : { tsv: out }
  }
}

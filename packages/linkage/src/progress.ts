import type { Progress } from './linker.ts'

/** Where progress goes: process.stderr, or anything with the same two members. */
export type ProgressStream = { isTTY?: boolean; write: (text: string) => unknown }

const BAR_WIDTH = 30
// Non-terminal output (a log file) gets a line per stage and then one every ten seconds at most.
const LOG_INTERVAL_MS = 10_000

const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(1)

/** The share done, when the stage knows its end: DuckDB's percentage, or the bytes read of a file's size. */
const fraction = (p: Progress): number | null => {
  if (p.total) return p.done / p.total
  if (p.bytes && p.bytes.total > 0) return p.bytes.done / p.bytes.total
  return null
}

const describe = (p: Progress): string => {
  if (p.total !== undefined) return `${p.stage}: ${p.done}/${p.total}`
  const rows = `${p.stage}: ${p.done.toLocaleString('en')}`
  if (!p.bytes) return rows
  const percent = Math.floor((100 * p.bytes.done) / Math.max(1, p.bytes.total))
  return `${rows} rows, ${percent} % of ${mib(p.bytes.total)} MiB`
}

/**
 * The CLI's progress display: on a terminal one line redrawn in place, with a bar whenever the share
 * done is known; elsewhere plain lines, few enough for a log.
 */
export const createProgressPrinter = (stream: ProgressStream, now: () => number = Date.now) => {
  let last = ''
  let lastAt = 0
  return (p: Progress): void => {
    const text = describe(p)
    if (stream.isTTY) {
      const share = fraction(p)
      const bar =
        share === null
          ? ''
          : `[${'#'.repeat(Math.round(Math.min(1, Math.max(0, share)) * BAR_WIDTH)).padEnd(BAR_WIDTH, '.')}] `
      stream.write(`\r${bar}${text}`.padEnd(80))
    } else if (p.stage !== last || now() - lastAt > LOG_INTERVAL_MS) {
      stream.write(`${text}\n`)
      lastAt = now()
    }
    last = p.stage
  }
}

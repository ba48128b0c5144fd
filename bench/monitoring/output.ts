import type { Diagnosis } from './diagnose.ts'
import type { Generated } from './generate.ts'
import type { Row } from './scenarios.ts'
import type { WebSize } from './web-size.ts'

export type Measured = {
  database: string
  row: Row
  n: number
  app: { p50: number; p95: number }
  bare: { p50: number; p95: number }
  failed: number
  failures: string[]
}

const ms = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(2) : x.toFixed(1)) : '-')
const fmt = (n: number) => n.toLocaleString('en-US')

const table = (head: string[], body: string[][], right: Set<number>) => {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)))
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (right.has(i) ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number))).join(' | ')} |`
  console.log(line(head))
  console.log(
    `|${widths.map((w, i) => (right.has(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`,
  )
  for (const b of body) console.log(line(b))
}

/** PASS when the p95 is within 2× of the bare SQL's (and under 50 ms for lists and the measure page). */
export const verdict = (m: Measured) => {
  if (m.failed > 0) return `ERROR (${m.failed})`
  const ratio = m.app.p95 / m.bare.p95
  const pass = ratio <= 2 && (!m.row.under50 || m.app.p95 < 50)
  const why = [ratio > 2 ? `${ratio.toFixed(1)}×` : '', m.row.under50 && m.app.p95 >= 50 ? '≥50 ms' : '']
    .filter(Boolean)
    .join(', ')
  const v = pass ? 'PASS' : `FAIL (${why})`
  // The targets are PostgreSQL's; on PGlite the verdict is shown for information only.
  return m.database.startsWith('PostgreSQL') ? v : `info: ${v}`
}

export const printTable = (rows: Measured[], web: WebSize | Error | null) => {
  table(
    [
      'database',
      'what',
      'request',
      'n',
      'app p50',
      'app p95',
      'bare p50',
      'bare p95',
      'app/bare p95',
      'target',
      'result',
    ],
    rows.map((m) => [
      m.database,
      m.row.group,
      m.row.label,
      String(m.n),
      ms(m.app.p50),
      ms(m.app.p95),
      ms(m.bare.p50),
      ms(m.bare.p95),
      `${(m.app.p95 / m.bare.p95).toFixed(2)}×`,
      m.row.under50 ? '≤2× bare, <50 ms' : '≤2× bare',
      verdict(m),
    ]),
    new Set([3, 4, 5, 6, 7, 8]),
  )
  console.log('(milliseconds)')
  const errors = rows.filter((m) => m.failures.length)
  for (const m of errors)
    console.log(`errors in "${m.row.label}" (${m.database}):\n  ${m.failures.join('\n  ')}`)

  console.log('')
  if (!web) console.log('web app initial JavaScript: not measured (--skip-web)')
  else if (web instanceof Error)
    console.log(`web app initial JavaScript: ERROR, the build failed: ${web.message}`)
  else {
    // 300 KB read as 300,000 bytes, the stricter of the two readings (gzip-size prints kB).
    const kB = web.js.gzip / 1000
    console.log(
      `web app initial JavaScript: ${kB.toFixed(1)} kB (${(web.js.gzip / 1024).toFixed(1)} KiB) gzipped, ${(web.js.bytes / 1000).toFixed(0)} kB raw, in ${web.files.length} files` +
        ` (the entry chunk of index.html and its static imports; ${web.lazyChunks} lazy chunks not counted); target < 300 kB: ${kB < 300 ? 'PASS' : 'FAIL'}`,
    )
    for (const f of web.files.slice(0, 6))
      console.log(
        `  ${(f.gzip / 1000).toFixed(1).padStart(7)} kB gzip  ${(f.bytes / 1000).toFixed(0).padStart(5)} kB  ${f.file}`,
      )
    console.log(
      `  CSS on the first page, for information: ${(web.css.gzip / 1000).toFixed(1)} kB gzipped; build ${web.seconds.toFixed(1)} s`,
    )
  }
}

const NAMES: [string, string][] = [
  ['organizations', 'organisations'],
  ['users', 'users'],
  ['memberships', 'memberships'],
  ['roleGrants', 'role grants'],
  ['directions', 'directions'],
  ['goals', 'goals'],
  ['measures', 'measures'],
  ['measureExecutors', 'measure executors (lead, co, recommended)'],
  ['milestones', 'milestones'],
  ['indicators', 'indicators'],
  ['reportingPeriods', 'reporting periods'],
  ['measureReports', 'measure reports (one per measure and period)'],
  ['reportRevisions', 'measure report versions (every save and workflow step)'],
  ['reportIndicatorValues', 'report indicator values'],
  ['contributions', 'contributions'],
  ['evidence', 'evidence records'],
  ['files', 'files rows (file evidence)'],
  ['evaluations', 'evaluations'],
  ['auditEvents', 'audit events (hash-chained)'],
]

export const printCounts = (
  label: string,
  g: Generated,
  seconds: number,
  finish: { locked: number; changeRequests: number; mix: Record<string, string> },
  auditCheck: string,
) => {
  console.log(
    `\ngenerated (${label}) in ${seconds.toFixed(1)} s: ${Object.entries(g.seconds)
      .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
      .join(', ')}`,
  )
  const states = new Map<string, number>()
  for (const p of g.periods) states.set(p.state, (states.get(p.state) ?? 0) + 1)
  table(
    ['rows', 'count'],
    NAMES.filter(([k]) => g.counts[k] !== undefined).map(([k, name]) => [name, fmt(g.counts[k] as number)]),
    new Set([1]),
  )
  const conf = new Map<string, number>()
  for (const m of g.measures) conf.set(m.confidentiality, (conf.get(m.confidentiality) ?? 0) + 1)
  console.log(
    `periods: ${[...states].map(([s, n]) => `${n} ${s}`).join(', ')} (the locked ones locked through the API with their snapshots);` +
      ` measures: ${[...conf].map(([s, n]) => `${n} ${s}`).join(', ')}; ${finish.changeRequests} change requests;` +
      ` every foreign key checked (${g.foreignKeysChecked} constraints)`,
  )
  for (const [k, v] of Object.entries(finish.mix)) console.log(`${k}: ${v}`)
  console.log(auditCheck)
}

export const printDiagnosis = (label: string, d: Diagnosis) => {
  console.log(`\nwhere the time goes (${label}): one request per endpoint, unloaded, with the SQL it sends`)
  table(
    [
      'request',
      'total ms',
      'hooks+auth',
      'handler',
      'serialise',
      'KB',
      'statements',
      'SQL ms',
      'repeated statements (N+1)',
      'slowest statement',
    ],
    d.endpoints.map((e) => [
      e.label,
      ms(e.ms),
      e.phases ? ms(e.phases.hooksAndAuth) : '-',
      e.phases ? ms(e.phases.handler) : '-',
      e.phases ? ms(e.phases.serialize) : '-',
      (e.bytes / 1024).toFixed(1),
      String(e.count),
      ms(e.sqlMs),
      e.repeated
        .slice(0, 2)
        .map((r) => `${r.n}× ${r.sql.slice(0, 60)}`)
        .join(' ; ') || '-',
      e.slowest ? `${ms(e.slowest.ms)} ms ${e.slowest.sql.slice(0, 70)}` : '-',
    ]),
    new Set([1, 2, 3, 4, 5, 6, 7]),
  )
  console.log(`statements and EXPLAIN (ANALYZE, BUFFERS) of the slowest reads: ${d.file}`)
}

export const printWhatIf = (
  label: string,
  w: { indexes: { sql: string; seconds: number }[]; measured: Measured[] },
  before: Measured[],
) => {
  console.log(
    `\nwith the proposed indexes (${label}), created after the measurements above, same database, same run:`,
  )
  for (const i of w.indexes) console.log(`  ${i.sql};  -- ${i.seconds.toFixed(1)} s`)
  table(
    [
      'request',
      'n',
      'app p95 before',
      'app p50',
      'app p95',
      'bare p50',
      'bare p95',
      'app/bare p95',
      'result',
    ],
    w.measured.map((m) => [
      m.row.label,
      String(m.n),
      ms(before.find((b) => b.row.label === m.row.label)?.app.p95 ?? Number.NaN),
      ms(m.app.p50),
      ms(m.app.p95),
      ms(m.bare.p50),
      ms(m.bare.p95),
      `${(m.app.p95 / m.bare.p95).toFixed(2)}×`,
      verdict(m),
    ]),
    new Set([1, 2, 3, 4, 5, 6, 7]),
  )
}

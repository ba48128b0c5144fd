import pc from 'picocolors'
import type { SiteResult, Verdict } from './types.ts'

export type Colors = ReturnType<typeof pc.createColors>

/**
 * Colours for the stream the table is written to. picocolors' default looks at the process's own stdout
 * when it is imported, which is wrong for any other stream (and for a test's fake terminal).
 */
export const colorsFor = (stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Colors =>
  pc.createColors(
    !('NO_COLOR' in env) && ('FORCE_COLOR' in env || (Boolean(stream.isTTY) && env.TERM !== 'dumb')),
  )

const verdictColour = (c: Colors): Record<Verdict, (s: string) => string> => ({
  pass: c.green,
  warn: c.yellow,
  fail: c.red,
  error: c.magenta,
  info: c.cyan,
  na: c.dim,
})

export const progressBar = (done: number, total: number, width = 30) => {
  const filled = total === 0 ? width : Math.round((done / total) * width)
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`
}

/** A readable report: one summary line per site, then the checks that are not a pass. */
export const renderTable = (
  results: SiteResult[],
  lang: 'az' | 'en' | 'ru' = 'en',
  c: Colors = pc.createColors(false),
): string => {
  const lines: string[] = []
  const colour = verdictColour(c)
  const lights = { green: c.green, orange: c.yellow, red: c.red }
  const width = Math.max(4, ...results.map((r) => r.host.length))
  lines.push(c.bold(`${'Host'.padEnd(width)}  Grade  Score  Light   Baseline  Time`))
  for (const r of results) {
    const light = lights[r.score.light](r.score.light.padEnd(6))
    const baseline = r.baseline.compliant ? c.green('yes'.padEnd(8)) : c.red('no'.padEnd(8))
    lines.push(
      `${r.host.padEnd(width)}  ${r.score.grade.padEnd(5)}  ${String(r.score.score).padStart(5)}  ${light}  ${baseline}  ${r.durationMs} ms`,
    )
    if (r.status !== 'ok') lines.push(`  ${c.magenta(r.status)}`)
    for (const check of r.checks) {
      if (check.verdict === 'pass' || check.verdict === 'na') continue
      lines.push(
        `  ${colour[check.verdict](check.verdict.padEnd(5))} ${check.id.padEnd(20)} ${check.message[lang]}`,
      )
    }
    for (const cap of r.score.caps) lines.push(`  ${c.red(`cap ${cap.cap}`)} by ${cap.check}`)
  }
  return lines.join('\n')
}

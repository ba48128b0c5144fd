import pc from 'picocolors'
import type { SiteResult, Verdict } from './types.ts'

const VERDICT_COLOUR: Record<Verdict, (s: string) => string> = {
  pass: pc.green,
  warn: pc.yellow,
  fail: pc.red,
  error: pc.magenta,
  info: pc.cyan,
  na: pc.dim,
}

const LIGHT_COLOUR = { green: pc.green, orange: pc.yellow, red: pc.red }

export const progressBar = (done: number, total: number, width = 30) => {
  const filled = total === 0 ? width : Math.round((done / total) * width)
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`
}

/** A readable report: one summary line per site, then the checks that are not a pass. */
export const renderTable = (results: SiteResult[], lang: 'az' | 'en' | 'ru' = 'en'): string => {
  const lines: string[] = []
  const width = Math.max(4, ...results.map((r) => r.host.length))
  lines.push(pc.bold(`${'Host'.padEnd(width)}  Grade  Score  Light   Baseline  Time`))
  for (const r of results) {
    const light = LIGHT_COLOUR[r.score.light](r.score.light.padEnd(6))
    const baseline = r.baseline.compliant ? pc.green('yes'.padEnd(8)) : pc.red('no'.padEnd(8))
    lines.push(
      `${r.host.padEnd(width)}  ${r.score.grade.padEnd(5)}  ${String(r.score.score).padStart(5)}  ${light}  ${baseline}  ${r.durationMs} ms`,
    )
    if (r.status !== 'ok') lines.push(`  ${pc.magenta(r.status)}`)
    for (const c of r.checks) {
      if (c.verdict === 'pass' || c.verdict === 'na') continue
      lines.push(`  ${VERDICT_COLOUR[c.verdict](c.verdict.padEnd(5))} ${c.id.padEnd(20)} ${c.message[lang]}`)
    }
    for (const cap of r.score.caps) lines.push(`  ${pc.red(`cap ${cap.cap}`)} by ${cap.check}`)
  }
  return lines.join('\n')
}

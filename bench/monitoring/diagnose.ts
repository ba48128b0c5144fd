import { writeFileSync } from 'node:fs'
import type { Database } from '../../apps/server/src/platform/db.ts'
import type { Generated } from './generate.ts'
import type { HttpStep } from './sampler.ts'
import type { Actors, Row } from './scenarios.ts'
import { ORIGIN } from './session.ts'
import {
  capture,
  explain,
  type PhaseRecorder,
  type Phases,
  type Statement,
  shape,
  summarise,
} from './trace.ts'

export type Diagnosis = {
  file: string
  endpoints: {
    label: string
    ms: number
    count: number
    sqlMs: number
    repeated: { n: number; sql: string }[]
    slowest: Statement | null
    phases: Phases | null
    bytes: number
  }[]
}

let ip = 0
const send = async (origin: string, s: HttpStep) => {
  const res = await fetch(`${origin}${s.path}`, {
    method: s.method,
    headers: {
      ...s.headers,
      'x-forwarded-for': `10.80.${(ip >> 8) & 255}.${(ip++ & 255) + 1}`,
      ...(s.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: s.body === undefined ? undefined : JSON.stringify(s.body),
  })
  const text = await res.text()
  if (res.status !== s.expect) throw new Error(`${s.method} ${s.path}: ${res.status} ${text.slice(0, 300)}`)
  return text
}

/**
 * One request per endpoint with every SQL statement recorded: how many, how long, which ones repeat
 * (a statement run once per row of a list is an N+1 loop), and EXPLAIN ANALYZE of the two slowest
 * reads. Writes are traced on objects of their own (the submission on a draft kept back for it).
 */
export const diagnose = async (
  database: Database,
  origin: string,
  rows: Row[],
  who: { actors: Actors; traced?: Generated['openDrafts'][number] },
  recorder: PhaseRecorder,
  file: string,
): Promise<Diagnosis> => {
  const out: Diagnosis = { file, endpoints: [] }
  const text: string[] = []
  const seen = new Set<string>()
  for (const row of rows) {
    if (row.step === 'sum') continue
    const label = row.label
    if (seen.has(label)) continue
    seen.add(label)
    let step = row.app.measured[0]?.[row.step] as HttpStep | undefined
    if (!step) continue
    // Writes go to the draft kept back for this (the measured ones have been submitted by now).
    const d = who.traced
    if (step.method === 'PUT') {
      const writer = d && who.actors.writers.get(d.orgId)
      if (!d || !writer) continue
      const path = `/api/measures/${d.measureId}/periods/${d.periodId}/report`
      const headers = { cookie: writer.cookie, origin: ORIGIN }
      // A save must name the revision it read.
      const current = JSON.parse(await send(origin, { method: 'GET', path, headers, expect: 200 })) as {
        revision: number
      }
      step = { ...step, path, headers, body: { ...(step.body as object), revision: current.revision } }
    }
    if (step.path.endsWith('/submit')) {
      const head = d && who.actors.heads.get(d.orgId)
      if (!d || !head) continue
      step = {
        ...step,
        path: `/api/reports/${d.reportId}/submit`,
        headers: { cookie: head.cookie, origin: ORIGIN },
      }
    }
    // Reads are traced three times and the fastest kept: on a shared machine one request alone is noisy.
    const tries = step.method === 'GET' ? 3 : 1
    let best: { total: number; statements: Statement[]; phases: Phases | null; bytes: number } | null = null
    try {
      for (let k = 0; k < tries; k++) {
        const t = performance.now()
        const { result, phases } = await recorder.phases(() =>
          capture(database, () => send(origin, step as HttpStep)),
        )
        const total = performance.now() - t
        if (!best || total < best.total)
          best = { total, statements: result.statements, phases, bytes: Buffer.byteLength(result.result) }
      }
    } catch (err) {
      text.push(`=== ${label}\nfailed: ${err instanceof Error ? err.message : err}\n`)
      continue
    }
    if (!best) continue
    const { total, statements } = best
    const s = summarise(statements)
    out.endpoints.push({
      label,
      ms: total,
      count: s.count,
      sqlMs: s.ms,
      repeated: s.repeated.map(([sql, g]) => ({ n: g.n, sql })),
      slowest: s.slowest[0] ?? null,
      phases: best.phases,
      bytes: best.bytes,
    })
    text.push(
      `=== ${label}\n${step.method} ${step.path}\n${total.toFixed(1)} ms, ${s.count} statements, ${s.ms.toFixed(1)} ms in SQL, ${best.bytes} bytes; phases ${JSON.stringify(best.phases)}\n`,
    )
    if (s.repeated.length)
      text.push(
        `repeated:\n${s.repeated.map(([sql, g]) => `  ${g.n}× (${g.ms.toFixed(1)} ms) ${sql}`).join('\n')}\n`,
      )
    text.push(
      `statements in order:\n${statements.map((x) => `  ${x.ms.toFixed(2).padStart(8)} ms  ${shape(x.sql).slice(0, 400)}`).join('\n')}\n`,
    )
    for (const slow of s.slowest.filter((x) => /^\s*(select|with)\b/i.test(x.sql)).slice(0, 2)) {
      text.push(
        `--- EXPLAIN (ANALYZE, BUFFERS), ${slow.ms.toFixed(1)} ms in the request:\n${slow.sql}\nparams: ${JSON.stringify(slow.params).slice(0, 500)}\n`,
      )
      try {
        text.push(`${await explain(database, slow)}\n`)
      } catch (err) {
        text.push(`(explain failed: ${err instanceof Error ? err.message : err})\n`)
      }
    }
  }
  writeFileSync(file, text.join('\n'))
  return out
}

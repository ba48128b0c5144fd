import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHECKS, createScanner, evaluate, resolveOptions, type SiteResult } from '../src/index.ts'
import { EXPECTED, NO_WARN_STATE, SCORES } from './expectations.ts'
import { hostOf, type Rig, startRig } from './rig/index.ts'

let rig: Rig
const results = new Map<string, SiteResult>()
let scanMs = 0

beforeAll(async () => {
  rig = await startRig()
  const scanner = createScanner({
    ...rig.scanOptions,
    // Generous: only the silent fixture waits for it, and a loaded CI machine must not turn answers into timeouts.
    requestTimeoutMs: 5000,
    hostTimeoutMs: 30_000,
    concurrency: 8,
    perAddress: 64,
  })
  const started = Date.now()
  for (const r of await scanner.scan(rig.hosts)) results.set(r.host, r)
  scanMs = Date.now() - started
}, 120_000)

afterAll(async () => {
  await rig?.close()
})

const verdicts = (label: string) => {
  const r = results.get(hostOf(label))
  if (!r) throw new Error(`no result for ${label}`)
  return Object.fromEntries(r.checks.map((c) => [c.id, c.verdict]))
}

describe('scan of the fixture rig', () => {
  it('passes every check on the well-configured site', () => {
    const good = verdicts('good')
    expect(Object.keys(good).sort()).toEqual(CHECKS.map((c) => c.id).sort())
    expect(Object.entries(good).filter(([, v]) => v !== 'pass')).toEqual([])
  })

  it.each(Object.entries(EXPECTED))('gives the expected verdicts on %s', (label, expected) => {
    const got = verdicts(label)
    expect(Object.fromEntries(Object.keys(expected).map((id) => [id, got[id]]))).toEqual(expected)
  })

  it('sees every check pass, warn and fail somewhere in the rig', () => {
    const seen = new Map<string, Set<string>>()
    for (const r of results.values())
      for (const c of r.checks) seen.set(c.id, (seen.get(c.id) ?? new Set()).add(c.verdict))
    const missing = CHECKS.flatMap((c) =>
      ['pass', 'warn', 'fail']
        .filter((v) => !(v === 'warn' && NO_WARN_STATE.has(c.id)))
        .filter((v) => !seen.get(c.id)?.has(v))
        .map((v) => `${c.id}:${v}`),
    )
    expect(missing).toEqual([])
  })

  it.each(Object.entries(SCORES))(
    'scores %s with the expected grade, caps, light and baseline',
    (label, want) => {
      const r = results.get(hostOf(label)) as SiteResult
      expect({
        grade: r.score.grade,
        caps: [...new Set(r.score.caps.map((c) => c.cap))].sort(),
        light: r.score.light,
        compliant: r.baseline.compliant,
      }).toEqual({ ...want, caps: want.caps })
    },
  )

  it('reproduces the same result from stored evidence', () => {
    for (const label of ['good', 'headers-bad', 'legacy-3des']) {
      const r = results.get(hostOf(label)) as SiteResult
      const stored = JSON.parse(JSON.stringify(r.evidence))
      const again = evaluate(stored, [...CHECKS], resolveOptions(rig.scanOptions), r.durationMs)
      expect(again.checks).toEqual(r.checks)
      expect(again.score).toEqual(r.score)
    }
  })

  it('names the broken suite group and the cookie rule that failed', () => {
    const ciphers = (label: string) =>
      (results.get(hostOf(label)) as SiteResult).checks.find((c) => c.id === 'tls-ciphers')?.evidence
    expect(ciphers('legacy-export')?.broken).toEqual(['export'])
    expect(ciphers('legacy-anon')?.broken).toEqual(['anon'])
    expect(ciphers('legacy-3des')?.weak).toEqual(['3des'])
    const cookies = (results.get(hostOf('cookie-prefix')) as SiteResult).checks.find(
      (c) => c.id === 'cookies',
    )
    expect(cookies?.evidence.problems).toEqual(['__Host-id: __Host- prefix rules broken'])
  })

  it('rescoring with an approved exception lifts the grade and the baseline but keeps the finding', () => {
    const r = results.get(hostOf('tls10')) as SiteResult
    const opts = resolveOptions({ ...rig.scanOptions, explanations: { [r.host]: ['tls-protocols'] } })
    const again = evaluate(JSON.parse(JSON.stringify(r.evidence)), [...CHECKS], opts)
    const protocols = again.checks.find((c) => c.id === 'tls-protocols')
    expect([protocols?.verdict, protocols?.explained]).toEqual(['fail', true])
    expect([r.score.grade, r.baseline.compliant]).toEqual(['B', false])
    expect([again.score.caps, again.baseline.compliant, again.score.explained]).toEqual([
      [],
      true,
      ['tls-protocols'],
    ])
  })

  it('keeps results as plain JSON with messages in three languages', () => {
    const r = results.get(hostOf('headers-bad')) as SiteResult
    expect(JSON.parse(JSON.stringify(r))).toEqual(r)
    for (const c of r.checks)
      for (const lang of ['az', 'en', 'ru'] as const) expect(c.message[lang].length).toBeGreaterThan(5)
  })

  it('scans the whole rig within a bounded time', () => {
    expect(results.size).toBe(rig.hosts.length)
    expect(scanMs).toBeLessThan(60_000)
  })
})

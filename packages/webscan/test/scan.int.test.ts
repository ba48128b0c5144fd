import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CHECKS,
  type CheckResult,
  createScanner,
  DEFAULT_USER_AGENT,
  evaluate,
  resolveOptions,
  type SiteResult,
} from '../src/index.ts'
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

/** One check of one fixture; a missing one is a test failure, not an undefined to chain through. */
const checkOf = (label: string, id: string): CheckResult => {
  const found = results.get(hostOf(label))?.checks.find((c) => c.id === id)
  if (!found) throw new Error(`no ${id} result for ${label}`)
  return found
}

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

  it('lets a failure seen on one endpoint win over an endpoint that could not be tested', () => {
    const redirect = checkOf('redirect-mixed', 'http-redirect')
    expect((redirect.evidence.endpoints as { result: string }[]).map((e) => e.result)).toEqual([
      'missing',
      'error',
    ])
    expect([redirect.verdict, redirect.caps]).toEqual(['fail', ['B']])
    const starttls = checkOf('mx-mixed', 'mx-starttls')
    expect((starttls.evidence.probes as { verdict: string }[]).map((p) => p.verdict)).toEqual([
      'fail',
      'error',
    ])
    expect(starttls.message.en).toContain(`mx.${hostOf('mx-mixed')}`)
    const old = checkOf('mx-oldtls', 'mx-starttls')
    expect((old.evidence.probes as { protocol?: string }[])[0]?.protocol).toBe('TLSv1.1')
  })

  it('asks external DMARC report addresses for their authorisation and reads TLS-RPT', () => {
    expect(checkOf('dmarc-ext-ok', 'dmarc').evidence.externalReports).toEqual([
      { host: 'reports.gov.test', authorised: true },
    ])
    const bad = checkOf('dmarc-ext-bad', 'dmarc')
    expect(bad.evidence.externalReports).toEqual([{ host: 'reports.gov.test', authorised: false }])
    expect(bad.message.en).toContain('reports.gov.test')
    expect(checkOf('good', 'dmarc').evidence.externalReports).toEqual([])
    expect(checkOf('good', 'mta-sts').evidence.tlsRpt).toEqual([
      `v=TLSRPTv1; rua=mailto:tlsrpt@${hostOf('good')}`,
    ])
    expect(checkOf('mx-notlsrpt', 'mta-sts').message.en).toContain('TLS-RPT')
    const points = (results.get(hostOf('good')) as SiteResult).score.points
    expect([points['cert-trust'], points.spf, points['hsts-preload']]).toEqual([
      { earned: 10, max: 10 },
      { earned: 10, max: 10 },
      undefined,
    ])
  })

  it('judges the www certificate as well as the apex one, naming the host that failed', () => {
    const expiry = checkOf('www-expired', 'cert-expiry')
    expect([expiry.severity, expiry.caps, expiry.message.en]).toEqual([
      'critical',
      ['F'],
      `www.${hostOf('www-expired')}: The certificate has expired.`,
    ])
    expect(expiry.evidence.www).toMatchObject({ host: `www.${hostOf('www-expired')}`, verdict: 'fail' })
    expect(expiry.evidence.daysLeft).toBeGreaterThan(300)
    const name = checkOf('www-wronghost', 'cert-hostname')
    expect(name.message.en).toBe(`The certificate does not cover www.${hostOf('www-wronghost')}.`)
    expect(checkOf('www-wronghost', 'https-reachable').evidence).toMatchObject({
      apex: { state: 'valid' },
      www: { state: 'invalid', tlsError: 'ERR_TLS_CERT_ALTNAME_INVALID' },
    })
    // The same certificate on both names (every other fixture) changes nothing.
    expect(checkOf('good', 'cert-expiry').evidence.www).toMatchObject({ verdict: 'pass' })
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

  it('identifies itself with its user agent on every request the fixtures received', async () => {
    const seen = [...rig.requests]
    expect(seen.filter((r) => r.site === hostOf('good')).map((r) => `${r.scheme} ${r.path}`)).toEqual(
      expect.arrayContaining(['http /', 'https /', 'https /robots.txt', 'https /.well-known/security.txt']),
    )
    expect(new Set(seen.map((r) => r.userAgent))).toEqual(new Set([DEFAULT_USER_AGENT]))
    const before = rig.requests.length
    const custom = createScanner({ ...rig.scanOptions, checks: ['hsts'], userAgent: 'Ministry-Audit/2.0' })
    await custom.scan([hostOf('basic')])
    const mine = rig.requests.slice(before)
    expect(mine.length).toBeGreaterThan(0)
    expect(new Set(mine.map((r) => r.userAgent))).toEqual(new Set(['Ministry-Audit/2.0']))
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

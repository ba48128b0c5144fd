import { describe, expect, it } from 'vitest'
import { evaluateBaseline, scoreSite } from './scoring.ts'
import type { Category, CheckResult, Severity, Verdict } from './types.ts'

const check = (
  id: string,
  verdict: Verdict,
  severity: Severity = 'high',
  category: Category = 'transport',
  extra: Partial<CheckResult> = {},
): CheckResult => ({
  id,
  version: 1,
  category,
  verdict,
  severity,
  caps: [],
  bonus: false,
  explained: false,
  message: { az: 'x', en: 'x', ru: 'x' },
  evidence: {},
  ...extra,
})

describe('scoreSite', () => {
  it('gives A+ only when nothing warns or fails', () => {
    expect(scoreSite([check('a', 'pass'), check('b', 'pass', 'low')]).grade).toBe('A+')
    const withWarn = scoreSite([check('a', 'pass'), check('b', 'pass'), check('c', 'warn', 'low', 'hygiene')])
    expect(withWarn.grade).toBe('A')
  })

  it('earns half the points for a warning and none for a failure, per category', () => {
    const s = scoreSite([check('a', 'pass', 'high'), check('b', 'warn', 'high'), check('c', 'fail', 'high')])
    expect(s.categories.transport).toEqual({ earned: 15, max: 30, percent: 50 })
    expect(s.score).toBe(50)
    expect(s.grade).toBe('D')
  })

  it('renormalises the weights over the categories that apply', () => {
    const s = scoreSite([check('a', 'pass', 'high', 'transport'), check('b', 'fail', 'medium', 'web')])
    // transport 100 % at weight 45, web 0 % at weight 25
    expect(s.score).toBe(Math.round((45 * 100) / 70))
  })

  it('leaves errors and not-applicable checks out of the score but counts errors', () => {
    const s = scoreSite([check('a', 'pass'), check('b', 'error'), check('c', 'na')])
    expect(s.score).toBe(100)
    expect(s.errors).toBe(1)
  })

  it('caps the grade by the worst critical failure whatever the points say', () => {
    const checks = [
      ...Array.from({ length: 30 }, (_, i) => check(`p${i}`, 'pass')),
      check('tls-ciphers', 'fail', 'high', 'transport', { caps: ['C'] }),
      check('cert-trust', 'fail', 'critical', 'transport', { caps: ['F'] }),
    ]
    const s = scoreSite(checks)
    expect(s.score).toBeGreaterThanOrEqual(90)
    expect(s.uncappedGrade).toBe('A')
    expect(s.grade).toBe('F')
    expect(s.caps.map((c) => c.check)).toEqual(['tls-ciphers', 'cert-trust'])
  })

  it('lets a bonus lift only a score that is already at least 90', () => {
    const bonus = check('hsts-preload', 'pass', 'info', 'transport', { bonus: true })
    const high = scoreSite([
      ...Array.from({ length: 19 }, (_, i) => check(`p${i}`, 'pass')),
      check('w', 'warn', 'high'),
      bonus,
    ])
    expect(high.score).toBe(100)
    const low = scoreSite([check('a', 'pass'), check('b', 'fail'), bonus])
    expect(low.score).toBe(50)
  })

  it('leaves explained findings out of score, caps and light but lists them', () => {
    const failing = check('tls-protocols', 'fail', 'high', 'transport', { caps: ['B'] })
    const plain = scoreSite([check('a', 'pass'), failing])
    expect([plain.grade, plain.light]).toEqual(['D', 'red'])
    const explained = scoreSite([check('a', 'pass'), { ...failing, explained: true }])
    expect([explained.grade, explained.light, explained.explained]).toEqual([
      'A+',
      'green',
      ['tls-protocols'],
    ])
  })

  it('stores the points of every scored check, adding up to the category totals', () => {
    const s = scoreSite([
      check('a', 'pass', 'high'),
      check('b', 'warn', 'medium', 'web'),
      check('c', 'fail', 'low', 'hygiene'),
      check('d', 'error', 'high'),
      check('e', 'na', 'high'),
      check('f', 'fail', 'high', 'transport', { explained: true }),
    ])
    expect(s.points).toEqual({
      a: { earned: 10, max: 10 },
      b: { earned: 2.5, max: 5 },
      c: { earned: 0, max: 2 },
    })
    expect(s.categories.web).toEqual({ earned: 2.5, max: 5, percent: 50 })
    expect(s.bonus).toBe(0)
    const bonus = check('hsts-preload', 'pass', 'info', 'transport', { bonus: true })
    const high = scoreSite([
      ...Array.from({ length: 19 }, (_, i) => check(`p${i}`, 'pass')),
      check('w', 'warn'),
      bonus,
    ])
    expect([high.score, high.bonus, high.points['hsts-preload']]).toEqual([100, 2, undefined])
  })

  it('derives the traffic light from the worst failure', () => {
    expect(scoreSite([check('a', 'fail', 'low', 'hygiene')]).light).toBe('green')
    expect(scoreSite([check('a', 'fail', 'medium', 'web')]).light).toBe('orange')
    expect(scoreSite([check('a', 'fail', 'high')]).light).toBe('red')
  })
})

describe('evaluateBaseline', () => {
  const all = [
    'https-reachable',
    'http-redirect',
    'no-downgrade',
    'hsts',
    'tls-protocols',
    'tls-ciphers',
    'cert-trust',
    'cert-hostname',
    'cert-expiry',
    'spf',
    'dmarc',
  ]
  it('is met when every mandatory check is acceptable', () => {
    expect(evaluateBaseline(all.map((id) => check(id, 'pass')))).toMatchObject({
      compliant: true,
      failing: [],
    })
  })

  it('is met when the failing requirement is explained', () => {
    const checks = all.map((id) =>
      check(id, id === 'hsts' ? 'fail' : 'pass', 'high', 'transport', { explained: id === 'hsts' }),
    )
    expect(evaluateBaseline(checks).compliant).toBe(true)
  })

  it('is met by a certificate expiring within 7 days, not by an expired one (reference: C4 not expired)', () => {
    const withExpiry = (severity: Severity) =>
      all.map((id) => (id === 'cert-expiry' ? check(id, 'fail', severity) : check(id, 'pass')))
    expect(evaluateBaseline(withExpiry('high'))).toMatchObject({
      id: 'az-gov-web-baseline/2',
      compliant: true,
    })
    expect(evaluateBaseline(withExpiry('critical'))).toMatchObject({
      compliant: false,
      failing: ['cert-expiry'],
    })
    // Only the expiry requirement has that allowance.
    const hstsFail = all.map((id) => check(id, id === 'hsts' ? 'fail' : 'pass', 'high'))
    expect(evaluateBaseline(hstsFail).compliant).toBe(false)
  })

  it('is not met by a warning where a pass is required, nor by a missing check', () => {
    const checks = all.filter((id) => id !== 'dmarc').map((id) => check(id, id === 'hsts' ? 'warn' : 'pass'))
    expect(evaluateBaseline(checks)).toMatchObject({ compliant: false, failing: ['hsts', 'dmarc'] })
  })
})

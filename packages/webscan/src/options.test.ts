import { describe, expect, it } from 'vitest'
import { createScanner } from './engine.ts'
import { OptionError, resolveOptions } from './options.ts'
import { allCompliant } from './scoring.ts'
import type { SiteResult } from './types.ts'

describe('library options', () => {
  it.each([
    [{ concurrency: Number.NaN }, 'concurrency'],
    [{ concurrency: 0 }, 'concurrency'],
    [{ concurrency: 2.5 }, 'concurrency'],
    [{ concurrency: '8' as unknown as number }, 'concurrency'],
    [{ perAddress: Number.POSITIVE_INFINITY }, 'perAddress'],
    [{ requestTimeoutMs: -1 }, 'requestTimeoutMs'],
    [{ hostTimeoutMs: Number.NaN }, 'hostTimeoutMs'],
    [{ maxRedirects: 51 }, 'maxRedirects'],
    [{ maxBodyBytes: 0 }, 'maxBodyBytes'],
    [{ maxHeaderBytes: 10 }, 'maxHeaderBytes'],
    [{ resolver: 'dns.example' }, 'resolver'],
    [{ resolver: '127.0.0.1:99999' }, 'resolver'],
    [{ userAgent: 'Qalxan\r\nX-Injected: 1' }, 'userAgent'],
    [{ ports: { https: 70_000 } }, 'ports.https'],
  ])('createScanner(%j) throws an OptionError naming %s', (options, option) => {
    let thrown: unknown
    try {
      createScanner(options)
    } catch (err) {
      thrown = err
    }
    expect(thrown).toBeInstanceOf(OptionError)
    expect((thrown as OptionError).option).toBe(option)
    expect((thrown as Error).message).toContain(`"${option}"`)
  })

  it('accepts the documented forms and keeps the defaults', () => {
    for (const resolver of ['10.0.0.53', '127.0.0.1:5353', '::1', '[::1]:5353'])
      expect(resolveOptions({ resolver }).resolver).toBe(resolver)
    const opts = resolveOptions({ maxRedirects: 0 })
    expect([opts.maxRedirects, opts.requestTimeoutMs, opts.portsFor('x').https]).toEqual([0, 5000, 443])
    expect(() => createScanner({ concurrency: 1, perAddress: 1 })).not.toThrow()
  })

  it('checks ports a function returns when they are used', () => {
    const opts = resolveOptions({ ports: () => ({ http: -1 }) })
    expect(() => opts.portsFor('x.gov.test')).toThrow(OptionError)
  })
})

describe('allCompliant (the CLI exit code)', () => {
  const site = (compliant: boolean) =>
    ({ baseline: { id: 'b', compliant, failing: [] } }) as unknown as SiteResult
  it('refuses an empty or short result list', () => {
    expect(allCompliant([], 0)).toBe(false)
    expect(allCompliant([], 1)).toBe(false)
    expect(allCompliant([site(true)], 2)).toBe(false)
    expect(allCompliant([undefined, site(true)], 2)).toBe(false)
  })
  it('is true only when every requested site is compliant', () => {
    expect(allCompliant([site(true), site(true)], 2)).toBe(true)
    expect(allCompliant([site(true), site(false)], 2)).toBe(false)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createScanner, type SiteResult } from '../src/index.ts'
import { hostOf, type Rig, startRig } from './rig/index.ts'

const HOSTILE = [
  'slow',
  'redirect-forever',
  'huge-header',
  'endless-body',
  'garbage',
  'reset',
  'basic',
  'müdafiə',
]
const REQUEST_TIMEOUT = 2000
const HOST_TIMEOUT = 10_000

let rig: Rig
const byHost = new Map<string, SiteResult>()
const unresolvable = ['cname-loop.gov.test', 'dns-silent.gov.test', 'missing.gov.test']
const malformed = ['-bad-.gov.test', 'a..gov.test', 'https://x.gov.test/', '', 'x'.repeat(300), '127.0.0.1']
let heapGrowth = 0

beforeAll(async () => {
  rig = await startRig({ only: HOSTILE })
  const scanner = createScanner({
    ...rig.scanOptions,
    requestTimeoutMs: REQUEST_TIMEOUT,
    hostTimeoutMs: HOST_TIMEOUT,
    maxBodyBytes: 256 * 1024,
    concurrency: 6,
    perAddress: 32,
  })
  const hosts = [...HOSTILE.map(hostOf), 'müdafiə.gov.test', 'closed.gov.test', ...unresolvable, ...malformed]
  const before = process.memoryUsage().heapUsed
  for (const r of await scanner.scan(hosts)) byHost.set(r.host, r)
  heapGrowth = process.memoryUsage().heapUsed - before
}, 60_000)

afterAll(async () => {
  await rig?.close()
})

const result = (host: string) => byHost.get(host) as SiteResult
const verdict = (r: SiteResult, id: string) => r.checks.find((c) => c.id === id)?.verdict

describe('hostile and broken targets', () => {
  it('ends every host within its timeout, never crashing the scan', () => {
    for (const r of byHost.values()) expect(r.durationMs).toBeLessThan(HOST_TIMEOUT + 1000)
  })

  it('reports a server that never answers as a timeout, not a crash', () => {
    const r = result(hostOf('slow'))
    expect(verdict(r, 'https-reachable')).toBe('fail')
    expect(r.evidence.web?.https.apex?.error).toBe('timeout')
    expect(r.evidence.tls?.error).toBe('timeout')
    expect(verdict(r, 'cert-trust')).toBe('error')
  })

  it('stops following endless redirects', () => {
    const chain = result(hostOf('redirect-forever')).evidence.web?.https.apex
    expect(chain?.error).toBe('too-many-redirects')
    expect(chain?.hops.length).toBe(11)
  })

  it('refuses huge headers with a clear error', () => {
    expect(result(hostOf('huge-header')).evidence.web?.https.apex?.error).toBe('HPE_HEADER_OVERFLOW')
  })

  it('reads at most the body cap of an endless body and still scores the page', () => {
    const r = result(hostOf('endless-body'))
    const chain = r.evidence.web?.https.apex
    expect(chain?.bodyTruncated).toBe(true)
    expect(Buffer.byteLength(chain?.body ?? '')).toBeLessThanOrEqual(256 * 1024)
    expect(verdict(r, 'https-reachable')).toBe('pass')
    expect(heapGrowth).toBeLessThan(200 * 1024 * 1024)
  })

  it('treats garbage and resets as failed handshakes', () => {
    const garbage = result(hostOf('garbage'))
    expect(verdict(garbage, 'https-reachable')).toBe('fail')
    expect(garbage.evidence.tls?.error).toBeTruthy()
    expect(result(hostOf('reset')).evidence.web?.https.apex?.error).toBe('ECONNRESET')
  })

  it('turns a closed port into a refused connection', () => {
    const r = result('closed.gov.test')
    expect(r.evidence.web?.https.apex?.error).toBe('ECONNREFUSED')
    expect(verdict(r, 'http-redirect')).toBe('pass')
    expect(r.score.grade).toBe('F')
  })

  it.each(unresolvable)(
    'marks %s unresolvable (loops, silence, NXDOMAIN) with every check in error',
    (host) => {
      const r = result(host)
      expect(r.status).toBe('unresolvable')
      expect(verdict(r, 'https-reachable')).toBe('fail')
      expect(r.checks.filter((c) => c.id !== 'https-reachable').every((c) => c.verdict === 'error')).toBe(
        true,
      )
      expect(r.baseline.compliant).toBe(false)
    },
  )

  it.each(malformed)('rejects the malformed host name %j without touching the network', (host) => {
    const r = result(host)
    expect(r.status).toBe('invalid-host')
    expect(r.evidence.addresses).toEqual([])
    expect(r.baseline.compliant).toBe(false)
  })

  it('scans an internationalised name by its punycode form', () => {
    const r = result(hostOf('müdafiə'))
    expect(hostOf('müdafiə')).toMatch(/^xn--/)
    expect(verdict(r, 'https-reachable')).toBe('pass')
    expect(verdict(r, 'cert-hostname')).toBe('pass')
  })

  it('stops a host at its own deadline and says so', async () => {
    const scanner = createScanner({
      ...rig.scanOptions,
      requestTimeoutMs: 30_000,
      hostTimeoutMs: 1000,
      perAddress: 64,
    })
    const started = Date.now()
    const [r] = await scanner.scan([hostOf('slow')])
    expect(Date.now() - started).toBeLessThan(4000)
    expect(r?.status).toBe('timeout')
    expect(r?.checks.every((c) => c.verdict === 'error')).toBe(true)
  })

  it('aborts a running scan promptly and reports progress for each host', async () => {
    const controller = new AbortController()
    const progress: number[] = []
    let abortedAt = 0
    const scanner = createScanner({
      ...rig.scanOptions,
      requestTimeoutMs: 30_000,
      hostTimeoutMs: 60_000,
      // Both fixtures share 127.0.0.1; with the default per-address limit the silent one would queue the other.
      perAddress: 64,
      signal: controller.signal,
      onProgress: ({ done, host }) => {
        progress.push(done)
        // The silent host would hold the scan for 30 s; abort as soon as the healthy one is done.
        if (host === hostOf('basic')) {
          abortedAt = Date.now()
          controller.abort()
        }
      },
    })
    const results = await scanner.scan([hostOf('slow'), hostOf('basic')])
    expect(abortedAt).toBeGreaterThan(0)
    expect(Date.now() - abortedAt).toBeLessThan(2000)
    expect(results[0]?.status).toBe('aborted')
    expect(results[1]?.status).toBe('ok')
    expect(progress.sort()).toEqual([1, 2])
  })
})

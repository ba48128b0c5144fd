import { describe, expect, it } from 'vitest'
import { normalizeHost, registrableDomain } from '../hostname.ts'
import { buildClientHello, parseServerHello } from '../net/hello-probe.ts'
import { parseSetCookie } from './content.ts'
import { evaluateCsp } from './csp.ts'
import { parseSecurityTxt } from './hygiene.ts'
import { countSpfLookups, parseDmarc, parseMtaStsPolicy, reportHosts, tlsRptValid } from './mail.ts'
import { classifyRedirect, parseHsts } from './transport.ts'

describe('parseHsts', () => {
  it('reads max-age, includeSubDomains and preload case-insensitively', () => {
    expect(parseHsts(['Max-Age="31536000"; includeSubDomains; PRELOAD'])).toMatchObject({
      valid: true,
      maxAge: 31536000,
      includeSubDomains: true,
      preload: true,
    })
  })
  it.each([
    [[], 'missing'],
    [['max-age=1', 'max-age=2'], 'duplicate'],
    [['max-age=1, max-age=2'], 'duplicate'],
    [['includeSubDomains'], 'no-max-age'],
    [['max-age=abc'], 'malformed'],
    [['max-age=1; max-age=2'], 'malformed'],
  ])('flags %j as %s', (values, problem) => {
    expect(parseHsts(values as string[]).problem).toBe(problem)
  })
})

describe('evaluateCsp (Observatory decision tree)', () => {
  it.each([
    ["default-src 'none'; form-action 'self'", 'csp-implemented-with-no-unsafe-default-src-none'],
    ["default-src 'self'", 'csp-implemented-with-no-unsafe'],
    ["default-src 'self'; script-src 'self' 'unsafe-inline'", 'csp-implemented-with-unsafe-inline'],
    ["default-src 'self'; script-src 'self' 'nonce-abc' 'unsafe-inline'", 'csp-implemented-with-no-unsafe'],
    ["default-src 'self'; script-src 'self' 'unsafe-eval'", 'csp-implemented-with-unsafe-eval'],
    ["default-src 'self'; style-src 'unsafe-inline'", 'csp-implemented-with-unsafe-inline-in-style-src-only'],
    ["default-src 'self'; img-src http:", 'csp-implemented-with-insecure-scheme-in-passive-content-only'],
    ["default-src 'self' http://cdn.example", 'csp-implemented-with-insecure-scheme'],
    ["default-src 'self'; default-src 'none'", 'csp-header-invalid'],
  ])('classifies %s', (policy, result) => {
    expect(evaluateCsp([policy], [], []).result).toBe(result)
  })
  it('tells a report-only policy from a missing one', () => {
    expect(evaluateCsp([], [], ["default-src 'self'"]).result).toBe(
      'csp-not-implemented-but-reporting-enabled',
    )
    expect(evaluateCsp([], [], []).result).toBe('csp-not-implemented')
  })
})

describe('mail policy parsers', () => {
  it('counts SPF DNS lookups through nested includes', () => {
    const includes = {
      'a.test': { data: ['v=spf1 include:b.test mx a -all'] },
      'b.test': { data: ['v=spf1 ip4:192.0.2.1 exists:x.test -all'] },
    }
    expect(countSpfLookups('v=spf1 include:a.test ip4:10.0.0.1 -all', includes)).toBe(5)
  })
  it('parses DMARC tags and MTA-STS policies', () => {
    expect(parseDmarc('v=DMARC1; p=reject; rua=mailto:a@b.test; pct=50')).toMatchObject({
      p: 'reject',
      pct: '50',
    })
    expect(
      parseMtaStsPolicy('version: STSv1\r\nmode: enforce\r\nmx: mx.a.test\r\nmx: *.b.test\r\nmax_age: 86400'),
    ).toEqual({
      version: 'STSv1',
      mode: 'enforce',
      mx: ['mx.a.test', '*.b.test'],
      maxAge: 86400,
    })
  })
  it('reads security.txt fields, ignoring comments', () => {
    const f = parseSecurityTxt(
      '# hi\nContact: mailto:a@b.test\nContact: https://b.test\nExpires: 2030-01-01T00:00:00Z\n',
    )
    expect(f.get('contact')).toHaveLength(2)
    expect(f.get('expires')).toEqual(['2030-01-01T00:00:00Z'])
  })
})

describe('cookies and redirects', () => {
  it('keeps an invalid SameSite value that a cookie jar would normalise away', () => {
    expect(parseSetCookie('sid=1; Secure; HttpOnly; SameSite=Foo; Path=/', false)).toMatchObject({
      name: 'sid',
      secure: true,
      httpOnly: true,
      sameSite: 'Foo',
      path: '/',
    })
  })
  it('classifies the first redirect of an HTTP endpoint', () => {
    const hop = (url: string, status?: number, location?: string) => ({
      url,
      status,
      location,
      headers: [],
      ms: 0,
    })
    const chain = (hops: ReturnType<typeof hop>[]) => ({ start: hops[0]?.url as string, hops })
    expect(
      classifyRedirect(chain([hop('http://a.test/', 301, 'https://a.test/'), hop('https://a.test/', 200)])),
    ).toBe('to-https')
    expect(
      classifyRedirect(
        chain([hop('http://a.test/', 301, 'https://www.a.test/'), hop('https://www.a.test/', 200)]),
      ),
    ).toBe('off-host-first')
    expect(classifyRedirect(chain([hop('http://a.test/', 200)]))).toBe('missing')
    expect(
      classifyRedirect({
        start: 'http://a.test/',
        hops: [{ ...hop('http://a.test/'), error: 'ECONNREFUSED' }],
      }),
    ).toBe('no-http')
  })
})

describe('host names', () => {
  it('turns internationalised names into punycode and refuses URLs and IPs', () => {
    expect(normalizeHost('Müdafiə.gov.az.')).toEqual({ ok: true, host: 'xn--mdafi-kva16v.gov.az' })
    expect(normalizeHost('https://a.gov.az').ok).toBe(false)
    expect(normalizeHost('10.0.0.1').ok).toBe(false)
    expect(normalizeHost('a_b.gov.az').ok).toBe(false)
  })
  it('finds the registrable domain under gov.az and under an extra suffix', () => {
    expect(registrableDomain('www.mfa.gov.az')).toBe('mfa.gov.az')
    expect(registrableDomain('x.good.gov.test', ['gov.test'])).toBe('good.gov.test')
  })
})

describe('hand-built ClientHello', () => {
  it('round-trips through a ServerHello parser and reads the alert path', () => {
    const hello = buildClientHello({ version: 0x0300, suites: [0x000a] })
    expect(hello[0]).toBe(0x16)
    expect(hello.readUInt16BE(1)).toBe(0x0300)
    expect(hello.readUInt16BE(9)).toBe(0x0300)
    const alert = Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28])
    expect(parseServerHello(alert)).toEqual({ alert: 40 })
    expect(parseServerHello(Buffer.from('HTTP/1.1 400 Bad'))).toBe('garbage')
    expect(parseServerHello(Buffer.from([0x16, 0x03]))).toBe('incomplete')
  })
})

describe('DMARC report hosts and TLS-RPT', () => {
  it('reads the mailto hosts of rua, with size suffixes and duplicates', () => {
    expect(reportHosts('mailto:a@X.gov.az!10m, mailto:b@y.az,https://r.example/x,mailto:c@x.gov.az')).toEqual(
      ['x.gov.az', 'y.az'],
    )
    expect(reportHosts(undefined)).toEqual([])
  })
  it.each([
    [['v=TLSRPTv1; rua=mailto:tls@x.az'], true],
    [['v=TLSRPTv1;rua=https://r.x.az/v1'], true],
    [['v=TLSRPTv1; rua=ftp://x'], false],
    [['v=TLSRPTv1; rua=mailto:a@x.az', 'v=TLSRPTv1; rua=mailto:b@x.az'], false],
    [['v=spf1 -all'], false],
    [[], false],
  ])('TLS-RPT %j is valid: %s', (data, valid) => {
    expect(tlsRptValid(data)).toBe(valid)
  })
})

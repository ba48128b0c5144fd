import type { SecureContextOptions } from 'node:tls'
import type { ZoneEntry } from './dns-server.ts'
import type { LegacyConfig } from './legacy-tls.ts'
import type { LeafSpec } from './pki.ts'

export const ZONE = 'gov.test'

/** Below the ephemeral range, so no fixture started in parallel can take it: connections are refused. */
export const CLOSED_PORT = 1

export interface SiteSpec {
  /** First label; the host is `<label>.gov.test`. */
  label: string
  cert?: Omit<LeafSpec, 'names'> & { names?: string[]; chain?: 'normal' | 'leaf' | 'with-root' }
  /** A different certificate for `www.<host>` (chosen by SNI on the same server); names default to www only. */
  wwwCert?: Omit<LeafSpec, 'names'> & { names?: string[] }
  tls?: Pick<SecureContextOptions, 'minVersion' | 'maxVersion' | 'ciphers' | 'honorCipherOrder' | 'dhparam'>
  https?: boolean
  /**
   * `closed`: www resolves but nothing answers on its HTTPS port. `http-silent`: www's plain-HTTP port
   * accepts connections and never answers (a timeout), while its HTTPS is the site's.
   */
  www?: 'closed' | 'http-silent'
  /** A second MX that resolves but refuses connections (an MX the probe cannot test). */
  mx2?: 'unreachable'
  /** What port 80 does: redirect to the same host over HTTPS (default), serve a page, or redirect elsewhere. */
  http?: 'redirect' | 'serve' | { location: string }
  /** Replaces the good default response headers of the HTTPS page. */
  headers?: Record<string, string | string[]>
  /** Added to the default headers. */
  extraHeaders?: Record<string, string | string[]>
  body?: string
  reflectCors?: boolean
  securityTxt?: 'good' | 'legacy' | 'expired' | 'none'
  /** Overrides of the apex DNS entry. */
  dns?: Partial<ZoneEntry>
  zone?: Record<string, ZoneEntry>
  legacy?: LegacyConfig
  /** `false`: served by a TLS 1.2 stack that predates RFC 5746 (`tls12-server.ts`) instead of OpenSSL. */
  rfc5746?: false
  mail?: 'none' | 'good' | 'plain' | 'self-signed' | 'old-tls'
  /** `false`: no `_smtp._tls` TLS-RPT record next to MTA-STS. */
  tlsRpt?: false
  ipv6?: 'ok' | 'broken'
  hostile?: 'slow' | 'redirect-forever' | 'huge-header' | 'endless-body' | 'garbage' | 'reset'
}

const STRICT = 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305'
const STRICT_RSA = 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384'
export const DEFAULT_TLS = { minVersion: 'TLSv1.2', ciphers: `${STRICT}:${STRICT_RSA}` } as const

export const GOOD_HEADERS: Record<string, string | string[]> = {
  'content-type': 'text/html; charset=utf-8',
  'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
  'content-security-policy':
    "default-src 'none'; script-src 'self' https://cdn.gov.test; img-src 'self'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'set-cookie': ['sessionid=abc; Path=/; Secure; HttpOnly; SameSite=Lax'],
}

export const GOOD_BODY = `<!doctype html><html><head><title>Good</title>
<script src="/app.js"></script>
<script src="https://cdn.gov.test/lib.js" integrity="sha384-AAAA" crossorigin="anonymous"></script>
</head><body><img src="/logo.png"></body></html>`

const body = (extra: string) =>
  `<!doctype html><html><head><title>t</title></head><body>${extra}</body></html>`

const rsaTls = (ciphers: string, extra: SiteSpec['tls'] = {}): SiteSpec['tls'] => ({ ciphers, ...extra })

export const SITES: SiteSpec[] = [
  { label: 'good', mail: 'good', ipv6: 'ok' },
  { label: 'basic' },
  { label: 'nohttps', https: false, http: 'serve' },
  { label: 'noredirect', http: 'serve' },
  { label: 'offhost', http: { location: 'https://www.offhost.gov.test/' } },
  { label: 'httphop', http: { location: 'http://www.httphop.gov.test/' } },
  { label: 'downgrade', http: 'serve' },
  { label: 'hsts-short', extraHeaders: { 'strict-transport-security': 'max-age=86400' } },
  { label: 'hsts-6mo', extraHeaders: { 'strict-transport-security': 'max-age=15552000' } },
  {
    label: 'hsts-dup',
    extraHeaders: { 'strict-transport-security': ['max-age=63072000', 'max-age=63072000'] },
  },
  { label: 'hsts-noage', extraHeaders: { 'strict-transport-security': 'includeSubDomains' } },
  { label: 'hsts-badpreload', extraHeaders: { 'strict-transport-security': 'max-age=63072000; preload' } },
  { label: 'expired', cert: { from: -400, to: -10 } },
  { label: 'future', cert: { from: 10, to: 400 } },
  { label: 'wronghost', cert: { names: ['elsewhere.gov.test'] } },
  { label: 'selfsigned', cert: { issuer: 'self' } },
  { label: 'nochain', cert: { chain: 'leaf' } },
  { label: 'foreignroot', cert: { issuer: 'foreign' } },
  { label: 'nationalroot', cert: { issuer: 'national' } },
  { label: 'rsa1024', cert: { key: 'rsa1024' }, tls: rsaTls(`${STRICT_RSA}:@SECLEVEL=0`) },
  { label: 'rsa2048', cert: { key: 'rsa2048' }, tls: rsaTls(STRICT_RSA) },
  { label: 'sha224', cert: { hash: 'SHA-224' } },
  { label: 'www-broken', www: 'closed' },
  // A definite failure (content over HTTP on the apex) next to an endpoint that cannot be tested.
  { label: 'redirect-mixed', http: 'serve', www: 'http-silent' },
  { label: 'www-expired', wwwCert: { from: -400, to: -10 } },
  // The common mistake: www served with the apex-only certificate.
  { label: 'www-wronghost', wwwCert: { names: ['www-wronghost.gov.test'] } },
  { label: 'sha1', cert: { hash: 'SHA-1' }, tls: rsaTls(`${STRICT}:@SECLEVEL=0`) },
  // OpenSSL refuses to load an MD5-signed chain above security level 0.
  { label: 'md5', cert: { hash: 'MD5' }, tls: rsaTls(`${STRICT}:@SECLEVEL=0`) },
  {
    label: 'dsa',
    cert: { key: 'dsa' },
    tls: { ciphers: 'DHE-DSS-AES128-GCM-SHA256:@SECLEVEL=0', maxVersion: 'TLSv1.2', dhparam: 'auto' },
  },
  { label: 'expiring5d', cert: { from: -80, to: 5 } },
  { label: 'expiring20d', cert: { from: -80, to: 20 } },
  { label: 'rootsent', cert: { chain: 'with-root' } },
  { label: 'tls10', tls: { minVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' } },
  { label: 'tls12only', tls: { ...DEFAULT_TLS, maxVersion: 'TLSv1.2' } },
  {
    label: 'nofs',
    cert: { key: 'rsa2048' },
    tls: rsaTls(`AES128-GCM-SHA256:${STRICT_RSA}`, { maxVersion: 'TLSv1.2' }),
  },
  {
    label: 'dhe',
    cert: { key: 'rsa2048' },
    tls: rsaTls(`${STRICT_RSA}:DHE-RSA-AES128-GCM-SHA256`, { maxVersion: 'TLSv1.2', dhparam: 'auto' }),
  },
  {
    label: 'cbc-preferred',
    tls: { ciphers: `ECDHE-ECDSA-AES128-SHA:${STRICT}`, honorCipherOrder: true, maxVersion: 'TLSv1.2' },
  },
  {
    label: 'noaead',
    tls: { ciphers: 'ECDHE-ECDSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA', maxVersion: 'TLSv1.2' },
  },
  { label: 'legacy-3des', legacy: { suites: [0x000a, 0x0016, 0xc012, 0xc008] } },
  { label: 'legacy-rc4', legacy: { suites: [0x0005, 0x0004, 0xc011, 0xc007] } },
  { label: 'legacy-null', legacy: { suites: [0x0001, 0x0002, 0x003b] } },
  { label: 'legacy-export', legacy: { suites: [0x0003, 0x0006, 0x0008, 0x0014] } },
  { label: 'legacy-anon', legacy: { suites: [0x0034, 0x003a, 0xc018] } },
  { label: 'legacy-des', legacy: { suites: [0x0009, 0x0015, 0x0012] } },
  { label: 'ssl3', legacy: { ssl3: true } },
  { label: 'noreneg', rfc5746: false },
  { label: 'compression', legacy: { compressWhenOffered: true } },
  {
    label: 'headers-bad',
    headers: {
      'content-type': 'text/html',
      'strict-transport-security': 'max-age=63072000',
      'referrer-policy': 'unsafe-url',
      server: 'Apache/2.4.29 (Ubuntu)',
      'x-powered-by': 'PHP/5.6.40',
    },
    reflectCors: true,
    securityTxt: 'none',
  },
  {
    label: 'headers-meh',
    headers: {
      'content-type': 'text/html',
      'strict-transport-security': 'max-age=63072000',
      'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'",
      'x-frame-options': 'ALLOW-FROM https://portal.gov.test',
      'x-content-type-options': ['nosniff', 'nosniff'],
      'access-control-allow-origin': '*',
      server: 'nginx',
    },
  },
  {
    label: 'csp-reportonly',
    headers: { ...GOOD_HEADERS, 'content-security-policy': [] as string[] },
    extraHeaders: { 'content-security-policy-report-only': "default-src 'self'" },
  },
  {
    label: 'csp-unsafe',
    extraHeaders: { 'content-security-policy': "default-src 'self'; script-src 'self' 'unsafe-inline'" },
  },
  {
    label: 'mixed-active',
    body: body('<script src="http://cdn.gov.test/x.js"></script><form action="http://x.gov.test/f"></form>'),
  },
  {
    label: 'mixed-passive',
    body: body('<img src="http://cdn.gov.test/a.png"><script src="https://cdn.example.test/x.js"></script>'),
  },
  {
    label: 'cookies-bad',
    extraHeaders: { 'set-cookie': ['sessionid=1; Path=/', 'pref=1; Secure; SameSite=Foo'] },
  },
  {
    label: 'cookie-prefix',
    extraHeaders: { 'set-cookie': ['__Host-id=1; Secure; HttpOnly; SameSite=Lax; Path=/app'] },
  },
  { label: 'cookies-meh', extraHeaders: { 'set-cookie': ['pref=1; Secure; HttpOnly'] } },
  { label: 'sectxt-legacy', securityTxt: 'legacy' },
  { label: 'sectxt-expired', securityTxt: 'expired' },
  { label: 'unsigned', dns: { signed: false } },
  { label: 'bogus', dns: { bogus: true } },
  { label: 'v6-broken', ipv6: 'broken' },
  { label: 'nocaa', dns: { CAA: [] } },
  { label: 'caa-iodef', dns: { CAA: [{ flags: 0, tag: 'iodef', value: 'mailto:sec@gov.test' }] } },
  { label: 'ns-one', dns: { NS: ['ns1.gov.test'] } },
  { label: 'ns-v4', dns: { NS: ['ns1v4.gov.test', 'ns2v4.gov.test'] } },
  { label: 'spf-soft', dns: { TXT: ['v=spf1 ~all'] } },
  { label: 'spf-open', dns: { TXT: ['v=spf1 +all'] } },
  { label: 'spf-deep', dns: { TXT: ['v=spf1 include:s0.spf.gov.test -all'] } },
  {
    label: 'dmarc-none',
    zone: { '_dmarc.dmarc-none.gov.test': { TXT: ['v=DMARC1; p=none; rua=mailto:d@gov.test'] } },
  },
  { label: 'dmarc-norua', zone: { '_dmarc.dmarc-norua.gov.test': { TXT: ['v=DMARC1; p=reject'] } } },
  // Reports to another organisation: authorised by a record in its zone (RFC 7489 §7.1), or not.
  {
    label: 'dmarc-ext-ok',
    zone: {
      '_dmarc.dmarc-ext-ok.gov.test': { TXT: ['v=DMARC1; p=reject; rua=mailto:d@reports.gov.test'] },
      'dmarc-ext-ok.gov.test._report._dmarc.reports.gov.test': { TXT: ['v=DMARC1'] },
    },
  },
  {
    label: 'dmarc-ext-bad',
    zone: {
      '_dmarc.dmarc-ext-bad.gov.test': {
        TXT: ['v=DMARC1; p=reject; rua=mailto:d@dmarc-ext-bad.gov.test,mailto:d@reports.gov.test!10m'],
      },
    },
  },
  { label: 'mx-plain', mail: 'plain' },
  { label: 'mx-selfsigned', mail: 'self-signed' },
  { label: 'mx-oldtls', mail: 'old-tls' },
  { label: 'mx-notlsrpt', mail: 'good', tlsRpt: false },
  { label: 'mx-mixed', mail: 'plain', mx2: 'unreachable' },
  { label: 'müdafiə' },
  { label: 'slow', hostile: 'slow' },
  { label: 'redirect-forever', hostile: 'redirect-forever' },
  { label: 'huge-header', hostile: 'huge-header' },
  { label: 'endless-body', hostile: 'endless-body' },
  { label: 'garbage', hostile: 'garbage' },
  { label: 'reset', hostile: 'reset' },
]

/** Names that exist only in DNS, for resolver failures. */
export const DNS_ONLY: Record<string, ZoneEntry> = {
  'cname-loop.gov.test': { CNAME: 'cname-loop2.gov.test' },
  'cname-loop2.gov.test': { CNAME: 'cname-loop.gov.test' },
  'dns-silent.gov.test': { silent: true },
  'closed.gov.test': { A: ['127.0.0.1'] },
  'ns1.gov.test': { A: ['127.0.0.1'], AAAA: ['::1'] },
  'ns2.gov.test': { A: ['127.0.0.1'], AAAA: ['::1'] },
  'ns1v4.gov.test': { A: ['127.0.0.1'] },
  'ns2v4.gov.test': { A: ['127.0.0.1'] },
  ...Object.fromEntries(
    Array.from({ length: 12 }, (_, i) => [
      `s${i}.spf.gov.test`,
      { TXT: [i < 11 ? `v=spf1 include:s${i + 1}.spf.gov.test -all` : 'v=spf1 -all'] },
    ]),
  ),
}

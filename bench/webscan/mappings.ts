import type { SiteResult, Verdict } from '../../packages/webscan/src/index.ts'

/** testssl.sh JSON findings, indexed by id. */
export type TestsslFindings = Map<string, { severity: string; finding: string }>

const offered = (f: TestsslFindings, id: string) => /^offered/.test(f.get(id)?.finding ?? '')

interface CipherLine {
  kx: string
  bits: number
  enc: string
}

/** `cipher_x…` findings read like "xc02b ECDHE-ECDSA-AES128-GCM-SHA256 ECDH 253 AESGCM 128 TLS_…". */
const ciphers = (f: TestsslFindings): CipherLine[] =>
  [...f.entries()]
    .filter(([id]) => id.startsWith('cipher_x') || id.startsWith('cipher-tls'))
    .map(([, v]) => v.finding.trim().split(/\s+/))
    .map((p) => {
      const kx = p[2] ?? ''
      const hasBits = /^\d+$/.test(p[3] ?? '')
      return { kx, bits: hasBits ? Number(p[3]) : 0, enc: (hasBits ? p[4] : p[3]) ?? '' }
    })

const bySeverity = (severity?: string): Verdict | undefined =>
  severity === undefined ? undefined : severity === 'OK' ? 'pass' : severity === 'INFO' ? 'warn' : 'fail'

/** Our verdict per check, read from what testssl.sh reports. Only TLS and certificate checks overlap. */
export const TESTSSL: Record<string, (f: TestsslFindings) => Verdict | undefined> = {
  'tls-protocols': (f) => {
    if (offered(f, 'SSLv3') || offered(f, 'SSLv2')) return 'fail'
    if (!offered(f, 'TLS1_2') && !offered(f, 'TLS1_3')) return 'fail'
    if (offered(f, 'TLS1') || offered(f, 'TLS1_1')) return 'fail'
    return offered(f, 'TLS1_3') ? 'pass' : 'warn'
  },
  'tls-ciphers': (f) => {
    const bad = [
      'cipherlist_NULL',
      'cipherlist_aNULL',
      'cipherlist_EXPORT',
      'cipherlist_LOW',
      'cipherlist_3DES_IDEA',
    ]
    if (bad.some((id) => offered(f, id)) || /VULNERABLE/.test(f.get('RC4')?.finding ?? '')) return 'fail'
    return offered(f, 'cipherlist_AVERAGE') ? 'warn' : 'pass'
  },
  'tls-forward-secrecy': (f) => {
    const list = ciphers(f)
    if (list.length === 0) return undefined
    if (list.some((c) => c.kx === 'RSA' || (c.kx === 'DH' && c.bits < 2048))) return 'fail'
    return list.some((c) => c.kx === 'DH' && c.bits < 3072) ? 'warn' : 'pass'
  },
  'tls-aead': (f) => {
    const list = ciphers(f)
    if (list.length === 0) return undefined
    if (!list.some((c) => /GCM|ChaCha20|CCM/i.test(c.enc))) return 'fail'
    return /GCM|CHACHA|TLS_AES/i.test(f.get('cipher_negotiated')?.finding ?? '') ? 'pass' : 'warn'
  },
  // A WARN here means testssl.sh could not run the test ("OpenSSL handshake didn't succeed", "couldn't
  // connect"): no verdict, rather than counting it as a failure that happens to agree with ours.
  'tls-renegotiation': (f) => {
    const r = f.get('secure_renego')
    if (!r || r.severity === 'WARN') return undefined
    return /^supported/.test(r.finding) ? 'pass' : /VULNERABLE/.test(r.finding) ? 'fail' : undefined
  },
  'tls-compression': (f) => {
    const r = f.get('CRIME_TLS')
    if (!r || r.severity === 'WARN') return undefined
    return /not vulnerable/.test(r.finding) ? 'pass' : /VULNERABLE/.test(r.finding) ? 'fail' : undefined
  },
  'cert-trust': (f) =>
    f.has('cert_chain_of_trust')
      ? /^passed/.test(f.get('cert_chain_of_trust')?.finding ?? '')
        ? 'pass'
        : 'fail'
      : undefined,
  'cert-chain': (f) =>
    /chain incomplete/.test(f.get('cert_chain_of_trust')?.finding ?? '')
      ? 'fail'
      : f.has('cert_chain_of_trust')
        ? 'pass'
        : undefined,
  'cert-hostname': (f) =>
    f.has('cert_trust') ? (/^Ok via/i.test(f.get('cert_trust')?.finding ?? '') ? 'pass' : 'fail') : undefined,
  'cert-expiry': (f) => {
    const e = f.get('cert_expirationStatus')
    if (!e) return undefined
    if (/expired/i.test(e.finding)) return 'fail'
    return e.severity === 'OK' ? 'pass' : 'warn'
  },
  // testssl.sh rates RSA 2048 and SHA-224 "INFO": neither good nor bad, which is our warning.
  'cert-key': (f) => bySeverity(f.get('cert_keySize')?.severity),
  'cert-signature': (f) => bySeverity(f.get('cert_signatureAlgorithm')?.severity),
}

const table =
  (pass: string[], warn: string[], fail: string[], na: string[] = []) =>
  (result?: string) => {
    if (!result) return undefined
    if (pass.includes(result)) return 'pass'
    if (warn.includes(result)) return 'warn'
    if (fail.includes(result)) return 'fail'
    if (na.includes(result)) return 'na'
    return undefined
  }

/** Our verdict per check, read from the Observatory's result names (header and page checks). */
export const OBSERVATORY: Record<string, { test: string; map: (r?: string) => Verdict | undefined }> = {
  'http-redirect': {
    test: 'redirection',
    map: table(
      ['redirection-to-https', 'redirection-all-redirects-preloaded', 'redirection-not-needed-no-http'],
      ['redirection-off-host-from-http', 'redirection-not-to-https-on-initial-redirection'],
      ['redirection-missing', 'redirection-not-to-https', 'redirection-invalid-cert'],
    ),
  },
  hsts: {
    test: 'strict-transport-security',
    map: table(
      ['hsts-preloaded', 'hsts-implemented-max-age-at-least-six-months'],
      [],
      [
        'hsts-implemented-max-age-less-than-six-months',
        'hsts-header-invalid',
        'hsts-invalid-cert',
        'hsts-not-implemented',
      ],
      ['hsts-not-implemented-no-https'],
    ),
  },
  csp: {
    test: 'content-security-policy',
    map: table(
      ['csp-implemented-with-no-unsafe-default-src-none', 'csp-implemented-with-no-unsafe'],
      [
        'csp-implemented-with-unsafe-inline-in-style-src-only',
        'csp-implemented-with-insecure-scheme-in-passive-content-only',
      ],
      [
        'csp-implemented-with-unsafe-eval',
        'csp-implemented-with-unsafe-inline',
        'csp-implemented-with-insecure-scheme',
        'csp-header-invalid',
        'csp-not-implemented',
        'csp-not-implemented-but-reporting-enabled',
      ],
    ),
  },
  clickjacking: {
    test: 'x-frame-options',
    map: table(
      ['x-frame-options-sameorigin-or-deny', 'x-frame-options-implemented-via-csp'],
      ['x-frame-options-allow-from-origin'],
      ['x-frame-options-not-implemented', 'x-frame-options-header-invalid'],
    ),
  },
  'content-type-options': {
    test: 'x-content-type-options',
    map: table(
      ['x-content-type-options-nosniff'],
      [],
      ['x-content-type-options-not-implemented', 'x-content-type-options-header-invalid'],
    ),
  },
  'referrer-policy': {
    test: 'referrer-policy',
    map: table(
      ['referrer-policy-private'],
      ['referrer-policy-not-implemented'],
      ['referrer-policy-unsafe', 'referrer-policy-header-invalid'],
    ),
  },
  cors: {
    test: 'cross-origin-resource-sharing',
    map: table(
      [
        'cross-origin-resource-sharing-not-implemented',
        'cross-origin-resource-sharing-implemented-with-restricted-access',
      ],
      ['cross-origin-resource-sharing-implemented-with-public-access'],
      ['cross-origin-resource-sharing-implemented-with-universal-access'],
    ),
  },
  cookies: {
    test: 'cookies',
    map: table(
      ['cookies-secure-with-httponly-sessions-and-samesite'],
      ['cookies-secure-with-httponly-sessions', 'cookies-without-secure-flag-but-protected-by-hsts'],
      [
        'cookies-anticsrf-without-samesite-flag',
        'cookies-samesite-flag-invalid',
        'cookies-session-without-httponly-flag',
        'cookies-session-without-secure-flag-but-protected-by-hsts',
        'cookies-session-without-secure-flag',
        'cookies-without-secure-flag',
      ],
      ['cookies-not-found'],
    ),
  },
  sri: {
    test: 'subresource-integrity',
    map: table(
      [
        'sri-implemented-and-all-scripts-loaded-securely',
        'sri-implemented-and-external-scripts-loaded-securely',
        'sri-not-implemented-but-all-scripts-loaded-from-secure-origin',
        'sri-not-implemented-but-no-scripts-loaded',
      ],
      ['sri-not-implemented-but-external-scripts-loaded-securely'],
      [
        'sri-implemented-but-external-scripts-not-loaded-securely',
        'sri-not-implemented-and-external-scripts-not-loaded-securely',
      ],
      ['sri-not-implemented-response-not-html'],
    ),
  },
}

export const verdictOf = (r: SiteResult, id: string) => r.checks.find((c) => c.id === id)?.verdict

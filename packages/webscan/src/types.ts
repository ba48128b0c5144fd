export type Verdict = 'pass' | 'warn' | 'fail' | 'info' | 'na' | 'error'
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info'
export type Category = 'transport' | 'web' | 'mail' | 'dns' | 'hygiene'
export type Collector = 'web' | 'tls' | 'dns' | 'mail'
export type Cap = 'F' | 'C' | 'B'

export interface Message {
  az: string
  en: string
  ru: string
}

export interface CheckResult {
  id: string
  version: number
  category: Category
  verdict: Verdict
  /** Weight when the check is not a pass; a check may raise it for a worse variant of the failure. */
  severity: Severity
  caps: Cap[]
  /** Bonus checks may only lift a score that is already high, so they never hide a failure. */
  bonus: boolean
  /** An approved comply-or-explain exception: shown, but left out of score, light and baseline. */
  explained: boolean
  message: Message
  evidence: Record<string, unknown>
}

export interface HttpHop {
  url: string
  status?: number
  location?: string
  /** Raw header pairs with lower-cased names, duplicates kept. */
  headers: [string, string][]
  tls?: { authorized: boolean; error?: string; protocol?: string }
  error?: string
  ms: number
}

export interface HttpChain {
  start: string
  hops: HttpHop[]
  final?: HttpHop
  body?: string
  bodyTruncated?: boolean
  error?: string
}

export interface WebEvidence {
  https: { apex?: HttpChain; www?: HttpChain }
  http: { apex?: HttpChain; www?: HttpChain }
  canonical?: string
  cors?: { origin: string; headers: [string, string][]; error?: string }
  robotsCookies?: string[]
  securityTxt?: { url: string; status?: number; contentType?: string; body?: string; error?: string }[]
}

export interface CertInfo {
  subject: string
  issuer: string
  san: string[]
  validFrom: string
  validTo: string
  keyType: string
  keyBits?: number
  curve?: string
  signatureAlgorithm: string
  fingerprint256: string
  selfIssued: boolean
  pem: string
}

export interface HandshakeResult {
  ok: boolean
  protocol?: string
  cipher?: string
  kx?: { type?: string; name?: string; size?: number }
  error?: string
}

export interface LegacyProbe {
  offered: string
  record: string
  accepted: boolean
  version?: string
  suite?: string
  alert?: number
  error?: string
  renegotiationInfo?: boolean
  compression?: number
}

export interface TlsEvidence {
  host: string
  port: number
  trust: { public: boolean; national: boolean; error?: string; nationalError?: string }
  hostnameMatch: boolean
  chain: CertInfo[]
  stapledOcsp: boolean
  protocols: Record<string, HandshakeResult>
  suites: Record<string, HandshakeResult>
  legacy: LegacyProbe[]
  error?: string
}

export interface DnsAnswer {
  rcode: string
  ad: boolean
  data: string[]
  error?: string
}

export interface DnsEvidence {
  a?: DnsAnswer
  aaaa?: DnsAnswer
  dnssec?: { secure: DnsAnswer; checkingDisabled?: DnsAnswer }
  caa?: { name: string; answer: DnsAnswer }[]
  ns?: DnsAnswer
  nsAaaa?: Record<string, DnsAnswer>
  ipv6Reach?: { address: string; port: number; ok: boolean; error?: string }[]
}

export interface SmtpProbe {
  mx: string
  port: number
  banner?: string
  starttls: boolean
  protocol?: string
  authorized?: boolean
  authError?: string
  error?: string
}

export interface MailEvidence {
  domain: string
  mx?: DnsAnswer
  spf?: DnsAnswer
  spfIncludes?: Record<string, DnsAnswer>
  dmarc?: DnsAnswer
  /**
   * RFC 7489 §7.1: for each `rua` host outside the registrable domain, the answer at
   * `<domain>._report._dmarc.<host>` (a `v=DMARC1` record there authorises the reports).
   */
  dmarcReportAuth?: Record<string, DnsAnswer>
  smtp?: SmtpProbe[]
  mtaSts?: { record: DnsAnswer; policy?: { status?: number; body?: string; error?: string; tls?: boolean } }
  /** `_smtp._tls.<domain>` TXT (RFC 8460), asked together with MTA-STS. */
  tlsRpt?: DnsAnswer
}

export interface Evidence {
  host: string
  registrableDomain: string
  scannedAt: string
  addresses: string[]
  status: 'ok' | 'invalid-host' | 'unresolvable' | 'aborted' | 'timeout'
  web?: WebEvidence
  tls?: TlsEvidence
  /** The certificate of `www.<host>` when www resolves (no protocol or cipher sweep: same server as a rule). */
  wwwTls?: TlsEvidence
  dns?: DnsEvidence
  mail?: MailEvidence
  errors: Partial<Record<Collector, string>>
}

export interface Score {
  algorithm: string
  score: number
  grade: 'A+' | 'A' | 'B' | 'C' | 'D' | 'F'
  uncappedGrade: string
  caps: { cap: Cap; check: string }[]
  light: 'green' | 'orange' | 'red'
  categories: Partial<Record<Category, { earned: number; max: number; percent: number }>>
  /**
   * Points per scored check under this algorithm (reference §7.1.8): what it could earn and what it earned.
   * Checks left out (na, error, info, explained, bonus) have no entry; `bonus` is what bonuses added.
   */
  points: Record<string, { earned: number; max: number }>
  bonus: number
  warnings: number
  errors: number
  /** Checks left out as approved exceptions. */
  explained: string[]
}

export interface BaselineResult {
  id: string
  compliant: boolean
  failing: string[]
}

export interface SiteResult {
  host: string
  status: Evidence['status']
  durationMs: number
  checks: CheckResult[]
  score: Score
  baseline: BaselineResult
  evidence: Evidence
}

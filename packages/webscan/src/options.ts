import { rootCertificates } from 'node:tls'

export interface Ports {
  http: number
  https: number
  smtp: number
}

export interface ScanOptions {
  /** DNS server as `ip` or `ip:port`; the system's first resolver when absent. */
  resolver?: string
  /** Port overrides, per host when a function (fixtures and registered non-standard ports). */
  ports?: Partial<Ports> | ((host: string) => Partial<Ports> | undefined)
  /** Roots browsers trust; Node's Mozilla bundle by default. */
  roots?: string[]
  /** Extra roots we trust but browsers do not (a national PKI). */
  nationalRoots?: string[]
  /** Public suffixes missing from the PSL, e.g. a test zone. */
  extraSuffixes?: string[]
  /** Check ids to run; every check when absent. */
  checks?: string[]
  /** Hosts (or their parent zones) known to be in the HSTS preload list. */
  hstsPreloaded?: string[]
  /** Approved comply-or-explain exceptions: host -> check ids. */
  explanations?: Record<string, string[]>
  requestTimeoutMs?: number
  hostTimeoutMs?: number
  maxRedirects?: number
  maxBodyBytes?: number
  maxHeaderBytes?: number
  userAgent?: string
  now?: () => Date
}

export interface ResolvedOptions {
  resolver?: string
  portsFor: (host: string) => Ports
  roots: string[]
  nationalRoots: string[]
  extraSuffixes: string[]
  checks?: string[]
  hstsPreloaded: string[]
  explanations: Record<string, string[]>
  requestTimeoutMs: number
  hostTimeoutMs: number
  maxRedirects: number
  maxBodyBytes: number
  maxHeaderBytes: number
  userAgent: string
  now: () => Date
}

export const DEFAULT_USER_AGENT = 'Qalxan-WebScan/0.1 (+https://qalxan.gov.az/scanner)'

const DEFAULT_PORTS: Ports = { http: 80, https: 443, smtp: 25 }

export const resolveOptions = (options: ScanOptions = {}): ResolvedOptions => {
  const { ports } = options
  return {
    resolver: options.resolver,
    portsFor: (host) => ({ ...DEFAULT_PORTS, ...(typeof ports === 'function' ? ports(host) : ports) }),
    roots: options.roots ?? [...rootCertificates],
    nationalRoots: options.nationalRoots ?? [],
    extraSuffixes: options.extraSuffixes ?? [],
    checks: options.checks,
    hstsPreloaded: options.hstsPreloaded ?? [],
    explanations: options.explanations ?? {},
    requestTimeoutMs: options.requestTimeoutMs ?? 5000,
    hostTimeoutMs: options.hostTimeoutMs ?? 60_000,
    maxRedirects: options.maxRedirects ?? 10,
    maxBodyBytes: options.maxBodyBytes ?? 2 * 1024 * 1024,
    maxHeaderBytes: options.maxHeaderBytes ?? 32 * 1024,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    now: options.now ?? (() => new Date()),
  }
}

import { isIP } from 'node:net'
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

/** A bad option value: thrown by `createScanner` before any network activity, so a caller never gets a silent no-op. */
export class OptionError extends RangeError {
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(message)
    this.name = 'OptionError'
  }
}

const show = (value: unknown) => (typeof value === 'string' ? `"${value}"` : String(value))

/** Whole numbers only: NaN, Infinity, fractions and numeric strings are refused, not coerced. */
export const wholeNumber = (option: string, value: unknown, min: number, max: number): number => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw new OptionError(
      option,
      `"${option}" must be a whole number from ${min} to ${max}, not ${show(value)}.`,
    )
  return value
}

/** Limits for the numeric options, shared by the library and the CLI so both refuse the same values. */
export const LIMITS = {
  concurrency: [1, 1024],
  perAddress: [1, 256],
  requestTimeoutMs: [1, 3_600_000],
  hostTimeoutMs: [1, 86_400_000],
  maxRedirects: [0, 50],
  maxBodyBytes: [1, 2 ** 30],
  maxHeaderBytes: [1024, 16 * 2 ** 20],
  port: [1, 65_535],
} as const satisfies Record<string, readonly [number, number]>

const optional = (option: keyof typeof LIMITS, value: number | undefined, fallback: number) => {
  const [min, max] = LIMITS[option]
  return value === undefined ? fallback : wholeNumber(option, value, min, max)
}

/** `ip`, `ip:port` or `[ipv6]:port`; anything else would silently become a query to a wrong address. */
export const checkResolver = (value: string): string => {
  const bare = isIP(value) ? { address: value, port: '53' } : undefined
  const bracket = /^\[([^\]]+)\]:(\d+)$/.exec(value)
  const v4 = /^([^:]+):(\d+)$/.exec(value)
  const parts =
    bare ??
    (bracket ? { address: bracket[1], port: bracket[2] } : v4 ? { address: v4[1], port: v4[2] } : undefined)
  const port = Number(parts?.port)
  if (!parts?.address || !isIP(parts.address) || !Number.isInteger(port) || port < 1 || port > 65_535)
    throw new OptionError(
      'resolver',
      `"resolver" must be an IP address with an optional port (1-65535), not ${show(value)}.`,
    )
  return value
}

const checkPorts = (option: string, ports: Partial<Ports> | undefined): Partial<Ports> | undefined => {
  if (ports === undefined) return undefined
  if (typeof ports !== 'object' || ports === null || Array.isArray(ports))
    throw new OptionError(option, `"${option}" must map http, https and smtp to port numbers.`)
  for (const [key, value] of Object.entries(ports)) {
    if (!(key in DEFAULT_PORTS))
      throw new OptionError(option, `"${option}" has an unknown key ${show(key)}: only http, https and smtp.`)
    wholeNumber(`${option}.${key}`, value, ...LIMITS.port)
  }
  return ports
}

/** Printable ASCII only: the value goes into a request header, where CR/LF would inject headers. */
const checkUserAgent = (value: string | undefined) => {
  if (value === undefined) return DEFAULT_USER_AGENT
  if (typeof value !== 'string' || !/^[\x20-\x7e]{1,256}$/.test(value))
    throw new OptionError('userAgent', '"userAgent" must be 1-256 printable ASCII characters.')
  return value
}

export const resolveOptions = (options: ScanOptions = {}): ResolvedOptions => {
  const { ports } = options
  if (typeof ports !== 'function') checkPorts('ports', ports)
  const portsFor = (host: string): Ports => ({
    ...DEFAULT_PORTS,
    ...(typeof ports === 'function' ? checkPorts(`ports(${host})`, ports(host)) : ports),
  })
  return {
    resolver: options.resolver === undefined ? undefined : checkResolver(options.resolver),
    portsFor,
    roots: options.roots ?? [...rootCertificates],
    nationalRoots: options.nationalRoots ?? [],
    extraSuffixes: options.extraSuffixes ?? [],
    checks: options.checks,
    hstsPreloaded: options.hstsPreloaded ?? [],
    explanations: options.explanations ?? {},
    requestTimeoutMs: optional('requestTimeoutMs', options.requestTimeoutMs, 5000),
    hostTimeoutMs: optional('hostTimeoutMs', options.hostTimeoutMs, 60_000),
    maxRedirects: optional('maxRedirects', options.maxRedirects, 10),
    maxBodyBytes: optional('maxBodyBytes', options.maxBodyBytes, 2 * 1024 * 1024),
    maxHeaderBytes: optional('maxHeaderBytes', options.maxHeaderBytes, 32 * 1024),
    userAgent: checkUserAgent(options.userAgent),
    now: options.now ?? (() => new Date()),
  }
}

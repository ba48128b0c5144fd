import { setMaxListeners } from 'node:events'
import type { Part } from './checks/define.ts'
import { envFrom, NOT_EVALUATED, runCheck } from './checks/define.ts'
import { type CheckDef, selectChecks } from './checks/index.ts'
import { collectDns } from './collect/dns.ts'
import { collectMail } from './collect/mail.ts'
import { collectTls, collectWwwTls } from './collect/tls.ts'
import { collectWeb } from './collect/web.ts'
import { normalizeHost, registrableDomain } from './hostname.ts'
import { createNetContext, createSharedNet, type SharedNet } from './net/context.ts'
import { mapPool } from './net/limiter.ts'
import { LIMITS, type ResolvedOptions, resolveOptions, type ScanOptions, wholeNumber } from './options.ts'
import { evaluateBaseline, scoreSite } from './scoring.ts'
import type { CheckResult, Evidence, SiteResult } from './types.ts'

export interface EngineOptions extends ScanOptions {
  /** Hosts scanned at once. */
  concurrency?: number
  /** Connections at once to one IP address: many institutions share hosting. */
  perAddress?: number
  signal?: AbortSignal
  onProgress?: (p: { done: number; total: number; host: string; result: SiteResult }) => void
}

const errorOf = (err: unknown) => (err as Error)?.message ?? String(err)

/** Evaluates stored evidence again: the same evidence and version always give the same result. */
export const evaluate = (
  evidence: Evidence,
  checks: CheckDef[],
  opts: ResolvedOptions,
  durationMs = 0,
): SiteResult => {
  const env = { ...envFrom(opts), now: new Date(evidence.scannedAt) }
  const explained = new Set(opts.explanations[evidence.host] ?? [])
  const results: CheckResult[] = checks.map((def) => {
    const r = { ...runCheck(def, evidence, env), explained: explained.has(def.id) }
    if (evidence.status !== 'ok') return { ...r, verdict: 'error', caps: [], message: NOT_EVALUATED }
    return r
  })
  if (evidence.status === 'unresolvable' || evidence.status === 'invalid-host') {
    const reach = results.find((r) => r.id === 'https-reachable')
    if (reach)
      Object.assign(
        reach,
        runCheck(checks.find((c) => c.id === 'https-reachable') as CheckDef, evidence, env),
      )
  }
  return {
    host: evidence.host,
    status: evidence.status,
    durationMs,
    checks: results,
    score: scoreSite(results),
    baseline: evaluateBaseline(results),
    evidence,
  }
}

const collect = async (
  host: string,
  parts: Set<Part>,
  opts: ResolvedOptions,
  shared: SharedNet,
  signal: AbortSignal,
): Promise<Evidence> => {
  const scannedAt = opts.now().toISOString()
  const normal = normalizeHost(host)
  const base: Evidence = {
    host,
    registrableDomain: host,
    scannedAt,
    addresses: [],
    status: 'ok',
    errors: {},
  }
  if (!normal.ok) return { ...base, status: 'invalid-host', errors: { web: normal.reason } }
  const name = normal.host
  const evidence: Evidence = {
    ...base,
    host: name,
    registrableDomain: registrableDomain(name, opts.extraSuffixes),
  }
  const ctx = createNetContext(opts, shared, signal)
  evidence.addresses = await ctx.addresses(name)
  if (evidence.addresses.length === 0) {
    evidence.status = signal.aborted ? 'aborted' : 'unresolvable'
    return evidence
  }
  const has = (p: Part) => parts.has(p)
  const guard = async <T>(key: keyof Evidence['errors'], task: () => Promise<T>) => {
    try {
      return await task()
    } catch (err) {
      evidence.errors[key] = errorOf(err)
      return undefined
    }
  }
  const [web, tls, wwwTls, dns, mail] = await Promise.all([
    has('web')
      ? guard('web', () =>
          collectWeb(ctx, name, {
            cors: has('web.cors'),
            securityTxt: has('web.securityTxt'),
            robots: has('web.robots'),
          }),
        )
      : undefined,
    has('tls') ? guard('tls', () => collectTls(ctx, name, has('tls.deep'))) : undefined,
    has('tls') ? guard('tls', () => collectWwwTls(ctx, name)) : undefined,
    [...parts].some((p) => p.startsWith('dns.'))
      ? guard('dns', () =>
          collectDns(ctx, name, evidence.registrableDomain, {
            dnssec: has('dns.dnssec'),
            caa: has('dns.caa'),
            ns: has('dns.ns'),
            ipv6: has('dns.ipv6'),
          }),
        )
      : undefined,
    [...parts].some((p) => p.startsWith('mail.'))
      ? guard('mail', () =>
          collectMail(ctx, evidence.registrableDomain, {
            spf: has('mail.spf'),
            dmarc: has('mail.dmarc'),
            starttls: has('mail.starttls'),
            mtaSts: has('mail.mtaSts'),
          }),
        )
      : undefined,
  ])
  if (web) evidence.web = web
  if (tls) evidence.tls = tls
  if (wwwTls) evidence.wwwTls = wwwTls
  if (dns) evidence.dns = dns
  if (mail) evidence.mail = mail
  if (signal.aborted) evidence.status = 'aborted'
  return evidence
}

export const createScanner = (options: EngineOptions = {}) => {
  const opts = resolveOptions(options)
  const concurrency = wholeNumber('concurrency', options.concurrency ?? 8, ...LIMITS.concurrency)
  const perAddress = wholeNumber('perAddress', options.perAddress ?? 4, ...LIMITS.perAddress)
  const checks = selectChecks(opts.checks)
  const parts = new Set(checks.flatMap((c) => c.needs))
  const shared = createSharedNet(opts, perAddress)

  const scanHost = async (host: string, outer?: AbortSignal): Promise<SiteResult> => {
    const started = Date.now()
    const signals = [AbortSignal.timeout(opts.hostTimeoutMs), ...(outer ? [outer] : [])]
    const signal = AbortSignal.any(signals)
    // Every in-flight request listens for the abort; dozens at once is expected, not a leak.
    setMaxListeners(0, signal)
    let evidence: Evidence
    try {
      evidence = await collect(host, parts, opts, shared, signal)
    } catch (err) {
      evidence = {
        host,
        registrableDomain: host,
        scannedAt: opts.now().toISOString(),
        addresses: [],
        status: 'aborted',
        errors: { web: errorOf(err) },
      }
    }
    // The host's own deadline, as opposed to the caller stopping the whole scan.
    if (evidence.status === 'aborted' && !outer?.aborted) evidence.status = 'timeout'
    return evaluate(evidence, checks, opts, Date.now() - started)
  }

  const scan = async (hosts: string[]): Promise<SiteResult[]> => {
    let done = 0
    return mapPool(hosts, concurrency, async (host) => {
      const result = await scanHost(host, options.signal)
      done++
      options.onProgress?.({ done, total: hosts.length, host, result })
      return result
    })
  }

  return { scan, scanHost, checks, options: opts }
}

import { constants } from 'node:crypto'
import { isIP } from 'node:net'
import { createSecureContext, type SecureContext } from 'node:tls'
import type { ResolvedOptions } from '../options.ts'
import { createDnsClient, type DnsClient } from './dns-client.ts'
import { createKeyedLimiter } from './limiter.ts'

const ANY = 'DEFAULT:@SECLEVEL=0'

/**
 * OpenSSL's DEFAULT plus the DSS suites that OpenSSL 3 took out of it (`!COMPLEMENTOFDEFAULT` inside DEFAULT
 * removes them for good, hence the spelled-out form): same order, DSS appended. Used for the handshakes
 * that collect certificates and protocol support, so a DSA-certified server is described (and fails
 * `cert-key`) instead of looking like it speaks no TLS at all. Page fetches keep DEFAULT: no current browser
 * offers DSS, and `https-reachable` should say so.
 */
export const PROBE_CIPHERS = 'ALL:-COMPLEMENTOFDEFAULT:-eNULL:kDHE+aDSS:!aNULL:!eNULL:@SECLEVEL=0'

/**
 * OpenSSL 3 refuses, by default, to finish a handshake with a server that lacks RFC 5746 ("unsafe legacy
 * renegotiation disabled"). Browsers still connect to such servers, so the scanner must too, or the site
 * would read as unreachable instead of failing `tls-renegotiation`. This only allows the first handshake;
 * we never renegotiate.
 */
export const LEGACY_SERVER_CONNECT = constants.SSL_OP_LEGACY_SERVER_CONNECT

export interface NetContext {
  opts: ResolvedOptions
  dns: DnsClient
  /** IPv4 first, then IPv6; empty when the name does not resolve. */
  addresses: (host: string) => Promise<string[]>
  polite: <T>(address: string, task: () => Promise<T>) => Promise<T>
  /**
   * `all`, `public` and `none` collect certificates (PROBE_CIPHERS); `web` is for page fetches (trusts
   * national roots too); `mail` also accepts TLS 1.0/1.1, so an old MX is reported (warn), not broken.
   */
  trust: {
    all: SecureContext
    public: SecureContext
    none: SecureContext
    web: SecureContext
    mail: SecureContext
  }
  signal: AbortSignal
}

export interface SharedNet {
  dns: DnsClient
  polite: NetContext['polite']
  trust: NetContext['trust']
}

const context = (ca: string[], ciphers: string, minVersion: 'TLSv1' | 'TLSv1.2' = 'TLSv1.2') =>
  createSecureContext({ ca, ciphers, minVersion, secureOptions: LEGACY_SERVER_CONNECT })

export const createSharedNet = (opts: ResolvedOptions, perAddress: number): SharedNet => {
  const limiter = createKeyedLimiter(perAddress)
  return {
    dns: createDnsClient(opts.resolver),
    polite: (address, task) => limiter.run(address, task),
    // Security level 0 so that weak keys and signatures still complete a handshake and can be reported.
    trust: {
      all: context([...opts.roots, ...opts.nationalRoots], PROBE_CIPHERS),
      public: context(opts.roots, PROBE_CIPHERS),
      none: context([], PROBE_CIPHERS),
      web: context([...opts.roots, ...opts.nationalRoots], ANY),
      mail: context([...opts.roots, ...opts.nationalRoots], ANY, 'TLSv1'),
    },
  }
}

export const createNetContext = (
  opts: ResolvedOptions,
  shared: SharedNet,
  signal: AbortSignal,
): NetContext => {
  const cache = new Map<string, Promise<string[]>>()
  const addresses = (host: string) => {
    const bare = host.replace(/^\[|\]$/g, '')
    if (isIP(bare)) return Promise.resolve([bare])
    let hit = cache.get(host)
    if (!hit) {
      const q = { timeoutMs: opts.requestTimeoutMs, signal }
      // A bogus DNSSEC signature makes a validating resolver say SERVFAIL; asking again with checking disabled
      // still lets us scan the site, while the dnssec check reports the failure.
      const ask = async (type: 'A' | 'AAAA') => {
        const answer = await shared.dns.query(host, type, q)
        return answer.rcode === 'SERVFAIL'
          ? shared.dns.query(host, type, { ...q, checkingDisabled: true })
          : answer
      }
      hit = Promise.all([ask('A'), ask('AAAA')]).then(([a, aaaa]) => [
        ...a.data.filter((x) => isIP(x) === 4),
        ...aaaa.data.filter((x) => isIP(x) === 6),
      ])
      cache.set(host, hit)
    }
    return hit
  }
  return { opts, dns: shared.dns, addresses, polite: shared.polite, trust: shared.trust, signal }
}

import { isIP } from 'node:net'
import { createSecureContext, type SecureContext } from 'node:tls'
import type { ResolvedOptions } from '../options.ts'
import { createDnsClient, type DnsClient } from './dns-client.ts'
import { createKeyedLimiter } from './limiter.ts'

const ANY = 'DEFAULT:@SECLEVEL=0'

export interface NetContext {
  opts: ResolvedOptions
  dns: DnsClient
  /** IPv4 first, then IPv6; empty when the name does not resolve. */
  addresses: (host: string) => Promise<string[]>
  polite: <T>(address: string, task: () => Promise<T>) => Promise<T>
  trust: { all: SecureContext; public: SecureContext; none: SecureContext }
  signal: AbortSignal
}

export interface SharedNet {
  dns: DnsClient
  polite: NetContext['polite']
  trust: NetContext['trust']
}

export const createSharedNet = (opts: ResolvedOptions, perAddress: number): SharedNet => {
  const limiter = createKeyedLimiter(perAddress)
  return {
    dns: createDnsClient(opts.resolver),
    polite: (address, task) => limiter.run(address, task),
    // Security level 0 so that weak keys and signatures still complete a handshake and can be reported.
    trust: {
      all: createSecureContext({ ca: [...opts.roots, ...opts.nationalRoots], ciphers: ANY }),
      public: createSecureContext({ ca: opts.roots, ciphers: ANY }),
      none: createSecureContext({ ca: [], ciphers: ANY }),
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

import { isIP } from 'node:net'
import { createSecureContext, type SecureContext } from 'node:tls'
import type { ResolvedOptions } from '../options.ts'
import { createDnsClient, type DnsClient } from './dns-client.ts'
import { createKeyedLimiter } from './limiter.ts'

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
    trust: {
      all: createSecureContext({ ca: [...opts.roots, ...opts.nationalRoots] }),
      public: createSecureContext({ ca: opts.roots }),
      none: createSecureContext({ ca: [] }),
    },
  }
}

export const createNetContext = (opts: ResolvedOptions, shared: SharedNet, signal: AbortSignal): NetContext => {
  const cache = new Map<string, Promise<string[]>>()
  const addresses = (host: string) => {
    const bare = host.replace(/^\[|\]$/g, '')
    if (isIP(bare)) return Promise.resolve([bare])
    let hit = cache.get(host)
    if (!hit) {
      const q = { timeoutMs: opts.requestTimeoutMs, signal }
      hit = Promise.all([shared.dns.query(host, 'A', q), shared.dns.query(host, 'AAAA', q)]).then(([a, aaaa]) => [
        ...a.data.filter((x) => isIP(x) === 4),
        ...aaaa.data.filter((x) => isIP(x) === 6),
      ])
      cache.set(host, hit)
    }
    return hit
  }
  return { opts, dns: shared.dns, addresses, polite: shared.polite, trust: shared.trust, signal }
}

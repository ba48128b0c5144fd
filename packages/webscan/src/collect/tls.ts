import { type ConnectionOptions, getCiphers } from 'node:tls'
import { type NetContext, PROBE_CIPHERS } from '../net/context.ts'
import { helloProbe, legacyHelloSpecs } from '../net/hello-probe.ts'
import { chainsToRoot, type Handshake, handshake, hostnameMatches, peerChain } from '../net/tls-probe.ts'
import type { HandshakeResult, TlsEvidence } from '../types.ts'
import { wwwVariant } from './web.ts'

const TIME_ERRORS = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID'])

const strip = ({ ok, protocol, cipher, kx, error }: Handshake): HandshakeResult => ({
  ok,
  ...(protocol ? { protocol } : {}),
  ...(cipher ? { cipher } : {}),
  ...(kx ? { kx } : {}),
  ...(error ? { error } : {}),
})

const CBC_SUITES = getCiphers()
  .filter((c) => !c.startsWith('tls_') && !/gcm|chacha|ccm|null|anon|adh|aecdh|psk|srp/.test(c))
  .map((c) => c.toUpperCase())
  .join(':')

const PROTOCOLS = {
  'tls1.3': 'TLSv1.3',
  'tls1.2': 'TLSv1.2',
  'tls1.1': 'TLSv1.1',
  'tls1.0': 'TLSv1',
} as const

/** Cipher classes are probed one handshake each (offer only that class), not suite by suite. */
const SUITE_PROBES = {
  staticRsa: 'kRSA:@SECLEVEL=0',
  aead: 'AESGCM:CHACHA20:AESCCM:@SECLEVEL=0',
  cbc: `${CBC_SUITES}:@SECLEVEL=0`,
  dhe: 'kDHE:@SECLEVEL=0',
} as const

/** `deep` adds the protocol, cipher and legacy-hello sweep; without it only the certificate is fetched. */
export const collectTls = async (ctx: NetContext, host: string, deep = true): Promise<TlsEvidence> => {
  const port = ctx.opts.portsFor(host).https
  const evidence: TlsEvidence = {
    host,
    port,
    trust: { public: false, national: false },
    hostnameMatch: false,
    chain: [],
    stapledOcsp: false,
    protocols: {},
    suites: {},
    legacy: [],
  }
  const address = (await ctx.addresses(host))[0]
  if (!address) return { ...evidence, error: 'unresolvable' }
  const t = ctx.opts.requestTimeoutMs
  const shake = (options: Parameters<typeof handshake>[3]) =>
    ctx.polite(address, () => handshake(address, port, host, options, t, ctx.signal))

  const main = await shake({ secureContext: ctx.trust.public, requestOCSP: true } as ConnectionOptions)
  if (!main.ok) return { ...evidence, error: main.error ?? 'handshake-failed' }
  // With an empty trust store Node cannot append a root from the store, so the chain is exactly what was sent.
  const sent = await shake({ secureContext: ctx.trust.none })
  evidence.chain = peerChain(sent.ok ? sent.peer : main.peer)
  evidence.hostnameMatch = hostnameMatches(host, main.peer)
  evidence.stapledOcsp = Boolean(main.stapledOcsp)
  const timeOnly = (err?: string) => Boolean(err && TIME_ERRORS.has(err))
  evidence.trust.public =
    Boolean(main.authorized) || (timeOnly(main.authError) && chainsToRoot(evidence.chain, ctx.opts.roots))
  if (main.authError) evidence.trust.error = main.authError
  if (!evidence.trust.public && ctx.opts.nationalRoots.length > 0) {
    const national = await shake({ secureContext: ctx.trust.all })
    evidence.trust.national =
      Boolean(national.authorized) ||
      (timeOnly(national.authError) && chainsToRoot(evidence.chain, ctx.opts.nationalRoots))
    if (national.authError) evidence.trust.nationalError = national.authError
  }

  evidence.suites.preferred = strip(main)
  if (!deep) return evidence
  for (const [key, version] of Object.entries(PROTOCOLS)) {
    const ciphers = version === 'TLSv1.3' ? undefined : PROBE_CIPHERS
    evidence.protocols[key] = strip(
      await shake({ minVersion: version, maxVersion: version, ...(ciphers ? { ciphers } : {}) }),
    )
  }
  for (const [key, ciphers] of Object.entries(SUITE_PROBES)) {
    evidence.suites[key] = strip(await shake({ minVersion: 'TLSv1', maxVersion: 'TLSv1.2', ciphers }))
  }
  for (const spec of legacyHelloSpecs(host)) {
    evidence.legacy.push(await ctx.polite(address, () => helloProbe(address, port, spec, t, ctx.signal)))
  }
  return evidence
}

/**
 * The certificate a visitor of `www.<host>` gets (reference A6): trust, chain, name and dates, without the
 * deep sweep. Undefined when there is no www name or it does not resolve; an `error` when nothing answers.
 */
export const collectWwwTls = async (ctx: NetContext, host: string): Promise<TlsEvidence | undefined> => {
  const www = wwwVariant(host)
  if (!www || (await ctx.addresses(www)).length === 0) return undefined
  return collectTls(ctx, www, false)
}

import { createServer as createNetServer } from 'node:net'
import { domainToASCII } from 'node:url'
import type { Ports, ScanOptions } from '../../src/index.ts'
import { startDnsServer, type Zone, type ZoneEntry } from './dns-server.ts'
import { CLOSED_PORT, DNS_ONLY, SITES, type SiteSpec, ZONE } from './fixtures.ts'
import { startLegacyResponder } from './legacy-tls.ts'
import { createPki, type Issued } from './pki.ts'
import {
  type Bind,
  EPHEMERAL,
  listen,
  type Running,
  type SeenRequest,
  startSite,
  startSmtp,
} from './servers.ts'

export const hostOf = (label: string) => domainToASCII(`${label}.${ZONE}`)

const apexEntry = (spec: SiteSpec, host: string, address: string): ZoneEntry => ({
  A: [address],
  ...(spec.ipv6 ? { AAAA: ['::1'] } : {}),
  signed: true,
  CAA: [{ flags: 0, tag: 'issue', value: 'ca.gov.test' }],
  NS: ['ns1.gov.test', 'ns2.gov.test'],
  TXT: [spec.mail && spec.mail !== 'none' ? 'v=spf1 mx -all' : 'v=spf1 -all'],
  MX:
    spec.mail && spec.mail !== 'none'
      ? [{ preference: 10, exchange: `mx.${host}` }]
      : [{ preference: 0, exchange: '' }],
  ...spec.dns,
})

const leafFor = async (pki: Awaited<ReturnType<typeof createPki>>, spec: SiteSpec, host: string) => {
  const { names, chain = 'normal', ...rest } = spec.cert ?? {}
  const issued = await pki.issue({ names: names ?? [host, `www.${host}`, `mta-sts.${host}`], ...rest })
  if (chain === 'leaf') return { ...issued, chain: issued.cert }
  if (chain === 'with-root') return { ...issued, chain: issued.chain + pki.root }
  return issued
}

/**
 * The offline world the scanner is tested in: a test PKI, one site per misconfiguration, a DNS resolver for
 * `gov.test`, legacy-TLS responders and SMTP servers, all on 127.0.0.1 (and ::1) with ephemeral ports.
 */
export const startRig = async (options: { only?: string[]; realPorts?: boolean } = {}) => {
  const pki = await createPki()
  const specs = options.only ? SITES.filter((s) => options.only?.includes(s.label)) : SITES
  const zone: Zone = new Map(Object.entries(DNS_ONLY))
  const ports = new Map<string, Partial<Ports>>()
  const closers: Running['close'][] = []
  const closedPort = CLOSED_PORT
  // Every HTTP(S) request any fixture site answered, in arrival order.
  const requests: SeenRequest[] = []
  const log = (seen: SeenRequest) => {
    requests.push(seen)
  }

  await Promise.all(
    specs.map(async (spec, index) => {
      const host = hostOf(spec.label)
      // The bench gives every site its own loopback address with the standard ports, as on the internet.
      const bind: Bind = options.realPorts
        ? { address: `127.0.1.${index + 1}`, https: 443, http: 80, smtp: 25 }
        : EPHEMERAL
      const cert: Issued | undefined = spec.https === false ? undefined : await leafFor(pki, spec, host)
      const wwwCert = spec.wwwCert ? await pki.issue({ names: [`www.${host}`], ...spec.wwwCert }) : undefined
      const site = await startSite(spec, host, { cert, bind, wwwCert, log })
      closers.push(site.close)
      let https = site.https
      if (spec.legacy) {
        const responder = await startLegacyResponder(
          spec.legacy,
          { address: bind.address, port: site.https },
          { address: bind.address, port: bind.https },
        )
        closers.push(responder.close)
        https = responder.port
      }
      if (spec.ipv6 === 'ok') {
        const v6 = await listen(
          createNetServer((s) => s.end()),
          '::1',
          https,
        )
        closers.push(v6.close)
      }
      const sitePorts = { http: site.http, https }
      for (const name of [host, `www.${host}`, `mta-sts.${host}`]) ports.set(name, sitePorts)
      let wwwAddress = spec.www === 'closed' && options.realPorts ? '127.0.2.1' : bind.address
      if (spec.www === 'closed') ports.set(`www.${host}`, { http: site.http, https: closedPort })
      if (spec.www === 'http-silent') {
        // With real ports www gets its own address, where only the silent port 80 listens.
        const address = options.realPorts ? `127.0.3.${index + 1}` : '127.0.0.1'
        const silent = await listen(
          createNetServer(() => {}),
          address,
          options.realPorts ? 80 : 0,
        )
        closers.push(silent.close)
        ports.set(`www.${host}`, { http: silent.port, https })
        wwwAddress = address
      }
      zone.set(host, apexEntry(spec, host, bind.address))
      zone.set(`www.${host}`, { A: [wwwAddress], signed: true })
      zone.set(`_dmarc.${host}`, { TXT: [`v=DMARC1; p=reject; rua=mailto:dmarc@${host}`], signed: true })
      for (const [name, entry] of Object.entries(spec.zone ?? {})) zone.set(name, entry)
      if (spec.mail && spec.mail !== 'none') {
        const mxCert = await pki.issue({
          names: [`mx.${host}`],
          issuer: spec.mail === 'self-signed' ? 'self' : 'public',
        })
        const smtp = await startSmtp(spec.mail, mxCert, bind)
        closers.push(smtp.close)
        ports.set(`mx.${host}`, { smtp: smtp.port })
        zone.set(`mx.${host}`, { A: [bind.address] })
        if (spec.mx2 === 'unreachable') {
          const apex = zone.get(host) as ZoneEntry
          zone.set(host, { ...apex, MX: [...(apex.MX ?? []), { preference: 20, exchange: `mx2.${host}` }] })
          zone.set(`mx2.${host}`, { A: [options.realPorts ? '127.0.2.1' : bind.address] })
          ports.set(`mx2.${host}`, { smtp: closedPort })
        }
        zone.set(`_mta-sts.${host}`, { TXT: ['v=STSv1; id=20260101'] })
        if (spec.tlsRpt !== false)
          zone.set(`_smtp._tls.${host}`, { TXT: [`v=TLSRPTv1; rua=mailto:tlsrpt@${host}`] })
        zone.set(`mta-sts.${host}`, { A: [bind.address] })
      }
    }),
  )
  const dns = await startDnsServer(zone)
  closers.push(dns.close)

  const scanOptions: ScanOptions = {
    resolver: dns.address,
    ports: options.realPorts
      ? undefined
      : (host) => ports.get(host) ?? { http: closedPort, https: closedPort, smtp: closedPort },
    roots: [pki.root],
    nationalRoots: [pki.nationalRoot],
    extraSuffixes: [ZONE],
    hstsPreloaded: [hostOf('good')],
  }
  return {
    pki,
    zone,
    scanOptions,
    requests,
    hosts: specs.map((s) => hostOf(s.label)),
    close: async () => {
      await Promise.all(closers.map((c) => c()))
    },
  }
}

export type Rig = Awaited<ReturnType<typeof startRig>>

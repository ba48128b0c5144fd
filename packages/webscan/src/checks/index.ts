import { certChain, certExpiry, certHostname, certKey, certSignature, certTrust } from './certificate.ts'
import { cookies, mixedContent, sri } from './content.ts'
import type { CheckDef } from './define.ts'
import { caa, dnssec, ipv6, nameServers } from './dns.ts'
import { clickjacking, contentTypeOptions, cors, csp, referrerPolicy } from './headers.ts'
import { securityTxt, versionDisclosure } from './hygiene.ts'
import { dmarc, mtaSts, mxStarttls, spf } from './mail.ts'
import {
  tlsAead,
  tlsCiphers,
  tlsCompression,
  tlsForwardSecrecy,
  tlsProtocols,
  tlsRenegotiation,
} from './tls.ts'
import { hsts, hstsPreload, httpRedirect, httpsReachable, noDowngrade } from './transport.ts'

export const CHECKS: readonly CheckDef[] = [
  httpsReachable,
  httpRedirect,
  noDowngrade,
  hsts,
  hstsPreload,
  tlsProtocols,
  tlsCiphers,
  tlsForwardSecrecy,
  tlsAead,
  tlsRenegotiation,
  tlsCompression,
  certTrust,
  certChain,
  certHostname,
  certExpiry,
  certKey,
  certSignature,
  csp,
  clickjacking,
  contentTypeOptions,
  referrerPolicy,
  cors,
  mixedContent,
  sri,
  cookies,
  dnssec,
  caa,
  ipv6,
  nameServers,
  spf,
  dmarc,
  mxStarttls,
  mtaSts,
  securityTxt,
  versionDisclosure,
]

/** The light scan: what a daily pass needs (reachability, redirect, HSTS, headers, certificate). */
export const LIGHT_CHECKS = [
  'https-reachable',
  'http-redirect',
  'no-downgrade',
  'hsts',
  'csp',
  'clickjacking',
  'content-type-options',
  'referrer-policy',
  'cert-trust',
  'cert-hostname',
  'cert-expiry',
]

export const selectChecks = (ids?: string[]): CheckDef[] => {
  if (!ids) return [...CHECKS]
  const unknown = ids.filter((id) => !CHECKS.some((c) => c.id === id))
  if (unknown.length > 0) throw new Error(`unknown check: ${unknown.join(', ')}`)
  return CHECKS.filter((c) => ids.includes(c.id))
}

export type { CheckDef } from './define.ts'

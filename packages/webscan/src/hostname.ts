import { isIP } from 'node:net'
import { domainToASCII } from 'node:url'
import { getDomain } from 'tldts'

export type HostCheck = { ok: true; host: string } | { ok: false; reason: string }

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/

/** Accepts a bare host name (internationalised names become punycode); URLs, ports and paths are refused. */
export const normalizeHost = (input: string): HostCheck => {
  const trimmed = input.trim().replace(/\.$/, '')
  if (!trimmed) return { ok: false, reason: 'empty' }
  if (trimmed.length > 253 * 4) return { ok: false, reason: 'too-long' }
  if (isIP(trimmed)) return { ok: false, reason: 'ip-address' }
  if (/[/:@\s?#]/.test(trimmed)) return { ok: false, reason: 'not-a-hostname' }
  const ascii = domainToASCII(trimmed.toLowerCase())
  if (!ascii) return { ok: false, reason: 'invalid-idn' }
  if (ascii.length > 253) return { ok: false, reason: 'too-long' }
  const labels = ascii.split('.')
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return { ok: false, reason: 'invalid-label' }
  return { ok: true, host: ascii }
}

/** Registrable domain by the Public Suffix List, plus suffixes the PSL lacks (a test zone, a new state zone). */
export const registrableDomain = (host: string, extraSuffixes: string[] = []): string => {
  const suffix = extraSuffixes.filter((s) => host.endsWith(`.${s}`)).sort((a, b) => b.length - a.length)[0]
  if (suffix) {
    const rest = host.slice(0, -suffix.length - 1)
    return `${rest.slice(rest.lastIndexOf('.') + 1)}.${suffix}`
  }
  return getDomain(host, { allowPrivateDomains: true }) ?? host
}

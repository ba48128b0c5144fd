const DANGEROUSLY_BROAD = new Set([
  'ftp:',
  'http:',
  'https:',
  '*',
  'http://*',
  'http://*.*',
  'https://*',
  'https://*.*',
])
const UNSAFE_INLINE = new Set(["'unsafe-inline'", 'data:'])
const BROAD_OR_INLINE = new Set([...DANGEROUSLY_BROAD, ...UNSAFE_INLINE])
const NONCE_HASH = /^'(nonce-|sha256-|sha384-|sha512-)/
const ALLOWED_DUPLICATES = new Set(['report-uri', 'report-to'])

export type Csp = Map<string, Set<string>>

/** Parses one or more policies; the first policy wins, as the Observatory does. Throws on a duplicate directive. */
export const parseCsp = (policies: string[]): Csp => {
  const csp: Csp = new Map()
  for (const [index, raw] of policies.entries()) {
    const policy = raw.replace(/[\r\n]/g, '').trim()
    if (policy.length < 6) throw new Error('policy too short')
    const seen = new Set<string>()
    for (const entry of policy.split(';')) {
      const [name, ...values] = entry.trim().split(/\s+/)
      if (!name) continue
      const directive = name.toLowerCase()
      if (seen.has(directive) && !ALLOWED_DUPLICATES.has(directive)) throw new Error(`duplicate ${directive}`)
      seen.add(directive)
      if (index > 0 && csp.has(directive)) continue
      const sources = values.map((v) => v.toLowerCase())
      csp.set(directive, new Set(sources.length > 0 ? sources : directive.endsWith('-src') ? ["'none'"] : []))
    }
  }
  return csp
}

export type CspResult =
  | 'csp-implemented-with-no-unsafe-default-src-none'
  | 'csp-implemented-with-no-unsafe'
  | 'csp-implemented-with-unsafe-inline-in-style-src-only'
  | 'csp-implemented-with-insecure-scheme-in-passive-content-only'
  | 'csp-implemented-with-unsafe-eval'
  | 'csp-implemented-with-unsafe-inline'
  | 'csp-implemented-with-insecure-scheme'
  | 'csp-header-invalid'
  | 'csp-not-implemented'
  | 'csp-not-implemented-but-reporting-enabled'

export interface CspEvaluation {
  result: CspResult
  frameAncestors?: string[]
  policy?: Record<string, string[]>
}

const fallback = (csp: Csp, directive: string) =>
  csp.get(directive) ?? csp.get('default-src') ?? new Set(['*'])

/** The Observatory's CSP decision tree (result names kept so the two can be compared one to one). */
export const evaluateCsp = (headers: string[], meta: string[], reportOnly: string[]): CspEvaluation => {
  let csp: Csp
  let headerOnly: Csp
  try {
    csp = parseCsp([...headers, ...meta])
    headerOnly = parseCsp(headers)
  } catch {
    return { result: 'csp-header-invalid' }
  }
  for (const d of ['frame-ancestors', 'report-uri', 'sandbox']) if (!headers.length) csp.delete(d)
  if (csp.size === 0)
    return {
      result: reportOnly.length > 0 ? 'csp-not-implemented-but-reporting-enabled' : 'csp-not-implemented',
    }
  const script = new Set(fallback(csp, 'script-src'))
  const style = new Set(fallback(csp, 'style-src'))
  const object = fallback(csp, 'object-src')
  for (const list of [script, style])
    if ([...list].some((s) => NONCE_HASH.test(s))) list.delete("'unsafe-inline'")
  let result: CspResult | undefined
  if (script.has("'strict-dynamic'")) {
    if ([...script].some((s) => NONCE_HASH.test(s))) {
      for (const s of script)
        if (BROAD_OR_INLINE.has(s) || s === "'self'" || s.startsWith('http')) script.delete(s)
    } else result = 'csp-header-invalid'
  }
  const active = [...csp.entries()]
    .filter(([d]) => d !== 'img-src' && d !== 'media-src' && d !== 'script-src')
    .flatMap(([, s]) => [...s])
    .concat([...script])
  const passive = ['img-src', 'media-src'].flatMap((d) => [...(csp.get(d) ?? csp.get('default-src') ?? [])])
  const insecure = (s: string) => s.startsWith('http:') || s.startsWith('ftp:')
  if (
    !result &&
    ([...script].some((s) => BROAD_OR_INLINE.has(s)) || [...object].some((s) => DANGEROUSLY_BROAD.has(s)))
  )
    result = 'csp-implemented-with-unsafe-inline'
  if (!result && active.some(insecure)) result = 'csp-implemented-with-insecure-scheme'
  if (!result && (script.has("'unsafe-eval'") || style.has("'unsafe-eval'")))
    result = 'csp-implemented-with-unsafe-eval'
  if (!result && passive.some(insecure))
    result = 'csp-implemented-with-insecure-scheme-in-passive-content-only'
  if (!result && [...style].some((s) => BROAD_OR_INLINE.has(s)))
    result = 'csp-implemented-with-unsafe-inline-in-style-src-only'
  const defaultSrc = csp.get('default-src')
  if (!result)
    result =
      defaultSrc?.has("'none'") && defaultSrc.size === 1
        ? 'csp-implemented-with-no-unsafe-default-src-none'
        : 'csp-implemented-with-no-unsafe'
  const frameAncestors = headerOnly.get('frame-ancestors')
  return {
    result,
    ...(frameAncestors ? { frameAncestors: [...frameAncestors] } : {}),
    policy: Object.fromEntries([...csp].map(([k, v]) => [k, [...v]])),
  }
}

export const frameAncestorsProtects = (sources?: string[]) =>
  Boolean(sources && !sources.some((s) => DANGEROUSLY_BROAD.has(s)))

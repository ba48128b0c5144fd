import type { ResolvedOptions } from '../options.ts'
import type { Cap, Category, CheckResult, Evidence, HttpHop, Message, Severity, Verdict } from '../types.ts'

/** What a check needs collected; the engine runs only the collectors the selected checks ask for. */
export type Part =
  | 'web'
  | 'web.cors'
  | 'web.robots'
  | 'web.securityTxt'
  | 'tls'
  | 'tls.deep'
  | 'dns.dnssec'
  | 'dns.caa'
  | 'dns.ns'
  | 'dns.ipv6'
  | 'mail.spf'
  | 'mail.dmarc'
  | 'mail.starttls'
  | 'mail.mtaSts'

export interface EvalEnv {
  now: Date
  hstsPreloaded: string[]
  nationalRoots: boolean
}

export interface Outcome {
  verdict: Verdict
  message: Message
  evidence?: Record<string, unknown>
  severity?: Severity
  caps?: Cap[]
}

export interface CheckDef {
  id: string
  version: number
  category: Category
  severity: Severity
  bonus?: boolean
  needs: Part[]
  evaluate: (ev: Evidence, env: EvalEnv) => Outcome
}

export const msg = (en: string, az: string, ru: string): Message => ({ az, en, ru })

export const outcome = (
  verdict: Verdict,
  message: Message,
  extra: Omit<Outcome, 'verdict' | 'message'> = {},
) => ({
  verdict,
  message,
  ...extra,
})

export const runCheck = (def: CheckDef, ev: Evidence, env: EvalEnv): CheckResult => {
  let out: Outcome
  try {
    out = def.evaluate(ev, env)
  } catch (err) {
    out = outcome('error', NOT_EVALUATED, { evidence: { error: (err as Error).message } })
  }
  return {
    id: def.id,
    version: def.version,
    category: def.category,
    verdict: out.verdict,
    severity: out.severity ?? def.severity,
    caps: out.verdict === 'fail' ? (out.caps ?? []) : [],
    bonus: Boolean(def.bonus),
    explained: false,
    message: out.message,
    evidence: out.evidence ?? {},
  }
}

export const envFrom = (opts: ResolvedOptions): EvalEnv => ({
  now: opts.now(),
  hstsPreloaded: opts.hstsPreloaded,
  nationalRoots: opts.nationalRoots.length > 0,
})

export const NOT_EVALUATED = msg(
  'The check could not be evaluated.',
  'Yoxlama qiymətləndirilə bilmədi.',
  'Проверку не удалось выполнить.',
)

export const NO_PAGE = msg(
  'No HTTPS page could be fetched, so this was not checked.',
  'HTTPS səhifəsi alına bilmədi, ona görə bu yoxlanılmadı.',
  'Не удалось получить страницу по HTTPS, поэтому это не проверялось.',
)

export const NO_TLS = msg(
  'No TLS handshake succeeded, so this was not checked.',
  'TLS əlaqəsi qurulmadı, ona görə bu yoxlanılmadı.',
  'TLS-соединение не установлено, поэтому это не проверялось.',
)

export const headerValues = (hop: HttpHop | undefined, name: string): string[] =>
  hop ? hop.headers.filter(([k]) => k === name).map(([, v]) => v) : []

export const finalHop = (ev: Evidence): HttpHop | undefined => {
  const chain = ev.web?.https.apex?.final ? ev.web.https.apex : ev.web?.https.www
  return chain?.final
}

export const finalBody = (ev: Evidence): string | undefined => {
  const chain = ev.web?.https.apex?.final ? ev.web.https.apex : ev.web?.https.www
  return chain?.body
}

/**
 * Combines the verdicts of one check over several endpoints (apex and www, several MX...).
 * A definite failure always wins: an endpoint that could not be tested must never hide one that was seen
 * failing (it used to, and took the cap, the points and the red light with it). When nothing failed, an
 * untested endpoint beats warn and pass: the site as a whole was not shown to be better than that, and the
 * baseline counts `error` as unmet (§7.3 "mark error rather than fail"). The evidence keeps every endpoint.
 */
export const VERDICT_ORDER: readonly Verdict[] = ['fail', 'error', 'warn', 'pass', 'info', 'na']

export const worst = (verdicts: readonly Verdict[]): Verdict =>
  VERDICT_ORDER.find((v) => verdicts.includes(v)) ?? 'na'

/** A resolver failure (timeout, SERVFAIL, REFUSED) says nothing about the records: the check cannot be judged. */
export const dnsFailed = (answer?: { rcode: string; error?: string }) =>
  !answer || Boolean(answer.error) || (answer.rcode !== 'NOERROR' && answer.rcode !== 'NXDOMAIN')

export const NO_DNS = msg(
  'DNS could not be queried.',
  'DNS sorğusu alınmadı.',
  'Не удалось выполнить DNS-запрос.',
)

/** Wraps a check of the final HTTPS page: without a page it does not apply (scored on reachability instead). */
export const onPage =
  (evaluate: (hop: HttpHop, ev: Evidence, env: EvalEnv) => Outcome) =>
  (ev: Evidence, env: EvalEnv): Outcome => {
    const hop = finalHop(ev)
    return hop ? evaluate(hop, ev, env) : outcome('na', NO_PAGE)
  }

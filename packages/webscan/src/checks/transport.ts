import type { HttpChain, Verdict } from '../types.ts'
import { type CheckDef, finalHop, headerValues, msg, NO_PAGE, onPage, outcome, worst } from './define.ts'

type NameState = 'absent' | 'down' | 'invalid' | 'valid'

/**
 * What one name offers over HTTPS: not in DNS, no answer, an answer on a certificate our trust store rejects
 * (untrusted, wrong name or out of date: Node folds all three into `authorized`), or valid HTTPS.
 */
const nameState = (chain?: HttpChain): NameState =>
  !chain ? 'absent' : !chain.final ? 'down' : chain.hops[0]?.tls?.authorized ? 'valid' : 'invalid'

export const httpsReachable: CheckDef = {
  id: 'https-reachable',
  version: 2,
  category: 'transport',
  severity: 'critical',
  needs: ['web'],
  evaluate: (ev) => {
    const { apex, www } = ev.web?.https ?? {}
    const describe = (chain?: HttpChain) =>
      chain
        ? {
            state: nameState(chain),
            error: chain.error,
            status: chain.final?.status,
            tlsError: chain.hops[0]?.tls?.error,
          }
        : undefined
    const evidence = { apex: describe(apex), www: describe(www) }
    const a = nameState(apex)
    const w = nameState(www)
    // A1: HTTPS is available when some name answers at all.
    if (a !== 'valid' && a !== 'invalid' && w !== 'valid' && w !== 'invalid')
      return outcome(
        'fail',
        msg(
          'The site does not answer over HTTPS.',
          'Sayt HTTPS üzərindən cavab vermir.',
          'Сайт не отвечает по HTTPS.',
        ),
        { evidence, caps: ['F'] },
      )
    // A6: both names absent or valid HTTPS.
    if (a === 'valid' && (w === 'absent' || w === 'valid'))
      return outcome(
        'pass',
        msg('The site answers over HTTPS.', 'Sayt HTTPS üzərindən cavab verir.', 'Сайт отвечает по HTTPS.'),
        { evidence },
      )
    const invalid = [a === 'invalid' ? ev.host : '', w === 'invalid' ? `www.${ev.host}` : ''].filter(Boolean)
    if (invalid.length > 0)
      return outcome(
        'warn',
        msg(
          `HTTPS on ${invalid.join(' and ')} answers with an invalid certificate (untrusted, wrong name or out of date).`,
          `${invalid.join(' və ')} üçün HTTPS etibarsız sertifikatla cavab verir (etibarsız, səhv ad və ya müddəti keçmiş).`,
          `HTTPS на ${invalid.join(' и ')} отвечает с недействительным сертификатом (недоверенным, с чужим именем или просроченным).`,
        ),
        { evidence },
      )
    return outcome(
      'warn',
      msg(
        'Only one of the apex and www names answers over HTTPS.',
        'Əsas ad və www adından yalnız biri HTTPS üzərindən cavab verir.',
        'По HTTPS отвечает только одно из имён: основное или www.',
      ),
      { evidence },
    )
  },
}

type RedirectResult =
  | 'no-http'
  | 'to-https'
  | 'off-host-first'
  | 'http-hop'
  | 'not-to-https'
  | 'invalid-cert'
  | 'missing'
  | 'error'

/**
 * Classifies one plain-HTTP endpoint the way the Observatory does, with pshtt's "port 80 closed" pass.
 * A redirect that lands on a certificate our trust store rejects does not enforce HTTPS: the visitor is
 * stopped by a certificate error (the Observatory's `redirection-invalid-cert`; pshtt's "Enforces HTTPS"
 * needs valid HTTPS too). The national root is in that trust store, so its sites are not counted here.
 */
export const classifyRedirect = (chain: HttpChain): RedirectResult => {
  const first = chain.hops[0]
  if (!first || first.error) {
    return first?.error === 'ECONNREFUSED' || first?.error === 'unresolvable' ? 'no-http' : 'error'
  }
  if (!first.location || (first.status ?? 0) < 300 || (first.status ?? 0) >= 400) return 'missing'
  const start = new URL(chain.start)
  const next = new URL(first.location, chain.start)
  const lastUrl = chain.hops[chain.hops.length - 1]?.url
  if (chain.error || !lastUrl || !lastUrl.startsWith('https:')) return 'not-to-https'
  if (chain.hops.some((h) => h.url.startsWith('https:') && h.tls && !h.tls.authorized)) return 'invalid-cert'
  if (next.protocol !== 'https:') return 'http-hop'
  if (next.hostname !== start.hostname) return 'off-host-first'
  return 'to-https'
}

const REDIRECT_VERDICT: Record<RedirectResult, Verdict> = {
  'no-http': 'pass',
  'to-https': 'pass',
  'off-host-first': 'warn',
  'http-hop': 'warn',
  'not-to-https': 'fail',
  'invalid-cert': 'fail',
  missing: 'fail',
  error: 'error',
}

export const httpRedirect: CheckDef = {
  id: 'http-redirect',
  version: 2,
  category: 'transport',
  severity: 'high',
  needs: ['web'],
  evaluate: (ev) => {
    const chains = [ev.web?.http.apex, ev.web?.http.www].filter((c): c is HttpChain => Boolean(c))
    const results = chains.map((c) => ({
      start: c.start,
      result: classifyRedirect(c),
      hops: c.hops.map((h) => h.url),
    }))
    const verdict = worst(results.map((r) => REDIRECT_VERDICT[r.result]))
    const evidence = { endpoints: results }
    const where = (kind: RedirectResult[]) =>
      results
        .filter((r) => kind.includes(r.result))
        .map((r) => r.start)
        .join(', ')
    if (verdict === 'pass')
      return outcome(
        'pass',
        msg(
          'Plain HTTP redirects straight to HTTPS on the same host (or is closed).',
          'HTTP birbaşa eyni hostda HTTPS-ə yönləndirir (və ya bağlıdır).',
          'HTTP сразу перенаправляет на HTTPS того же хоста (или закрыт).',
        ),
        { evidence },
      )
    if (verdict === 'warn')
      return outcome(
        'warn',
        msg(
          'HTTP reaches HTTPS only through another host or an HTTP hop first.',
          'HTTP HTTPS-ə yalnız başqa host və ya ara HTTP addımı ilə çatır.',
          'HTTP доходит до HTTPS только через другой хост или промежуточный HTTP-переход.',
        ),
        { evidence },
      )
    if (verdict === 'error')
      return outcome(
        'error',
        msg(
          `The HTTP endpoint could not be tested (${where(['error'])}).`,
          `HTTP ünvanı yoxlanıla bilmədi (${where(['error'])}).`,
          `HTTP-адрес не удалось проверить (${where(['error'])}).`,
        ),
        { evidence },
      )
    const plain = where(['missing', 'not-to-https'])
    if (!plain)
      return outcome(
        'fail',
        msg(
          `HTTP redirects to HTTPS with an invalid certificate (${where(['invalid-cert'])}).`,
          `HTTP etibarsız sertifikatlı HTTPS-ə yönləndirir (${where(['invalid-cert'])}).`,
          `HTTP перенаправляет на HTTPS с недействительным сертификатом (${where(['invalid-cert'])}).`,
        ),
        { evidence, caps: ['B'] },
      )
    return outcome(
      'fail',
      msg(
        `The site serves content over plain HTTP without redirecting to HTTPS (${plain}).`,
        `Sayt HTTPS-ə yönləndirmədən məzmunu açıq HTTP ilə verir (${plain}).`,
        `Сайт отдаёт содержимое по HTTP без перенаправления на HTTPS (${plain}).`,
      ),
      { evidence, caps: ['B'] },
    )
  },
}

export const noDowngrade: CheckDef = {
  id: 'no-downgrade',
  version: 1,
  category: 'transport',
  severity: 'high',
  needs: ['web'],
  evaluate: (ev) => {
    const chains = [ev.web?.https.apex, ev.web?.https.www].filter((c): c is HttpChain =>
      Boolean(c?.hops.length),
    )
    if (!chains.some((c) => c.hops[0]?.status)) return outcome('na', NO_PAGE)
    const downgraded = chains.flatMap((c) =>
      c.hops.filter((h) => h.url.startsWith('http:')).map((h) => h.url),
    )
    if (downgraded.length === 0)
      return outcome(
        'pass',
        msg(
          'HTTPS never redirects back to HTTP.',
          'HTTPS heç vaxt HTTP-yə qaytarmır.',
          'HTTPS никогда не возвращает на HTTP.',
        ),
      )
    return outcome(
      'fail',
      msg(
        'HTTPS redirects back to plain HTTP.',
        'HTTPS açıq HTTP-yə geri yönləndirir.',
        'HTTPS перенаправляет обратно на HTTP.',
      ),
      { evidence: { downgraded } },
    )
  },
}

export interface HstsPolicy {
  maxAge?: number
  includeSubDomains: boolean
  preload: boolean
  valid: boolean
  problem?: 'missing' | 'duplicate' | 'no-max-age' | 'malformed'
}

/** RFC 6797 parsing with the Observatory's strictness: a second header or a comma means "set twice". */
export const parseHsts = (values: string[]): HstsPolicy => {
  const policy: HstsPolicy = { includeSubDomains: false, preload: false, valid: false }
  if (values.length === 0) return { ...policy, problem: 'missing' }
  const value = (values[0] as string).slice(0, 1024)
  if (values.length > 1 || value.includes(',')) return { ...policy, problem: 'duplicate' }
  const seen = new Set<string>()
  for (const part of value.split(';')) {
    const [rawName, ...rest] = part.trim().split('=')
    const name = (rawName ?? '').trim().toLowerCase()
    if (!name) continue
    if (seen.has(name)) return { ...policy, problem: 'malformed' }
    seen.add(name)
    const arg = rest
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1')
    if (name === 'max-age') {
      if (!/^\d+$/.test(arg)) return { ...policy, problem: 'malformed' }
      policy.maxAge = Number(arg)
    } else if (name === 'includesubdomains') policy.includeSubDomains = true
    else if (name === 'preload') policy.preload = true
  }
  if (policy.maxAge === undefined) return { ...policy, problem: 'no-max-age' }
  return { ...policy, valid: true }
}

export const HALF_YEAR = 15_552_000
export const YEAR = 31_536_000

export const hsts: CheckDef = {
  id: 'hsts',
  version: 1,
  category: 'transport',
  severity: 'high',
  needs: ['web'],
  evaluate: onPage((hop, _ev) => {
    const values = headerValues(hop, 'strict-transport-security')
    const policy = parseHsts(values)
    const evidence = { headers: values, policy, certificateValid: Boolean(hop.tls?.authorized) }
    const fail = (en: string, az: string, ru: string) =>
      outcome('fail', msg(en, az, ru), { evidence, caps: ['B'] })
    if (policy.problem === 'missing')
      return fail('No HSTS header is sent.', 'HSTS başlığı göndərilmir.', 'Заголовок HSTS не отправляется.')
    if (!policy.valid)
      return fail(
        'The HSTS header is malformed or sent more than once.',
        'HSTS başlığı səhvdir və ya bir neçə dəfə göndərilir.',
        'Заголовок HSTS некорректен или отправлен несколько раз.',
      )
    if (!hop.tls?.authorized)
      return fail(
        'HSTS is sent over an invalid certificate, so browsers ignore it.',
        'HSTS etibarsız sertifikatla göndərilir, brauzerlər onu nəzərə almır.',
        'HSTS отправляется с недействительным сертификатом, браузеры его игнорируют.',
      )
    const maxAge = policy.maxAge ?? 0
    if (maxAge < HALF_YEAR)
      return fail(
        `HSTS max-age ${maxAge} is shorter than six months.`,
        `HSTS max-age ${maxAge} altı aydan qısadır.`,
        `HSTS max-age ${maxAge} меньше шести месяцев.`,
      )
    if (maxAge < YEAR)
      return outcome(
        'warn',
        msg(
          `HSTS max-age ${maxAge} is shorter than one year.`,
          `HSTS max-age ${maxAge} bir ildən qısadır.`,
          `HSTS max-age ${maxAge} меньше одного года.`,
        ),
        { evidence },
      )
    return outcome(
      'pass',
      msg(
        'HSTS is set for at least one year.',
        'HSTS ən azı bir il müddətinə qurulub.',
        'HSTS установлен минимум на один год.',
      ),
      { evidence },
    )
  }),
}

const preloadedBy = (host: string, list: string[]) =>
  list.find((entry) => host === entry || host.endsWith(`.${entry}`))

export const hstsPreload: CheckDef = {
  id: 'hsts-preload',
  version: 1,
  category: 'transport',
  severity: 'info',
  bonus: true,
  needs: ['web'],
  evaluate: (ev, env) => {
    const listed = preloadedBy(ev.host, env.hstsPreloaded)
    if (listed)
      return outcome(
        'pass',
        msg(
          `The site is in the browsers' HSTS preload list (${listed}).`,
          `Sayt brauzerlərin HSTS preload siyahısındadır (${listed}).`,
          `Сайт в списке предзагрузки HSTS браузеров (${listed}).`,
        ),
        { evidence: { listed } },
      )
    const hop = finalHop(ev)
    const policy = parseHsts(headerValues(hop, 'strict-transport-security'))
    if (!policy.preload)
      return outcome(
        'na',
        msg('No preload requested.', 'Preload istənilməyib.', 'Предзагрузка не запрошена.'),
      )
    const ready = policy.valid && (policy.maxAge ?? 0) >= YEAR && policy.includeSubDomains
    if (ready)
      return outcome(
        'warn',
        msg(
          'The HSTS header is preload-ready but the site is not yet in the preload list.',
          'HSTS başlığı preload üçün hazırdır, amma sayt hələ siyahıda deyil.',
          'Заголовок HSTS готов к предзагрузке, но сайта ещё нет в списке.',
        ),
        { evidence: { policy } },
      )
    return outcome(
      'fail',
      msg(
        'HSTS asks for preload but lacks includeSubDomains or a one-year max-age.',
        'HSTS preload istəyir, amma includeSubDomains və ya bir illik max-age yoxdur.',
        'HSTS запрашивает предзагрузку, но нет includeSubDomains или max-age на год.',
      ),
      { evidence: { policy } },
    )
  },
}

import type { Evidence, HttpChain } from '../types.ts'
import { type CheckDef, finalHop, headerValues, msg, onPage, outcome } from './define.ts'
import { pageRefs } from './headers.ts'
import { HALF_YEAR, parseHsts } from './transport.ts'

const ACTIVE = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'form'])

const noHtml = msg(
  'The final page is not HTML, so there is nothing to check.',
  'Son səhifə HTML deyil, yoxlanılacaq bir şey yoxdur.',
  'Итоговая страница не HTML, проверять нечего.',
)

export const mixedContent: CheckDef = {
  id: 'mixed-content',
  version: 1,
  category: 'web',
  severity: 'high',
  needs: ['web'],
  evaluate: onPage((_hop, ev) => {
    const refs = pageRefs(ev)
    if (!refs) return outcome('na', noHtml)
    const insecure = refs.resources.filter((r) => r.url?.startsWith('http:'))
    const isActive = (r: (typeof insecure)[0]) =>
      ACTIVE.has(r.tag) || (r.tag === 'link' && r.rel?.includes('stylesheet'))
    const active = insecure.filter(isActive).map((r) => r.url)
    const passive = insecure.filter((r) => !isActive(r) && r.tag !== 'link').map((r) => r.url)
    const evidence = { active, passive }
    if (active.length > 0)
      return outcome(
        'fail',
        msg(
          `The page loads scripts, frames or forms over HTTP (${active.length}).`,
          `Səhifə skriptləri, çərçivələri və ya formaları HTTP ilə yükləyir (${active.length}).`,
          `Страница загружает скрипты, фреймы или формы по HTTP (${active.length}).`,
        ),
        { evidence },
      )
    if (passive.length > 0)
      return outcome(
        'warn',
        msg(
          `The page loads images or media over HTTP (${passive.length}).`,
          `Səhifə şəkil və ya media fayllarını HTTP ilə yükləyir (${passive.length}).`,
          `Страница загружает изображения или медиа по HTTP (${passive.length}).`,
        ),
        { evidence },
      )
    return outcome(
      'pass',
      msg('No mixed content.', 'Qarışıq məzmun yoxdur.', 'Смешанного содержимого нет.'),
      { evidence },
    )
  }),
}

export const sri: CheckDef = {
  id: 'sri',
  version: 1,
  category: 'web',
  severity: 'medium',
  needs: ['web'],
  evaluate: onPage((_hop, ev) => {
    const refs = pageRefs(ev)
    if (!refs) return outcome('na', noHtml)
    const origin = new URL(ev.web?.canonical as string).origin
    const external = refs.resources.filter(
      (r) => r.tag === 'script' && r.url && (new URL(r.url).origin !== origin || r.raw.startsWith('//')),
    )
    const insecure = external
      .filter((r) => r.raw.startsWith('//') || r.url?.startsWith('http:'))
      .map((r) => r.raw)
    const unprotected = external.filter((r) => !r.integrity).map((r) => r.raw)
    const evidence = { external: external.map((r) => r.raw), insecure, withoutIntegrity: unprotected }
    if (insecure.length > 0)
      return outcome(
        'fail',
        msg(
          'External scripts are loaded over HTTP or a scheme-relative URL.',
          'Xarici skriptlər HTTP və ya sxemsiz URL ilə yüklənir.',
          'Внешние скрипты загружаются по HTTP или по URL без схемы.',
        ),
        { evidence },
      )
    if (unprotected.length > 0)
      return outcome(
        'warn',
        msg(
          `External scripts lack Subresource Integrity (${unprotected.length}).`,
          `Xarici skriptlərdə Subresource Integrity yoxdur (${unprotected.length}).`,
          `У внешних скриптов нет Subresource Integrity (${unprotected.length}).`,
        ),
        { evidence },
      )
    return outcome(
      'pass',
      msg(
        'All external scripts are pinned with integrity hashes (or there are none).',
        'Bütün xarici skriptlər integrity heşləri ilə qorunur (və ya yoxdur).',
        'Все внешние скрипты закреплены хешами integrity (или их нет).',
      ),
      { evidence },
    )
  }),
}

export interface ParsedCookie {
  name: string
  secure: boolean
  httpOnly: boolean
  sameSite?: string
  domain?: string
  path?: string
  overHttp: boolean
}

export const parseSetCookie = (raw: string, overHttp: boolean): ParsedCookie => {
  const [pair = '', ...attrs] = raw.split(';')
  const cookie: ParsedCookie = {
    name: pair.split('=')[0]?.trim() ?? '',
    secure: false,
    httpOnly: false,
    overHttp,
  }
  for (const attr of attrs) {
    const [k = '', ...v] = attr.split('=')
    const key = k.trim().toLowerCase()
    const value = v.join('=').trim()
    if (key === 'secure') cookie.secure = true
    else if (key === 'httponly') cookie.httpOnly = true
    else if (key === 'samesite') cookie.sameSite = value
    else if (key === 'domain') cookie.domain = value
    else if (key === 'path') cookie.path = value
  }
  return cookie
}

const SESSION = /sess|login|auth|token|^sid$|jsessionid|phpsessid|asp\.net_sessionid/i

const collectCookies = (ev: Evidence): ParsedCookie[] => {
  const chains: HttpChain[] = [
    ev.web?.https.apex,
    ev.web?.https.www,
    ev.web?.http.apex,
    ev.web?.http.www,
  ].filter((c): c is HttpChain => Boolean(c))
  const seen = new Map<string, ParsedCookie>()
  const add = (raw: string, overHttp: boolean) => {
    // The same cookie comes back from apex, www and every redirect hop: judge each distinct one once.
    const key = `${overHttp ? 'http' : 'https'} ${raw}`
    if (!seen.has(key)) seen.set(key, parseSetCookie(raw, overHttp))
  }
  for (const c of chains)
    for (const h of c.hops)
      for (const raw of headerValues(h, 'set-cookie')) add(raw, h.url.startsWith('http:'))
  for (const raw of ev.web?.robotsCookies ?? []) add(raw, false)
  return [...seen.values()]
}

export const cookies: CheckDef = {
  id: 'cookies',
  version: 1,
  category: 'web',
  severity: 'medium',
  needs: ['web', 'web.robots'],
  evaluate: onPage((_hop, ev) => {
    const all = collectCookies(ev)
    if (all.length === 0)
      return outcome(
        'na',
        msg('The site sets no cookies.', 'Sayt kuki təyin etmir.', 'Сайт не устанавливает cookie.'),
      )
    const hsts = parseHsts(headerValues(finalHop(ev), 'strict-transport-security'))
    const hstsProtects = hsts.valid && (hsts.maxAge ?? 0) >= HALF_YEAR
    const problems: string[] = []
    const warnings: string[] = []
    for (const c of all) {
      const session = SESSION.test(c.name)
      const sameSite = c.sameSite?.toLowerCase()
      if (!c.secure && (session || c.overHttp || !hstsProtects)) problems.push(`${c.name}: no Secure`)
      else if (!c.secure) warnings.push(`${c.name}: no Secure (HSTS protects)`)
      if (session && !c.httpOnly) problems.push(`${c.name}: session cookie without HttpOnly`)
      if (sameSite !== undefined && !['strict', 'lax', 'none'].includes(sameSite))
        problems.push(`${c.name}: bad SameSite`)
      if (sameSite === 'none' && !c.secure) problems.push(`${c.name}: SameSite=None without Secure`)
      if (sameSite === undefined && /csrf/i.test(c.name))
        problems.push(`${c.name}: anti-CSRF cookie without SameSite`)
      else if (sameSite === undefined) warnings.push(`${c.name}: no SameSite`)
      if (c.name.startsWith('__Secure-') && !c.secure)
        problems.push(`${c.name}: __Secure- prefix without Secure`)
      if (c.name.startsWith('__Host-') && (!c.secure || c.domain !== undefined || c.path !== '/'))
        problems.push(`${c.name}: __Host- prefix rules broken`)
    }
    const evidence = { cookies: all, problems, warnings }
    if (problems.length > 0)
      return outcome(
        'fail',
        msg(
          `Cookies are not protected: ${problems.join('; ')}.`,
          `Kukilər qorunmur: ${problems.join('; ')}.`,
          `Cookie не защищены: ${problems.join('; ')}.`,
        ),
        { evidence, severity: all.some((c) => SESSION.test(c.name)) ? 'high' : 'medium' },
      )
    if (warnings.length > 0)
      return outcome(
        'warn',
        msg(
          `Some cookie attributes are missing: ${warnings.join('; ')}.`,
          `Bəzi kuki atributları yoxdur: ${warnings.join('; ')}.`,
          `Не хватает некоторых атрибутов cookie: ${warnings.join('; ')}.`,
        ),
        { evidence },
      )
    return outcome(
      'pass',
      msg(
        'All cookies are Secure, session cookies HttpOnly, and SameSite is set.',
        'Bütün kukilər Secure, sessiya kukiləri HttpOnly-dir və SameSite təyin olunub.',
        'Все cookie Secure, сессионные HttpOnly, SameSite задан.',
      ),
      { evidence },
    )
  }),
}

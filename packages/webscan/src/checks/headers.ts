import type { Evidence, Verdict } from '../types.ts'
import { type CspResult, evaluateCsp, frameAncestorsProtects } from './csp.ts'
import { type CheckDef, finalBody, finalHop, headerValues, msg, NO_PAGE, onPage, outcome } from './define.ts'
import { extractRefs } from './html.ts'

const isHtml = (ev: Evidence) => /html/i.test(headerValues(finalHop(ev), 'content-type')[0] ?? 'text/html')

export const pageRefs = (ev: Evidence) => {
  const body = finalBody(ev)
  const base = ev.web?.canonical
  return body && base && isHtml(ev) ? extractRefs(body, base) : undefined
}

const CSP_VERDICT: Record<CspResult, Verdict> = {
  'csp-implemented-with-no-unsafe-default-src-none': 'pass',
  'csp-implemented-with-no-unsafe': 'pass',
  'csp-implemented-with-unsafe-inline-in-style-src-only': 'warn',
  'csp-implemented-with-insecure-scheme-in-passive-content-only': 'warn',
  'csp-implemented-with-unsafe-eval': 'fail',
  'csp-implemented-with-unsafe-inline': 'fail',
  'csp-implemented-with-insecure-scheme': 'fail',
  'csp-header-invalid': 'fail',
  'csp-not-implemented': 'fail',
  'csp-not-implemented-but-reporting-enabled': 'fail',
}

export const cspCheck = (ev: Evidence) => {
  const hop = finalHop(ev)
  const meta = pageRefs(ev)?.httpEquiv.get('content-security-policy') ?? []
  return evaluateCsp(
    headerValues(hop, 'content-security-policy'),
    meta,
    headerValues(hop, 'content-security-policy-report-only'),
  )
}

export const csp: CheckDef = {
  id: 'csp',
  version: 1,
  category: 'web',
  severity: 'medium',
  needs: ['web'],
  evaluate: onPage((_hop, ev) => {
    const result = cspCheck(ev)
    const verdict = CSP_VERDICT[result.result]
    const evidence = { ...result }
    if (verdict === 'pass')
      return outcome(
        'pass',
        msg(
          'A Content Security Policy without unsafe sources is enforced.',
          'Təhlükəli mənbələri olmayan Content Security Policy tətbiq olunur.',
          'Применяется Content Security Policy без небезопасных источников.',
        ),
        { evidence },
      )
    if (verdict === 'warn')
      return outcome(
        'warn',
        msg(
          'The CSP allows unsafe styles or images over HTTP.',
          'CSP təhlükəli üslublara və ya HTTP üzərindən şəkillərə icazə verir.',
          'CSP разрешает небезопасные стили или изображения по HTTP.',
        ),
        { evidence },
      )
    const missing = result.result.startsWith('csp-not-implemented')
    return outcome(
      'fail',
      missing
        ? msg(
            'No enforced Content Security Policy.',
            'Tətbiq olunan Content Security Policy yoxdur.',
            'Нет действующей Content Security Policy.',
          )
        : msg(
            `The CSP is unsafe or invalid (${result.result}).`,
            `CSP təhlükəlidir və ya səhvdir (${result.result}).`,
            `CSP небезопасна или некорректна (${result.result}).`,
          ),
      { evidence },
    )
  }),
}

export const clickjacking: CheckDef = {
  id: 'clickjacking',
  version: 1,
  category: 'web',
  severity: 'medium',
  needs: ['web'],
  evaluate: onPage((hop, ev) => {
    const frameAncestors = cspCheck(ev).frameAncestors
    const xfo = headerValues(hop, 'x-frame-options')
    const value = xfo.length === 1 ? (xfo[0] as string).trim().toLowerCase() : undefined
    const evidence = { frameAncestors, xFrameOptions: xfo }
    if (frameAncestorsProtects(frameAncestors) || value === 'deny' || value === 'sameorigin')
      return outcome(
        'pass',
        msg(
          'Framing by other sites is forbidden.',
          'Saytın başqa saytlar tərəfindən çərçivəyə salınması qadağandır.',
          'Встраивание сайта в чужие фреймы запрещено.',
        ),
        { evidence },
      )
    if (value?.startsWith('allow-from'))
      return outcome(
        'warn',
        msg(
          'X-Frame-Options ALLOW-FROM is obsolete; use CSP frame-ancestors.',
          'X-Frame-Options ALLOW-FROM köhnəlib; CSP frame-ancestors istifadə edin.',
          'X-Frame-Options ALLOW-FROM устарел; используйте CSP frame-ancestors.',
        ),
        { evidence },
      )
    return outcome(
      'fail',
      msg(
        'Nothing stops other sites from framing the page (clickjacking).',
        'Səhifənin başqa saytlarda çərçivəyə salınmasının qarşısı alınmayıb (clickjacking).',
        'Ничто не мешает встраивать страницу в чужие фреймы (clickjacking).',
      ),
      { evidence },
    )
  }),
}

export const contentTypeOptions: CheckDef = {
  id: 'content-type-options',
  version: 1,
  category: 'web',
  severity: 'low',
  needs: ['web'],
  evaluate: onPage((hop, _ev) => {
    const values = headerValues(hop, 'x-content-type-options')
    const evidence = { values }
    const value = values[0]?.trim().toLowerCase()
    if (values.length === 1 && value === 'nosniff')
      return outcome(
        'pass',
        msg(
          'X-Content-Type-Options is nosniff.',
          'X-Content-Type-Options nosniff-dir.',
          'X-Content-Type-Options равен nosniff.',
        ),
        { evidence },
      )
    return outcome(
      'fail',
      msg(
        'X-Content-Type-Options: nosniff is missing or invalid.',
        'X-Content-Type-Options: nosniff yoxdur və ya səhvdir.',
        'X-Content-Type-Options: nosniff отсутствует или некорректен.',
      ),
      { evidence },
    )
  }),
}

const GOOD_REFERRER = new Set([
  'no-referrer',
  'same-origin',
  'strict-origin',
  'strict-origin-when-cross-origin',
])
const BAD_REFERRER = new Set([
  'origin',
  'origin-when-cross-origin',
  'unsafe-url',
  'no-referrer-when-downgrade',
])

export const referrerPolicy: CheckDef = {
  id: 'referrer-policy',
  version: 1,
  category: 'web',
  severity: 'low',
  needs: ['web'],
  evaluate: onPage((hop, ev) => {
    const values = [
      ...headerValues(hop, 'referrer-policy'),
      ...(pageRefs(ev)?.httpEquiv.get('referrer') ?? []),
    ]
    const tokens = values.flatMap((v) => v.split(',')).map((t) => t.trim().toLowerCase())
    // Browsers apply the last token they recognise.
    const effective = tokens.filter((t) => GOOD_REFERRER.has(t) || BAD_REFERRER.has(t)).pop()
    const evidence = { values, effective }
    if (effective && GOOD_REFERRER.has(effective))
      return outcome(
        'pass',
        msg(
          `Referrer-Policy is ${effective}.`,
          `Referrer-Policy ${effective}-dir.`,
          `Referrer-Policy: ${effective}.`,
        ),
        { evidence },
      )
    if (values.length === 0)
      return outcome(
        'warn',
        msg(
          'No Referrer-Policy; the browser default applies.',
          'Referrer-Policy yoxdur; brauzerin standart dəyəri tətbiq olunur.',
          'Нет Referrer-Policy; действует значение браузера по умолчанию.',
        ),
        { evidence },
      )
    return outcome(
      'fail',
      msg(
        `Referrer-Policy leaks addresses or is invalid (${effective ?? values.join(', ')}).`,
        `Referrer-Policy ünvanları sızdırır və ya səhvdir (${effective ?? values.join(', ')}).`,
        `Referrer-Policy раскрывает адреса или некорректна (${effective ?? values.join(', ')}).`,
      ),
      { evidence },
    )
  }),
}

export const cors: CheckDef = {
  id: 'cors',
  version: 1,
  category: 'web',
  severity: 'high',
  needs: ['web', 'web.cors'],
  evaluate: (ev) => {
    const probe = ev.web?.cors
    if (!finalHop(ev) || !probe) return outcome('na', NO_PAGE)
    if (probe.error)
      return outcome(
        'error',
        msg('The CORS probe failed.', 'CORS sorğusu alınmadı.', 'CORS-запрос не удался.'),
        {
          evidence: probe,
        },
      )
    const acao = probe.headers.find(([k]) => k === 'access-control-allow-origin')?.[1]?.trim()
    const credentials =
      probe.headers.find(([k]) => k === 'access-control-allow-credentials')?.[1]?.trim() === 'true'
    const evidence = { origin: probe.origin, allowOrigin: acao, allowCredentials: credentials }
    const open = acao === '*' || acao === probe.origin
    if (open && credentials)
      return outcome(
        'fail',
        msg(
          'Any origin may read the site with the visitor’s credentials.',
          'İstənilən mənbə ziyarətçinin kimlik məlumatları ilə sayta müraciət edə bilər.',
          'Любой источник может читать сайт с учётными данными посетителя.',
        ),
        { evidence },
      )
    if (open)
      return outcome(
        'warn',
        msg(
          'Any origin may read the page (without credentials).',
          'İstənilən mənbə səhifəni oxuya bilər (kimlik məlumatları olmadan).',
          'Любой источник может читать страницу (без учётных данных).',
        ),
        { evidence },
      )
    return outcome(
      'pass',
      msg(
        'Cross-origin access is not opened up.',
        'Mənbələrarası giriş açılmayıb.',
        'Межсайтовый доступ не открыт.',
      ),
      { evidence },
    )
  },
}

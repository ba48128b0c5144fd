import { type CheckDef, finalHop, headerValues, msg, NO_PAGE, onPage, outcome } from './define.ts'
import { pageRefs } from './headers.ts'

const YEAR_MS = 366 * 86_400_000

export const parseSecurityTxt = (body: string) => {
  const fields = new Map<string, string[]>()
  for (const line of body.split(/\r?\n/)) {
    const m = /^([A-Za-z-]+):\s*(.+)$/.exec(line.trim())
    if (!m || line.startsWith('#')) continue
    const key = (m[1] as string).toLowerCase()
    fields.set(key, [...(fields.get(key) ?? []), (m[2] as string).trim()])
  }
  return fields
}

export const securityTxt: CheckDef = {
  id: 'security-txt',
  version: 1,
  category: 'hygiene',
  severity: 'low',
  needs: ['web', 'web.securityTxt'],
  evaluate: (ev, env) => {
    const tries = ev.web?.securityTxt
    if (!finalHop(ev) || !tries) return outcome('na', NO_PAGE)
    const found = tries.find((t) => t.status === 200 && t.body !== undefined)
    const fail = (en: string, az: string, ru: string, evidence: Record<string, unknown>) =>
      outcome('fail', msg(en, az, ru), { evidence })
    if (!found)
      return fail(
        'No security.txt is published.',
        'security.txt dərc olunmayıb.',
        'security.txt не опубликован.',
        { tried: tries.map((t) => ({ url: t.url, status: t.status })) },
      )
    const fields = parseSecurityTxt(found.body as string)
    const expires = fields.get('expires') ?? []
    const expiresAt = expires.length === 1 ? Date.parse(expires[0] as string) : Number.NaN
    const evidence = {
      url: found.url,
      contentType: found.contentType,
      contact: fields.get('contact') ?? [],
      expires,
    }
    if (!/^text\/plain/i.test(found.contentType ?? ''))
      return fail(
        'security.txt is not served as text/plain.',
        'security.txt text/plain kimi verilmir.',
        'security.txt отдаётся не как text/plain.',
        evidence,
      )
    if (!fields.get('contact')?.length)
      return fail(
        'security.txt has no Contact.',
        'security.txt-də Contact yoxdur.',
        'В security.txt нет Contact.',
        evidence,
      )
    if (Number.isNaN(expiresAt) || expiresAt <= env.now.getTime())
      return fail(
        'security.txt has no single valid Expires in the future.',
        'security.txt-də gələcək tarixli tək etibarlı Expires yoxdur.',
        'В security.txt нет единственного действительного Expires в будущем.',
        evidence,
      )
    if (!found.url.includes('/.well-known/') || expiresAt - env.now.getTime() > YEAR_MS)
      return outcome(
        'warn',
        msg(
          'security.txt is only at the legacy path or expires more than a year ahead.',
          'security.txt yalnız köhnə ünvandadır və ya bir ildən artıq müddətə etibarlıdır.',
          'security.txt лежит только по старому пути или действует дольше года.',
        ),
        { evidence },
      )
    return outcome(
      'pass',
      msg(
        'security.txt is valid (RFC 9116).',
        'security.txt düzgündür (RFC 9116).',
        'security.txt корректен (RFC 9116).',
      ),
      { evidence },
    )
  },
}

const BANNERS = ['server', 'x-powered-by', 'x-aspnet-version', 'x-aspnetmvc-version', 'x-generator']
const VERSION = /\d+(\.\d+)+/

export const versionDisclosure: CheckDef = {
  id: 'version-disclosure',
  version: 1,
  category: 'hygiene',
  severity: 'low',
  needs: ['web'],
  evaluate: onPage((hop, ev) => {
    const seen: Record<string, string> = {}
    for (const name of BANNERS) {
      const value = headerValues(hop, name)[0]
      if (value) seen[name] = value
    }
    const generator = pageRefs(ev)?.generator
    if (generator) seen['meta generator'] = generator
    const versions = Object.entries(seen).filter(([, v]) => VERSION.test(v))
    const evidence = { banners: seen }
    if (versions.length > 0)
      return outcome(
        'fail',
        msg(
          `Software versions are disclosed: ${versions.map(([k, v]) => `${k}: ${v}`).join('; ')}.`,
          `Proqram versiyaları açıqlanır: ${versions.map(([k, v]) => `${k}: ${v}`).join('; ')}.`,
          `Раскрываются версии ПО: ${versions.map(([k, v]) => `${k}: ${v}`).join('; ')}.`,
        ),
        { evidence },
      )
    if (Object.keys(seen).length > 0)
      return outcome(
        'warn',
        msg(
          'Software names (without versions) are disclosed.',
          'Proqram adları (versiyasız) açıqlanır.',
          'Раскрываются названия ПО (без версий).',
        ),
        { evidence },
      )
    return outcome(
      'pass',
      msg(
        'No software banners are disclosed.',
        'Proqram bannerləri açıqlanmır.',
        'Баннеры ПО не раскрываются.',
      ),
      { evidence },
    )
  }),
}

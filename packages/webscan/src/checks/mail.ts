import type { Evidence, SmtpProbe, Verdict } from '../types.ts'
import { type CheckDef, dnsFailed, msg, NO_DNS, outcome, worst } from './define.ts'

const spfOf = (data: string[]) => data.filter((t) => /^v=spf1(\s|$)/i.test(t))
const LOOKUP_TERM = /^[+?~-]?(include:|a$|a[:/]|mx$|mx[:/]|ptr|exists:|redirect=)/i

const mxHosts = (ev: Evidence) =>
  (ev.mail?.mx?.data ?? []).map((d) => d.split(' ')[1] ?? '').filter((h) => h && h !== '.')

export const countSpfLookups = (record: string, includes: Record<string, { data: string[] }>): number => {
  const seen = new Set<string>()
  const walk = (rec: string, depth: number): number => {
    if (depth > 12) return 99
    let count = 0
    for (const term of rec.split(/\s+/).slice(1)) {
      if (!LOOKUP_TERM.test(term)) continue
      count++
      const target = /(?:include:|redirect=)(\S+)/i.exec(term)?.[1]?.toLowerCase()
      if (target && !seen.has(target)) {
        seen.add(target)
        const next = spfOf(includes[target]?.data ?? [])[0]
        if (next) count += walk(next, depth + 1)
      }
    }
    return count
  }
  return walk(record, 0)
}

export const spf: CheckDef = {
  id: 'spf',
  version: 1,
  category: 'mail',
  severity: 'high',
  needs: ['mail.spf', 'mail.starttls'],
  evaluate: (ev) => {
    const answer = ev.mail?.spf
    if (dnsFailed(answer) || !answer) return outcome('error', NO_DNS)
    const records = spfOf(answer.data)
    const evidence: Record<string, unknown> = { records }
    const fail = (en: string, az: string, ru: string) => outcome('fail', msg(en, az, ru), { evidence })
    if (records.length === 0) return fail('No SPF record.', 'SPF qeydi yoxdur.', 'Нет записи SPF.')
    if (records.length > 1)
      return fail('More than one SPF record.', 'Birdən çox SPF qeydi var.', 'Больше одной записи SPF.')
    const record = records[0] as string
    const lookups = countSpfLookups(record, ev.mail?.spfIncludes ?? {})
    evidence.lookups = lookups
    if (lookups > 10)
      return fail(
        `SPF needs ${lookups} DNS lookups (limit 10).`,
        `SPF ${lookups} DNS sorğusu tələb edir (hədd 10).`,
        `SPF требует ${lookups} DNS-запросов (предел 10).`,
      )
    const all = /(?:^|\s)([+?~-]?)all(?:\s|$)/i.exec(record)
    const redirect = /(?:^|\s)redirect=/i.test(record)
    const qualifier = all ? all[1] || '+' : undefined
    evidence.all = qualifier
    if (qualifier === '-' || (!all && redirect))
      return outcome('pass', msg('SPF ends in -all.', 'SPF -all ilə bitir.', 'SPF заканчивается на -all.'), {
        evidence,
      })
    if (qualifier === '~')
      return mxHosts(ev).length > 0
        ? outcome('pass', msg('SPF ends in ~all.', 'SPF ~all ilə bitir.', 'SPF заканчивается на ~all.'), {
            evidence,
          })
        : outcome(
            'warn',
            msg(
              'The domain sends no mail but SPF ends in ~all instead of -all.',
              'Domen poçt göndərmir, amma SPF -all əvəzinə ~all ilə bitir.',
              'Домен не отправляет почту, но SPF заканчивается на ~all вместо -all.',
            ),
            { evidence },
          )
    return fail(
      'SPF allows anyone to send (+all, ?all or no all).',
      'SPF hər kəsə göndərməyə icazə verir (+all, ?all və ya all yoxdur).',
      'SPF разрешает отправку кому угодно (+all, ?all или нет all).',
    )
  },
}

export const parseDmarc = (record: string) =>
  Object.fromEntries(
    record
      .split(';')
      .map((p) => p.trim().split('='))
      .filter((p) => p.length >= 2)
      .map(([k, ...v]) => [(k as string).trim().toLowerCase(), v.join('=').trim()]),
  ) as Record<string, string>

export const dmarcRecords = (data: string[]) => data.filter((t) => /^v=DMARC1\s*(;|$)/i.test(t))

/** Hosts of the `mailto:` report addresses of a DMARC `rua` tag (`mailto:d@x.az!10m,mailto:…`). */
export const reportHosts = (rua: string | undefined): string[] => [
  ...new Set(
    (rua ?? '')
      .split(',')
      .map((uri) => /^\s*mailto:[^@\s]+@([^!\s]+)/i.exec(uri)?.[1]?.toLowerCase().replace(/\.$/, ''))
      .filter((h): h is string => Boolean(h)),
  ),
]

export const dmarc: CheckDef = {
  id: 'dmarc',
  version: 2,
  category: 'mail',
  severity: 'high',
  needs: ['mail.dmarc'],
  evaluate: (ev) => {
    const answer = ev.mail?.dmarc
    if (dnsFailed(answer) || !answer) return outcome('error', NO_DNS)
    const records = dmarcRecords(answer.data)
    const evidence: Record<string, unknown> = { records }
    const fail = (en: string, az: string, ru: string) => outcome('fail', msg(en, az, ru), { evidence })
    if (records.length !== 1)
      return fail(
        records.length === 0 ? 'No DMARC record.' : 'More than one DMARC record.',
        records.length === 0 ? 'DMARC qeydi yoxdur.' : 'Birdən çox DMARC qeydi var.',
        records.length === 0 ? 'Нет записи DMARC.' : 'Больше одной записи DMARC.',
      )
    const tags = parseDmarc(records[0] as string)
    evidence.tags = tags
    const p = tags.p?.toLowerCase()
    if (p !== 'quarantine' && p !== 'reject')
      return fail(
        `DMARC policy is "${p ?? 'missing'}", not quarantine or reject.`,
        `DMARC siyasəti "${p ?? 'yoxdur'}"-dir, quarantine və ya reject deyil.`,
        `Политика DMARC "${p ?? 'нет'}", а не quarantine или reject.`,
      )
    // RFC 7489 §7.1: receivers send reports to another organisation only if it publishes an authorisation.
    const unauthorised = Object.entries(ev.mail?.dmarcReportAuth ?? {})
      .filter(([, auth]) => !auth.data.some((t) => /^v=DMARC1\s*(;|$)/i.test(t)))
      .map(([host]) => host)
    evidence.externalReports = ev.mail?.dmarcReportAuth
      ? Object.keys(ev.mail.dmarcReportAuth).map((host) => ({
          host,
          authorised: !unauthorised.includes(host),
        }))
      : []
    if (unauthorised.length > 0)
      return outcome(
        'warn',
        msg(
          `DMARC reports to ${unauthorised.join(', ')} are not authorised there (${ev.registrableDomain}._report._dmarc.<host>), so receivers will not send them.`,
          `${unauthorised.join(', ')} ünvanına DMARC hesabatlarına orada icazə verilməyib (${ev.registrableDomain}._report._dmarc.<host>), ona görə göndərilməyəcək.`,
          `Отчёты DMARC на ${unauthorised.join(', ')} там не разрешены (${ev.registrableDomain}._report._dmarc.<host>), поэтому их не будут отправлять.`,
        ),
        { evidence },
      )
    if (!tags.rua || (tags.pct !== undefined && tags.pct !== '100') || tags.t === 'y')
      return outcome(
        'warn',
        msg(
          'DMARC enforces, but without reports (rua), in test mode or for part of the mail.',
          'DMARC tətbiq olunur, amma hesabat (rua) olmadan, sınaq rejimində və ya poçtun bir hissəsinə.',
          'DMARC применяется, но без отчётов (rua), в тестовом режиме или к части почты.',
        ),
        { evidence },
      )
    return outcome(
      'pass',
      msg(
        `DMARC policy is ${p} with reports.`,
        `DMARC siyasəti hesabatlarla ${p}-dir.`,
        `Политика DMARC ${p} с отчётами.`,
      ),
      { evidence },
    )
  },
}

const noMx = msg(
  'The domain receives no mail (no MX), so this does not apply.',
  'Domen poçt qəbul etmir (MX yoxdur), bu tətbiq olunmur.',
  'Домен не принимает почту (нет MX), проверка не применяется.',
)

const OLD_TLS = new Set(['TLSv1', 'TLSv1.1', 'SSLv3'])

/** One MX on its own; the check then takes the worst, so an unreachable MX never hides one without STARTTLS. */
export const starttlsVerdict = (p: SmtpProbe): Verdict => {
  if (p.error && !p.banner) return 'error'
  if (!p.starttls) return 'fail'
  if (!p.authorized || OLD_TLS.has(p.protocol ?? '')) return 'warn'
  return 'pass'
}

export const mxStarttls: CheckDef = {
  id: 'mx-starttls',
  version: 2,
  category: 'mail',
  severity: 'high',
  needs: ['mail.starttls'],
  evaluate: (ev) => {
    if (!ev.mail?.mx || dnsFailed(ev.mail.mx)) return outcome('error', NO_DNS)
    const probes = ev.mail.smtp ?? []
    if (probes.length === 0) return outcome('na', noMx)
    const verdicts = probes.map(starttlsVerdict)
    const evidence = { probes: probes.map((p, i) => ({ ...p, verdict: verdicts[i] })) }
    const verdict = worst(verdicts)
    const which = (v: Verdict) =>
      probes
        .filter((_, i) => verdicts[i] === v)
        .map((p) => p.mx)
        .join(', ')
    if (verdict === 'fail')
      return outcome(
        'fail',
        msg(
          `A mail server does not offer STARTTLS; mail travels unencrypted (${which('fail')}).`,
          `Poçt serveri STARTTLS təklif etmir; məktublar şifrəsiz ötürülür (${which('fail')}).`,
          `Почтовый сервер не предлагает STARTTLS; почта идёт без шифрования (${which('fail')}).`,
        ),
        { evidence },
      )
    if (verdict === 'error')
      return outcome(
        'error',
        msg(
          `A mail server could not be reached (${which('error')}).`,
          `Poçt serverinə qoşulmaq olmadı (${which('error')}).`,
          `Не удалось подключиться к почтовому серверу (${which('error')}).`,
        ),
        { evidence },
      )
    if (verdict === 'warn')
      return outcome(
        'warn',
        msg(
          `STARTTLS works, but a certificate is untrusted or TLS is older than 1.2 (${which('warn')}).`,
          `STARTTLS işləyir, amma sertifikat etibarsızdır və ya TLS 1.2-dən köhnədir (${which('warn')}).`,
          `STARTTLS работает, но сертификат не доверен или TLS старше 1.2 (${which('warn')}).`,
        ),
        { evidence },
      )
    return outcome(
      'pass',
      msg(
        'Every mail server offers STARTTLS with a valid certificate.',
        'Bütün poçt serverləri etibarlı sertifikatla STARTTLS təklif edir.',
        'Все почтовые серверы предлагают STARTTLS с действительным сертификатом.',
      ),
      { evidence },
    )
  },
}

export const parseMtaStsPolicy = (body: string) => {
  const policy: { version?: string; mode?: string; maxAge?: number; mx: string[] } = { mx: [] }
  for (const line of body.split(/\r?\n/)) {
    const [k, ...v] = line.split(':')
    const key = k?.trim().toLowerCase()
    const value = v.join(':').trim()
    if (key === 'version') policy.version = value
    else if (key === 'mode') policy.mode = value.toLowerCase()
    else if (key === 'max_age') policy.maxAge = Number(value)
    else if (key === 'mx') policy.mx.push(value.toLowerCase())
  }
  return policy
}

const mxCovered = (mx: string, patterns: string[]) =>
  patterns.some((p) =>
    p.startsWith('*.') ? mx.endsWith(p.slice(1)) && !mx.slice(0, -p.length + 1).includes('.') : mx === p,
  )

/** RFC 8460: exactly one `v=TLSRPTv1` record with a mailto: or https: `rua`. */
export const tlsRptValid = (data: string[] | undefined) => {
  const records = (data ?? []).filter((t) => /^v=TLSRPTv1\s*;/i.test(t))
  return records.length === 1 && /;\s*rua=\s*(mailto:|https:)/i.test(records[0] as string)
}

export const mtaSts: CheckDef = {
  id: 'mta-sts',
  version: 2,
  category: 'mail',
  severity: 'low',
  needs: ['mail.mtaSts'],
  evaluate: (ev) => {
    const m = ev.mail?.mtaSts
    if (!m || !ev.mail?.mx || dnsFailed(ev.mail.mx) || dnsFailed(m.record)) return outcome('error', NO_DNS)
    const hosts = mxHosts(ev)
    if (hosts.length === 0) return outcome('na', noMx)
    const hasRecord = m.record.data.some((t) => /^v=STSv1/i.test(t))
    if (!hasRecord)
      return outcome('warn', msg('No MTA-STS policy.', 'MTA-STS siyasəti yoxdur.', 'Нет политики MTA-STS.'), {
        evidence: { record: m.record.data },
      })
    const policy = m.policy?.status === 200 && m.policy.body ? parseMtaStsPolicy(m.policy.body) : undefined
    const uncovered = policy ? hosts.filter((h) => !mxCovered(h.toLowerCase(), policy.mx)) : hosts
    const tlsRpt = ev.mail?.tlsRpt?.data ?? []
    const evidence = {
      record: m.record.data,
      policy,
      fetch: { status: m.policy?.status, tls: m.policy?.tls },
      uncovered,
      tlsRpt,
    }
    if (!policy || !m.policy?.tls || policy.version !== 'STSv1' || uncovered.length > 0)
      return outcome(
        'fail',
        msg(
          'The MTA-STS policy is unreachable, not on valid HTTPS, invalid, or does not cover every MX.',
          'MTA-STS siyasəti əlçatan deyil, etibarlı HTTPS-də deyil, səhvdir və ya bütün MX-ləri əhatə etmir.',
          'Политика MTA-STS недоступна, не на действительном HTTPS, некорректна или не покрывает все MX.',
        ),
        { evidence },
      )
    if (policy.mode !== 'enforce')
      return outcome(
        'warn',
        msg(
          `MTA-STS is in ${policy.mode ?? 'unknown'} mode, not enforce.`,
          `MTA-STS ${policy.mode ?? 'naməlum'} rejimindədir, enforce deyil.`,
          `MTA-STS в режиме ${policy.mode ?? 'неизвестно'}, а не enforce.`,
        ),
        { evidence },
      )
    if (!tlsRptValid(tlsRpt))
      return outcome(
        'warn',
        msg(
          'MTA-STS is enforced, but TLS-RPT (_smtp._tls) is missing or invalid, so failures go unreported.',
          'MTA-STS tətbiq olunur, amma TLS-RPT (_smtp._tls) yoxdur və ya səhvdir, xətalar bildirilmir.',
          'MTA-STS применяется, но TLS-RPT (_smtp._tls) отсутствует или некорректен, сбои не сообщаются.',
        ),
        { evidence },
      )
    return outcome(
      'pass',
      msg(
        'MTA-STS is enforced for every MX, with TLS-RPT reports.',
        'MTA-STS bütün MX-lər üçün TLS-RPT hesabatları ilə tətbiq olunur.',
        'MTA-STS применяется ко всем MX, с отчётами TLS-RPT.',
      ),
      { evidence },
    )
  },
}

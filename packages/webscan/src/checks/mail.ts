import type { Evidence } from '../types.ts'
import { type CheckDef, dnsFailed, msg, NO_DNS, outcome } from './define.ts'

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

export const dmarc: CheckDef = {
  id: 'dmarc',
  version: 1,
  category: 'mail',
  severity: 'high',
  needs: ['mail.dmarc'],
  evaluate: (ev) => {
    const answer = ev.mail?.dmarc
    if (dnsFailed(answer) || !answer) return outcome('error', NO_DNS)
    const records = answer.data.filter((t) => /^v=DMARC1\s*(;|$)/i.test(t))
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

export const mxStarttls: CheckDef = {
  id: 'mx-starttls',
  version: 1,
  category: 'mail',
  severity: 'high',
  needs: ['mail.starttls'],
  evaluate: (ev) => {
    if (!ev.mail?.mx || dnsFailed(ev.mail.mx)) return outcome('error', NO_DNS)
    const probes = ev.mail.smtp ?? []
    if (probes.length === 0) return outcome('na', noMx)
    const evidence = { probes }
    if (probes.some((p) => p.error && !p.banner))
      return outcome(
        'error',
        msg(
          'A mail server could not be reached.',
          'Poçt serverinə qoşulmaq olmadı.',
          'Не удалось подключиться к почтовому серверу.',
        ),
        { evidence },
      )
    if (probes.some((p) => !p.starttls))
      return outcome(
        'fail',
        msg(
          'A mail server does not offer STARTTLS; mail travels unencrypted.',
          'Poçt serveri STARTTLS təklif etmir; məktublar şifrəsiz ötürülür.',
          'Почтовый сервер не предлагает STARTTLS; почта идёт без шифрования.',
        ),
        { evidence },
      )
    if (probes.some((p) => !p.authorized || p.protocol === 'TLSv1' || p.protocol === 'TLSv1.1'))
      return outcome(
        'warn',
        msg(
          'STARTTLS works, but a certificate is untrusted or TLS is older than 1.2.',
          'STARTTLS işləyir, amma sertifikat etibarsızdır və ya TLS 1.2-dən köhnədir.',
          'STARTTLS работает, но сертификат не доверен или TLS старше 1.2.',
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

export const mtaSts: CheckDef = {
  id: 'mta-sts',
  version: 1,
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
    const evidence = {
      record: m.record.data,
      policy,
      fetch: { status: m.policy?.status, tls: m.policy?.tls },
      uncovered,
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
    return outcome(
      'pass',
      msg(
        'MTA-STS is enforced for every MX.',
        'MTA-STS bütün MX-lər üçün tətbiq olunur.',
        'MTA-STS применяется ко всем MX.',
      ),
      { evidence },
    )
  },
}

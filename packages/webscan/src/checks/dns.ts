import { type CheckDef, dnsFailed, msg, NO_DNS, outcome } from './define.ts'

export const dnssec: CheckDef = {
  id: 'dnssec',
  version: 1,
  category: 'dns',
  severity: 'medium',
  needs: ['dns.dnssec'],
  evaluate: (ev) => {
    const d = ev.dns?.dnssec
    if (!d || d.secure.error) return outcome('error', NO_DNS, { evidence: { error: d?.secure.error } })
    const evidence = { rcode: d.secure.rcode, ad: d.secure.ad, checkingDisabled: d.checkingDisabled }
    if (d.secure.rcode === 'SERVFAIL' && d.checkingDisabled?.rcode === 'NOERROR')
      return outcome(
        'fail',
        msg(
          'DNSSEC validation fails (bogus): validating resolvers cannot reach the site.',
          'DNSSEC yoxlaması uğursuzdur (bogus): yoxlayan resolverlər sayta çata bilmir.',
          'Проверка DNSSEC не проходит (bogus): валидирующие резолверы не видят сайт.',
        ),
        { evidence, severity: 'critical', caps: ['F'] },
      )
    if (d.secure.rcode === 'NOERROR' && d.secure.ad)
      return outcome(
        'pass',
        msg(
          'The records are DNSSEC-signed and validate.',
          'Qeydlər DNSSEC ilə imzalanıb və yoxlanılır.',
          'Записи подписаны DNSSEC и проходят проверку.',
        ),
        { evidence },
      )
    if (d.secure.rcode !== 'NOERROR') return outcome('error', NO_DNS, { evidence })
    return outcome(
      'fail',
      msg('The domain is not DNSSEC-signed.', 'Domen DNSSEC ilə imzalanmayıb.', 'Домен не подписан DNSSEC.'),
      { evidence },
    )
  },
}

export const caa: CheckDef = {
  id: 'caa',
  version: 1,
  category: 'dns',
  severity: 'low',
  needs: ['dns.caa'],
  evaluate: (ev) => {
    const steps = ev.dns?.caa
    if (!steps || steps.some((s) => dnsFailed(s.answer))) return outcome('error', NO_DNS)
    const found = steps.find((s) => s.answer.data.length > 0)
    const evidence = { climbed: steps.map((s) => s.name), records: found?.answer.data ?? [], at: found?.name }
    if (!found)
      return outcome(
        'fail',
        msg(
          'No CAA record restricts which CAs may issue certificates.',
          'Sertifikatı hansı CA-ların verə biləcəyini məhdudlaşdıran CAA qeydi yoxdur.',
          'Нет записи CAA, ограничивающей, какие УЦ могут выпускать сертификаты.',
        ),
        { evidence },
      )
    const tags = found.answer.data.map((r) => r.split(' ')[1] ?? '')
    const known = new Set([
      'issue',
      'issuewild',
      'iodef',
      'contactemail',
      'contactphone',
      'issuemail',
      'issuevmc',
    ])
    if (tags.some((t) => !known.has(t.toLowerCase())))
      return outcome(
        'fail',
        msg(
          'A CAA record has an unknown tag.',
          'CAA qeydində naməlum teq var.',
          'В записи CAA неизвестный тег.',
        ),
        { evidence },
      )
    if (!tags.includes('issue'))
      return outcome(
        'warn',
        msg('CAA has no "issue" property.', 'CAA-da "issue" xassəsi yoxdur.', 'В CAA нет свойства "issue".'),
        { evidence },
      )
    return outcome(
      'pass',
      msg(
        'CAA restricts certificate issuance.',
        'CAA sertifikat verilməsini məhdudlaşdırır.',
        'CAA ограничивает выпуск сертификатов.',
      ),
      { evidence },
    )
  },
}

export const ipv6: CheckDef = {
  id: 'ipv6',
  version: 1,
  category: 'dns',
  severity: 'low',
  needs: ['dns.ipv6'],
  evaluate: (ev) => {
    const aaaa = ev.dns?.aaaa
    if (dnsFailed(aaaa) || !aaaa) return outcome('error', NO_DNS)
    const reach = ev.dns?.ipv6Reach ?? []
    const evidence = { aaaa: aaaa.data, reach }
    if (aaaa.data.length === 0)
      return outcome(
        'warn',
        msg('The site has no IPv6 address.', 'Saytın IPv6 ünvanı yoxdur.', 'У сайта нет адреса IPv6.'),
        { evidence },
      )
    if (reach.length > 0 && reach.every((r) => r.ok))
      return outcome(
        'pass',
        msg('The site is reachable over IPv6.', 'Sayt IPv6 üzərindən əlçatandır.', 'Сайт доступен по IPv6.'),
        { evidence },
      )
    return outcome(
      'fail',
      msg(
        'The site publishes an IPv6 address but does not answer on it.',
        'Sayt IPv6 ünvanı dərc edir, amma onda cavab vermir.',
        'Сайт публикует адрес IPv6, но не отвечает по нему.',
      ),
      { evidence },
    )
  },
}

export const nameServers: CheckDef = {
  id: 'name-servers',
  version: 1,
  category: 'dns',
  severity: 'low',
  needs: ['dns.ns'],
  evaluate: (ev) => {
    const ns = ev.dns?.ns
    if (dnsFailed(ns) || !ns) return outcome('error', NO_DNS)
    const withV6 = Object.values(ev.dns?.nsAaaa ?? {}).filter((a) => a.data.length > 0).length
    const evidence = { ns: ns.data, withIpv6: withV6 }
    if (ns.data.length < 2)
      return outcome(
        'fail',
        msg('Fewer than two name servers.', 'İkidən az ad serveri var.', 'Меньше двух серверов имён.'),
        { evidence },
      )
    if (withV6 < 2)
      return outcome(
        'warn',
        msg(
          'Fewer than two name servers are reachable over IPv6.',
          'IPv6 üzərindən ikidən az ad serveri əlçatandır.',
          'По IPv6 доступно меньше двух серверов имён.',
        ),
        { evidence },
      )
    return outcome(
      'pass',
      msg(
        'At least two name servers, with IPv6.',
        'Ən azı iki ad serveri var, IPv6 ilə.',
        'Не менее двух серверов имён, с IPv6.',
      ),
      { evidence },
    )
  },
}

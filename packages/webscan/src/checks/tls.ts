import type { Evidence, LegacyProbe, TlsEvidence } from '../types.ts'
import { type CheckDef, msg, NO_TLS, type Outcome, outcome } from './define.ts'

const tlsOf = (ev: Evidence): TlsEvidence | undefined => (ev.tls && !ev.tls.error ? ev.tls : undefined)
const probe = (tls: TlsEvidence, label: string): LegacyProbe | undefined =>
  tls.legacy.find((p) => p.offered === label)
const accepted = (tls: TlsEvidence, label: string) => Boolean(probe(tls, label)?.accepted)

const withTls = (evaluate: (tls: TlsEvidence) => Outcome) => (ev: Evidence) => {
  const tls = tlsOf(ev)
  if (!tls) return outcome(ev.tls?.error ? 'error' : 'na', NO_TLS, { evidence: { error: ev.tls?.error } })
  return evaluate(tls)
}

export const offeredProtocols = (tls: TlsEvidence) => {
  const p = tls.protocols
  const ssl3 = tls.legacy.some((x) => x.offered === 'ssl3' && x.accepted && x.version === '0300')
  return {
    ssl3,
    tls10: Boolean(p['tls1.0']?.ok),
    tls11: Boolean(p['tls1.1']?.ok),
    tls12: Boolean(p['tls1.2']?.ok),
    tls13: Boolean(p['tls1.3']?.ok),
  }
}

export const tlsProtocols: CheckDef = {
  id: 'tls-protocols',
  version: 1,
  category: 'transport',
  severity: 'high',
  needs: ['tls', 'tls.deep'],
  evaluate: withTls((tls) => {
    const evidence = offeredProtocols(tls)
    if (evidence.ssl3)
      return outcome('fail', msg('SSLv3 is accepted.', 'SSLv3 qəbul edilir.', 'Принимается SSLv3.'), {
        evidence,
        severity: 'critical',
        caps: ['F'],
      })
    if (!evidence.tls12 && !evidence.tls13)
      return outcome(
        'fail',
        msg(
          'Neither TLS 1.2 nor TLS 1.3 is offered.',
          'Nə TLS 1.2, nə də TLS 1.3 təklif olunur.',
          'Не поддерживается ни TLS 1.2, ни TLS 1.3.',
        ),
        { evidence, severity: 'critical', caps: ['C'] },
      )
    if (evidence.tls10 || evidence.tls11)
      return outcome(
        'fail',
        msg(
          'The outdated TLS 1.0 or 1.1 is accepted.',
          'Köhnəlmiş TLS 1.0 və ya 1.1 qəbul edilir.',
          'Принимаются устаревшие TLS 1.0 или 1.1.',
        ),
        { evidence, caps: ['B'] },
      )
    if (!evidence.tls13)
      return outcome(
        'warn',
        msg(
          'Only TLS 1.2 is offered; TLS 1.3 is missing.',
          'Yalnız TLS 1.2 təklif olunur; TLS 1.3 yoxdur.',
          'Поддерживается только TLS 1.2; нет TLS 1.3.',
        ),
        { evidence },
      )
    return outcome(
      'pass',
      msg(
        'Only TLS 1.2 and 1.3 are offered.',
        'Yalnız TLS 1.2 və 1.3 təklif olunur.',
        'Поддерживаются только TLS 1.2 и 1.3.',
      ),
      { evidence },
    )
  }),
}

export const tlsCiphers: CheckDef = {
  id: 'tls-ciphers',
  version: 1,
  category: 'transport',
  severity: 'high',
  needs: ['tls', 'tls.deep'],
  evaluate: withTls((tls) => {
    const broken = ['null', 'export', 'anon', 'des'].filter((g) => accepted(tls, g))
    const weak = ['rc4', '3des'].filter((g) => accepted(tls, g))
    const phaseOut = ['cbc', 'dhe'].filter((k) => tls.suites[k]?.ok)
    const evidence = { broken, weak, phaseOut, preferred: tls.suites.preferred?.cipher }
    if (broken.length > 0)
      return outcome(
        'fail',
        msg(
          `Broken cipher suites are accepted: ${broken.join(', ')}.`,
          `Sındırılmış şifrə dəstləri qəbul edilir: ${broken.join(', ')}.`,
          `Принимаются взломанные наборы шифров: ${broken.join(', ')}.`,
        ),
        { evidence, severity: 'critical', caps: ['F'] },
      )
    if (weak.length > 0)
      return outcome(
        'fail',
        msg(
          `Weak cipher suites are accepted: ${weak.join(', ')}.`,
          `Zəif şifrə dəstləri qəbul edilir: ${weak.join(', ')}.`,
          `Принимаются слабые наборы шифров: ${weak.join(', ')}.`,
        ),
        { evidence, caps: ['C'] },
      )
    if (phaseOut.length > 0)
      return outcome(
        'warn',
        msg(
          `Cipher suites being phased out are accepted: ${phaseOut.join(', ')}.`,
          `İstifadədən çıxarılan şifrə dəstləri qəbul edilir: ${phaseOut.join(', ')}.`,
          `Принимаются выводимые из употребления наборы шифров: ${phaseOut.join(', ')}.`,
        ),
        { evidence },
      )
    return outcome(
      'pass',
      msg(
        'Only strong cipher suites are accepted.',
        'Yalnız güclü şifrə dəstləri qəbul edilir.',
        'Принимаются только стойкие наборы шифров.',
      ),
      { evidence },
    )
  }),
}

export const tlsForwardSecrecy: CheckDef = {
  id: 'tls-forward-secrecy',
  version: 1,
  category: 'transport',
  severity: 'high',
  needs: ['tls', 'tls.deep'],
  evaluate: withTls((tls) => {
    const staticRsa = Boolean(tls.suites.staticRsa?.ok)
    const dhBits = tls.suites.dhe?.ok ? tls.suites.dhe.kx?.size : undefined
    const evidence = { staticRsa, dhBits, preferredKx: tls.suites.preferred?.kx }
    if (staticRsa || (dhBits !== undefined && dhBits < 2048))
      return outcome(
        'fail',
        msg(
          'Key exchange without forward secrecy (static RSA or weak DH) is accepted.',
          'İrəli məxfiliyi olmayan açar mübadiləsi (statik RSA və ya zəif DH) qəbul edilir.',
          'Принимается обмен ключами без прямой секретности (статический RSA или слабый DH).',
        ),
        { evidence, caps: ['B'] },
      )
    if (dhBits !== undefined && dhBits < 3072)
      return outcome(
        'warn',
        msg(
          `Finite-field DH with ${dhBits} bits is accepted; 3072 or ECDHE is advised.`,
          `${dhBits} bitlik DH qəbul edilir; 3072 və ya ECDHE tövsiyə olunur.`,
          `Принимается DH на ${dhBits} бит; рекомендуется 3072 или ECDHE.`,
        ),
        { evidence },
      )
    return outcome(
      'pass',
      msg(
        'Every key exchange has forward secrecy.',
        'Bütün açar mübadilələri irəli məxfiliklə qorunur.',
        'Все обмены ключами обеспечивают прямую секретность.',
      ),
      { evidence },
    )
  }),
}

const AEAD = /GCM|CHACHA20|CCM/i

export const tlsAead: CheckDef = {
  id: 'tls-aead',
  version: 1,
  category: 'transport',
  severity: 'medium',
  needs: ['tls', 'tls.deep'],
  evaluate: withTls((tls) => {
    const available = Boolean(tls.suites.aead?.ok || tls.protocols['tls1.3']?.ok)
    const preferred = tls.suites.preferred?.cipher ?? ''
    const evidence = { available, preferred }
    if (!available)
      return outcome(
        'fail',
        msg(
          'No AEAD cipher suite is offered.',
          'Heç bir AEAD şifrə dəsti təklif olunmur.',
          'Не предлагается ни одного набора шифров AEAD.',
        ),
        { evidence, caps: ['B'] },
      )
    if (!AEAD.test(preferred) && !preferred.startsWith('TLS_AES'))
      return outcome(
        'warn',
        msg(
          'AEAD suites are offered, but the server prefers a non-AEAD suite.',
          'AEAD dəstləri var, amma server AEAD olmayan dəsti üstün tutur.',
          'Наборы AEAD есть, но сервер предпочитает набор без AEAD.',
        ),
        { evidence },
      )
    return outcome(
      'pass',
      msg(
        'An AEAD cipher suite is negotiated.',
        'AEAD şifrə dəsti seçilir.',
        'Согласуется набор шифров AEAD.',
      ),
      { evidence },
    )
  }),
}

const NO_TLS12 = msg('TLS 1.2 is not offered.', 'TLS 1.2 təklif olunmur.', 'TLS 1.2 не поддерживается.')

/** Checks read from the ServerHello to our TLS 1.2 probe hello (RFC 5746 extension, compression byte). */
const onProbeHello = (evaluate: (base: LegacyProbe) => Outcome) =>
  withTls((tls) => {
    const base = probe(tls, 'baseline')
    return base && !base.error && base.version ? evaluate(base) : outcome('na', NO_TLS12)
  })

export const tlsRenegotiation: CheckDef = {
  id: 'tls-renegotiation',
  version: 1,
  category: 'transport',
  severity: 'medium',
  needs: ['tls', 'tls.deep'],
  evaluate: onProbeHello((base) => {
    const evidence = { renegotiationInfo: base.renegotiationInfo }
    if (base.renegotiationInfo)
      return outcome(
        'pass',
        msg(
          'Secure renegotiation (RFC 5746) is supported.',
          'Təhlükəsiz yenidən razılaşma (RFC 5746) dəstəklənir.',
          'Безопасное пересогласование (RFC 5746) поддерживается.',
        ),
        { evidence },
      )
    return outcome(
      'fail',
      msg(
        'Secure renegotiation (RFC 5746) is not supported.',
        'Təhlükəsiz yenidən razılaşma (RFC 5746) dəstəklənmir.',
        'Безопасное пересогласование (RFC 5746) не поддерживается.',
      ),
      { evidence },
    )
  }),
}

export const tlsCompression: CheckDef = {
  id: 'tls-compression',
  version: 1,
  category: 'transport',
  severity: 'medium',
  needs: ['tls', 'tls.deep'],
  evaluate: onProbeHello((base) => {
    const evidence = { compression: base.compression }
    if (!base.compression)
      return outcome(
        'pass',
        msg('TLS compression is off.', 'TLS sıxılması söndürülüb.', 'Сжатие TLS отключено.'),
        { evidence },
      )
    return outcome(
      'fail',
      msg('TLS compression is on (CRIME).', 'TLS sıxılması açıqdır (CRIME).', 'Сжатие TLS включено (CRIME).'),
      { evidence, caps: ['C'] },
    )
  }),
}

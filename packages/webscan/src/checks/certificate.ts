import type { Evidence, Message, Severity, TlsEvidence } from '../types.ts'
import { type CheckDef, msg, NO_TLS, type Outcome, outcome, worst } from './define.ts'

const RANK: Severity[] = ['info', 'low', 'medium', 'high', 'critical']

const naming = (host: string, m: Message): Message =>
  m.en.includes(host) ? m : { az: `${host}: ${m.az}`, en: `${host}: ${m.en}`, ru: `${host}: ${m.ru}` }

/**
 * Runs a certificate check on the apex and, when www is served over TLS, on www too (reference A6): a visitor
 * who types www. meets that certificate before any redirect. The worst verdict wins (caps and severity of
 * the outcomes that have it); the apex evidence stays at the top, www's under `www`. A www name that does
 * not answer TLS is not "served": `https-reachable` reports it.
 */
const withChain =
  (evaluate: (tls: TlsEvidence, ev: Evidence) => Outcome) =>
  (ev: Evidence): Outcome => {
    const tls = ev.tls
    const apex =
      !tls || tls.error || tls.chain.length === 0
        ? outcome(tls?.error ? 'error' : 'na', NO_TLS, { evidence: { error: tls?.error } })
        : evaluate(tls, ev)
    const www = ev.wwwTls
    if (!www || www.error || www.chain.length === 0) return apex
    const other = evaluate(www, ev)
    const verdict = worst([apex.verdict, other.verdict])
    const sharing = [apex, other].filter((o) => o.verdict === verdict)
    const chosen = apex.verdict === verdict ? apex : other
    const severities = sharing.map((o) => o.severity).filter((x): x is Severity => Boolean(x))
    return {
      ...chosen,
      message: chosen === apex ? apex.message : naming(www.host, other.message),
      evidence: { ...apex.evidence, www: { host: www.host, verdict: other.verdict, ...other.evidence } },
      caps: [...new Set(sharing.flatMap((o) => o.caps ?? []))],
      ...(severities.length > 0
        ? { severity: severities.sort((a, b) => RANK.indexOf(b) - RANK.indexOf(a))[0] }
        : {}),
    }
  }

const DAY = 86_400_000

export const certTrust: CheckDef = {
  id: 'cert-trust',
  version: 2,
  category: 'transport',
  severity: 'critical',
  needs: ['tls'],
  evaluate: withChain((tls) => {
    const evidence = { ...tls.trust, issuer: tls.chain[0]?.issuer }
    if (tls.trust.public)
      return outcome(
        'pass',
        msg(
          'The certificate chains to a trusted root.',
          'Sertifikat etibarlı kök sertifikata bağlanır.',
          'Сертификат связан с доверенным корнем.',
        ),
        { evidence },
      )
    if (tls.trust.national)
      return outcome(
        'warn',
        msg(
          'The certificate is trusted only through the national root, which browsers do not trust.',
          'Sertifikat yalnız milli kök vasitəsilə etibarlıdır; brauzerlər ona etibar etmir.',
          'Сертификат доверен только через национальный корень, которому браузеры не доверяют.',
        ),
        { evidence },
      )
    return outcome(
      'fail',
      msg(
        `The certificate is not trusted (${tls.trust.error ?? 'unknown'}).`,
        `Sertifikat etibarlı deyil (${tls.trust.error ?? 'unknown'}).`,
        `Сертификат не доверен (${tls.trust.error ?? 'unknown'}).`,
      ),
      { evidence, caps: ['F'] },
    )
  }),
}

const MISSING_ISSUER = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'])

export const certChain: CheckDef = {
  id: 'cert-chain',
  version: 2,
  category: 'transport',
  severity: 'high',
  needs: ['tls'],
  evaluate: withChain((tls) => {
    const leaf = tls.chain[0]
    const evidence = { length: tls.chain.length, subjects: tls.chain.map((c) => c.subject) }
    const incomplete =
      tls.chain.length === 1 &&
      !leaf?.selfIssued &&
      MISSING_ISSUER.has(tls.trust.error ?? '') &&
      !tls.trust.national
    if (incomplete)
      return outcome(
        'fail',
        msg(
          'The server sends only its own certificate; the intermediate is missing.',
          'Server yalnız öz sertifikatını göndərir; aralıq sertifikat yoxdur.',
          'Сервер отправляет только свой сертификат; промежуточный отсутствует.',
        ),
        { evidence, caps: ['B'] },
      )
    if (tls.chain.length > 1 && tls.chain[tls.chain.length - 1]?.selfIssued)
      return outcome(
        'warn',
        msg(
          'The server also sends the root certificate, which is unnecessary.',
          'Server lazımsız olaraq kök sertifikatı da göndərir.',
          'Сервер без необходимости отправляет и корневой сертификат.',
        ),
        { evidence },
      )
    return outcome(
      'pass',
      msg('The chain is complete.', 'Sertifikat zənciri tamdır.', 'Цепочка сертификатов полная.'),
      { evidence },
    )
  }),
}

export const certHostname: CheckDef = {
  id: 'cert-hostname',
  version: 2,
  category: 'transport',
  severity: 'critical',
  needs: ['tls'],
  evaluate: withChain((tls) => {
    const evidence = { host: tls.host, san: tls.chain[0]?.san }
    if (tls.hostnameMatch)
      return outcome(
        'pass',
        msg(
          'The certificate covers the host name.',
          'Sertifikat host adını əhatə edir.',
          'Сертификат покрывает имя хоста.',
        ),
        { evidence },
      )
    return outcome(
      'fail',
      msg(
        `The certificate does not cover ${tls.host}.`,
        `Sertifikat ${tls.host} adını əhatə etmir.`,
        `Сертификат не покрывает имя ${tls.host}.`,
      ),
      { evidence, caps: ['F'] },
    )
  }),
}

export const certExpiry: CheckDef = {
  id: 'cert-expiry',
  version: 2,
  category: 'transport',
  severity: 'high',
  needs: ['tls'],
  evaluate: withChain((tls, ev) => {
    const leaf = tls.chain[0] as NonNullable<(typeof tls.chain)[0]>
    const now = Date.parse(ev.scannedAt)
    const from = Date.parse(leaf.validFrom)
    const to = Date.parse(leaf.validTo)
    const daysLeft = Math.floor((to - now) / DAY)
    const lifetimeDays = Math.round((to - from) / DAY)
    const evidence = { validFrom: leaf.validFrom, validTo: leaf.validTo, daysLeft, lifetimeDays }
    if (now < from || now > to)
      return outcome(
        'fail',
        msg(
          now > to ? 'The certificate has expired.' : 'The certificate is not valid yet.',
          now > to ? 'Sertifikatın müddəti bitib.' : 'Sertifikat hələ qüvvədə deyil.',
          now > to ? 'Срок действия сертификата истёк.' : 'Сертификат ещё не действителен.',
        ),
        { evidence, severity: 'critical', caps: ['F'] },
      )
    if (daysLeft <= 7)
      return outcome(
        'fail',
        msg(
          `The certificate expires in ${daysLeft} days.`,
          `Sertifikatın müddəti ${daysLeft} gündən sonra bitir.`,
          `Сертификат истекает через ${daysLeft} дн.`,
        ),
        { evidence },
      )
    if (daysLeft <= 30 || daysLeft <= lifetimeDays / 3)
      return outcome(
        'warn',
        msg(
          `The certificate expires soon (${daysLeft} days).`,
          `Sertifikatın müddəti tezliklə bitir (${daysLeft} gün).`,
          `Сертификат скоро истекает (${daysLeft} дн.).`,
        ),
        { evidence },
      )
    return outcome(
      'pass',
      msg(
        `The certificate is valid for ${daysLeft} more days.`,
        `Sertifikat daha ${daysLeft} gün qüvvədədir.`,
        `Сертификат действителен ещё ${daysLeft} дн.`,
      ),
      { evidence },
    )
  }),
}

const STRONG_CURVES = new Set(['prime256v1', 'secp384r1', 'secp521r1'])

export const certKey: CheckDef = {
  id: 'cert-key',
  version: 2,
  category: 'transport',
  severity: 'high',
  needs: ['tls'],
  evaluate: withChain((tls) => {
    const leaf = tls.chain[0] as NonNullable<(typeof tls.chain)[0]>
    const evidence = { keyType: leaf.keyType, bits: leaf.keyBits, curve: leaf.curve }
    const label = `${leaf.keyType.toUpperCase()} ${leaf.keyBits ?? leaf.curve ?? ''}`.trim()
    const weak =
      (leaf.keyType === 'rsa' && (leaf.keyBits ?? 0) < 2048) ||
      (leaf.keyType === 'ec' && !STRONG_CURVES.has(leaf.curve ?? '')) ||
      leaf.keyType === 'dsa'
    if (weak)
      return outcome(
        'fail',
        msg(
          `The certificate key is too weak (${label}).`,
          `Sertifikat açarı çox zəifdir (${label}).`,
          `Ключ сертификата слишком слабый (${label}).`,
        ),
        { evidence, caps: ['B'] },
      )
    if (leaf.keyType === 'rsa' && (leaf.keyBits ?? 0) < 3072)
      return outcome(
        'warn',
        msg(
          `RSA ${leaf.keyBits} is being phased out; use RSA 3072 or ECDSA P-256.`,
          `RSA ${leaf.keyBits} istifadədən çıxarılır; RSA 3072 və ya ECDSA P-256 istifadə edin.`,
          `RSA ${leaf.keyBits} выводится из употребления; используйте RSA 3072 или ECDSA P-256.`,
        ),
        { evidence },
      )
    return outcome(
      'pass',
      msg(`The key is strong (${label}).`, `Açar güclüdür (${label}).`, `Ключ стойкий (${label}).`),
      {
        evidence,
      },
    )
  }),
}

export const certSignature: CheckDef = {
  id: 'cert-signature',
  version: 2,
  category: 'transport',
  severity: 'high',
  needs: ['tls'],
  evaluate: withChain((tls) => {
    // A root's own signature is never checked by clients, so only certificates it signed count.
    const signed = tls.chain.filter((c) => !c.selfIssued)
    const algorithms = (signed.length > 0 ? signed : tls.chain).map((c) => c.signatureAlgorithm)
    const evidence = { algorithms }
    const has = (re: RegExp) => algorithms.some((a) => re.test(a))
    if (has(/MD5|MD2/i))
      return outcome(
        'fail',
        msg(
          'An MD5 signature is used in the chain.',
          'Zəncirdə MD5 imzası istifadə olunur.',
          'В цепочке используется подпись MD5.',
        ),
        { evidence, severity: 'critical', caps: ['F'] },
      )
    if (has(/SHA-1\b/i))
      return outcome(
        'fail',
        msg(
          'A SHA-1 signature is used in the chain.',
          'Zəncirdə SHA-1 imzası istifadə olunur.',
          'В цепочке используется подпись SHA-1.',
        ),
        { evidence, caps: ['B'] },
      )
    if (has(/SHA-224/i) || !algorithms.every((a) => /SHA-(256|384|512)|Ed25519|Ed448/i.test(a)))
      return outcome(
        'warn',
        msg(
          'A SHA-224 or unrecognised signature is used in the chain.',
          'Zəncirdə SHA-224 və ya tanınmayan imza istifadə olunur.',
          'В цепочке используется подпись SHA-224 или нераспознанная подпись.',
        ),
        { evidence },
      )
    return outcome(
      'pass',
      msg(
        'Signatures use SHA-256 or stronger.',
        'İmzalar SHA-256 və ya daha güclüdür.',
        'Подписи используют SHA-256 или стойче.',
      ),
      { evidence },
    )
  }),
}

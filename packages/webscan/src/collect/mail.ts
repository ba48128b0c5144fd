import { dmarcRecords, parseDmarc, reportHosts } from '../checks/mail.ts'
import { registrableDomain } from '../hostname.ts'
import type { NetContext } from '../net/context.ts'
import { fetchOnce } from '../net/http-fetch.ts'
import { smtpProbe } from '../net/smtp-probe.ts'
import type { DnsAnswer, MailEvidence } from '../types.ts'

const MAX_SPF_LOOKUPS = 20
const MAX_MX = 5

const spfRecords = (answer: DnsAnswer) => answer.data.filter((t) => /^v=spf1(\s|$)/i.test(t))

/** Follows include:/redirect= so the evaluation can count DNS lookups (RFC 7208 limit of 10). */
const collectSpfIncludes = async (ctx: NetContext, record: string | undefined) => {
  const seen: Record<string, DnsAnswer> = {}
  const queue = record ? [record] : []
  while (queue.length > 0 && Object.keys(seen).length < MAX_SPF_LOOKUPS) {
    const current = queue.shift() as string
    for (const m of current.matchAll(/(?:^|\s)[+?~-]?(?:include:|redirect=)(\S+)/gi)) {
      const target = (m[1] as string).toLowerCase()
      if (seen[target]) continue
      const answer = await ctx.dns.query(target, 'TXT', {
        timeoutMs: ctx.opts.requestTimeoutMs,
        signal: ctx.signal,
      })
      seen[target] = answer
      const next = spfRecords(answer)[0]
      if (next) queue.push(next)
    }
  }
  return seen
}

export const collectMail = async (
  ctx: NetContext,
  domain: string,
  parts: { spf: boolean; dmarc: boolean; starttls: boolean; mtaSts: boolean },
): Promise<MailEvidence> => {
  const q = { timeoutMs: ctx.opts.requestTimeoutMs, signal: ctx.signal }
  const evidence: MailEvidence = { domain }
  const tasks: Promise<void>[] = []
  if (parts.spf) {
    tasks.push(
      (async () => {
        evidence.spf = await ctx.dns.query(domain, 'TXT', q)
        evidence.spfIncludes = await collectSpfIncludes(ctx, spfRecords(evidence.spf)[0])
      })(),
    )
  }
  if (parts.dmarc) {
    tasks.push(
      (async () => {
        evidence.dmarc = await ctx.dns.query(`_dmarc.${domain}`, 'TXT', q)
        const [record] = dmarcRecords(evidence.dmarc.data)
        const external = reportHosts(record ? parseDmarc(record).rua : undefined).filter(
          (host) => registrableDomain(host, ctx.opts.extraSuffixes) !== domain,
        )
        if (external.length === 0) return
        const answers = await Promise.all(
          external.map((host) => ctx.dns.query(`${domain}._report._dmarc.${host}`, 'TXT', q)),
        )
        evidence.dmarcReportAuth = Object.fromEntries(external.map((h, i) => [h, answers[i] as DnsAnswer]))
      })(),
    )
  }
  if (parts.starttls || parts.mtaSts) {
    tasks.push(
      (async () => {
        evidence.mx = await ctx.dns.query(domain, 'MX', q)
        if (!parts.starttls) return
        const hosts = evidence.mx.data
          .map((d) => d.split(' ')[1] ?? '')
          .filter((h) => h && h !== '.')
          .slice(0, MAX_MX)
        evidence.smtp = await Promise.all(
          hosts.map(async (mx) => {
            const address = (await ctx.addresses(mx))[0]
            const port = ctx.opts.portsFor(mx).smtp
            if (!address) return { mx, port, starttls: false, error: 'unresolvable' }
            return ctx.polite(address, () =>
              smtpProbe(mx, address, port, {
                ehloName: 'webscan.invalid',
                secureContext: ctx.trust.mail,
                timeoutMs: ctx.opts.requestTimeoutMs,
                signal: ctx.signal,
              }),
            )
          }),
        )
      })(),
    )
  }
  if (parts.mtaSts) {
    tasks.push(
      (async () => {
        const [record, tlsRpt] = await Promise.all([
          ctx.dns.query(`_mta-sts.${domain}`, 'TXT', q),
          ctx.dns.query(`_smtp._tls.${domain}`, 'TXT', q),
        ])
        evidence.mtaSts = { record }
        evidence.tlsRpt = tlsRpt
        if (!record.data.some((t) => /^v=STSv1/i.test(t))) return
        const { hop, body } = await fetchOnce(ctx, `https://mta-sts.${domain}/.well-known/mta-sts.txt`, {
          readBody: true,
        })
        evidence.mtaSts.policy = {
          ...(hop.status ? { status: hop.status } : {}),
          ...(body !== undefined ? { body: body.slice(0, 64 * 1024) } : {}),
          ...(hop.error ? { error: hop.error } : {}),
          tls: Boolean(hop.tls?.authorized),
        }
      })(),
    )
  }
  await Promise.all(tasks)
  return evidence
}

import { connect } from 'node:net'
import type { NetContext } from '../net/context.ts'
import type { DnsEvidence } from '../types.ts'

const tcpReach = (address: string, port: number, timeoutMs: number, signal: AbortSignal) =>
  new Promise<{ ok: boolean; error?: string }>((resolve) => {
    if (signal.aborted) return resolve({ ok: false, error: 'aborted' })
    const socket = connect({ host: address, port, signal })
    const timer = setTimeout(() => finish({ ok: false, error: 'timeout' }), timeoutMs)
    const finish = (r: { ok: boolean; error?: string }) => {
      clearTimeout(timer)
      socket.destroy()
      resolve(r)
    }
    socket.on('connect', () => finish({ ok: true }))
    socket.on('error', (err: NodeJS.ErrnoException) => finish({ ok: false, error: err.code ?? err.message }))
  })

/** Names from `host` up to and including the registrable domain, for the CAA tree climb (RFC 8659). */
export const climb = (host: string, registrable: string): string[] => {
  const names: string[] = []
  let name = host
  while (name.length >= registrable.length) {
    names.push(name)
    if (name === registrable) break
    name = name.slice(name.indexOf('.') + 1)
  }
  return names
}

export const collectDns = async (
  ctx: NetContext,
  host: string,
  registrable: string,
  parts: { dnssec: boolean; caa: boolean; ns: boolean; ipv6: boolean },
): Promise<DnsEvidence> => {
  const q = { timeoutMs: ctx.opts.requestTimeoutMs, signal: ctx.signal }
  const [a, aaaa] = await Promise.all([ctx.dns.query(host, 'A', q), ctx.dns.query(host, 'AAAA', q)])
  const evidence: DnsEvidence = { a, aaaa }
  const tasks: Promise<void>[] = []
  if (parts.dnssec) {
    tasks.push(
      (async () => {
        const secure = await ctx.dns.query(host, 'A', { ...q, dnssec: true })
        evidence.dnssec = { secure }
        if (secure.rcode === 'SERVFAIL') {
          evidence.dnssec.checkingDisabled = await ctx.dns.query(host, 'A', {
            ...q,
            dnssec: true,
            checkingDisabled: true,
          })
        }
      })(),
    )
  }
  if (parts.caa) {
    tasks.push(
      (async () => {
        evidence.caa = []
        for (const name of climb(host, registrable)) {
          const answer = await ctx.dns.query(name, 'CAA', q)
          evidence.caa.push({ name, answer })
          if (answer.data.length > 0 || answer.error) break
        }
      })(),
    )
  }
  if (parts.ns) {
    tasks.push(
      (async () => {
        evidence.ns = await ctx.dns.query(registrable, 'NS', q)
        const names = evidence.ns.data.slice(0, 8)
        const answers = await Promise.all(names.map((n) => ctx.dns.query(n, 'AAAA', q)))
        evidence.nsAaaa = Object.fromEntries(names.map((n, i) => [n, answers[i] as (typeof answers)[0]]))
      })(),
    )
  }
  if (parts.ipv6) {
    const port = ctx.opts.portsFor(host).https
    tasks.push(
      Promise.all(
        aaaa.data.slice(0, 4).map(async (address) => ({
          address,
          port,
          ...(await tcpReach(address, port, ctx.opts.requestTimeoutMs, ctx.signal)),
        })),
      ).then((reach) => {
        evidence.ipv6Reach = reach
      }),
    )
  }
  await Promise.all(tasks)
  return evidence
}

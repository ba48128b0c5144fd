import { createSocket } from 'node:dgram'
import { getServers } from 'node:dns'
import { isIP } from 'node:net'
import * as packet from 'dns-packet'
import type { DnsAnswer } from '../types.ts'

export type RecordType = 'A' | 'AAAA' | 'CAA' | 'CNAME' | 'MX' | 'NS' | 'TXT'

export interface DnsQueryOptions {
  dnssec?: boolean
  checkingDisabled?: boolean
  timeoutMs?: number
  signal?: AbortSignal
}

const parseServer = (server?: string): { address: string; port: number } => {
  const chosen = server ?? getServers()[0] ?? '127.0.0.1'
  if (isIP(chosen)) return { address: chosen, port: 53 }
  const bracket = /^\[(.+)\]:(\d+)$/.exec(chosen)
  if (bracket?.[1] && bracket[2]) return { address: bracket[1], port: Number(bracket[2]) }
  const idx = chosen.lastIndexOf(':')
  return { address: chosen.slice(0, idx), port: Number(chosen.slice(idx + 1)) }
}

const render = (answer: packet.Answer): string | undefined => {
  switch (answer.type) {
    case 'A':
    case 'AAAA':
    case 'CNAME':
    case 'NS':
      return String(answer.data)
    case 'MX':
      return `${answer.data.preference} ${answer.data.exchange || '.'}`
    case 'TXT': {
      const parts = Array.isArray(answer.data) ? answer.data : [answer.data]
      return parts.map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString('utf8'))).join('')
    }
    case 'CAA':
      return `${answer.data.flags} ${answer.data.tag} "${answer.data.value}"`
    default:
      return undefined
  }
}

const MAX_CNAME_HOPS = 8

/**
 * Raw UDP query: node:dns hides the AD bit and collapses SERVFAIL, both of which DNSSEC evaluation needs.
 * CNAMEs are chased here, with a hop limit, so a loop ends as an error instead of a hang.
 */
export const createDnsClient = (server?: string) => {
  const target = parseServer(server)

  const once = (name: string, type: RecordType, opts: DnsQueryOptions): Promise<packet.Packet> =>
    new Promise((resolve, reject) => {
      if (opts.signal?.aborted) return reject(new Error('aborted'))
      const socket = createSocket(isIP(target.address) === 6 ? 'udp6' : 'udp4')
      const id = Math.floor(Math.random() * 65535)
      const flags = packet.RECURSION_DESIRED | (opts.checkingDisabled ? packet.CHECKING_DISABLED : 0)
      const query = packet.encode({
        type: 'query',
        id,
        flags,
        questions: [{ type, name, class: 'IN' }],
        additionals: opts.dnssec
          ? [{ type: 'OPT', name: '.', udpPayloadSize: 4096, flags: packet.DNSSEC_OK }]
          : [],
      } as packet.Packet)
      const finish = (err?: Error, res?: packet.Packet) => {
        clearTimeout(timer)
        opts.signal?.removeEventListener('abort', onAbort)
        socket.close()
        if (err) reject(err)
        else if (res) resolve(res)
      }
      const onAbort = () => finish(new Error('aborted'))
      const timer = setTimeout(() => finish(new Error('timeout')), opts.timeoutMs ?? 3000)
      opts.signal?.addEventListener('abort', onAbort)
      socket.on('error', (err) => finish(err))
      socket.on('message', (msg) => {
        try {
          const res = packet.decode(msg)
          if (res.id === id) finish(undefined, res)
        } catch (err) {
          finish(err as Error)
        }
      })
      socket.send(query, target.port, target.address)
    })

  const query = async (name: string, type: RecordType, opts: DnsQueryOptions = {}): Promise<DnsAnswer> => {
    let current = name.replace(/\.$/, '')
    const data: string[] = []
    let ad = true
    for (let hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
      let res: packet.Packet
      try {
        res = await once(current, type, opts).catch(() => once(current, type, opts))
      } catch (err) {
        return { rcode: 'ERROR', ad: false, data, error: (err as Error).message }
      }
      const flags = res.flags ?? 0
      ad &&= (flags & packet.AUTHENTIC_DATA) !== 0
      const rcode = (res as { rcode?: string }).rcode ?? 'NOERROR'
      const answers = res.answers ?? []
      const wanted = answers.filter((a) => a.type === type && a.name.toLowerCase() === current.toLowerCase())
      if (rcode !== 'NOERROR' || wanted.length > 0 || type === 'CNAME') {
        for (const a of wanted.length > 0 ? wanted : answers.filter((x) => x.type === type)) {
          const text = render(a)
          if (text !== undefined) data.push(text)
        }
        return { rcode, ad, data }
      }
      const cname = answers.find((a) => a.type === 'CNAME' && a.name.toLowerCase() === current.toLowerCase())
      if (!cname) return { rcode, ad, data }
      current = String((cname as { data: unknown }).data).replace(/\.$/, '')
    }
    return { rcode: 'ERROR', ad: false, data, error: 'cname-loop' }
  }

  return { query, server: `${target.address}:${target.port}` }
}

export type DnsClient = ReturnType<typeof createDnsClient>

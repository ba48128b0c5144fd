import { createSocket } from 'node:dgram'
import * as packet from 'dns-packet'

export interface ZoneEntry {
  A?: string[]
  AAAA?: string[]
  TXT?: string[]
  MX?: { preference: number; exchange: string }[]
  CAA?: { flags: number; tag: string; value: string }[]
  NS?: string[]
  CNAME?: string
  /** Answered with AD=1, as a validating resolver does for a signed zone. */
  signed?: boolean
  /** SERVFAIL unless checking is disabled: what a validating resolver says about a bogus signature. */
  bogus?: boolean
  /** Never answers. */
  silent?: boolean
}

export type Zone = Map<string, ZoneEntry>

const RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3 }

/** A small "validating resolver" for the test zone: AD, SERVFAIL, NXDOMAIN and NODATA are all under our control. */
export const startDnsServer = async (zone: Zone) => {
  const socket = createSocket('udp4')
  const exists = (name: string) => [...zone.keys()].some((k) => k === name || k.endsWith(`.${name}`))
  socket.on('message', (msg, rinfo) => {
    let query: packet.Packet
    try {
      query = packet.decode(msg)
    } catch {
      return
    }
    const question = query.questions?.[0]
    if (!question) return
    const name = question.name.toLowerCase()
    const entry = zone.get(name) ?? zone.get(`*.${name.slice(name.indexOf('.') + 1)}`)
    if (entry?.silent) return
    const cd = ((query.flags ?? 0) & packet.CHECKING_DISABLED) !== 0
    let rcode = entry || exists(name) ? RCODE.NOERROR : RCODE.NXDOMAIN
    const answers: packet.Answer[] = []
    if (entry?.bogus && !cd) rcode = RCODE.SERVFAIL
    else if (entry?.CNAME && question.type !== 'CNAME') {
      answers.push({ type: 'CNAME', name, ttl: 60, data: entry.CNAME } as packet.Answer)
    } else if (entry) {
      const t = question.type
      if (t === 'A') for (const data of entry.A ?? []) answers.push({ type: 'A', name, ttl: 60, data })
      if (t === 'AAAA')
        for (const data of entry.AAAA ?? []) answers.push({ type: 'AAAA', name, ttl: 60, data })
      if (t === 'TXT') for (const data of entry.TXT ?? []) answers.push({ type: 'TXT', name, ttl: 60, data })
      if (t === 'NS') for (const data of entry.NS ?? []) answers.push({ type: 'NS', name, ttl: 60, data })
      if (t === 'MX') for (const data of entry.MX ?? []) answers.push({ type: 'MX', name, ttl: 60, data })
      if (t === 'CAA')
        for (const data of entry.CAA ?? [])
          answers.push({ type: 'CAA', name, ttl: 60, data } as packet.Answer)
    }
    const ad = entry?.signed && rcode === RCODE.NOERROR ? packet.AUTHENTIC_DATA : 0
    // dns-packet takes the rcode from the low bits of flags when encoding.
    const flags =
      packet.RECURSION_DESIRED | packet.RECURSION_AVAILABLE | ad | rcode | (cd ? packet.CHECKING_DISABLED : 0)
    const response = packet.encode({
      type: 'response',
      id: query.id,
      flags,
      questions: query.questions,
      answers,
    } as packet.Packet)
    socket.send(response, rinfo.port, rinfo.address)
  })
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve))
  const { port } = socket.address()
  return {
    address: `127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  }
}

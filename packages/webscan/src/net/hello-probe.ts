import { connect } from 'node:net'
import type { LegacyProbe } from '../types.ts'

/** Suites OpenSSL 3 can no longer offer, grouped by the weakness they stand for. */
export const LEGACY_SUITES = {
  rc4: [0x0005, 0x0004, 0xc011, 0xc007, 0x0018, 0x0003],
  '3des': [0x000a, 0x0016, 0x0013, 0xc012, 0xc008, 0x001b],
  null: [0x0001, 0x0002, 0x003b, 0xc010, 0xc006],
  export: [0x0003, 0x0006, 0x0008, 0x0014, 0x0011],
  anon: [0x0018, 0x001b, 0x0034, 0x003a, 0xc018, 0xc019],
  des: [0x0009, 0x0015, 0x0012],
} as const

export type LegacyGroup = keyof typeof LEGACY_SUITES

/**
 * What a TLS 1.2 server of any age should find one of: ECDHE with ECDSA or RSA keys (AEAD and CBC), static
 * RSA, and DHE with RSA or DSA keys. Missing the ECDSA CBC suites once made a CBC-only server read as "no
 * TLS 1.2" to the renegotiation and compression checks.
 */
const MODERN = [
  0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0xc023, 0xc027, 0xc024, 0xc028, 0xc009, 0xc013, 0xc00a,
  0xc014, 0x009c, 0x009d, 0x003c, 0x003d, 0x002f, 0x0035, 0x009e, 0x009f, 0x00a2, 0x00a3, 0x0067, 0x006b,
  0x0033, 0x0039, 0x0032,
]
const SSL3_SUITES = [0x002f, 0x0035, 0x000a, 0x0005, 0x0004, 0x0009, 0x0016, 0x0033, 0x0039]

const u16 = (n: number) => [(n >> 8) & 0xff, n & 0xff]
const u24 = (n: number) => [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]
const ext = (type: number, body: number[]) => [...u16(type), ...u16(body.length), ...body]

export interface HelloSpec {
  /** Record and client_version, e.g. 0x0300 for SSLv3, 0x0303 for TLS 1.2. */
  version: number
  suites: readonly number[]
  servername?: string
  /** Offer DEFLATE too, to see whether the server would compress (CRIME). */
  offerCompression?: boolean
}

export const buildClientHello = (spec: HelloSpec): Buffer => {
  const exts: number[] = []
  if (spec.version >= 0x0301) {
    if (spec.servername) {
      const name = [...Buffer.from(spec.servername, 'ascii')]
      const entry = [0, ...u16(name.length), ...name]
      exts.push(...ext(0x0000, [...u16(entry.length), ...entry]))
    }
    exts.push(...ext(0x000a, [...u16(8), ...u16(0x001d), ...u16(0x0017), ...u16(0x0018), ...u16(0x0019)]))
    exts.push(...ext(0x000b, [1, 0]))
    // ECDSA, RSA-PSS, RSA PKCS#1 and DSA (0x0402, 0x0202), so a DSA-certified server still answers.
    const sigs = [0x0403, 0x0503, 0x0804, 0x0805, 0x0401, 0x0501, 0x0201, 0x0203, 0x0402, 0x0202]
    exts.push(...ext(0x000d, [...u16(sigs.length * 2), ...sigs.flatMap(u16)]))
  }
  exts.push(...ext(0xff01, [0]))
  const random = Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff)
  const compression = spec.offerCompression ? [2, 1, 0] : [1, 0]
  const body = [
    ...u16(spec.version),
    ...random,
    0,
    ...u16(spec.suites.length * 2),
    ...spec.suites.flatMap(u16),
    ...compression,
    ...u16(exts.length),
    ...exts,
  ]
  const handshake = [1, ...u24(body.length), ...body]
  const recordVersion = Math.min(spec.version, 0x0301)
  return Buffer.from([0x16, ...u16(recordVersion), ...u16(handshake.length), ...handshake])
}

export interface ServerHelloInfo {
  alert?: number
  version?: number
  suite?: number
  compression?: number
  renegotiationInfo?: boolean
}

/** Reads just enough of the first server flight: a ServerHello (version, suite, extensions) or an alert. */
export const parseServerHello = (buf: Buffer): ServerHelloInfo | 'incomplete' | 'garbage' => {
  if (buf.length < 5) return 'incomplete'
  const type = buf[0]
  const length = buf.readUInt16BE(3)
  if (type === 0x15) return buf.length >= 7 ? { alert: buf[6] } : 'incomplete'
  if (type !== 0x16 || length > 1 << 14) return 'garbage'
  if (buf.length < 5 + 4) return 'incomplete'
  if (buf[5] !== 2) return 'garbage'
  const hsLen = buf.readUIntBE(6, 3)
  if (buf.length < 9 + Math.min(hsLen, length - 4)) return 'incomplete'
  let p = 9
  const version = buf.readUInt16BE(p)
  p += 2 + 32
  const sid = buf[p] ?? 0
  p += 1 + sid
  if (p + 3 > buf.length) return 'garbage'
  const suite = buf.readUInt16BE(p)
  const compression = buf[p + 2]
  p += 3
  const info: ServerHelloInfo = { version, suite, renegotiationInfo: false }
  if (compression !== undefined) info.compression = compression
  const end = 9 + hsLen
  if (p + 2 <= end && p + 2 <= buf.length) {
    const extLen = buf.readUInt16BE(p)
    p += 2
    const stop = Math.min(p + extLen, buf.length)
    while (p + 4 <= stop) {
      const t = buf.readUInt16BE(p)
      const l = buf.readUInt16BE(p + 2)
      if (t === 0xff01) info.renegotiationInfo = true
      // supported_versions: a TLS 1.3 ServerHello says 0x0303 in the legacy field
      if (t === 0x002b && l === 2) info.version = buf.readUInt16BE(p + 4)
      p += 4 + l
    }
  }
  return info
}

const hex = (n: number) => n.toString(16).padStart(4, '0')

export const helloProbe = (
  address: string,
  port: number,
  spec: HelloSpec & { label: string },
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<LegacyProbe> =>
  new Promise((resolve) => {
    const result: LegacyProbe = { offered: spec.label, record: hex(spec.version), accepted: false }
    if (signal?.aborted) return resolve({ ...result, error: 'aborted' })
    let buf = Buffer.alloc(0)
    const socket = connect({ host: address, port })
    const done = (patch: Partial<LegacyProbe>) => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      socket.destroy()
      resolve({ ...result, ...patch })
    }
    const onAbort = () => done({ error: 'aborted' })
    signal?.addEventListener('abort', onAbort)
    const timer = setTimeout(() => done({ error: 'timeout' }), timeoutMs)
    socket.on('connect', () => socket.write(buildClientHello(spec)))
    socket.on('error', (err: NodeJS.ErrnoException) => done({ error: err.code ?? err.message }))
    socket.on('close', () => done({ error: 'closed' }))
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk])
      if (buf.length > 64 * 1024) return done({ error: 'garbage' })
      const parsed = parseServerHello(buf)
      if (parsed === 'incomplete') return
      if (parsed === 'garbage') return done({ error: 'garbage' })
      if (parsed.alert !== undefined) return done({ alert: parsed.alert })
      const offered = spec.suites.includes(parsed.suite ?? -1)
      done({
        accepted: offered,
        ...(parsed.version !== undefined ? { version: hex(parsed.version) } : {}),
        ...(parsed.suite !== undefined ? { suite: hex(parsed.suite) } : {}),
        ...(parsed.renegotiationInfo !== undefined ? { renegotiationInfo: parsed.renegotiationInfo } : {}),
        ...(parsed.compression !== undefined ? { compression: parsed.compression } : {}),
        ...(offered ? {} : { error: 'suite-not-offered' }),
      })
    })
  })

export const legacyHelloSpecs = (servername: string): (HelloSpec & { label: string })[] => [
  { label: 'baseline', version: 0x0303, suites: MODERN, servername, offerCompression: true },
  { label: 'ssl3', version: 0x0300, suites: SSL3_SUITES },
  ...(Object.keys(LEGACY_SUITES) as LegacyGroup[]).map((group) => ({
    label: group,
    version: 0x0303,
    suites: LEGACY_SUITES[group],
    servername,
  })),
]

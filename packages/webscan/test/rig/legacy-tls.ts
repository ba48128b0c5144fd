import { connect, createServer, type Server, type Socket } from 'node:net'

export interface LegacyConfig {
  /** Answer an SSLv3 ClientHello with an SSLv3 ServerHello. */
  ssl3?: boolean
  /** Legacy suites (RC4, 3DES, NULL...) the responder pretends to accept. */
  suites?: number[]
  /**
   * Pick DEFLATE whenever a hello offers it, as a server built with TLS compression does (it can only choose
   * a method the client lists). Hellos without DEFLATE, which is every client but a CRIME probe, go to the
   * real server. The ServerHello is otherwise the real server's: one of its suites, RFC 5746 included.
   */
  compressWhenOffered?: boolean
}

interface Hello {
  version: number
  suites: number[]
  compression: number[]
}

/** What the default fixture server accepts below TLS 1.3 (ECDSA certificate): the suites it could pick. */
const BACKEND_SUITES = [0xc02b, 0xc02c, 0xcca9]

const parseHello = (buf: Buffer): Hello | undefined => {
  if (buf.length < 9 || buf[0] !== 0x16 || buf[5] !== 1) return undefined
  let p = 9
  const version = buf.readUInt16BE(p)
  p += 2 + 32
  p += 1 + (buf[p] ?? 0)
  const suiteLen = buf.readUInt16BE(p)
  p += 2
  const suites: number[] = []
  for (let i = 0; i < suiteLen; i += 2) suites.push(buf.readUInt16BE(p + i))
  p += suiteLen
  const compLen = buf[p] ?? 0
  const compression = [...buf.subarray(p + 1, p + 1 + compLen)]
  return { version, suites, compression }
}

const serverHello = (version: number, suite: number, reneg: boolean, compression: number) => {
  const exts = reneg ? [0xff, 0x01, 0x00, 0x01, 0x00] : []
  const body = [
    version >> 8,
    version & 0xff,
    ...Array.from({ length: 32 }, (_, i) => i),
    0,
    suite >> 8,
    suite & 0xff,
    compression,
    ...(exts.length ? [0, exts.length, ...exts] : []),
  ]
  const hs = [2, 0, body.length >> 8, body.length & 0xff, ...body]
  return Buffer.from([0x16, version >> 8, version & 0xff, hs.length >> 8, hs.length & 0xff, ...hs])
}

/**
 * Answers the hellos OpenSSL 3 can no longer produce with a hand-built ServerHello, and passes every other
 * connection through to a real TLS server, so one host shows both a working site and a legacy weakness.
 */
export const startLegacyResponder = async (
  config: LegacyConfig,
  backend: { address: string; port: number },
  bind: { address: string; port: number },
) => {
  const sockets = new Set<Socket>()
  const server: Server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => socket.destroy())
    socket.once('data', (first: Buffer) => {
      const hello = parseHello(first)
      if (hello) {
        if (config.ssl3 && hello.version === 0x0300) {
          return socket.end(serverHello(0x0300, hello.suites[0] ?? 0x002f, false, 0))
        }
        const legacy = hello.suites.find((s) => config.suites?.includes(s))
        if (legacy !== undefined) return socket.end(serverHello(0x0303, legacy, true, 0))
        const suite = hello.suites.find((s) => BACKEND_SUITES.includes(s))
        if (config.compressWhenOffered && hello.compression.includes(1) && suite !== undefined) {
          return socket.end(serverHello(0x0303, suite, true, 1))
        }
      }
      const upstream = connect({ host: backend.address, port: backend.port })
      sockets.add(upstream)
      upstream.on('close', () => sockets.delete(upstream))
      upstream.on('error', () => socket.destroy())
      upstream.write(first)
      socket.pipe(upstream).pipe(socket)
    })
  })
  await new Promise<void>((resolve) => server.listen(bind.port, bind.address, resolve))
  const address = server.address()
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}

import {
  createCipheriv,
  createDecipheriv,
  createECDH,
  createHash,
  createHmac,
  createPrivateKey,
  type KeyObject,
  randomBytes,
  sign,
  X509Certificate,
} from 'node:crypto'
import type { Server as HttpServer } from 'node:http'
import { createServer, type Server, type Socket } from 'node:net'
import { Duplex } from 'node:stream'

/**
 * A real TLS 1.2 server written from RFC 5246 / 5288 / 8422, for the one thing OpenSSL 3 will not serve: a
 * server that predates RFC 5746. It never sends `renegotiation_info` (and ignores the SCSV), whatever the
 * client offers, and it accepts a client-initiated renegotiation, as unpatched servers did. Any client sees
 * the same thing: our probe, testssl.sh, `openssl s_client -legacy_server_connect` ("Secure Renegotiation IS
 * NOT supported") and Node (which refuses it with "unsafe legacy renegotiation disabled" unless told
 * otherwise). The handshake completes and HTTP is served over it, so the site is otherwise an ordinary one.
 *
 * One suite (ECDHE-ECDSA-AES128-GCM-SHA256, 0xc02b) over P-256, an ECDSA certificate, no session resumption,
 * no extensions but ec_point_formats. Small on purpose: it is a fixture, not a TLS library.
 */

const SUITE = 0xc02b
const P256 = 0x0017
const ECDSA_SHA256 = 0x0403
const V12 = 0x0303
const MAX_FRAGMENT = 16_384

const ALERT = {
  closeNotify: 0,
  unexpectedMessage: 10,
  badRecordMac: 20,
  handshakeFailure: 40,
  decryptError: 51,
}
const PROTOCOL_VERSION = 70

const u8 = (n: number) => Buffer.from([n & 0xff])
const u16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff])
const u24 = (n: number) => Buffer.from([(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff])

/** TLS 1.2 PRF with SHA-256 (RFC 5246 §5). */
export const prf = (secret: Buffer, label: string, seed: Buffer, length: number): Buffer => {
  const labelSeed = Buffer.concat([Buffer.from(label, 'ascii'), seed])
  const out: Buffer[] = []
  let a = labelSeed
  let size = 0
  while (size < length) {
    a = createHmac('sha256', secret).update(a).digest()
    const block = createHmac('sha256', secret)
      .update(Buffer.concat([a, labelSeed]))
      .digest()
    out.push(block)
    size += block.length
  }
  return Buffer.concat(out).subarray(0, length)
}

interface Direction {
  key: Buffer
  salt: Buffer
  seq: bigint
}

interface ClientHello {
  version: number
  random: Buffer
  suites: number[]
  groups: number[]
  versions?: number[]
}

const parseClientHello = (body: Buffer): ClientHello | undefined => {
  try {
    let p = 0
    const version = body.readUInt16BE(p)
    p += 2
    const random = body.subarray(p, p + 32)
    p += 32
    p += 1 + (body[p] ?? 0)
    const suiteLen = body.readUInt16BE(p)
    p += 2
    const suites: number[] = []
    for (let i = 0; i < suiteLen; i += 2) suites.push(body.readUInt16BE(p + i))
    p += suiteLen
    p += 1 + (body[p] ?? 0)
    const hello: ClientHello = { version, random, suites, groups: [] }
    if (p + 2 > body.length) return hello
    const end = p + 2 + body.readUInt16BE(p)
    p += 2
    while (p + 4 <= end) {
      const type = body.readUInt16BE(p)
      const len = body.readUInt16BE(p + 2)
      const data = body.subarray(p + 4, p + 4 + len)
      if (type === 0x000a)
        for (let i = 2; i + 1 < data.length; i += 2) hello.groups.push(data.readUInt16BE(i))
      if (type === 0x002b) {
        hello.versions = []
        for (let i = 1; i + 1 < data.length; i += 2) hello.versions.push(data.readUInt16BE(i))
      }
      p += 4 + len
    }
    return hello
  } catch {
    return undefined
  }
}

const derChain = (pemChain: string) =>
  pemChain
    .split(/(?=-----BEGIN CERTIFICATE-----)/)
    .filter((p) => p.includes('BEGIN CERTIFICATE'))
    .map((p) => new X509Certificate(p).raw)

/** One connection: the record layer, the handshake (initial and renegotiated) and the plaintext stream. */
const serveConnection = (socket: Socket, key: KeyObject, chain: Buffer[], http: HttpServer) => {
  let inbox: Buffer = Buffer.alloc(0)
  let handshakeBuffer: Buffer = Buffer.alloc(0)
  let read: Direction | undefined
  let write: Direction | undefined
  let pendingRead: Direction | undefined
  let pendingWrite: Direction | undefined
  let transcript: Buffer[] = []
  let clientRandom: Buffer = Buffer.alloc(0)
  let serverRandom: Buffer = Buffer.alloc(0)
  let master: Buffer = Buffer.alloc(0)
  let ecdh: ReturnType<typeof createECDH> | undefined
  let state: 'hello' | 'key-exchange' | 'change-cipher' | 'finished' | 'open' = 'hello'
  let app: Duplex | undefined
  let closed = false

  const nonce = (d: Direction, explicit: Buffer) => Buffer.concat([d.salt, explicit])
  const aad = (seq: bigint, type: number, length: number) => {
    const s = Buffer.alloc(8)
    s.writeBigUInt64BE(seq)
    return Buffer.concat([s, u8(type), u16(V12), u16(length)])
  }

  const sendRecord = (type: number, payload: Buffer) => {
    if (closed) return
    for (let offset = 0; offset < payload.length || offset === 0; offset += MAX_FRAGMENT) {
      const plain = payload.subarray(offset, offset + MAX_FRAGMENT)
      let fragment = plain
      if (write) {
        const explicit = Buffer.alloc(8)
        explicit.writeBigUInt64BE(write.seq)
        const cipher = createCipheriv('aes-128-gcm', write.key, nonce(write, explicit))
        cipher.setAAD(aad(write.seq, type, plain.length))
        fragment = Buffer.concat([explicit, cipher.update(plain), cipher.final(), cipher.getAuthTag()])
        write.seq++
      }
      socket.write(Buffer.concat([u8(type), u16(V12), u16(fragment.length), fragment]))
      if (payload.length === 0) break
    }
  }

  const fail = (description: number) => {
    sendRecord(21, Buffer.from([2, description]))
    closed = true
    socket.end()
    app?.destroy()
  }

  const sendHandshake = (type: number, body: Buffer) => {
    const message = Buffer.concat([u8(type), u24(body.length), body])
    transcript.push(message)
    sendRecord(22, message)
  }

  const transcriptHash = () => createHash('sha256').update(Buffer.concat(transcript)).digest()

  const onClientHello = (body: Buffer) => {
    const hello = parseClientHello(body)
    if (!hello) return fail(ALERT.unexpectedMessage)
    const offers12 = hello.versions ? hello.versions.includes(V12) : hello.version >= V12
    if (!offers12) return fail(PROTOCOL_VERSION)
    if (!hello.suites.includes(SUITE) || !hello.groups.includes(P256)) return fail(ALERT.handshakeFailure)
    clientRandom = Buffer.from(hello.random)
    serverRandom = randomBytes(32)
    // No renegotiation_info, no extended_master_secret: only ec_point_formats (uncompressed).
    const extensions = Buffer.concat([u16(0x000b), u16(2), u8(1), u8(0)])
    sendHandshake(
      2,
      Buffer.concat([u16(V12), serverRandom, u8(0), u16(SUITE), u8(0), u16(extensions.length), extensions]),
    )
    const certs = Buffer.concat(chain.map((der) => Buffer.concat([u24(der.length), der])))
    sendHandshake(11, Buffer.concat([u24(certs.length), certs]))
    ecdh = createECDH('prime256v1')
    const point = ecdh.generateKeys()
    const params = Buffer.concat([u8(3), u16(P256), u8(point.length), point])
    const signature = sign('sha256', Buffer.concat([clientRandom, serverRandom, params]), key)
    sendHandshake(12, Buffer.concat([params, u16(ECDSA_SHA256), u16(signature.length), signature]))
    sendHandshake(14, Buffer.alloc(0))
    state = 'key-exchange'
  }

  const onClientKeyExchange = (body: Buffer) => {
    const length = body[0] ?? 0
    let premaster: Buffer
    try {
      premaster = (ecdh as NonNullable<typeof ecdh>).computeSecret(body.subarray(1, 1 + length))
    } catch {
      return fail(ALERT.handshakeFailure)
    }
    master = prf(premaster, 'master secret', Buffer.concat([clientRandom, serverRandom]), 48)
    const block = prf(master, 'key expansion', Buffer.concat([serverRandom, clientRandom]), 40)
    pendingRead = { key: block.subarray(0, 16), salt: block.subarray(32, 36), seq: 0n }
    pendingWrite = { key: block.subarray(16, 32), salt: block.subarray(36, 40), seq: 0n }
    state = 'change-cipher'
  }

  const onFinished = (body: Buffer, hashBefore: Buffer) => {
    const expected = prf(master, 'client finished', hashBefore, 12)
    if (!body.equals(expected)) return fail(ALERT.decryptError)
    const verify = prf(master, 'server finished', transcriptHash(), 12)
    sendRecord(20, Buffer.from([1]))
    write = pendingWrite
    sendHandshake(20, verify)
    transcript = []
    state = 'open'
    if (!app) openApplication()
  }

  const onHandshake = (fragment: Buffer) => {
    handshakeBuffer = Buffer.concat([handshakeBuffer, fragment])
    while (handshakeBuffer.length >= 4) {
      const type = handshakeBuffer[0] as number
      const length = handshakeBuffer.readUIntBE(1, 3)
      if (handshakeBuffer.length < 4 + length) return
      const message = handshakeBuffer.subarray(0, 4 + length)
      const body = message.subarray(4)
      handshakeBuffer = handshakeBuffer.subarray(4 + length)
      if (type === 1 && (state === 'hello' || state === 'open')) {
        // In the open state this is a client-initiated renegotiation: accepted without RFC 5746, which is
        // exactly the weakness (a fresh handshake under the old keys, nothing binding the two).
        transcript = [message]
        onClientHello(body)
      } else if (type === 16 && state === 'key-exchange') {
        transcript.push(message)
        onClientKeyExchange(body)
      } else if (type === 20 && state === 'finished') {
        const before = transcriptHash()
        transcript.push(message)
        onFinished(body, before)
      } else return fail(ALERT.unexpectedMessage)
    }
  }

  const openApplication = () => {
    app = new Duplex({
      read() {},
      write(chunk: Buffer, _encoding, callback) {
        sendRecord(23, chunk)
        callback()
      },
      final(callback) {
        sendRecord(21, Buffer.from([1, ALERT.closeNotify]))
        socket.end()
        callback()
      },
      destroy(error, callback) {
        socket.destroy()
        callback(error)
      },
    })
    Object.assign(app, { remoteAddress: socket.remoteAddress, remotePort: socket.remotePort })
    http.emit('connection', app)
  }

  const onRecord = (type: number, fragment: Buffer) => {
    let plain = fragment
    if (read) {
      if (fragment.length < 24) return fail(ALERT.badRecordMac)
      const explicit = fragment.subarray(0, 8)
      const tag = fragment.subarray(fragment.length - 16)
      const body = fragment.subarray(8, fragment.length - 16)
      try {
        const decipher = createDecipheriv('aes-128-gcm', read.key, nonce(read, explicit))
        decipher.setAAD(aad(read.seq, type, body.length))
        decipher.setAuthTag(tag)
        plain = Buffer.concat([decipher.update(body), decipher.final()])
      } catch {
        return fail(ALERT.badRecordMac)
      }
      read.seq++
    }
    if (type === 22) return onHandshake(plain)
    if (type === 20) {
      if (state !== 'change-cipher') return fail(ALERT.unexpectedMessage)
      read = pendingRead
      state = 'finished'
      return
    }
    if (type === 23) {
      if (state !== 'open' || !app) return fail(ALERT.unexpectedMessage)
      app.push(plain)
      return
    }
    if (type === 21) {
      closed = true
      app?.push(null)
      socket.end()
      return
    }
    fail(ALERT.unexpectedMessage)
  }

  socket.on('data', (chunk: Buffer) => {
    inbox = Buffer.concat([inbox, chunk])
    while (!closed && inbox.length >= 5) {
      const type = inbox[0] as number
      const length = inbox.readUInt16BE(3)
      if (length > MAX_FRAGMENT + 2048) return fail(ALERT.unexpectedMessage)
      if (inbox.length < 5 + length) return
      const fragment = inbox.subarray(5, 5 + length)
      inbox = inbox.subarray(5 + length)
      onRecord(type, fragment)
    }
  })
  socket.on('error', () => socket.destroy())
  socket.on('close', () => {
    closed = true
    app?.destroy()
  })
}

/** Serves `http` (never listening itself) over TLS 1.2 without RFC 5746 on `address:port`. */
export const startTls12Server = async (
  options: { key: string; cert: string; address: string; port: number },
  http: HttpServer,
) => {
  const key = createPrivateKey(options.key)
  const chain = derChain(options.cert)
  const sockets = new Set<Socket>()
  const server: Server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    serveConnection(socket, key, chain, http)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.address, resolve)
  })
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

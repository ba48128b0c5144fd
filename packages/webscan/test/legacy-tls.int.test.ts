import { spawn } from 'node:child_process'
import { constants } from 'node:crypto'
import { type ConnectionOptions, connect } from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Ports, resolveOptions } from '../src/index.ts'
import { helloProbe, legacyHelloSpecs } from '../src/net/hello-probe.ts'
import { hostOf, type Rig, startRig } from './rig/index.ts'

/**
 * The `noreneg` fixture must be a server without RFC 5746 for every client, not one tailored to our probe:
 * a stock OpenSSL 3 client refuses it, `openssl s_client` reports it, a client allowed to renegotiate can,
 * and our probe sees the missing extension whatever it offers.
 */
let rig: Rig
let port: number
let goodPort: number
const host = hostOf('noreneg')

beforeAll(async () => {
  rig = await startRig({ only: ['noreneg', 'basic'] })
  const portsOf = (h: string) => resolveOptions(rig.scanOptions).portsFor(h) as Ports
  port = portsOf(host).https
  goodPort = portsOf(hostOf('basic')).https
}, 60_000)

afterAll(async () => {
  await rig?.close()
})

const tls = (options: ConnectionOptions) =>
  new Promise<{ ok: boolean; protocol?: string | null; error?: string; socket?: ReturnType<typeof connect> }>(
    (resolve) => {
      const socket = connect({ host: '127.0.0.1', port, servername: host, ca: [rig.pki.root], ...options })
      socket.once('secureConnect', () => resolve({ ok: true, protocol: socket.getProtocol(), socket }))
      socket.once('error', (err) => resolve({ ok: false, error: err.message }))
    },
  )

const get = (socket: ReturnType<typeof connect>, path: string) =>
  new Promise<string>((resolve) => {
    let text = ''
    socket.on('data', (d) => {
      text += d
    })
    socket.on('end', () => resolve(text))
    socket.write(`GET ${path} HTTP/1.1\r\nhost: ${host}\r\nconnection: close\r\n\r\n`)
  })

const sClient = (target: number, extra: string[]) =>
  new Promise<string>((resolve) => {
    const child = spawn('openssl', [
      's_client',
      '-connect',
      `127.0.0.1:${target}`,
      '-servername',
      host,
      '-no_tls1_3',
      ...extra,
    ])
    let out = ''
    child.stdout.on('data', (d) => {
      out += d
    })
    child.stderr.on('data', (d) => {
      out += d
    })
    child.on('close', () => resolve(out))
    child.stdin.end()
  })

describe('a TLS server without RFC 5746 (noreneg)', () => {
  it('is refused by a stock OpenSSL 3 client and served to one that allows legacy servers', async () => {
    const stock = await tls({})
    expect(stock.error).toMatch(/unsafe legacy renegotiation disabled/)
    const legacy = await tls({ secureOptions: constants.SSL_OP_LEGACY_SERVER_CONNECT })
    expect([legacy.ok, legacy.protocol]).toEqual([true, 'TLSv1.2'])
    const page = await get(legacy.socket as ReturnType<typeof connect>, '/')
    expect(page).toMatch(/^HTTP\/1\.1 200 OK/)
    expect(page).toContain('strict-transport-security')
  })

  it('says "Secure Renegotiation IS NOT supported" to openssl s_client, unlike an OpenSSL server', async () => {
    const out = await sClient(port, ['-legacy_server_connect'])
    expect(out).toContain('Secure Renegotiation IS NOT supported')
    expect(out).toContain('Cipher is ECDHE-ECDSA-AES128-GCM-SHA256')
    expect(await sClient(goodPort, [])).toContain('Secure Renegotiation IS supported')
  })

  it('accepts an insecure client-initiated renegotiation and keeps serving', async () => {
    const { socket } = await tls({
      secureOptions:
        constants.SSL_OP_LEGACY_SERVER_CONNECT | constants.SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION,
    })
    const s = socket as ReturnType<typeof connect>
    const error = await new Promise<Error | null>((resolve) => s.renegotiate({}, resolve))
    expect(error).toBeNull()
    expect(await get(s, '/after')).toMatch(/^HTTP\/1\.1 200 OK/)
  })

  it('lacks the extension whether or not the hello offers DEFLATE', async () => {
    const [base] = legacyHelloSpecs(host)
    for (const offerCompression of [true, false]) {
      const probe = await helloProbe(
        '127.0.0.1',
        port,
        { ...(base as NonNullable<typeof base>), offerCompression },
        5000,
      )
      expect([probe.version, probe.renegotiationInfo, probe.compression]).toEqual(['0303', false, 0])
    }
  })
})

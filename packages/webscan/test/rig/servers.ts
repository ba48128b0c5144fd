import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { CLOSED_PORT, DEFAULT_TLS, GOOD_BODY, GOOD_HEADERS, type SiteSpec } from './fixtures.ts'
import type { Issued } from './pki.ts'
import { startTls12Server } from './tls12-server.ts'

type AnyServer = Server | NetServer | SMTPServer

export interface Running {
  port: number
  close: () => Promise<void>
}

const DAY = 86_400_000

/** Listens on an ephemeral port (or the given one) and tracks sockets so close() never waits on a client. */
export const listen = async (server: Server | NetServer, host = '127.0.0.1', port = 0): Promise<Running> => {
  const sockets = new Set<Socket>()
  server.on('connection', (s: Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
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

const securityTxt = (mode: SiteSpec['securityTxt'], path: string) => {
  const expires = new Date(Date.now() + (mode === 'expired' ? -10 : 180) * DAY).toISOString()
  const body = `Contact: mailto:security@gov.test\nExpires: ${expires}\nPreferred-Languages: az, en, ru\n`
  if (mode === 'none') return undefined
  if (mode === 'legacy') return path === '/security.txt' ? body : undefined
  return path === '/.well-known/security.txt' ? body : undefined
}

const mtaStsPolicy = (spec: SiteSpec, host: string) => {
  if (spec.mail === 'plain') return undefined
  const mode = spec.mail === 'self-signed' ? 'testing' : 'enforce'
  return `version: STSv1\nmode: ${mode}\nmx: mx.${host}\nmax_age: 604800\n`
}

const headersFor = (spec: SiteSpec) => {
  const headers = { ...(spec.headers ?? GOOD_HEADERS), ...spec.extraHeaders }
  return Object.fromEntries(Object.entries(headers).filter(([, v]) => !(Array.isArray(v) && v.length === 0)))
}

/** What a fixture saw of a request: enough to prove what the scanner sends (its user agent, its paths). */
export interface SeenRequest {
  site: string
  scheme: 'http' | 'https'
  method: string
  path: string
  host: string
  userAgent?: string
}

export type RequestLog = (seen: SeenRequest) => void

const record = (log: RequestLog | undefined, site: string, scheme: 'http' | 'https', req: IncomingMessage) =>
  log?.({
    site,
    scheme,
    method: req.method ?? '',
    path: req.url ?? '',
    host: req.headers.host ?? '',
    ...(req.headers['user-agent'] !== undefined ? { userAgent: req.headers['user-agent'] } : {}),
  })

/** The HTTPS behaviour of one fixture site; every misconfiguration is a property of its spec. */
export const siteHandler = (spec: SiteSpec, host: string, log?: RequestLog) => {
  let hops = 0
  return (req: IncomingMessage, res: ServerResponse) => {
    record(log, host, 'https', req)
    const path = (req.url ?? '/').split('?')[0] as string
    const name = (req.headers.host ?? '').split(':')[0] ?? ''
    if (spec.hostile === 'redirect-forever') {
      res.writeHead(302, { location: `/r${++hops}` })
      return res.end()
    }
    if (spec.hostile === 'huge-header') {
      res.writeHead(200, { 'x-filler': 'a'.repeat(200_000) })
      return res.end('x')
    }
    if (spec.hostile === 'endless-body') {
      res.writeHead(200, { 'content-type': 'text/html' })
      const chunk = Buffer.alloc(64 * 1024, 'a')
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) {}
        if (!res.destroyed) res.once('drain', pump)
      }
      return pump()
    }
    if (name.startsWith('mta-sts.') && path === '/.well-known/mta-sts.txt') {
      const policy = mtaStsPolicy(spec, host)
      res.writeHead(policy ? 200 : 404, { 'content-type': 'text/plain' })
      return res.end(policy ?? 'not found')
    }
    if (path.endsWith('security.txt')) {
      const txt = securityTxt(spec.securityTxt ?? 'good', path)
      res.writeHead(txt ? 200 : 404, { 'content-type': 'text/plain; charset=utf-8' })
      return res.end(txt ?? 'not found')
    }
    if (path === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' })
      return res.end('User-agent: *\nAllow: /\n')
    }
    if (spec.label === 'downgrade') {
      res.writeHead(301, { location: `http://${host}/plain` })
      return res.end()
    }
    const headers: Record<string, string | string[]> = headersFor(spec)
    const origin = req.headers.origin
    if (spec.reflectCors && origin) {
      headers['access-control-allow-origin'] = origin
      headers['access-control-allow-credentials'] = 'true'
    }
    res.writeHead(200, headers)
    res.end(spec.body ?? GOOD_BODY)
  }
}

const plainHandler =
  (spec: SiteSpec, host: string, log?: RequestLog) => (req: IncomingMessage, res: ServerResponse) => {
    record(log, host, 'http', req)
    const http = spec.http ?? 'redirect'
    const name = (req.headers.host ?? host).split(':')[0]
    if (http === 'serve') {
      res.writeHead(200, { 'content-type': 'text/html', 'set-cookie': 'plain=1' })
      return res.end('<html><body>plain</body></html>')
    }
    const location =
      typeof http === 'object' && name === host ? http.location : `https://${name}${req.url ?? '/'}`
    res.writeHead(301, { location })
    res.end()
  }

/** A TCP server that misbehaves below HTTP: silence, random bytes or a reset. */
const hostileTcp = (mode: 'slow' | 'garbage' | 'reset'): NetServer =>
  createNetServer((socket) => {
    socket.on('error', () => {})
    if (mode === 'garbage') socket.end(Buffer.from('\x15\x03\x03garbage garbage garbage\r\n\r\n'.repeat(20)))
    if (mode === 'reset') socket.resetAndDestroy()
  })

/** Where a fixture listens: ephemeral ports on 127.0.0.1 for tests, or its own address on 443/80/25 for the bench. */
export interface Bind {
  address: string
  https: number
  http: number
  smtp: number
}

export const EPHEMERAL: Bind = { address: '127.0.0.1', https: 0, http: 0, smtp: 0 }

export const startSite = async (
  spec: SiteSpec,
  host: string,
  {
    cert,
    bind = EPHEMERAL,
    wwwCert,
    log,
  }: { cert?: Issued; bind?: Bind; wwwCert?: Issued; log?: RequestLog },
) => {
  const closers: Running[] = []
  let https = 0
  let http = 0
  const hostile = spec.hostile
  if (hostile === 'slow' || hostile === 'garbage' || hostile === 'reset') {
    const a = await listen(hostileTcp(hostile), bind.address, bind.https)
    const b = await listen(hostileTcp(hostile), bind.address, bind.http)
    return { https: a.port, http: b.port, close: () => Promise.all([a.close(), b.close()]).then(() => {}) }
  }
  if (spec.https !== false && cert && spec.rfc5746 === false) {
    // A server from before RFC 5746: our own TLS 1.2 implementation, since OpenSSL 3 cannot be one.
    const running = await startTls12Server(
      { key: cert.key, cert: cert.chain, address: bind.address, port: bind.https },
      createHttpServer(siteHandler(spec, host, log)),
    )
    closers.push(running)
    https = running.port
  } else if (spec.https !== false && cert) {
    const server = createHttpsServer(
      { key: cert.key, cert: cert.chain, ...DEFAULT_TLS, ...spec.tls },
      siteHandler(spec, host, log),
    )
    server.on('tlsClientError', () => {})
    if (wwwCert) server.addContext(`www.${host}`, { key: wwwCert.key, cert: wwwCert.chain, ...DEFAULT_TLS })
    // Behind a legacy responder the real server is only its backend, on any free port.
    const running = await listen(server, bind.address, spec.legacy ? 0 : bind.https)
    closers.push(running)
    https = running.port
  }
  const plain = await listen(
    createHttpServer({ maxHeaderSize: 16384 }, plainHandler(spec, host, log)),
    bind.address,
    bind.http,
  )
  closers.push(plain)
  http = plain.port
  if (!https) https = CLOSED_PORT
  return { https, http, close: () => Promise.all(closers.map((c) => c.close())).then(() => {}) }
}

export const startSmtp = async (
  mode: 'good' | 'plain' | 'self-signed' | 'old-tls',
  cert: Issued,
  bind: Bind = EPHEMERAL,
): Promise<Running> => {
  const server = new SMTPServer({
    secure: false,
    key: cert.key,
    cert: cert.chain,
    hideSTARTTLS: mode === 'plain',
    // An MX still on TLS 1.0/1.1 (security level 0 lets OpenSSL 3 speak them).
    ...(mode === 'old-tls'
      ? { minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT:@SECLEVEL=0' }
      : {}),
    authOptional: true,
    disabledCommands: ['AUTH'],
    logger: false,
    onData: (stream, _session, callback) => {
      stream.resume()
      stream.on('end', () => callback())
    },
  })
  const running = await new Promise<number>((resolve, reject) => {
    server.once('error', reject)
    server.listen(bind.smtp, bind.address, () => {
      const address = server.server.address()
      resolve(typeof address === 'object' && address ? address.port : 0)
    })
  })
  return { port: running, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

export type { AnyServer }

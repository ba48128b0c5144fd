import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { TLSSocket } from 'node:tls'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'
import type { HttpChain, HttpHop } from '../types.ts'
import type { NetContext } from './context.ts'

export interface FetchOptions {
  method?: string
  headers?: Record<string, string>
  readBody?: boolean
}

interface Response {
  hop: HttpHop
  body?: string
  truncated?: boolean
}

const errorCode = (err: unknown): string => {
  const e = err as { code?: string; message?: string }
  return e.code ?? e.message ?? 'error'
}

const decoderFor = (encoding: string | undefined) => {
  if (encoding === 'gzip' || encoding === 'x-gzip') return createGunzip()
  if (encoding === 'deflate') return createInflate()
  if (encoding === 'br') return createBrotliDecompress()
  return undefined
}

/** Reads at most `cap` bytes of the (decoded) body, then stops the transfer: a gigabyte body costs only `cap`. */
const readCapped = (res: IncomingMessage, cap: number): Promise<{ body: string; truncated: boolean }> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let done = false
    const decoder = decoderFor(res.headers['content-encoding']?.toLowerCase())
    const source = decoder ? res.pipe(decoder) : res
    const finish = (truncated: boolean) => {
      if (done) return
      done = true
      if (truncated) {
        res.destroy()
        decoder?.destroy()
      }
      resolve({ body: Buffer.concat(chunks).toString('utf8'), truncated })
    }
    source.on('data', (chunk: Buffer) => {
      const room = cap - size
      chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk)
      size += Math.min(chunk.length, room)
      if (size >= cap) finish(true)
    })
    source.on('end', () => finish(false))
    source.on('error', () => finish(true))
    res.on('error', () => finish(true))
    res.on('aborted', () => finish(true))
  })

/** One request, no redirects, no keep-alive; the address is resolved by our own resolver and pinned. */
export const fetchOnce = async (
  ctx: NetContext,
  url: string,
  options: FetchOptions = {},
): Promise<Response> => {
  const started = Date.now()
  const target = new URL(url)
  const https = target.protocol === 'https:'
  const host = target.hostname.replace(/^\[|\]$/g, '')
  const ports = ctx.opts.portsFor(host)
  const port = target.port ? Number(target.port) : https ? ports.https : ports.http
  const hop: HttpHop = { url, headers: [], ms: 0 }
  if (ctx.signal.aborted) return { hop: { ...hop, error: 'aborted' } }
  const addresses = await ctx.addresses(host)
  const address = addresses[0]
  if (!address) return { hop: { ...hop, error: 'unresolvable', ms: Date.now() - started } }

  return ctx.polite(
    address,
    () =>
      new Promise<Response>((resolve) => {
        // Queued behind the politeness limit, the scan may have been aborted meanwhile.
        if (ctx.signal.aborted)
          return resolve({ hop: { ...hop, error: 'aborted', ms: Date.now() - started } })
        let settled = false
        const settle = (r: Response) => {
          if (settled) return
          settled = true
          clearTimeout(timer)
          ctx.signal.removeEventListener('abort', onAbort)
          r.hop.ms = Date.now() - started
          resolve(r)
        }
        const headers = {
          host: target.port ? `${target.hostname}:${target.port}` : target.hostname,
          'user-agent': ctx.opts.userAgent,
          accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
          'accept-encoding': 'gzip, deflate, br',
          ...options.headers,
        }
        const req = (https ? httpsRequest : httpRequest)({
          host: address,
          port,
          method: options.method ?? 'GET',
          path: `${target.pathname}${target.search}`,
          headers,
          agent: false,
          maxHeaderSize: ctx.opts.maxHeaderBytes,
          ...(https ? { servername: host, rejectUnauthorized: false, secureContext: ctx.trust.web } : {}),
        })
        const fail = (error: string) => {
          req.destroy()
          settle({ hop: { ...hop, error } })
        }
        const timer = setTimeout(() => fail('timeout'), ctx.opts.requestTimeoutMs)
        const onAbort = () => fail('aborted')
        ctx.signal.addEventListener('abort', onAbort)
        req.on('error', (err) => fail(errorCode(err)))
        req.on('response', async (res) => {
          const raw = res.rawHeaders
          for (let i = 0; i + 1 < raw.length; i += 2)
            hop.headers.push([String(raw[i]).toLowerCase(), String(raw[i + 1])])
          hop.status = res.statusCode
          const location = res.headers.location
          if (location) hop.location = location
          if (https) {
            const socket = res.socket as TLSSocket
            hop.tls = {
              authorized: socket.authorized,
              protocol: socket.getProtocol?.() ?? undefined,
              ...(socket.authorizationError ? { error: String(socket.authorizationError) } : {}),
            }
          }
          const redirect = hop.status !== undefined && hop.status >= 300 && hop.status < 400 && location
          if (!options.readBody || redirect) {
            res.destroy()
            return settle({ hop })
          }
          const { body, truncated } = await readCapped(res, ctx.opts.maxBodyBytes)
          settle({ hop, body, truncated })
        })
        req.end()
      }),
  )
}

/** Follows redirects by hand so that every hop (status, Location, raw headers, TLS state) is evidence. */
export const fetchChain = async (
  ctx: NetContext,
  start: string,
  options: FetchOptions = {},
): Promise<HttpChain> => {
  const chain: HttpChain = { start, hops: [] }
  let url = start
  const seen = new Set<string>()
  for (let i = 0; i <= ctx.opts.maxRedirects; i++) {
    const { hop, body, truncated } = await fetchOnce(ctx, url, options)
    chain.hops.push(hop)
    if (hop.error) {
      chain.error = hop.error
      return chain
    }
    const status = hop.status ?? 0
    if (status >= 300 && status < 400 && hop.location) {
      let next: string
      try {
        next = new URL(hop.location, url).href
      } catch {
        chain.error = 'bad-location'
        return chain
      }
      if (!/^https?:$/.test(new URL(next).protocol)) {
        chain.error = 'bad-location'
        return chain
      }
      if (seen.has(next)) {
        chain.error = 'redirect-loop'
        return chain
      }
      seen.add(url)
      url = next
      continue
    }
    chain.final = hop
    if (body !== undefined) chain.body = body
    if (truncated) chain.bodyTruncated = true
    return chain
  }
  chain.error = 'too-many-redirects'
  return chain
}

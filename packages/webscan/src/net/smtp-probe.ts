import { connect as netConnect, type Socket } from 'node:net'
import { type SecureContext, connect as tlsConnect } from 'node:tls'
import type { SmtpProbe } from '../types.ts'

/** Reads one complete (possibly multi-line) SMTP reply; replies beyond 64 KiB count as garbage. */
const readReply = (socket: Socket): Promise<{ code: number; lines: string[] }> =>
  new Promise((resolve, reject) => {
    let buf = ''
    const onData = (chunk: Buffer) => {
      buf += chunk.toString('latin1')
      if (buf.length > 65536) return finish(new Error('garbage'))
      const lines = buf.split('\r\n')
      const complete = lines.slice(0, -1)
      const last = complete[complete.length - 1]
      if (last && /^\d{3} /.test(last)) finish(undefined, { code: Number(last.slice(0, 3)), lines: complete })
      else if (last && !/^\d{3}[- ]/.test(last)) finish(new Error('garbage'))
    }
    const onEnd = () => finish(new Error('closed'))
    const finish = (err?: Error, value?: { code: number; lines: string[] }) => {
      socket.off('data', onData)
      socket.off('end', onEnd)
      socket.off('error', onEnd)
      if (err) reject(err)
      else if (value) resolve(value)
    }
    socket.on('data', onData)
    socket.on('end', onEnd)
    socket.on('error', onEnd)
  })

export const smtpProbe = (
  mx: string,
  address: string,
  port: number,
  opts: { ehloName: string; secureContext: SecureContext; timeoutMs: number; signal?: AbortSignal },
): Promise<SmtpProbe> => {
  const result: SmtpProbe = { mx, port, starttls: false }
  if (opts.signal?.aborted) return Promise.resolve({ ...result, error: 'aborted' })
  const socket = netConnect({ host: address, port })
  const timer = setTimeout(() => socket.destroy(new Error('timeout')), opts.timeoutMs)
  const onAbort = () => socket.destroy(new Error('aborted'))
  opts.signal?.addEventListener('abort', onAbort)
  const run = async (): Promise<SmtpProbe> => {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve)
      socket.once('error', reject)
    })
    const banner = await readReply(socket)
    result.banner = banner.lines.join(' ').slice(0, 200)
    if (banner.code !== 220) return { ...result, error: `banner-${banner.code}` }
    socket.write(`EHLO ${opts.ehloName}\r\n`)
    const ehlo = await readReply(socket)
    result.starttls = ehlo.lines.some((l) => /^250[- ]STARTTLS\b/i.test(l))
    if (!result.starttls) return result
    socket.write('STARTTLS\r\n')
    const go = await readReply(socket)
    if (go.code !== 220) return { ...result, starttls: false, error: `starttls-${go.code}` }
    const secure = tlsConnect({
      socket,
      servername: mx,
      secureContext: opts.secureContext,
      rejectUnauthorized: false,
    })
    await new Promise<void>((resolve, reject) => {
      secure.once('secureConnect', resolve)
      secure.once('error', reject)
    })
    result.protocol = secure.getProtocol() ?? undefined
    result.authorized = secure.authorized
    if (secure.authorizationError) result.authError = String(secure.authorizationError)
    secure.destroy()
    return result
  }
  return run()
    .catch((err: NodeJS.ErrnoException) => ({ ...result, error: err.code ?? err.message }))
    .finally(() => {
      clearTimeout(timer)
      opts.signal?.removeEventListener('abort', onAbort)
      socket.destroy()
    })
}

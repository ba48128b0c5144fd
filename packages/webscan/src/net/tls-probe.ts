import 'reflect-metadata'
import { X509Certificate } from 'node:crypto'
import {
  type ConnectionOptions,
  checkServerIdentity,
  connect,
  type DetailedPeerCertificate,
  type TLSSocket,
} from 'node:tls'
import * as x509 from '@peculiar/x509'
import type { CertInfo, HandshakeResult } from '../types.ts'
import { LEGACY_SERVER_CONNECT } from './context.ts'

export interface Handshake extends HandshakeResult {
  authorized?: boolean
  authError?: string
  peer?: DetailedPeerCertificate
  stapledOcsp?: boolean
}

/** One TLS handshake and nothing else; identity is judged separately so that trust and hostname stay apart. */
export const handshake = (
  address: string,
  port: number,
  servername: string,
  options: ConnectionOptions,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<Handshake> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve({ ok: false, error: 'aborted' })
    let socket: TLSSocket
    const done = (r: Handshake) => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      socket?.destroy()
      resolve(r)
    }
    const onAbort = () => done({ ok: false, error: 'aborted' })
    signal?.addEventListener('abort', onAbort)
    const timer = setTimeout(() => done({ ok: false, error: 'timeout' }), timeoutMs)
    let stapled = false
    try {
      socket = connect({
        host: address,
        port,
        servername,
        rejectUnauthorized: false,
        checkServerIdentity: () => undefined,
        // Used only when no secureContext is given (the protocol and cipher sweeps).
        secureOptions: LEGACY_SERVER_CONNECT,
        ...options,
      })
    } catch (err) {
      return done({ ok: false, error: (err as NodeJS.ErrnoException).code ?? (err as Error).message })
    }
    socket.on('OCSPResponse', (res: Buffer | null) => {
      stapled = Boolean(res?.length)
    })
    socket.on('secureConnect', () => {
      const cipher = socket.getCipher()
      const kx = socket.getEphemeralKeyInfo()
      done({
        ok: true,
        protocol: socket.getProtocol() ?? undefined,
        cipher: cipher.standardName ?? cipher.name,
        kx: kx && typeof kx === 'object' ? (kx as HandshakeResult['kx']) : {},
        authorized: socket.authorized,
        ...(socket.authorizationError ? { authError: String(socket.authorizationError) } : {}),
        peer: socket.getPeerCertificate(true),
        stapledOcsp: stapled,
      })
    })
    socket.on('error', (err: NodeJS.ErrnoException) => done({ ok: false, error: err.code ?? err.message }))
    socket.on('close', () => done({ ok: false, error: 'closed' }))
  })

const toPem = (der: Buffer) =>
  `-----BEGIN CERTIFICATE-----\n${der
    .toString('base64')
    .match(/.{1,64}/g)
    ?.join('\n')}\n-----END CERTIFICATE-----\n`

/** Algorithms the x509 library leaves as bare OIDs because WebCrypto cannot use them; exactly the weak ones. */
const LEGACY_SIGNATURES: Record<string, string> = {
  '1.2.840.10045.4.3.1': 'SHA-224-ECDSA',
  '1.2.840.113549.1.1.14': 'SHA-224-RSASSA-PKCS1-v1_5',
  '1.2.840.113549.1.1.4': 'MD5-RSASSA-PKCS1-v1_5',
  '1.2.840.113549.1.1.2': 'MD2-RSASSA-PKCS1-v1_5',
  '1.2.840.10040.4.3': 'SHA-1-DSA',
}

const signatureName = (der: Buffer): string => {
  try {
    const alg = new x509.X509Certificate(der).signatureAlgorithm as {
      name?: string
      hash?: { name?: string }
    }
    if (alg.name && LEGACY_SIGNATURES[alg.name]) return LEGACY_SIGNATURES[alg.name] as string
    return [alg.hash?.name, alg.name].filter(Boolean).join('-') || 'unknown'
  } catch {
    return 'unknown'
  }
}

export const describeCert = (der: Buffer): CertInfo => {
  const cert = new X509Certificate(der)
  const key = cert.publicKey
  const details = key.asymmetricKeyDetails ?? {}
  const san = (cert.subjectAltName ?? '')
    .split(/,\s*/)
    .filter((s) => s.startsWith('DNS:') || s.startsWith('IP Address:'))
    .map((s) => s.replace(/^DNS:|^IP Address:/, ''))
  return {
    subject: cert.subject.replace(/\n/g, ', '),
    issuer: cert.issuer.replace(/\n/g, ', '),
    san,
    validFrom: new Date(cert.validFrom).toISOString(),
    validTo: new Date(cert.validTo).toISOString(),
    keyType: key.asymmetricKeyType ?? 'unknown',
    ...(details.modulusLength ? { keyBits: details.modulusLength } : {}),
    ...(details.namedCurve ? { curve: details.namedCurve } : {}),
    signatureAlgorithm: signatureName(der),
    fingerprint256: cert.fingerprint256,
    selfIssued: cert.subject === cert.issuer && cert.checkIssued(cert),
    pem: toPem(der),
  }
}

/** The chain as the server sent it, leaf first; Node links the root to itself, hence the fingerprint guard. */
export const peerChain = (peer?: DetailedPeerCertificate): CertInfo[] => {
  const out: CertInfo[] = []
  const seen = new Set<string>()
  let current: DetailedPeerCertificate | undefined = peer
  while (current?.raw && !seen.has(current.fingerprint256) && out.length < 10) {
    seen.add(current.fingerprint256)
    out.push(describeCert(current.raw))
    current = current.issuerCertificate
  }
  return out
}

export const hostnameMatches = (host: string, peer?: DetailedPeerCertificate): boolean =>
  Boolean(peer?.raw) && checkServerIdentity(host, peer as DetailedPeerCertificate) === undefined

/**
 * Whether the chain leads to one of `roots` by signatures alone, ignoring validity dates:
 * OpenSSL reports only its first error, so an expired certificate would otherwise hide a good chain.
 */
export const chainsToRoot = (chain: CertInfo[], roots: string[]): boolean => {
  const certs = chain.map((c) => new X509Certificate(c.pem))
  const anchors = roots.map((r) => {
    try {
      return new X509Certificate(r)
    } catch {
      return undefined
    }
  })
  let current = certs[0]
  for (let depth = 0; current && depth < 10; depth++) {
    const cert: X509Certificate = current
    const anchor = anchors.find((a) => a && cert.checkIssued(a) && cert.verify(a.publicKey))
    if (anchor) return true
    current = certs.find((c) => c !== cert && cert.checkIssued(c) && cert.verify(c.publicKey))
  }
  return false
}

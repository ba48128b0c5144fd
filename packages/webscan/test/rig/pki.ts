import 'reflect-metadata'
import { execFile } from 'node:child_process'
import { webcrypto } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import * as x509 from '@peculiar/x509'

type CryptoKeyPair = webcrypto.CryptoKeyPair
type CryptoKey = webcrypto.CryptoKey

x509.cryptoProvider.set(webcrypto as never)
const subtle = webcrypto.subtle

export type KeyKind = 'ec' | 'rsa1024' | 'rsa2048' | 'rsa3072'

interface Authority {
  cert: x509.X509Certificate
  keys: CryptoKeyPair
  pem: string
}

export interface Issued {
  key: string
  cert: string
  /** Leaf plus the intermediates a correctly configured server sends. */
  chain: string
}

const DAY = 86_400_000

const algorithm = (kind: KeyKind, hash = 'SHA-256') =>
  kind === 'ec'
    ? { name: 'ECDSA', namedCurve: 'P-256', hash }
    : {
        name: 'RSASSA-PKCS1-v1_5',
        modulusLength: Number(kind.slice(3)),
        publicExponent: new Uint8Array([1, 0, 1]),
        hash,
      }

const keyCache = new Map<string, Promise<CryptoKeyPair>>()
/** Key generation dominates the cost (RSA especially), so one key per kind and hash is shared. */
const keysFor = (kind: KeyKind, hash: string) => {
  const id = `${kind}/${hash}`
  let hit = keyCache.get(id)
  if (!hit) {
    hit = subtle.generateKey(algorithm(kind, hash), true, ['sign', 'verify']) as Promise<CryptoKeyPair>
    keyCache.set(id, hit)
  }
  return hit
}

const pemOf = (c: x509.X509Certificate) => `${c.toString('pem')}\n`
const keyPem = async (key: CryptoKey) =>
  `-----BEGIN PRIVATE KEY-----\n${Buffer.from(await subtle.exportKey('pkcs8', key))
    .toString('base64')
    .match(/.{1,64}/g)
    ?.join('\n')}\n-----END PRIVATE KEY-----\n`

let serial = 1
const nextSerial = () => (serial++).toString(16).padStart(4, '0')

const authority = async (name: string, issuer?: Authority): Promise<Authority> => {
  const keys = await subtle.generateKey(algorithm('ec'), true, ['sign', 'verify'])
  const now = Date.now()
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: nextSerial(),
    subject: `CN=${name}`,
    issuer: issuer ? issuer.cert.subject : `CN=${name}`,
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + 3650 * DAY),
    signingAlgorithm: algorithm('ec'),
    publicKey: keys.publicKey,
    signingKey: issuer ? issuer.keys.privateKey : keys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  })
  return { cert, keys, pem: pemOf(cert) }
}

export interface LeafSpec {
  names: string[]
  key?: KeyKind
  /** SHA-224 is not in WebCrypto, so that one is signed by the openssl command line tool. */
  hash?: 'SHA-256' | 'SHA-1' | 'SHA-224'
  /** Offsets in days from now. */
  from?: number
  to?: number
  issuer?: 'public' | 'foreign' | 'national' | 'self'
}

/** A throwaway PKI made at test start, so nothing committed can expire. */
export const createPki = async () => {
  const root = await authority('Qalxan Test Root')
  const intermediate = await authority('Qalxan Test Issuing CA', root)
  const foreignRoot = await authority('Foreign Test Root')
  const foreignIntermediate = await authority('Foreign Issuing CA', foreignRoot)
  const nationalRoot = await authority('National Test Root')
  const nationalIntermediate = await authority('National Issuing CA', nationalRoot)

  const issueWithOpenssl = async (spec: LeafSpec): Promise<Issued> => {
    const dir = await mkdtemp(join(tmpdir(), 'webscan-pki-'))
    const file = (name: string) => join(dir, name)
    try {
      await writeFile(file('ca.pem'), intermediate.pem)
      await writeFile(file('ca.key'), await keyPem(intermediate.keys.privateKey))
      const sans = spec.names.map((n) => `DNS:${n}`).join(',')
      await writeFile(
        file('ext'),
        `subjectAltName=${sans}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`,
      )
      const run = promisify(execFile)
      await run(
        'openssl',
        ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'].concat([
          '-keyout',
          file('leaf.key'),
          '-out',
          file('leaf.csr'),
          '-subj',
          `/CN=${spec.names[0]}`,
        ]),
      )
      await run(
        'openssl',
        ['x509', '-req', '-in', file('leaf.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key')]
          .concat([
            '-set_serial',
            `0x${nextSerial()}`,
            '-days',
            '365',
            `-${(spec.hash ?? 'SHA-256').replace('-', '').toLowerCase()}`,
          ])
          .concat(['-extfile', file('ext'), '-out', file('leaf.pem')]),
      )
      const cert = await readFile(file('leaf.pem'), 'utf8')
      return { key: await readFile(file('leaf.key'), 'utf8'), cert, chain: cert + intermediate.pem }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }

  const issue = async (spec: LeafSpec): Promise<Issued> => {
    if (spec.hash === 'SHA-224') return issueWithOpenssl(spec)
    const kind = spec.key ?? 'ec'
    const hash = spec.hash ?? 'SHA-256'
    const keys = await keysFor(kind, hash)
    const ca = { public: intermediate, foreign: foreignIntermediate, national: nationalIntermediate }[
      spec.issuer === 'self' || !spec.issuer ? 'public' : spec.issuer
    ]
    const self = spec.issuer === 'self'
    const now = Date.now()
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: nextSerial(),
      subject: `CN=${spec.names[0]}`,
      issuer: self ? `CN=${spec.names[0]}` : ca.cert.subject,
      notBefore: new Date(now + (spec.from ?? -1) * DAY),
      notAfter: new Date(now + (spec.to ?? 365) * DAY),
      signingAlgorithm: algorithm(self ? kind : 'ec', self ? hash : hash),
      publicKey: keys.publicKey,
      signingKey: self ? keys.privateKey : ca.keys.privateKey,
      extensions: [
        new x509.BasicConstraintsExtension(false),
        new x509.SubjectAlternativeNameExtension(
          spec.names.map((value) => ({ type: 'dns' as const, value })),
        ),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      ],
    })
    const leaf = pemOf(cert)
    return { key: await keyPem(keys.privateKey), cert: leaf, chain: self ? leaf : leaf + ca.pem }
  }

  return {
    root: root.pem,
    intermediate: intermediate.pem,
    foreignRoot: foreignRoot.pem,
    nationalRoot: nationalRoot.pem,
    issue,
  }
}

export type Pki = Awaited<ReturnType<typeof createPki>>

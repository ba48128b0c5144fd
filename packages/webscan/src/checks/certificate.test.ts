import { X509Certificate } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { createPki, type Pki } from '../../test/rig/pki.ts'
import { describeCert } from '../net/tls-probe.ts'
import { scoreSite } from '../scoring.ts'
import type { CertInfo, Evidence, TlsEvidence } from '../types.ts'
import { certKey, certSignature } from './certificate.ts'
import { runCheck, worst } from './define.ts'

let pki: Pki
beforeAll(async () => {
  pki = await createPki()
})

const der = (pem: string) => new X509Certificate(pem).raw

/** md5WithRSAEncryption (…1.1.4) and md2WithRSAEncryption (…1.1.2) differ in the last OID byte only. */
const asMd2 = (md5Der: Buffer) => {
  const md5 = Buffer.from('2a864886f70d010104', 'hex')
  const out = Buffer.from(md5Der)
  for (let i = out.indexOf(md5); i >= 0; i = out.indexOf(md5, i + 1)) out[i + md5.length - 1] = 0x02
  return out
}

const evidence = (chain: CertInfo[]): Evidence => {
  const tls: TlsEvidence = {
    host: 'x.gov.test',
    port: 443,
    trust: { public: true, national: false },
    hostnameMatch: true,
    chain,
    stapledOcsp: false,
    protocols: {},
    suites: {},
    legacy: [],
  }
  return {
    host: 'x.gov.test',
    registrableDomain: 'x.gov.test',
    scannedAt: new Date().toISOString(),
    addresses: ['127.0.0.1'],
    status: 'ok',
    tls,
    errors: {},
  }
}
const env = { now: new Date(), hstsPreloaded: [], nationalRoots: false }

describe('cert-signature with signatures WebCrypto cannot make', () => {
  it('reads MD5 and MD2 from the certificate and fails them with cap F', async () => {
    const issued = await pki.issue({ names: ['x.gov.test'], hash: 'MD5' })
    const [leafPem, caPem] = issued.chain.split(/(?=-----BEGIN CERTIFICATE-----)/) as [string, string]
    const md5 = describeCert(der(leafPem))
    const md2 = describeCert(asMd2(der(leafPem)))
    const ca = describeCert(der(caPem))
    expect([md5.signatureAlgorithm, md2.signatureAlgorithm, ca.signatureAlgorithm]).toEqual([
      'MD5-RSASSA-PKCS1-v1_5',
      'MD2-RSASSA-PKCS1-v1_5',
      'SHA-256-ECDSA',
    ])
    for (const leaf of [md5, md2]) {
      const r = runCheck(certSignature, evidence([leaf, ca]), env)
      expect([r.verdict, r.severity, r.caps]).toEqual(['fail', 'critical', ['F']])
      expect(scoreSite([r]).grade).toBe('F')
    }
  })
})

describe('cert-key with keys WebCrypto cannot make', () => {
  it('fails a DSA key and a curve outside P-256/384/521, passes Ed25519', async () => {
    const leaf = async (key: 'dsa' | 'secp256k1') => {
      const issued = await pki.issue({ names: ['x.gov.test'], key })
      return describeCert(der(issued.cert))
    }
    const dsa = await leaf('dsa')
    const k1 = await leaf('secp256k1')
    expect([dsa.keyType, dsa.keyBits, k1.keyType, k1.curve]).toEqual(['dsa', 2048, 'ec', 'secp256k1'])
    const brainpool = { ...k1, curve: 'brainpoolP256r1' }
    for (const info of [dsa, k1, brainpool]) {
      const r = runCheck(certKey, evidence([info]), env)
      expect([r.verdict, r.caps]).toEqual(['fail', ['B']])
    }
    const ed = { ...k1, keyType: 'ed25519', curve: undefined }
    expect(runCheck(certKey, evidence([ed]), env).verdict).toBe('pass')
    expect(runCheck(certKey, evidence([{ ...k1, curve: 'secp384r1' }]), env).verdict).toBe('pass')
  })
})

describe('worst', () => {
  it('lets a failure win over an untested endpoint, and an untested endpoint over warn and pass', () => {
    expect(worst(['error', 'fail'])).toBe('fail')
    expect(worst(['fail', 'error', 'pass'])).toBe('fail')
    expect(worst(['pass', 'error'])).toBe('error')
    expect(worst(['warn', 'error'])).toBe('error')
    expect(worst(['pass', 'warn'])).toBe('warn')
    expect(worst(['na', 'pass'])).toBe('pass')
    expect(worst([])).toBe('na')
  })
})

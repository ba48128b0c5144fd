import { createServer as createHttpServer } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { createScanner, LIGHT_CHECKS } from '../../packages/webscan/src/index.ts'
import { mapPool } from '../../packages/webscan/src/net/limiter.ts'
import { startDnsServer } from '../../packages/webscan/test/rig/dns-server.ts'
import { DEFAULT_TLS, GOOD_BODY, GOOD_HEADERS } from '../../packages/webscan/test/rig/fixtures.ts'
import type { Pki } from '../../packages/webscan/test/rig/pki.ts'
import { listen } from '../../packages/webscan/test/rig/servers.ts'

/** A light scan (reachability, redirect, HSTS, headers, certificate) of `count` hosts that share one server. */
export const runBulk = async (pki: Pki, count: number, concurrency: number) => {
  const cert = await pki.issue({ names: ['*.bulk.gov.test'] })
  const https = await listen(
    createHttpsServer({ key: cert.key, cert: cert.chain, ...DEFAULT_TLS }, (_req, res) => {
      res.writeHead(200, GOOD_HEADERS)
      res.end(GOOD_BODY)
    }),
  )
  const http = await listen(
    createHttpServer((req, res) => {
      res.writeHead(301, { location: `https://${req.headers.host}${req.url}` })
      res.end()
    }),
  )
  const dns = await startDnsServer(new Map([['*.bulk.gov.test', { A: ['127.0.0.1'], signed: true }]]))
  const scanner = createScanner({
    resolver: dns.address,
    roots: [pki.root],
    extraSuffixes: ['gov.test'],
    ports: { https: https.port, http: http.port },
    checks: LIGHT_CHECKS,
    requestTimeoutMs: 10_000,
    // Every bulk host is on 127.0.0.1: the per-address politeness limit would serialise the whole run.
    perAddress: concurrency,
  })
  const hosts = Array.from({ length: count }, (_, i) => `h${String(i).padStart(4, '0')}.bulk.gov.test`)
  let peakRss = process.memoryUsage().rss
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
  }, 50)
  const grades = new Map<string, number>()
  const started = performance.now()
  await mapPool(hosts, concurrency, async (host) => {
    const r = await scanner.scanHost(host)
    // Only a summary is kept, as a worker storing results as it goes would.
    grades.set(r.score.grade, (grades.get(r.score.grade) ?? 0) + 1)
  })
  const ms = performance.now() - started
  clearInterval(sampler)
  await Promise.all([https.close(), http.close(), dns.close()])
  return {
    count,
    ms,
    perSecond: (count * 1000) / ms,
    peakRssMb: peakRss / 2 ** 20,
    grades: Object.fromEntries(grades),
  }
}

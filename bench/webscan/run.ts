import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createScanner, type SiteResult, type Verdict } from '../../packages/webscan/src/index.ts'
import { mapPool } from '../../packages/webscan/src/net/limiter.ts'
import { SITES } from '../../packages/webscan/test/rig/fixtures.ts'
import { hostOf, startRig } from '../../packages/webscan/test/rig/index.ts'
import { runBulk } from './bulk.ts'
import { OBSERVATORY, TESTSSL, type TestsslFindings, verdictOf } from './mappings.ts'

const DEFAULT_TESTSSL = [
  'good',
  'tls10',
  'tls12only',
  'nofs',
  'noaead',
  'legacy-3des',
  'legacy-null',
  'ssl3',
  'noreneg',
  'compression',
  'expired',
  'wronghost',
  'nochain',
  'rsa1024',
  'rsa2048',
  'sha1',
  'sha224',
  'md5',
]

const CORES = availableParallelism()

const { values } = parseArgs({
  options: {
    testssl: { type: 'string', default: DEFAULT_TESTSSL.join(',') },
    // testssl.sh is CPU-bound (bash and openssl per probe): more runs than cores only slows each one down,
    // which would inflate the time ratio in our favour.
    parallel: { type: 'string', default: String(Math.min(2, CORES)) },
    bulk: { type: 'string', default: '1000' },
    'bulk-concurrency': { type: 'string', default: '64' },
  },
})

/** A bench that cannot measure must say so and fail, not print 0/0 and "0x". */
const die = (message: string): never => {
  console.error(`bench: ${message}`)
  process.exit(1)
}

const whole = (flag: string, text: string | undefined, min: number, max: number) => {
  const n = /^\d{1,7}$/.test(text ?? '') ? Number(text) : Number.NaN
  if (!(n >= min && n <= max)) die(`--${flag} must be a whole number from ${min} to ${max}, not "${text}"`)
  return n
}

const parallel = whole('parallel', values.parallel, 1, CORES)
const bulkCount = whole('bulk', values.bulk, 1, 100_000)
const bulkConcurrency = whole('bulk-concurrency', values['bulk-concurrency'], 1, 1024)

const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env, timeout = 900_000) =>
  new Promise<{ stdout: string; stderr: string; ms: number; error?: string }>((resolve) => {
    const started = performance.now()
    execFile(cmd, args, { env, timeout, maxBuffer: 64 * 2 ** 20 }, (error, stdout, stderr) =>
      resolve({
        stdout,
        stderr,
        ms: performance.now() - started,
        ...(error ? { error: (error as NodeJS.ErrnoException).code?.toString() ?? error.message } : {}),
      }),
    )
  })

/** Both other tools must be there before anything starts: a missing one would silently compare nothing. */
const preflight = async () => {
  const testssl = await run('testssl', ['--version'], process.env, 60_000)
  // The banner is bold even with --color 0; the version follows the word "testssl".
  const version = /testssl\s+(\d[\w.+~-]*)/.exec(testssl.stdout)?.[1]
  if (testssl.error === 'ENOENT' || !version)
    die('testssl.sh is not installed (apt-get install -y testssl.sh); nothing to compare the TLS checks with')
  let observatory: string | undefined
  try {
    observatory = fileURLToPath(import.meta.resolve('@mdn/mdn-http-observatory/src/scanner/index.js'))
  } catch {}
  if (!observatory || !existsSync(observatory))
    die('the MDN HTTP Observatory (@mdn/mdn-http-observatory in bench/) is not installed: run npm install')
  return { testssl: version as string }
}

/**
 * testssl.sh 3.0.8 was written for OpenSSL 1.x, whose clients still connected to servers without RFC 5746.
 * Debian's OpenSSL 3 s_client refuses them ("unsafe legacy renegotiation disabled"), so on such a server
 * every s_client-based test of testssl.sh reports "OpenSSL handshake didn't succeed" (secure_renego included)
 * and it never says "VULNERABLE". This restores the OpenSSL 1.x client behaviour for testssl.sh; a server
 * that supports RFC 5746 sees no difference.
 */
const OPENSSL_LEGACY_CONNECT = `openssl_conf = openssl_init
[openssl_init]
ssl_conf = ssl_sect
[ssl_sect]
system_default = system_default_sect
[system_default_sect]
Options = UnsafeLegacyServerConnect
`

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length
    ? ((s[Math.floor((s.length - 1) / 2)] as number) + (s[Math.ceil((s.length - 1) / 2)] as number)) / 2
    : 0
}

interface Row {
  check: string
  tool: string
  compared: number
  agree: number
  disagreements: string[]
  notApplicable: string[]
}

const compare = (
  tool: string,
  checks: string[],
  pairs: { label: string; ours?: Verdict; theirs?: Verdict }[][],
) =>
  checks.map((check, i): Row => {
    const all = pairs[i] ?? []
    // "na" on our side means the check did not apply (no HTTPS page): nothing to agree or disagree with.
    const rows = all.filter((p) => p.ours && p.theirs && p.ours !== 'error' && p.ours !== 'na')
    const disagreements = rows
      .filter((p) => p.ours !== p.theirs)
      .map((p) => `${p.label}: ours ${p.ours}, ${tool} ${p.theirs}`)
    const notApplicable = all
      .filter((p) => p.ours === 'na' && p.theirs)
      .map((p) => `${p.label}: ours na, ${tool} ${p.theirs}`)
    return {
      check,
      tool,
      compared: rows.length,
      agree: rows.length - disagreements.length,
      disagreements,
      notApplicable,
    }
  })

const printRows = (rows: Row[]) => {
  console.log(`${'check'.padEnd(22)} ${'tool'.padEnd(12)} agree`)
  for (const r of rows) {
    const pct = r.compared ? ((100 * r.agree) / r.compared).toFixed(0) : '-'
    console.log(`${r.check.padEnd(22)} ${r.tool.padEnd(12)} ${r.agree}/${r.compared} (${pct} %)`)
    for (const d of r.disagreements) console.log(`    ${d}`)
    for (const d of r.notApplicable) console.log(`    (not compared) ${d}`)
  }
}

const machine = () =>
  `${new Date().toISOString()}, ${CORES} cores (${cpus()[0]?.model ?? 'unknown'}), load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}, Node ${process.version}`

const main = async () => {
  const versions = await preflight()
  console.log(`start: ${machine()}; testssl.sh ${versions.testssl}, ${parallel} at a time`)
  const labels = SITES.filter((s) => !s.hostile).map((s) => s.label)
  const rig = await startRig({ realPorts: true, only: labels })
  const dir = await mkdtemp(join(tmpdir(), 'webscan-bench-'))
  try {
    const rootFile = join(dir, 'root.pem')
    await writeFile(rootFile, rig.pki.root)
    const addresses = Object.fromEntries([...rig.zone].filter(([, e]) => e.A).map(([n, e]) => [n, e.A?.[0]]))
    await writeFile(join(dir, 'hosts.json'), JSON.stringify(addresses))
    const preload = Object.fromEntries(
      (rig.scanOptions.hstsPreloaded ?? []).map((h) => [h, { mode: 'force-https', includeSubDomains: true }]),
    )
    await writeFile(join(dir, 'preload.json'), JSON.stringify(preload))

    // 1. This scanner, one host at a time, so that a per-host time means something.
    const scanner = createScanner({ ...rig.scanOptions, concurrency: 1 })
    const ours = new Map<string, SiteResult>()
    for (const label of labels) ours.set(label, (await scanner.scan([hostOf(label)]))[0] as SiteResult)

    // 2. The MDN HTTP Observatory on every fixture (header checks).
    const observatoryRun = await run(
      process.execPath,
      [fileURLToPath(new URL('./observatory-runner.mjs', import.meta.url)), ...labels.map(hostOf)],
      {
        ...process.env,
        NODE_EXTRA_CA_CERTS: rootFile,
        RIG_HOSTS: join(dir, 'hosts.json'),
        RIG_PRELOAD: join(dir, 'preload.json'),
      },
    )
    const observatory = new Map<string, { ms: number; tests?: Record<string, string>; error?: string }>()
    for (const line of observatoryRun.stdout.split('\n').filter(Boolean)) {
      const o = JSON.parse(line)
      observatory.set(o.host, o)
    }
    const observed = [...observatory.values()].filter((o) => o.tests)
    if (observed.length === 0)
      die(
        `the Observatory gave no result (${observatoryRun.error ?? 'no output'}): ${observatoryRun.stderr.slice(0, 2000)}`,
      )
    for (const o of observatory.values())
      if (o.error) console.error(`observatory error: ${JSON.stringify(o)}`)

    // 3. testssl.sh on the TLS and certificate fixtures, a few at a time.
    const tlsLabels = values.testssl === 'all' ? labels : (values.testssl ?? '').split(',').filter(Boolean)
    const unknown = tlsLabels.filter((l) => !labels.includes(l))
    if (unknown.length > 0) die(`--testssl: no such fixture: ${unknown.join(', ')}`)
    const opensslConf = join(dir, 'openssl-legacy-connect.cnf')
    await writeFile(opensslConf, OPENSSL_LEGACY_CONNECT)
    const testssl = new Map<string, { ms: number; findings: TestsslFindings }>()
    await mapPool(tlsLabels, parallel, async (label) => {
      const host = hostOf(label)
      const json = join(dir, `testssl-${label}.json`)
      const address = addresses[host] as string
      const { ms, error } = await run(
        'testssl',
        [
          ...['--quiet', '--warnings', 'off', '--nodns', 'none', '--color', '0', '--ip', address],
          ...['--connect-timeout', '10', '--openssl-timeout', '10'],
          ...['--add-ca', rootFile, '--jsonfile', json, `https://${host}/`],
        ],
        { ...process.env, OPENSSL_CONF: opensslConf },
      )
      const findings: TestsslFindings = new Map()
      try {
        for (const f of JSON.parse(await readFile(json, 'utf8'))) findings.set(f.id, f)
      } catch {
        // no JSON: reported below and left out of the time ratio
      }
      testssl.set(label, { ms, findings })
      console.error(
        `testssl ${label}: ${(ms / 1000).toFixed(1)} s, ${findings.size} findings${error ? `, exit ${error}` : ''}`,
      )
    })
    const answered = tlsLabels.filter((l) => (testssl.get(l)?.findings.size ?? 0) > 0)
    const silent = tlsLabels.filter((l) => !answered.includes(l))
    if (answered.length === 0) die('testssl.sh produced no findings on any fixture')
    if (silent.length > 0) console.error(`testssl.sh produced no findings on: ${silent.join(', ')}`)

    const tlsChecks = Object.keys(TESTSSL)
    const tlsRows = compare(
      'testssl.sh',
      tlsChecks,
      tlsChecks.map((check) =>
        tlsLabels.map((label) => ({
          label,
          ours: verdictOf(ours.get(label) as SiteResult, check),
          theirs: TESTSSL[check]?.(testssl.get(label)?.findings ?? new Map()),
        })),
      ),
    )
    const headerChecks = Object.keys(OBSERVATORY)
    const headerRows = compare(
      'observatory',
      headerChecks,
      headerChecks.map((check) =>
        labels.map((label) => {
          const spec = OBSERVATORY[check] as (typeof OBSERVATORY)[string]
          return {
            label,
            ours: verdictOf(ours.get(label) as SiteResult, check),
            theirs: spec.map(observatory.get(hostOf(label))?.tests?.[spec.test]),
          }
        }),
      ),
    )

    console.log('\n== Agreement per check (fixtures where both tools gave a verdict) ==')
    printRows([...tlsRows, ...headerRows])
    const all = [...tlsRows, ...headerRows]
    const agree = all.reduce((n, r) => n + r.agree, 0)
    const compared = all.reduce((n, r) => n + r.compared, 0)
    for (const tool of ['testssl.sh', 'observatory'])
      if (all.filter((r) => r.tool === tool).every((r) => r.compared === 0))
        die(`no verdict of ${tool} could be compared`)
    console.log(`overall: ${agree}/${compared} (${((100 * agree) / compared).toFixed(1)} %)`)

    console.log('\n== Time per host ==')
    // Only fixtures testssl.sh actually answered count towards the ratio.
    const oursMs = answered.map((l) => ours.get(l)?.durationMs ?? 0)
    const testsslMs = answered.map((l) => testssl.get(l)?.ms ?? 0)
    const obsMs = [...observatory.values()].map((o) => o.ms)
    const allOurs = [...ours.values()].map((r) => r.durationMs)
    console.log(`webscan full scan (all ${labels.length} fixtures): median ${median(allOurs).toFixed(0)} ms`)
    console.log(`webscan full scan (testssl fixtures):   median ${median(oursMs).toFixed(0)} ms`)
    console.log(
      `testssl.sh default run (${parallel} in parallel on ${CORES} cores): median ${(median(testsslMs) / 1000).toFixed(1)} s`,
    )
    console.log(
      `ratio testssl.sh / webscan: ${(median(testsslMs) / Math.max(1, median(oursMs))).toFixed(0)}x`,
    )
    for (const l of tlsLabels)
      console.log(
        `    ${l.padEnd(14)} webscan ${String(ours.get(l)?.durationMs).padStart(5)} ms  testssl ${((testssl.get(l)?.ms ?? 0) / 1000).toFixed(1).padStart(6)} s`,
      )
    console.log(`MDN Observatory (headers only): median ${median(obsMs).toFixed(0)} ms per host`)

    const bulk = await runBulk(rig.pki, bulkCount, bulkConcurrency)
    console.log('\n== Light scan throughput ==')
    console.log(
      `${bulk.count} hosts in ${(bulk.ms / 1000).toFixed(1)} s: ${bulk.perSecond.toFixed(0)} hosts/s, peak RSS ${bulk.peakRssMb.toFixed(0)} MB, grades ${JSON.stringify(bulk.grades)}`,
    )
    console.log(`\nend: ${machine()}`)
  } finally {
    await rig.close()
    await rm(dir, { recursive: true, force: true })
  }
}

await main()

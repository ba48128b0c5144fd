import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
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
  'expired',
  'wronghost',
  'nochain',
  'rsa1024',
  'rsa2048',
  'sha1',
  'sha224',
]

const { values } = parseArgs({
  options: {
    testssl: { type: 'string', default: DEFAULT_TESTSSL.join(',') },
    parallel: { type: 'string', default: '4' },
    bulk: { type: 'string', default: '1000' },
    'bulk-concurrency': { type: 'string', default: '64' },
  },
})

const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env, timeout = 900_000) =>
  new Promise<{ stdout: string; ms: number }>((resolve) => {
    const started = performance.now()
    execFile(cmd, args, { env, timeout, maxBuffer: 64 * 2 ** 20 }, (_error, stdout) =>
      resolve({ stdout, ms: performance.now() - started }),
    )
  })

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

const main = async () => {
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

    // 3. testssl.sh on the TLS and certificate fixtures, a few at a time.
    const tlsLabels = values.testssl === 'all' ? labels : (values.testssl ?? '').split(',').filter(Boolean)
    const testssl = new Map<string, { ms: number; findings: TestsslFindings }>()
    await mapPool(tlsLabels, Number(values.parallel), async (label) => {
      const host = hostOf(label)
      const json = join(dir, `testssl-${label}.json`)
      const address = addresses[host] as string
      const { ms } = await run('testssl', [
        ...['--quiet', '--warnings', 'off', '--nodns', 'none', '--color', '0', '--ip', address],
        ...['--connect-timeout', '10', '--openssl-timeout', '10'],
        ...['--add-ca', rootFile, '--jsonfile', json, `https://${host}/`],
      ])
      const findings: TestsslFindings = new Map()
      try {
        for (const f of JSON.parse(await readFile(json, 'utf8'))) findings.set(f.id, f)
      } catch {
        // no JSON: counted as no answer below
      }
      testssl.set(label, { ms, findings })
      console.error(`testssl ${label}: ${(ms / 1000).toFixed(1)} s`)
    })

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
    console.log(`overall: ${agree}/${compared} (${((100 * agree) / compared).toFixed(1)} %)`)

    console.log('\n== Time per host ==')
    const oursMs = tlsLabels.map((l) => ours.get(l)?.durationMs ?? 0)
    const testsslMs = tlsLabels.map((l) => testssl.get(l)?.ms ?? 0)
    const obsMs = [...observatory.values()].map((o) => o.ms)
    const allOurs = [...ours.values()].map((r) => r.durationMs)
    console.log(`webscan full scan (all ${labels.length} fixtures): median ${median(allOurs).toFixed(0)} ms`)
    console.log(`webscan full scan (testssl fixtures):   median ${median(oursMs).toFixed(0)} ms`)
    console.log(
      `testssl.sh default run (${values.parallel} in parallel): median ${(median(testsslMs) / 1000).toFixed(1)} s`,
    )
    console.log(
      `ratio testssl.sh / webscan: ${(median(testsslMs) / Math.max(1, median(oursMs))).toFixed(0)}x`,
    )
    for (const l of tlsLabels)
      console.log(
        `    ${l.padEnd(14)} webscan ${String(ours.get(l)?.durationMs).padStart(5)} ms  testssl ${((testssl.get(l)?.ms ?? 0) / 1000).toFixed(1).padStart(6)} s`,
      )
    console.log(`MDN Observatory (headers only): median ${median(obsMs).toFixed(0)} ms per host`)

    const bulk = await runBulk(rig.pki, Number(values.bulk), Number(values['bulk-concurrency']))
    console.log('\n== Light scan throughput ==')
    console.log(
      `${bulk.count} hosts in ${(bulk.ms / 1000).toFixed(1)} s: ${bulk.perSecond.toFixed(0)} hosts/s, peak RSS ${bulk.peakRssMb.toFixed(0)} MB, grades ${JSON.stringify(bulk.grades)}`,
    )
  } finally {
    await rig.close()
    await rm(dir, { recursive: true, force: true })
  }
}

await main()

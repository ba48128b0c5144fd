import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../src/cli.ts'
import type { SiteResult } from '../src/index.ts'
import { capture } from './capture.ts'
import { hostOf, type Rig, startRig } from './rig/index.ts'

const BIN = fileURLToPath(new URL('../bin/webscan.mjs', import.meta.url))
let rig: Rig
let dir: string
let args: string[]

const run = (extra: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    // Asynchronous on purpose: the fixture servers live in this process and must keep answering.
    execFile(process.execPath, [BIN, ...extra], { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    })
  })

beforeAll(async () => {
  rig = await startRig({ only: ['good', 'basic', 'hsts-short'] })
  dir = await mkdtemp(join(tmpdir(), 'webscan-cli-'))
  const ports = Object.fromEntries(
    [
      ...rig.hosts,
      ...rig.hosts.map((h) => `www.${h}`),
      ...rig.hosts.map((h) => `mx.${h}`),
      `mta-sts.${hostOf('good')}`,
    ].map((h) => [h, typeof rig.scanOptions.ports === 'function' ? rig.scanOptions.ports(h) : {}]),
  )
  await writeFile(join(dir, 'ports.json'), JSON.stringify(ports))
  await writeFile(join(dir, 'roots.pem'), rig.pki.root)
  await writeFile(join(dir, 'national.pem'), rig.pki.nationalRoot)
  args = [
    '--resolver',
    rig.scanOptions.resolver as string,
    '--roots',
    join(dir, 'roots.pem'),
    '--ca',
    join(dir, 'national.pem'),
    '--suffix',
    'gov.test',
    '--ports',
    join(dir, 'ports.json'),
  ]
}, 60_000)

afterAll(async () => {
  await rig?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('webscan CLI', () => {
  it('prints JSON and exits 0 when every site meets the baseline', async () => {
    const { code, stdout } = await run([hostOf('good'), hostOf('basic'), '--json', ...args])
    const results = JSON.parse(stdout) as SiteResult[]
    expect(results.map((r) => [r.host, r.baseline.compliant])).toEqual([
      [hostOf('good'), true],
      [hostOf('basic'), true],
    ])
    expect(code).toBe(0)
  })

  it('exits 1 when a site misses the baseline, and runs only the chosen checks', async () => {
    const { code, stdout } = await run([
      hostOf('hsts-short'),
      '--json',
      '--checks',
      'hsts,cert-trust',
      ...args,
    ])
    const [result] = JSON.parse(stdout) as SiteResult[]
    expect(result?.checks.map((c) => [c.id, c.verdict])).toEqual([
      ['hsts', 'fail'],
      ['cert-trust', 'pass'],
    ])
    expect(code).toBe(1)
  })

  it('refuses unknown options and checks with exit code 2', async () => {
    expect((await run(['--bogus'])).code).toBe(2)
    const unknown = await run([hostOf('good'), '--checks', 'no-such-check'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('unknown check')
  })

  it('exits 2 on a bad number through the real bin, as the audit reproduced it', async () => {
    const { code, stdout, stderr } = await run(['a..b', '--concurrency', 'foo', '--json'])
    expect([code, stdout]).toEqual([2, ''])
    expect(stderr).toContain('--concurrency must be a whole number')
    const ports = await run([hostOf('good'), '--ports', join(dir, 'missing.json')])
    expect(ports.code).toBe(2)
    expect(ports.stderr).not.toMatch(/\n\s+at /)
  })

  it('draws a coloured table and a progress bar on a terminal', async () => {
    const out = capture(true)
    const err = capture()
    const code = await main([hostOf('good'), hostOf('hsts-short'), ...args], out.stream, err.stream, {})
    expect(code).toBe(1)
    const progress = err.text()
    expect(progress).toContain(`\r[${'#'.repeat(15)}${'.'.repeat(15)}] 1/2`)
    expect(progress.endsWith(`\r[${'#'.repeat(30)}] 2/2\n`)).toBe(true)
    const table = out.text()
    const esc = '\u001b['
    expect(table.startsWith(`${esc}1mHost`)).toBe(true)
    const lines = table.split('\n')
    const row = (host: string) => lines.find((l) => l.startsWith(host)) ?? ''
    expect(row(hostOf('good'))).toMatch(/^\S+\s+A\+\s+100\s+/)
    expect(row(hostOf('good'))).toContain(`${esc}32mgreen`)
    expect(row(hostOf('good'))).toContain(`${esc}32myes`)
    expect(row(hostOf('hsts-short'))).toContain(`${esc}31mred`)
    expect(row(hostOf('hsts-short'))).toContain(`${esc}31mno`)
    expect(table).toContain(`${esc}31mfail ${esc}39m hsts`)
    expect(table).toContain(`${esc}31mcap B${esc}39m by hsts`)
    // The same run without a terminal: no escape codes, JSON instead of the table, no progress bar.
    const plain = capture(false)
    const quiet = capture()
    await main([hostOf('good'), ...args], plain.stream, quiet.stream, {})
    expect(plain.text()).not.toContain(esc)
    expect(JSON.parse(plain.text())[0].host).toBe(hostOf('good'))
    expect(quiet.text()).toBe('')
  })

  it('leaves colours out on a terminal when NO_COLOR is set', async () => {
    const out = capture(true)
    await main([hostOf('good'), ...args], out.stream, capture().stream, { NO_COLOR: '1' })
    expect(out.text()).toContain('Host')
    expect(out.text()).not.toContain('\u001b[')
  })
})

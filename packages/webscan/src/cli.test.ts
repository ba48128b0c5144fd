import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { capture } from '../test/capture.ts'
import { main } from './cli.ts'

const run = async (argv: string[]) => {
  const out = capture()
  const err = capture()
  const code = await main(argv, out.stream, err.stream, {})
  return { code, stdout: out.text(), stderr: err.text() }
}

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'webscan-cli-unit-'))
  await writeFile(join(dir, 'not-json.json'), '{ "a": ')
  await writeFile(join(dir, 'bad-port.json'), JSON.stringify({ 'x.gov.test': { https: 'x' } }))
  await writeFile(join(dir, 'bad-key.json'), JSON.stringify({ 'x.gov.test': { ftp: 21 } }))
  await writeFile(join(dir, 'array.json'), '[1, 2]')
  await writeFile(join(dir, 'empty.pem'), 'no certificate here\n')
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('webscan CLI usage errors', () => {
  it('refuses a non-numeric --concurrency instead of printing [null] and exiting 0', async () => {
    const r = await run(['a..b', '--concurrency', 'foo', '--json'])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('--concurrency must be a whole number from 1 to 1024, not "foo".')
  })

  it.each([
    ['--concurrency', '0'],
    ['--concurrency', '1.5'],
    ['--concurrency', '1e3'],
    ['--concurrency', ''],
    ['--concurrency', '2000'],
    ['--timeout', 'soon'],
    ['--timeout', '0'],
    ['--timeout', '0x10'],
    ['--timeout', '99999999999'],
  ])('refuses %s %j with exit code 2', async (flag, value) => {
    const r = await run(['x.gov.test', flag, value])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`${flag} must be a whole number`)
    expect(r.stdout).toBe('')
  })

  it.each([
    ['missing.json', 'cannot read'],
    ['not-json.json', 'is not valid JSON'],
    ['bad-port.json', '"x.gov.test"."https" is "x"'],
    ['bad-key.json', '"x.gov.test"."ftp" is 21'],
    ['array.json', 'must map host names'],
  ])('refuses the --ports file %s with a clear message, not a stack trace', async (file, message) => {
    const r = await run(['x.gov.test', '--ports', join(dir, file)])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(message)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('refuses unreadable or empty certificate files, a bad resolver and an unknown language', async () => {
    expect((await run(['x.gov.test', '--ca', join(dir, 'missing.pem')])).stderr).toContain(
      '--ca: cannot read',
    )
    expect((await run(['x.gov.test', '--roots', join(dir, 'empty.pem')])).stderr).toContain(
      'holds no PEM certificate',
    )
    const resolver = await run(['x.gov.test', '--resolver', 'dns.example:abc'])
    expect([resolver.code, resolver.stderr.split('\n')[0]]).toEqual([
      2,
      'webscan: --resolver must be an IP address with an optional port, not "dns.example:abc".',
    ])
    const lang = await run(['x.gov.test', '--lang', 'fr'])
    expect([lang.code, lang.stderr.split('\n')[0]]).toEqual([
      2,
      'webscan: --lang must be one of az, en, ru, not "fr".',
    ])
  })

  it('still scans with valid numbers: a malformed host misses the baseline (exit 1), offline', async () => {
    const r = await run(['a..b', '--concurrency', '2', '--timeout', '1000', '--json'])
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout).map((x: { status: string }) => x.status)).toEqual(['invalid-host'])
  })
})

import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { dataset } from './datasets.ts'

const run = promisify(execFile)
const bin = fileURLToPath(new URL('../bin/linkage.mjs', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'linkage-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const parseCsv = (text: string) => {
  const [head, ...rows] = text.trimEnd().split('\n')
  const columns = (head ?? '').split(',')
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [columns[i], v])))
}

describe('linkage command line', () => {
  it('dedupes a file and explains every pair field by field', async () => {
    const out = join(dir, 'pairs.csv')
    const clusters = join(dir, 'clusters.csv')
    const { stdout } = await run(process.execPath, [
      bin,
      'dedupe',
      dataset('fake_1000.csv'),
      '--config',
      'fake_1000',
      '--out',
      out,
      '--clusters',
      clusters,
      '--evaluate',
      '--save-model',
      join(dir, 'model.json'),
    ])
    expect(stdout).toContain('"records": 1000')
    expect(stdout).toContain('"blockingRecall"')
    const pairs = parseCsv(readFileSync(out, 'utf8'))
    expect(pairs.length).toBeGreaterThan(1000)
    expect(Object.keys(pairs[0] ?? {})).toEqual(
      expect.arrayContaining([
        'id_l',
        'id_r',
        'decision',
        'match_weight',
        'first_name_level',
        'first_name_weight',
      ]),
    )
    // The breakdown adds up: total weight minus the field weights is the same prior for every pair.
    const priors = pairs.map(
      (p) =>
        Number(p.match_weight) -
        Object.entries(p)
          .filter(([k]) => k.endsWith('_weight') && k !== 'match_weight')
          .reduce((a, [, v]) => a + Number(v), 0),
    )
    expect(Math.max(...priors) - Math.min(...priors)).toBeLessThan(0.02)
    expect(new Set(pairs.map((p) => p.decision))).toEqual(new Set(['duplicate', 'review']))
    expect(readFileSync(clusters, 'utf8').split('\n')[0]).toBe('id,cluster,file,line')
    const model = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'))
    expect(model).toMatchObject({ version: 1, comparisons: expect.any(Array) })
    expect(model.lambda).toBeGreaterThan(0)
    expect(readFileSync(`${out}.problems.csv`, 'utf8').trim()).toBe('file,line,column,code,severity,message')
  })

  it('checks the quality of a voters list and writes findings and statistics', async () => {
    const list = join(dir, 'list.csv')
    writeFileSync(
      list,
      [
        'voter_id,fin,id_card,last_name,first_name,patronymic,sex,birth_date,constituency,precinct,city,street,house,apartment',
        '1,5ABC12D,AA1234567,Məmmədov,Əli,Həsən oğlu,K,1980-05-06,12,12-001,Bakı,Nizami küç.,5,1',
        '2,5ABC12,AA1234568,Quliyeva,Aynur,Vəli qızı,Q,2010-05-06,12,12-001,Bakı,Nizami küç.,,2',
      ].join('\n'),
    )
    const out = join(dir, 'findings.csv')
    const stats = join(dir, 'stats.csv')
    const { stdout } = await run(process.execPath, [
      bin,
      'quality',
      list,
      '--config',
      'voters',
      '--election-date',
      '2026-02-07',
      '--out',
      out,
      '--stats',
      stats,
    ])
    expect(JSON.parse(stdout).findings).toEqual({
      'malformed-fin': 1,
      'under-age': 1,
      'incomplete-address': 1,
    })
    const findings = parseCsv(readFileSync(out, 'utf8'))
    expect(findings.map((f) => `${f.code}@${f.line}:${f.column}`).sort()).toEqual([
      'incomplete-address@3:house',
      'malformed-fin@3:fin',
      'under-age@3:birth_date',
    ])
    expect(readFileSync(stats, 'utf8')).toContain('precinct,12-001,2,1,1')
  })

  it('checks a voters list with the voters preset when no --config is given, and says so', async () => {
    const list = join(dir, 'list-default.csv')
    writeFileSync(
      list,
      [
        'voter_id,fin,id_card,last_name,first_name,patronymic,sex,birth_date,constituency,precinct,city,street,house,apartment',
        '1,5ABC12,AA1234567,Məmmədov,Əli,Həsən oğlu,K,1980-05-06,12,12-001,Bakı,Nizami küç.,5,1',
      ].join('\n'),
    )
    const out = join(dir, 'findings-default.csv')
    const { stdout, stderr } = await run(process.execPath, [
      bin,
      'quality',
      list,
      '--election-date',
      '2026-02-07',
      '--out',
      out,
    ])
    expect(stderr).toContain('no --config given; using the "voters" preset')
    expect(JSON.parse(stdout)).toEqual({
      rows: 1,
      findings: { 'malformed-fin': 1 },
      problems: {},
      flaggedAreas: 0,
    })
    expect(parseCsv(readFileSync(out, 'utf8')).map((f) => f.code)).toEqual(['malformed-fin'])
  })

  it('keeps a verified list in a database file and links later entries against it', async () => {
    const [header, ...lines] = readFileSync(dataset('febrl-dataset1.csv'), 'utf8').trimEnd().split('\n')
    const first = join(dir, 'first.csv')
    const later = join(dir, 'later.csv')
    writeFileSync(first, `${header}\n${lines.slice(0, 900).join('\n')}\n`)
    writeFileSync(later, `${header}\n${lines.slice(900).join('\n')}\n`)
    const db = join(dir, 'state.duckdb')
    const args = ['--config', 'febrl', '--db', db]
    await run(process.execPath, [bin, 'dedupe', first, ...args, '--out', join(dir, 'first-pairs.csv')])
    const { stdout } = await run(process.execPath, [
      bin,
      'link-new',
      later,
      ...args,
      '--out',
      join(dir, 'later-pairs.csv'),
    ])
    const summary = JSON.parse(stdout).summary
    expect(summary).toMatchObject({ added: 100, replaced: 0, records: 1000 })
    const pairs = parseCsv(readFileSync(join(dir, 'later-pairs.csv'), 'utf8'))
    expect(pairs.length).toBe(summary.newPairs)
    expect(pairs.every((p) => p.file_r === 'later.csv')).toBe(true)
    await expect(
      run(process.execPath, [bin, 'dedupe', first, ...args, '--out', join(dir, 'again.csv')]),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('already holds a list'),
    })
  })

  it('fails with a message and a non-zero code on a bad invocation', async () => {
    await expect(
      run(process.execPath, [bin, 'dedupe', dataset('fake_1000.csv'), '--out', join(dir, 'x.csv')]),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--config is required for dedupe'),
    })
    await expect(run(process.execPath, [bin, 'frob', dataset('fake_1000.csv')])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('unknown command "frob"'),
    })
  })
})

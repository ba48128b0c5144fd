import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InputRow } from './input.ts'
import { createLinker, type Linker } from './linker.ts'
import type { NormalisedRow } from './load.ts'
import { votersPreset } from './presets.ts'
import { ageOn, createRowRules, crossRowFindings, type Finding } from './quality.ts'
import { areaStatistics, robustOutliers } from './stats.ts'

const base = {
  voter_id: 'v1',
  fin: '5ABC12D',
  id_card: 'AA1234567',
  last_name: 'Məmmədov',
  first_name: 'Əli',
  patronymic: 'Həsən oğlu',
  sex: 'K',
  birth_date: '1980-05-06',
  constituency: '12',
  precinct: '12-005',
  city: 'Bakı',
  street: 'Nizami küçəsi',
  house: '5',
  apartment: '12',
}

let linker: Linker
const findings: Finding[] = []
const rules: { check?: (row: NormalisedRow) => Finding[] } = {}

const rows = (list: Record<string, string | null>[]) =>
  (async function* (): AsyncGenerator<InputRow> {
    for (const [i, values] of list.entries()) yield { file: 'list.csv', line: i + 2, values }
  })()

const check = async (values: Partial<Record<keyof typeof base, string | null>>) => {
  findings.length = 0
  await linker.db.run('DELETE FROM records')
  await linker.load(rows([{ ...base, ...values }]))
  return findings.map((f) => `${f.code}:${f.column}`)
}

beforeAll(async () => {
  linker = await createLinker({
    config: { ...votersPreset, quality: { ...votersPreset.quality, electionDate: '2026-02-07' } },
    onRow: (row) => findings.push(...(rules.check?.(row) ?? [])),
  })
  rules.check = createRowRules(linker.config, { today: '2026-01-15' })
})
afterAll(() => linker.close())

describe('row rules', () => {
  it('finds nothing wrong in a complete, valid entry', async () => {
    expect(await check({})).toEqual([])
  })
  it('reports required fields that are empty', async () => {
    expect(await check({ last_name: null, precinct: '' })).toEqual([
      'required-missing:last_name',
      'required-missing:precinct',
    ])
  })
  it('reports impossible, future and implausible birth dates', async () => {
    expect(await check({ birth_date: '1980-02-30' })).toEqual(['impossible-date:birth_date'])
    expect(await check({ birth_date: '2026-03-01' })).toEqual(['future-birth-date:birth_date'])
    expect(await check({ birth_date: '1899-05-06' })).toEqual(['implausible-birth-date:birth_date'])
  })
  it('reports voters under 18 on election day, not on the day of the check', async () => {
    expect(await check({ birth_date: '2008-02-08' })).toEqual(['under-age:birth_date'])
    expect(await check({ birth_date: '2008-02-07' })).toEqual([])
  })
  it('notes 1 January birth dates as possible placeholders', async () => {
    expect(await check({ birth_date: '1970-01-01' })).toEqual(['default-birth-date:birth_date'])
  })
  it('reports malformed FINs and identity card numbers', async () => {
    expect(await check({ fin: '5ABC12' })).toEqual(['malformed-fin:fin'])
    expect(await check({ id_card: 'AZE1234' })).toEqual(['malformed-id-card:id_card'])
    expect(await check({ fin: '5abc 12d', id_card: 'aze 12345678' })).toEqual([])
  })
  it('reports a sex that contradicts the patronymic', async () => {
    expect(await check({ sex: 'Q' })).toEqual(['sex-patronymic-mismatch:sex'])
    expect(await check({ sex: 'Q', patronymic: 'Həsən qızı' })).toEqual([])
  })
  it('reports incomplete addresses', async () => {
    expect(await check({ house: null })).toEqual(['incomplete-address:house'])
  })
  it('computes age in whole years', () => {
    expect(ageOn('2008-02-08', '2026-02-07')).toBe(17)
    expect(ageOn('2008-02-07', '2026-02-07')).toBe(18)
  })
})

describe('rules across entries', () => {
  it('reports one identifier held by different people, not by a mistyped second entry, and reused record identifiers', async () => {
    await linker.db.run('DELETE FROM records')
    const other = {
      last_name: 'Quliyeva',
      first_name: 'Aynur',
      patronymic: 'Vəli qızı',
      sex: 'Q',
      birth_date: '1990-01-02',
    }
    await linker.load(
      rows([
        base,
        { ...base, ...other, voter_id: 'v2', fin: '7XYZ99Q' },
        { ...base, voter_id: 'v3', first_name: 'Əl', id_card: 'AA7654321' },
        {
          ...base,
          voter_id: 'v3',
          last_name: 'Həsənov',
          first_name: 'Tural',
          birth_date: '1975-03-04',
          id_card: 'AA0000001',
        },
      ]),
    )
    const found = await crossRowFindings(linker.db, linker.config)
    expect(found.map((f) => `${f.code}:${f.column}:${f.line}`)).toEqual([
      'shared-identifier:fin:2',
      'shared-identifier:fin:4',
      'shared-identifier:fin:5',
      'shared-identifier:id_card:2',
      'shared-identifier:id_card:3',
      'duplicate-record-id:voter_id:4',
      'duplicate-record-id:voter_id:5',
    ])
    expect(found[0]?.message).toBe('"5ABC12D" is also held by 1 other person')
    expect(found[2]?.message).toBe('"5ABC12D" is also held by 2 other people')
  })
})

describe('statistics per precinct and constituency', () => {
  it('flags robust outliers and not ordinary spread', () => {
    expect(robustOutliers([0.5, 0.51, 0.49, 0.5, 0.52, 0.48, 0.9], 3.5)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      true,
    ])
    expect(robustOutliers([1, 1, 1], 3.5)).toEqual([false, false, false])
  })
  it('counts voters by sex and age and compares them with population figures', async () => {
    await linker.db.run('DELETE FROM records')
    const list: Record<string, string | null>[] = []
    for (let p = 1; p <= 8; p++)
      for (let i = 0; i < 20; i++)
        list.push({
          ...base,
          voter_id: `${p}-${i}`,
          precinct: `12-00${p}`,
          sex: i % 2 || p === 8 ? 'K' : 'Q',
          birth_date: `${1950 + i * 2}-06-01`,
        })
    await linker.load(rows(list))
    const population = new Map([
      ['12-001', 20],
      ['12-002', 10],
    ])
    const stats = await areaStatistics(linker.db, linker.config, { electionDate: '2026-02-07', population })
    const precincts = stats.filter((s) => s.level === 'precinct')
    expect(precincts).toHaveLength(8)
    expect(precincts[0]).toMatchObject({
      area: '12-001',
      voters: 20,
      male: 10,
      female: 10,
      age60plus: 8,
      expected: 20,
      flags: [],
    })
    expect(precincts[1]?.flags).toEqual(['voters 20 vs population 10 (100.0 %)'])
    expect(precincts[7]?.flags).toEqual(['unusual share of men'])
    expect(stats.filter((s) => s.level === 'constituency')).toEqual([
      expect.objectContaining({ area: '12', voters: 160, male: 90, female: 70 }),
    ])
  })
})

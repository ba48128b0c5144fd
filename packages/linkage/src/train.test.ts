import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordsViewSql } from './blocking.ts'
import { type LinkageConfig, type LinkageConfigInput, parseConfig } from './config.ts'
import { type Db, openDb } from './db.ts'
import { createRecordsTable, loadRows } from './load.ts'
import { estimateLambda, estimateU } from './train.ts'

let db: Db
beforeAll(async () => {
  db = await openDb({ threads: 1 })
})
afterAll(() => db.close())

type Row = Record<string, string | null>

/** Stores lists (one per source file, numbered in order) through the real load, ready for training. */
const store = async (input: LinkageConfigInput, ...lists: Row[][]): Promise<LinkageConfig> => {
  const config = parseConfig(input)
  await db.run('DROP TABLE IF EXISTS records')
  await createRecordsTable(db, config)
  let rid = 0
  for (const [src, list] of lists.entries()) {
    const rows = async function* () {
      for (const [i, values] of list.entries()) yield { file: `${src}.csv`, line: i + 2, values }
    }
    rid += await loadRows(db, config, rows(), { src, startRid: rid, onProblem: () => {}, workers: 0 })
  }
  await db.run(recordsViewSql(config))
  return config
}

describe('u from random pairs', () => {
  // 100 voters: half men, half women; house numbers 1-3 on 75 of them (25 each), missing on 25; a
  // voter number of their own.
  const voters: Row[] = Array.from({ length: 100 }, (_, i) => ({
    id: `v${i}`,
    sex: i % 2 === 0 ? 'K' : 'Q',
    house: i < 75 ? String((i % 3) + 1) : null,
    code: `c${i}`,
  }))
  const input = (training: Partial<LinkageConfigInput['training']> = {}): LinkageConfigInput => ({
    id: 'id',
    columns: { sex: { kind: 'sex' }, house: { kind: 'code' }, code: { kind: 'code' } },
    comparisons: [
      { column: 'sex', method: 'exact' },
      { column: 'house', method: 'exact' },
      { column: 'code', method: 'exact' },
    ],
    blocking: [['sex']],
    training: { deterministic: [['code']], ...training },
  })

  // Levels of the `exact` method: 0 missing, 1 different, 2 exact.
  it('is the chance that two different voters drawn at random agree, among pairs with both values', async () => {
    const config = await store(input(), voters)
    const { u, pairs } = await estimateU(db, config, 100)
    // At least 300,000 draws; the ones that draw a voter twice are dropped (about 1 in 100).
    expect(pairs).toBeGreaterThan(295_000)
    expect(pairs).toBeLessThan(300_000)
    const [sex, house, code] = u
    // Same sex: 2 · 50 · 49 of the 100 · 99 ordered pairs of different voters.
    expect(sex?.[2]).toBeCloseTo((2 * 50 * 49) / (100 * 99), 2)
    expect(sex?.[1]).toBeCloseTo(1 - (2 * 50 * 49) / (100 * 99), 2)
    // House: pairs with a missing value are left out, so 3 · 25 · 24 of 75 · 74.
    expect(house?.[2]).toBeCloseTo((3 * 25 * 24) / (75 * 74), 2)
    expect((house?.[1] ?? 0) + (house?.[2] ?? 0)).toBeCloseTo(1, 10)
    // Never seen to agree: half a pair, not zero, so the weight stays finite.
    expect(code?.[2]).toBeCloseTo(0.5 / pairs, 12)
    // The missing level carries no evidence.
    expect(u.map((levels) => levels[0])).toEqual([1, 1, 1])
  })

  it('draws no more pairs than training.uSamplePairs', async () => {
    const config = await store(input({ uSamplePairs: 1000 }), voters)
    const { pairs, u } = await estimateU(db, config, 100)
    expect(pairs).toBeGreaterThan(970)
    expect(pairs).toBeLessThanOrEqual(1000)
    expect(u[0]?.[2]).toBeCloseTo(0.495, 1)
  })

  it('draws only pairs across the two files when linking', async () => {
    // Men in one file, women in the other: a pair across the files never agrees on sex.
    const men = voters.filter((v) => v.sex === 'K')
    const women = voters.filter((v) => v.sex === 'Q')
    const config = await store({ ...input(), mode: 'link' }, men, women)
    const { u, pairs } = await estimateU(db, config, 100)
    // About half of the draws fall across the files.
    expect(pairs).toBeGreaterThan(140_000)
    expect(pairs).toBeLessThan(160_000)
    expect(u[0]?.[2]).toBeCloseTo(0.5 / pairs, 12)
    expect(u[0]?.[1]).toBe(1)
  })
})

describe('the prior from strict rules', () => {
  const input: LinkageConfigInput = {
    id: 'id',
    columns: { fin: { kind: 'fin' }, last: { kind: 'surname' }, first: { kind: 'name' } },
    comparisons: [{ column: 'first', method: 'name' }],
    blocking: [['last']],
    training: {
      deterministic: [['fin'], ['last', 'first']],
      recall: 0.8,
    },
  }
  const row = (id: string, fin: string | null, last: string, first: string): Row => ({ id, fin, last, first })

  it('counts each pair the rules find once and scales it by the assumed recall', async () => {
    const config = await store(input, [
      // Three pairs by FIN.
      row('1', 'AAAAAA1', 'Əliyev', 'Əli'),
      row('2', 'AAAAAA1', 'Quliyev', 'Vəli'),
      row('3', 'AAAAAA1', 'Həsənov', 'Rəşad'),
      // One pair found by both rules: counted once.
      row('4', 'BBBBBB2', 'Kərimov', 'Elçin'),
      row('5', 'BBBBBB2', 'Kərimov', 'Elçin'),
      // One pair by names alone; the missing FINs do not agree with each other.
      row('6', null, 'Rzayev', 'Tural'),
      row('7', null, 'Rzayev', 'Tural'),
      row('8', null, 'Nəbiyev', 'Orxan'),
      row('9', null, 'Cəfərov', 'Samir'),
      row('10', 'CCCCCC3', 'Babayev', 'Anar'),
    ])
    const { lambda, pairs } = await estimateLambda(db, config, 10)
    expect(pairs).toBe(5)
    // 5 pairs found, believed to be 80 % of the true ones, among 10 · 9 / 2 possible pairs.
    expect(lambda).toBeCloseTo(5 / 0.8 / 45, 12)
  })

  it('counts only pairs across the files, among left · right possible ones, when linking', async () => {
    const config = await store(
      { ...input, mode: 'link' },
      [
        row('a1', 'AAAAAA1', 'Əliyev', 'Əli'),
        row('a2', 'BBBBBB2', 'Quliyev', 'Vəli'),
        row('a3', null, 'X', 'Y'),
      ],
      [
        row('b1', 'AAAAAA1', 'Əliyev', 'Əli'),
        row('b2', null, 'Quliyev', 'Vəli'),
        // A pair inside the second file does not count when linking.
        row('b3', 'DDDDDD4', 'Rzayev', 'Tural'),
        row('b4', 'DDDDDD4', 'Rzayev', 'Tural'),
      ],
    )
    const { lambda, pairs } = await estimateLambda(db, config, 7, 3)
    expect(pairs).toBe(2)
    expect(lambda).toBeCloseTo(2 / 0.8 / (3 * 4), 12)
  })

  it('never sets the prior above one half', async () => {
    const config = await store(input, [row('1', 'AAAAAA1', 'A', 'B'), row('2', 'AAAAAA1', 'C', 'D')])
    expect((await estimateLambda(db, config, 2)).lambda).toBe(0.5)
  })
})

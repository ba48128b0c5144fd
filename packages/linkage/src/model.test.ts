import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { candidatePairsSql, recordsViewSql } from './blocking.ts'
import { exactLevel, levelLabels } from './comparisons.ts'
import { type LinkageConfig, parseConfig } from './config.ts'
import { type Db, openDb } from './db.ts'
import { createRecordsTable, loadRows, refreshTermFrequencies } from './load.ts'
import { levelWeights, log2, type Model, scoreSelectSql } from './model.ts'

// A list of 100 surnames: 90 "Məmmədov" (a common name), 2 "Dünyamalıyev" (a rare one), 8 others.
const surnames = [
  ...Array.from({ length: 90 }, () => 'Məmmədov'),
  'Dünyamalıyev',
  'Dünyamalıyev',
  ...['Quliyev', 'Həsənov', 'Əliyev', 'Kərimov', 'Rzayev', 'Nəbiyev', 'Cəfərov', 'Babayev'],
]

const configWith = (tf: boolean): LinkageConfig =>
  parseConfig({
    id: 'id',
    columns: { last: { kind: 'surname' } },
    comparisons: [{ column: 'last', method: 'name', tf }],
    blocking: [['last']],
    training: { deterministic: [['last']] },
  })

// m and u chosen by hand: the exact level has m = 0.9 and, without adjustment, u = 0.05.
const modelFor = (config: LinkageConfig): Model => ({
  version: 1,
  lambda: 0.01,
  comparisons: config.comparisons.map((c) => {
    const labels = levelLabels(c)
    const exact = exactLevel(c)
    return {
      ...c,
      labels,
      m: labels.map((_, k) => (k === exact ? 0.9 : 0.1 / (labels.length - 2))),
      u: labels.map((_, k) => (k === exact ? 0.05 : 0.95 / (labels.length - 2))),
    }
  }),
  training: { uPairs: 0, deterministicPairs: 0, rules: [] },
})

let db: Db
beforeAll(async () => {
  db = await openDb({ threads: 1 })
})
afterAll(() => db.close())

/** The scored weight of the last-name comparison for a pair of each surname, through the real SQL. */
const weightsBySurname = async (tf: boolean): Promise<Map<string, number>> => {
  const config = configWith(tf)
  await db.run('DROP TABLE IF EXISTS records')
  await createRecordsTable(db, config)
  const rows = async function* () {
    for (const [i, last] of surnames.entries())
      yield { file: 't.csv', line: i + 2, values: { id: `r${i}`, last } }
  }
  await loadRows(db, config, rows(), { src: 0, startRid: 0, onProblem: () => {}, workers: 0 })
  await refreshTermFrequencies(db, tf ? ['last'] : [])
  await db.run(recordsViewSql(config))
  await db.run(`CREATE OR REPLACE TABLE pairs AS ${candidatePairsSql(config)}`)
  const weights = await db.all<{ last: string; w: number }>(
    `SELECT DISTINCT r.last, p.w_last AS w FROM (SELECT rid_l, ${scoreSelectSql(modelFor(config))} FROM pairs) p JOIN records r ON r.rid = p.rid_l`,
  )
  return new Map(weights.map((r) => [r.last, r.w]))
}

describe('term-frequency adjustment', () => {
  it('weighs agreement on a common surname less than on a rare one at the same level', async () => {
    const weights = await weightsBySurname(true)
    const common = weights.get('məmmədov') ?? Number.NaN
    const rare = weights.get('dünyamalıyev') ?? Number.NaN
    // u of the exact level becomes the share of the list holding the agreed value.
    expect(common).toBeCloseTo(log2(0.9 / 0.9), 5)
    expect(rare).toBeCloseTo(log2(0.9 / 0.02), 5)
    expect(rare - common).toBeGreaterThan(5)
  })

  it('gives both the weight of the exact level when the column is not adjusted', async () => {
    const weights = await weightsBySurname(false)
    const [comparison] = modelFor(configWith(false)).comparisons
    const exact = comparison ? levelWeights(comparison)[exactLevel(comparison)] : Number.NaN
    expect(exact).toBeCloseTo(log2(0.9 / 0.05), 10)
    expect(weights.get('məmmədov')).toBeCloseTo(exact ?? Number.NaN, 5)
    expect(weights.get('dünyamalıyev')).toBeCloseTo(exact ?? Number.NaN, 5)
  })
})

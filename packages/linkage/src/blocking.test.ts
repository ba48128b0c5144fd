import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { candidatePairsSql, recordsViewSql } from './blocking.ts'
import { parseConfig } from './config.ts'
import { type Db, openDb } from './db.ts'
import { createRecordsTable, loadRows } from './load.ts'

const config = parseConfig({
  id: 'id',
  columns: { last: { kind: 'surname' }, first: { kind: 'name' } },
  comparisons: [{ column: 'first', method: 'name' }],
  // Two rules that overlap: entries 0 and 1 share both surname and first name.
  blocking: [['last'], ['first']],
  training: { deterministic: [['last']] },
})

// rid: surname, first name
const list: [string | null, string | null][] = [
  ['Əliyev', 'Əli'],
  ['Əliyev', 'Əli'],
  ['Əliyev', 'Vəli'],
  ['Quliyev', 'Əli'],
  [null, null],
]

let db: Db
beforeAll(async () => {
  db = await openDb({ threads: 1 })
  await createRecordsTable(db, config)
  const rows = async function* () {
    for (const [i, [last, first]] of list.entries())
      yield { file: 't.csv', line: i + 2, values: { id: `r${i}`, last, first } }
  }
  await loadRows(db, config, rows(), { src: 0, startRid: 0, onProblem: () => {}, workers: 0 })
  await db.run(recordsViewSql(config))
})
afterAll(() => db.close())

const pairs = (sql: string) =>
  db.all<{ l: number; r: number; rules: number }>(
    `SELECT rid_l AS l, rid_r AS r, rules FROM (${sql}) ORDER BY rid_l, rid_r`,
  )

describe('candidate pairs', () => {
  it('gives each pair once when two rules overlap, with a bit for every rule it satisfies', async () => {
    expect(await pairs(candidatePairsSql(config))).toEqual([
      { l: 0, r: 1, rules: 0b11 }, // same surname and same first name: found by both rules, kept once
      { l: 0, r: 2, rules: 0b01 },
      { l: 0, r: 3, rules: 0b10 },
      { l: 1, r: 2, rules: 0b01 },
      { l: 1, r: 3, rules: 0b10 },
    ])
  })

  it('pairs only entries numbered from newFrom on with the others, for incremental linking', async () => {
    expect(await pairs(candidatePairsSql(config, { newFrom: 3 }))).toEqual([
      { l: 0, r: 3, rules: 0b10 },
      { l: 1, r: 3, rules: 0b10 },
    ])
  })
})

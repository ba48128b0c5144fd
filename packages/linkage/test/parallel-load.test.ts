import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../src/config.ts'
import { openDb } from '../src/db.ts'
import { type Problem, readRows } from '../src/input.ts'
import { createLinker } from '../src/linker.ts'
import { createRecordsTable, loadRows, type NormalisedRow } from '../src/load.ts'
import { votersPreset } from '../src/presets.ts'

const dir = mkdtempSync(join(tmpdir(), 'linkage-parallel-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const config = parseConfig({ ...votersPreset, truth: { column: 'person', pattern: '^p-(\\d+)' } })
const HEADER = [
  'voter_id',
  'person',
  'fin',
  'id_card',
  'last_name',
  'first_name',
  'patronymic',
  'sex',
  'birth_date',
  'constituency',
  'precinct',
  'city',
  'street',
  'house',
  'apartment',
]
const SURNAMES = ['Məmmədov', 'MAMEDOVA', 'Əliyev', 'Алиева', 'Hüseynov', 'Quliyeva', ' -- ', 'Hasanov\tX']
const NAMES = ['Əli', 'Vəli', 'Севиндж', 'Aysel', 'Rəşad', '???', 'Leyla', 'Kamal']
const PATRONYMICS = ['Həsən oğlu', 'Ahmed qızı', 'Гасан оглы', 'Elçin oglu', '', 'Rauf kizi']
const DATES = ['1980-01-02', '02.01.1980', '1990/5/6', '31.02.1975', '', '1955-12-31', '7 mart 1966']

/** A list of `n` rows with the faults a commission's file has: blanks, bad dates, broken quotes. */
const messyList = (n: number): string => {
  const lines = [HEADER.join(',')]
  for (let i = 0; i < n; i++) {
    const pick = <T>(xs: readonly T[], k: number) => xs[(i * k + (i >> 3)) % xs.length] as T
    if (i % 997 === 5) {
      lines.push('')
      continue
    }
    const fields = [
      i % 101 === 7 ? '' : `V${i}`,
      `p-${i >> 1}`,
      i % 13 === 0 ? '' : `${(1_000_000 + i * 7919).toString(36).toUpperCase().slice(0, 7)}`,
      i % 11 === 0 ? `AZE${String(10_000_000 + i).slice(0, 8)}` : `AA${String(1_000_000 + i)}`,
      pick(SURNAMES, 3),
      pick(NAMES, 5),
      pick(PATRONYMICS, 7),
      i % 3 === 0 ? 'K' : 'q',
      pick(DATES, 11),
      String(1 + (i % 125)),
      String(i % 40),
      i % 17 === 0 ? '"Bakı, Nəsimi"' : 'Gəncə',
      `"Nizami küç. ${i % 50}"`,
      String(i % 200),
      i % 9 === 0 ? '' : String(i % 90),
    ]
    if (i % 1499 === 3) fields[12] = '"Füzuli\nküç."'
    if (i % 2503 === 4) fields.push('extra')
    if (i % 3001 === 6) fields[4] = '"Qasımov'
    lines.push(fields.join(','))
  }
  return `${lines.join('\r\n')}\r\n`
}

type Run = {
  count: number
  records: unknown[]
  problems: Problem[]
  rows: NormalisedRow[]
  progress: number[]
}

const load = async (path: string, workers: number, share: boolean, startRid = 0): Promise<Run> => {
  const db = await openDb({ threads: 2 })
  try {
    await createRecordsTable(db, config)
    const problems: Problem[] = []
    const rows: NormalisedRow[] = []
    const progress: number[] = []
    const onProblem = (p: Problem) => problems.push(p)
    const input = readRows(path, {
      expected: [...HEADER],
      maxFieldLength: config.input.maxFieldLength,
      onProblem,
    })
    const count = await loadRows(db, config, input, {
      src: 1,
      startRid,
      onProblem,
      onRow: (row) => rows.push(row),
      onProgress: (n) => progress.push(n),
      workers,
      share,
    })
    const records = await db.all('SELECT * FROM records ORDER BY rid')
    return { count, records, problems, rows, progress }
  } finally {
    db.close()
  }
}

describe('normalising in worker threads', () => {
  const path = join(dir, 'messy.csv')
  writeFileSync(path, messyList(53_000))

  it('stores, reports and passes on exactly what the main thread alone does', async () => {
    const alone = await load(path, 0, false, 17)
    expect(alone.count).toBeGreaterThan(52_000)
    const codes = [...new Set(alone.problems.map((p) => p.code))].sort()
    expect(codes).toEqual(
      expect.arrayContaining([
        'empty-line',
        'extra-fields',
        'missing-id',
        'mixed-scripts',
        'text-after-quote',
      ]),
    )
    expect(alone.progress).toEqual([50_000, alone.count])
    for (const [workers, share] of [
      [1, true],
      [2, false],
      [2, true],
    ] as const) {
      const threaded = await load(path, workers, share, 17)
      expect(threaded.count).toBe(alone.count)
      expect(threaded.records).toEqual(alone.records)
      expect(threaded.problems).toEqual(alone.problems)
      expect(threaded.rows).toEqual(alone.rows)
      expect(threaded.progress).toEqual(alone.progress)
    }
  }, 120_000)

  it('stops when the signal fires while the list is read, and leaves no temporary file behind', async () => {
    const temp = join(dir, 'temp')
    const controller = new AbortController()
    let seen = 0
    const linker = await createLinker({
      config,
      db: { threads: 2, tempDirectory: temp },
      signal: controller.signal,
      onRow: () => {
        seen++
        if (seen === 5_000) controller.abort(new Error('stopped by the user'))
      },
    })
    try {
      await expect(linker.load(path)).rejects.toThrow('stopped by the user')
      expect(seen).toBeLessThan(30_000)
      expect(readdirSync(temp)).toEqual([])
      expect(await linker.db.scalar('SELECT count(*) FROM records')).toBe(0)
    } finally {
      linker.close()
    }
  }, 60_000)
})

describe('a stopped load', () => {
  it('stops the threads when the signal fires between batches', async () => {
    const path = join(dir, 'stop.csv')
    writeFileSync(path, messyList(30_000))
    const db = await openDb({ threads: 2 })
    try {
      await createRecordsTable(db, config)
      const controller = new AbortController()
      let seen = 0
      const input = readRows(path, { expected: [...HEADER], maxFieldLength: 200, onProblem: () => {} })
      await expect(
        loadRows(db, config, input, {
          src: 0,
          startRid: 0,
          onProblem: () => {},
          onRow: () => {
            if (++seen === 2_500) controller.abort(new Error('stopped'))
          },
          signal: controller.signal,
          workers: 2,
        }),
      ).rejects.toThrow('stopped')
      expect(seen).toBeLessThan(10_000)
      expect(await db.scalar('SELECT count(*) FROM records')).toBe(0)
    } finally {
      db.close()
    }
  })
})

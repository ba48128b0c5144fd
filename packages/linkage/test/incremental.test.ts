import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { evaluate } from '../src/evaluate.ts'
import { createLinker, type Progress } from '../src/linker.ts'
import { febrlPreset } from '../src/presets.ts'
import { dataset } from './datasets.ts'

const dir = mkdtempSync(join(tmpdir(), 'linkage-incr-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// FEBRL 3 split in two: the verified list (first 4,000 entries) and a batch of 1,000 new ones.
const [header, ...lines] = readFileSync(dataset('febrl-dataset3.csv'), 'utf8').trimEnd().split('\n')
const write = (name: string, rows: string[]) => {
  const path = join(dir, name)
  writeFileSync(path, `${header}\n${rows.join('\n')}\n`)
  return path
}
const verified = write('verified.csv', lines.slice(0, 4000))
const batch = write('batch.csv', lines.slice(4000))

describe('incremental linking', () => {
  it('links a new batch against a stored list with the stored model, as well as a full run', async () => {
    const db = { path: join(dir, 'state.duckdb'), threads: 2 }
    const first = await createLinker({ config: febrlPreset, db })
    await first.load(verified)
    await first.run()
    const model = first.model
    first.close()

    const progress: Progress['stage'][] = []
    const reading: Progress[] = []
    const second = await createLinker({
      config: febrlPreset,
      db,
      onProgress: (p) => {
        progress.push(p.stage)
        if (p.stage === 'read') reading.push(p)
      },
    })
    try {
      expect(second.model).toEqual(model)
      const summary = await second.linkNew(batch)
      expect(summary.added).toBe(1000)
      expect(summary.replaced).toBe(0)
      expect(summary.records).toBe(5000)
      expect(summary.seconds.train).toBe(0)
      expect(second.model).toEqual(model)
      // Only pairs with a new entry were compared this time.
      const oldOnly = await second.db.scalar('SELECT count(*) FROM pairs WHERE rid_r < 4000')
      const withNew = await second.db.scalar('SELECT count(*) FROM pairs WHERE rid_r >= 4000')
      expect(withNew).toBeGreaterThan(1000)
      expect(oldOnly + withNew).toBe(summary.candidatePairs)
      const result = await evaluate(second.db, second.config, [0.5])
      expect(result.byThreshold[0]?.f1).toBeGreaterThanOrEqual(0.995)
      expect(progress).toContain('block')
      expect(progress).toContain('cluster')
      // Reading reports the bytes read against the file's size, so a terminal can draw a bar.
      expect(reading.at(-1)).toMatchObject({
        done: 1000,
        bytes: { done: statSync(batch).size, total: statSync(batch).size },
      })
    } finally {
      second.close()
    }
  })

  it('replaces a corrected entry and re-links it', async () => {
    const db = { path: join(dir, 'state-corrected.duckdb'), threads: 2 }
    const linker = await createLinker({ config: febrlPreset, db })
    try {
      await linker.load(verified)
      await linker.run()
      const original = lines[0] ?? ''
      const id = original.split(',')[0] ?? ''
      const before = await linker.db.scalar(
        `SELECT count(*) FROM scored s JOIN records r ON r.rid IN (s.rid_l, s.rid_r) WHERE r.id = '${id}'`,
      )
      // The correction blanks the given name; the entry must still find its duplicates.
      const corrected = original
        .split(',')
        .map((v, i) => (i === 1 ? ' ' : v))
        .join(',')
      const summary = await linker.linkNew(write('correction.csv', [corrected]))
      expect(summary.replaced).toBe(1)
      expect(summary.records).toBe(4000)
      expect(await linker.db.scalar(`SELECT count(*) FROM records WHERE id = '${id}'`)).toBe(1)
      expect(
        await linker.db.scalar(`SELECT count(*) FROM records WHERE id = '${id}' AND given_name IS NULL`),
      ).toBe(1)
      const after = await linker.db.scalar(
        `SELECT count(*) FROM scored s JOIN records r ON r.rid IN (s.rid_l, s.rid_r) WHERE r.id = '${id}'`,
      )
      expect(after).toBe(before)
    } finally {
      linker.close()
    }
  })

  it('stops when the abort signal fires', async () => {
    const controller = new AbortController()
    const linker = await createLinker({
      config: febrlPreset,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.stage === 'block') controller.abort(new Error('stopped by the user'))
      },
    })
    try {
      await linker.load(verified)
      await expect(linker.run()).rejects.toThrow()
    } finally {
      linker.close()
    }
  })
})

describe('explaining a pair', () => {
  it('gives each field its level and weight, adding up to the weight the pair was scored with', async () => {
    const linker = await createLinker({ config: febrlPreset })
    try {
      await linker.load(verified)
      await linker.run()
      // Stored pairs from both decision bands, each with the partial weights the score was built from.
      const stored = await linker.db.all<Record<string, string | number>>(
        `SELECT l.id AS a, r.id AS b, s.* FROM scored s JOIN records l ON l.rid = s.rid_l JOIN records r ON r.rid = s.rid_r
         ORDER BY hash(s.rid_l, s.rid_r) LIMIT 50`,
      )
      expect(stored.length).toBe(50)
      let adjusted = 0
      for (const pair of stored) {
        const why = await linker.explainPair(String(pair.a), String(pair.b))
        expect(why.weight).toBeCloseTo(Number(pair.weight), 3)
        for (const f of why.fields) expect(f.weight).toBeCloseTo(Number(pair[`w_${f.column}`]), 4)
        if (why.fields.some((f) => Math.abs(f.tfAdjustment) > 0.1)) adjusted++
      }
      // The frequency of the agreed name changes the weight of most pairs: the case the test is about.
      expect(adjusted).toBeGreaterThan(25)

      const [a, b] = ['rec-1496-org', 'rec-552-dup-3']
      const pair = await linker.explainPair(a, b)
      expect(pair.fields.map((f) => f.column)).toEqual(febrlPreset.comparisons.map((c) => c.column))
      expect(pair.weight).toBeCloseTo(pair.prior + pair.fields.reduce((s, f) => s + f.weight, 0), 10)
      expect(pair.probability).toBeLessThan(0.01)
      const same = await linker.explainPair(a, a)
      expect(same.fields.every((f) => f.label === 'exact' || f.label === 'missing')).toBe(true)
      expect(same.probability).toBeGreaterThan(0.99)
      // An exact agreement on a TF column reports the agreed value's frequency and the adjustment.
      const given = same.fields.find((f) => f.column === 'given_name')
      expect(given?.termFrequency).toBeGreaterThan(0)
      expect(given?.tfAdjustment).not.toBe(0)
      await expect(linker.explainPair(a, 'no-such-id')).rejects.toThrow(/no-such-id/)
    } finally {
      linker.close()
    }
  })
})

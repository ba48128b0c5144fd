import { describe, expect, it } from 'vitest'
import type { LinkageConfigInput } from '../src/config.ts'
import { evaluate } from '../src/evaluate.ts'
import { createLinker } from '../src/linker.ts'
import { levelWeights } from '../src/model.ts'
import { fake1000Preset, febrlPreset } from '../src/presets.ts'
import { dataset } from './datasets.ts'

// Floors sit a little under the figures measured on this machine (docs/linkage.md), so a regression in
// normalisation, blocking or training fails the build while run-to-run noise does not.
type Case = {
  name: string
  config: LinkageConfigInput
  files: string[]
  records: number
  blockingRecall: number
  precision: number
  recall: number
  f1: number
}

const cases: Case[] = [
  {
    name: 'FEBRL 1',
    config: febrlPreset,
    files: ['febrl-dataset1.csv'],
    records: 1000,
    blockingRecall: 0.99,
    precision: 0.99,
    recall: 0.99,
    f1: 0.995,
  },
  {
    name: 'FEBRL 2',
    config: febrlPreset,
    files: ['febrl-dataset2.csv'],
    records: 5000,
    blockingRecall: 0.99,
    precision: 0.995,
    recall: 0.99,
    f1: 0.995,
  },
  {
    name: 'FEBRL 3',
    config: febrlPreset,
    files: ['febrl-dataset3.csv'],
    records: 5000,
    blockingRecall: 0.995,
    precision: 0.995,
    recall: 0.995,
    f1: 0.997,
  },
  {
    name: 'FEBRL 4 (link)',
    config: { ...febrlPreset, mode: 'link' },
    files: ['febrl-dataset4a.csv', 'febrl-dataset4b.csv'],
    records: 10_000,
    blockingRecall: 0.999,
    precision: 0.999,
    recall: 0.999,
    f1: 0.999,
  },
  {
    name: 'fake_1000',
    config: fake1000Preset,
    files: ['fake_1000.csv'],
    records: 1000,
    blockingRecall: 0.86,
    precision: 0.97,
    recall: 0.78,
    f1: 0.87,
  },
]

describe('accuracy on the public benchmarks (pairs at match probability >= 0.5)', () => {
  it.each(cases)('$name', async (c) => {
    const linker = await createLinker({ config: c.config, db: { threads: 2 } })
    try {
      await linker.load(c.files.map(dataset))
      const summary = await linker.run()
      const result = await evaluate(linker.db, linker.config, [0.5])
      const at = result.byThreshold[0]
      expect(summary.records).toBe(c.records)
      expect(result.blockingRecall).toBeGreaterThanOrEqual(c.blockingRecall)
      expect(at?.precision).toBeGreaterThanOrEqual(c.precision)
      expect(at?.recall).toBeGreaterThanOrEqual(c.recall)
      expect(at?.f1).toBeGreaterThanOrEqual(c.f1)
      // The trained model must say that agreeing is evidence for a match and disagreeing against it.
      for (const comparison of linker.model?.comparisons ?? []) {
        const w = levelWeights(comparison)
        expect(w[w.length - 1], comparison.column).toBeGreaterThan(0)
        expect(w[1], comparison.column).toBeLessThan(0)
      }
    } finally {
      linker.close()
    }
  })
})

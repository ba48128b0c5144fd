import { describe, expect, it } from 'vitest'
import { parseConfig } from './config.ts'
import { febrlPreset, presets } from './presets.ts'

describe('configuration', () => {
  it('accepts every preset and fills the defaults', () => {
    for (const preset of Object.values(presets)) expect(() => parseConfig(preset)).not.toThrow()
    const config = parseConfig(febrlPreset)
    expect(config.training.uSamplePairs).toBe(2_000_000)
    expect(config.input.maxFieldLength).toBe(1000)
    expect(config.mode).toBe('dedupe')
  })
  it('refuses rules and comparisons on undeclared columns', () => {
    expect(() => parseConfig({ ...febrlPreset, blocking: [['nope']] })).toThrow(/rule key "nope"/)
    expect(() => parseConfig({ ...febrlPreset, comparisons: [{ column: 'nope', method: 'exact' }] })).toThrow(
      /comparison column "nope"/,
    )
  })
  it('refuses a fixed m on a level the comparison does not have', () => {
    expect(() =>
      parseConfig({
        ...febrlPreset,
        comparisons: [{ column: 'soc_sec_id', method: 'id', fixedM: { typo: 0.1 } }],
      }),
    ).toThrow(/fixedM names no level/)
  })
  it('refuses a review threshold above the match threshold and unknown methods', () => {
    expect(() => parseConfig({ ...febrlPreset, thresholds: { match: 0.6, review: 0.9 } })).toThrow(/review/)
    expect(() =>
      parseConfig({ ...febrlPreset, comparisons: [{ column: 'surname', method: 'soundex' }] }),
    ).toThrow()
  })
})

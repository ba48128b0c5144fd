import { describe, expect, it } from 'vitest'
import { applyFixed, initialM, type Pattern, runEm } from './em.ts'

// Expected pattern counts of a population with known lambda, m and u: with exact expected counts the
// true parameters are the maximum-likelihood answer, so EM must find them.
const expectedPatterns = (lambda: number, m: number[][], u: number[][], total: number): Pattern[] => {
  const out: Pattern[] = []
  const walk = (c: number, levels: number[], pm: number, pu: number) => {
    if (c === m.length) {
      out.push({ levels, count: total * (lambda * pm + (1 - lambda) * pu) })
      return
    }
    for (let k = 1; k < (m[c]?.length ?? 0); k++)
      walk(c + 1, [...levels, k], pm * (m[c]?.[k] ?? 0), pu * (u[c]?.[k] ?? 0))
  }
  walk(0, [], 1, 1)
  return out
}

describe('EM over pattern counts', () => {
  const m = [
    [1, 0.05, 0.15, 0.8],
    [1, 0.1, 0.9],
    [1, 0.02, 0.08, 0.2, 0.7],
  ]
  const u = [
    [1, 0.9, 0.08, 0.02],
    [1, 0.7, 0.3],
    [1, 0.85, 0.1, 0.04, 0.01],
  ]

  it('recovers known m and lambda with u fixed', () => {
    const result = runEm({
      patterns: expectedPatterns(0.2, m, u, 100_000),
      levelCounts: [4, 3, 5],
      u,
      active: [true, true, true],
      maxIterations: 2000,
      tolerance: 1e-10,
    })
    expect(result.converged).toBe(true)
    expect(result.lambda).toBeCloseTo(0.2, 4)
    result.m.forEach((row, c) => {
      row.forEach((value, k) => {
        if (k > 0) expect(value).toBeCloseTo(m[c]?.[k] ?? 0, 3)
      })
    })
  })

  it('leaves inactive comparisons at their starting values', () => {
    const result = runEm({
      patterns: expectedPatterns(0.2, m, u, 10_000),
      levelCounts: [4, 3, 5],
      u,
      active: [true, false, true],
    })
    expect(result.m[1]).toEqual(initialM(3))
  })

  it('ignores the missing level', () => {
    const patterns: Pattern[] = [
      { levels: [0, 2], count: 500 },
      ...expectedPatterns(0.3, [m[1] ?? []], [u[1] ?? []], 1000).map((p) => ({
        levels: [0, ...p.levels],
        count: p.count,
      })),
    ]
    const result = runEm({ patterns, levelCounts: [4, 3], u: [u[0] ?? [], u[1] ?? []], active: [true, true] })
    expect(result.m[0]).toEqual(initialM(4))
  })

  it('returns the start when there are no pairs', () => {
    const result = runEm({ patterns: [], levelCounts: [3], u: [[1, 0.9, 0.1]], active: [true] })
    expect(result.iterations).toBe(0)
    expect(result.converged).toBe(false)
  })
})

describe('fixed m probabilities', () => {
  it('keeps a fixed level and rescales the learnt ones around it', () => {
    expect(applyFixed([1, 0.2, 0.3, 0.5], [undefined, 0.01, undefined, undefined])).toEqual([
      1,
      0.01,
      expect.closeTo(0.3 * (0.99 / 0.8), 10),
      expect.closeTo(0.5 * (0.99 / 0.8), 10),
    ])
    expect(applyFixed([1, 0.2, 0.8], undefined)).toEqual([1, 0.2, 0.8])
  })
  it('holds the fixed level through EM', () => {
    const m = [
      [1, 0.1, 0.9],
      [1, 0.2, 0.8],
    ]
    const u = [
      [1, 0.9, 0.1],
      [1, 0.8, 0.2],
    ]
    const result = runEm({
      patterns: expectedPatterns(0.3, m, u, 10_000),
      levelCounts: [3, 3],
      u,
      active: [true, true],
      fixedM: [[undefined, 0.01, undefined], []],
    })
    expect(result.m[0]?.[1]).toBe(0.01)
    expect(result.m[0]?.[2]).toBeCloseTo(0.99, 10)
  })
})

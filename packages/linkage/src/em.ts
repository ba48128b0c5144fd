/** One distinct comparison vector and how many candidate pairs have it (fastLink's pattern counts). */
export type Pattern = { levels: readonly number[]; count: number }

export type EmOptions = {
  patterns: readonly Pattern[]
  /** Number of levels per comparison, level 0 ("missing") included. */
  levelCounts: readonly number[]
  /** Fixed u probabilities per comparison and level (from random pairs). */
  u: readonly (readonly number[])[]
  /** Comparisons to estimate; the others are ignored (their columns were used to block the pairs). */
  active: readonly boolean[]
  lambda0?: number
  m0?: readonly (readonly number[])[]
  /** m values held fixed per comparison and level (undefined = learnt). */
  fixedM?: readonly (readonly (number | undefined)[])[]
  maxIterations?: number
  tolerance?: number
}

export type EmResult = { m: number[][]; lambda: number; iterations: number; converged: boolean }

// Small floor so that a level nobody matched on does not get an infinite negative weight.
const FLOOR = 1e-6

/** Puts the fixed levels in place and scales the learnt ones to fill the rest of the probability. */
export const applyFixed = (m: number[], fixed: readonly (number | undefined)[] | undefined): number[] => {
  if (!fixed?.some((x) => x !== undefined)) return m
  const fixedSum = fixed.reduce<number>((a, x, k) => (k > 0 && x !== undefined ? a + x : a), 0)
  const freeSum = m.reduce((a, x, k) => (k > 0 && fixed[k] === undefined ? a + x : a), 0)
  return m.map((x, k) => {
    if (k === 0) return x
    const f = fixed[k]
    if (f !== undefined) return f
    return freeSum > 0 ? (x / freeSum) * (1 - fixedSum) : x
  })
}

/** Starting m: rising with the level, so the strongest agreement starts as the most likely for matches. */
export const initialM = (levels: number): number[] => {
  const raw = Array.from({ length: levels }, (_, k) => (k === 0 ? 0 : 4 ** k))
  const total = raw.reduce((a, b) => a + b, 0)
  return raw.map((x, k) => (k === 0 ? 1 : x / total))
}

/**
 * Expectation-maximisation for the m probabilities and the share of matches among the patterns, with u
 * held fixed (Splink's approach: u from random pairs is reliable, EM for it under blocking is not).
 */
export const runEm = (options: EmOptions): EmResult => {
  const { patterns, levelCounts, u, active } = options
  const maxIterations = options.maxIterations ?? 100
  const tolerance = options.tolerance ?? 1e-7
  const m = levelCounts.map((n, c) => applyFixed([...(options.m0?.[c] ?? initialM(n))], options.fixedM?.[c]))
  let lambda = options.lambda0 ?? 0.5
  const total = patterns.reduce((a, p) => a + p.count, 0)
  if (total === 0) return { m, lambda, iterations: 0, converged: false }
  // Per-pattern u-likelihood does not change between iterations.
  const uProduct = patterns.map((p) => {
    let prod = 1
    for (let c = 0; c < levelCounts.length; c++) {
      const level = p.levels[c] ?? 0
      if (active[c] && level > 0) prod *= u[c]?.[level] ?? FLOOR
    }
    return prod
  })
  let iterations = 0
  let converged = false
  while (iterations < maxIterations) {
    iterations++
    const acc = levelCounts.map((n) => new Array<number>(n).fill(0))
    let matchMass = 0
    patterns.forEach((p, i) => {
      let mProd = 1
      for (let c = 0; c < levelCounts.length; c++) {
        const level = p.levels[c] ?? 0
        if (active[c] && level > 0) mProd *= m[c]?.[level] ?? FLOOR
      }
      const a = lambda * mProd
      const b = (1 - lambda) * (uProduct[i] ?? 1)
      const posterior = a + b > 0 ? a / (a + b) : 0
      const mass = posterior * p.count
      matchMass += mass
      for (let c = 0; c < levelCounts.length; c++) {
        const level = p.levels[c] ?? 0
        const row = acc[c]
        if (row && level > 0) row[level] = (row[level] ?? 0) + mass
      }
    })
    let change = Math.abs(matchMass / total - lambda)
    lambda = Math.min(1 - FLOOR, Math.max(FLOOR, matchMass / total))
    for (let c = 0; c < levelCounts.length; c++) {
      if (!active[c]) continue
      const row = acc[c] ?? []
      const sum = row.reduce((a, b, k) => (k === 0 ? a : a + b), 0)
      if (sum <= 0) continue
      const mc = m[c] ?? []
      const next = applyFixed(
        row.map((x, k) => (k === 0 ? 1 : Math.max(FLOOR, x / sum))),
        options.fixedM?.[c],
      )
      for (let k = 1; k < row.length; k++) {
        change = Math.max(change, Math.abs((next[k] ?? 0) - (mc[k] ?? 0)))
        mc[k] = next[k] ?? FLOOR
      }
    }
    if (change < tolerance) {
      converged = true
      break
    }
  }
  return { m, lambda, iterations, converged }
}

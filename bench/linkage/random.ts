/** Seeded generator (mulberry32): the same seed gives the same list on every machine. */
export const createRandom = (seed: number) => {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number): number => Math.floor(next() * n)
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T
  const cumulative = new Map<readonly unknown[], number[]>()
  /** Zipf-like choice: the k-th item has weight 1 / k^s, so a few names are very common. */
  const zipf = <T>(xs: readonly T[], s: number): T => {
    let cdf = cumulative.get(xs)
    if (!cdf) {
      let acc = 0
      cdf = xs.map((_, k) => {
        acc += 1 / (k + 1) ** s
        return acc
      })
      cumulative.set(xs, cdf)
    }
    const target = next() * (cdf[cdf.length - 1] ?? 1)
    let lo = 0
    let hi = cdf.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((cdf[mid] ?? 0) < target) lo = mid + 1
      else hi = mid
    }
    return xs[lo] as T
  }
  return { next, int, pick, zipf }
}

export type Random = ReturnType<typeof createRandom>

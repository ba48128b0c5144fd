import { comparisonSelectSql, countPairsSql, gammaColumn } from './blocking.ts'
import { comparisonColumns, levelLabels } from './comparisons.ts'
import type { LinkageConfig } from './config.ts'
import type { Db } from './db.ts'
import { applyFixed, initialM, type Pattern, runEm } from './em.ts'
import type { Model } from './model.ts'

const levelCountsOf = (config: LinkageConfig): number[] =>
  config.comparisons.map((c) => levelLabels(c).length)

/**
 * u probabilities from record pairs drawn at random. The draw uses DuckDB's hash of a counter rather
 * than random(), so a run gives the same model every time.
 */
export const estimateU = async (
  db: Db,
  config: LinkageConfig,
  records: number,
): Promise<{ u: number[][]; pairs: number }> => {
  // Ten random pairs per record (at least 300,000) estimate every level's u well; more only costs time.
  const sample = Math.min(config.training.uSamplePairs, Math.max(300_000, 10 * records))
  const gammas = config.comparisons.map((c) => gammaColumn(c.column))
  const link = config.mode === 'link' ? ' AND l.src <> r.src' : ''
  const rows = await db.all<Record<string, number>>(
    `WITH p AS (SELECT (hash(i) % ${records})::INTEGER AS a, (hash(i + ${7919 * records + 104_729}::BIGINT) % ${records})::INTEGER AS b FROM range(${sample}) t(i)),
     g AS (SELECT ${comparisonSelectSql(config)} FROM p JOIN rec l ON l.rid = p.a JOIN rec r ON r.rid = p.b WHERE p.a <> p.b${link})
     SELECT ${gammas.map((g, i) => `${g} AS g${i}`).join(', ')}, count(*) AS n FROM g GROUP BY ALL`,
  )
  const levelCounts = levelCountsOf(config)
  const counts = levelCounts.map((n) => new Array<number>(n).fill(0))
  let pairs = 0
  for (const row of rows) {
    pairs += row.n ?? 0
    levelCounts.forEach((_, c) => {
      const level = row[`g${c}`] ?? 0
      const target = counts[c]
      if (target) target[level] = (target[level] ?? 0) + (row.n ?? 0)
    })
  }
  // Half a pair for levels never seen: a random pair agreeing exactly on a long identifier is rare, not impossible.
  const u = counts.map((row) => {
    const known = row.reduce((a, b, k) => (k === 0 ? a : a + b), 0)
    return row.map((x, k) => (k === 0 ? 1 : Math.max(x, 0.5) / Math.max(known, 1)))
  })
  return { u, pairs }
}

/** The prior from strict rules: pairs they find, scaled up by the share of true pairs they are believed to find. */
export const estimateLambda = async (
  db: Db,
  config: LinkageConfig,
  records: number,
  left?: number,
): Promise<{ lambda: number; pairs: number }> => {
  const pairs = await db.scalar(countPairsSql(config, config.training.deterministic))
  const possible =
    config.mode === 'link' && left !== undefined ? left * (records - left) : (records * (records - 1)) / 2
  const lambda = Math.min(0.5, Math.max(1e-12, pairs / config.training.recall / Math.max(possible, 1)))
  return { lambda, pairs }
}

/** Pattern counts of the candidate pairs, per blocking rule that the pair satisfies. */
export const patternsByRule = async (db: Db, config: LinkageConfig): Promise<Pattern[][]> => {
  const gammas = config.comparisons.map((c) => gammaColumn(c.column))
  const rows = await db.all<Record<string, number>>(
    `SELECT rules, ${gammas.map((g, i) => `${g} AS g${i}`).join(', ')}, count(*) AS n FROM pairs GROUP BY ALL`,
  )
  return config.blocking.map((_, r) =>
    rows
      .filter((row) => ((row.rules ?? 0) & (1 << r)) !== 0)
      .map((row) => ({ levels: gammas.map((_, c) => row[`g${c}`] ?? 0), count: row.n ?? 0 })),
  )
}

/**
 * m by EM, one blocking rule at a time (Splink's round robin): the comparisons on a rule's own columns
 * agree by construction there and are left out; each m is the average over the rules that estimated it.
 */
export const trainModel = async (
  db: Db,
  config: LinkageConfig,
  records: number,
  left?: number,
): Promise<Model> => {
  const levelCounts = levelCountsOf(config)
  const { u, pairs: uPairs } = await estimateU(db, config, records)
  const { lambda, pairs: deterministicPairs } = await estimateLambda(db, config, records, left)
  const byRule = await patternsByRule(db, config)
  const sums = levelCounts.map((n) => new Array<number>(n).fill(0))
  const estimates = levelCounts.map(() => 0)
  const rules: Model['training']['rules'] = []
  const fixedM = config.comparisons.map((c) => levelLabels(c).map((label) => c.fixedM?.[label]))
  config.blocking.forEach((rule, r) => {
    const patterns = byRule[r] ?? []
    const keys = new Set(rule.map((k) => k.split('__')[0]))
    const active = config.comparisons.map((c) => !comparisonColumns(c).some((col) => keys.has(col)))
    const total = patterns.reduce((a, p) => a + p.count, 0)
    if (total < 10 || !active.some(Boolean)) {
      rules.push({ rule: [...rule], pairs: total, iterations: 0 })
      return
    }
    const result = runEm({
      patterns,
      levelCounts,
      u,
      active,
      lambda0: 0.5,
      fixedM,
      maxIterations: config.training.maxIterations,
    })
    rules.push({ rule: [...rule], pairs: total, iterations: result.iterations })
    active.forEach((on, c) => {
      if (!on) return
      estimates[c] = (estimates[c] ?? 0) + 1
      result.m[c]?.forEach((value, k) => {
        const row = sums[c]
        if (row) row[k] = (row[k] ?? 0) + value
      })
    })
  })
  const comparisons = config.comparisons.map((c, i) => {
    const n = estimates[i] ?? 0
    const learnt =
      n > 0 ? (sums[i] ?? []).map((x, k) => (k === 0 ? 1 : x / n)) : initialM(levelCounts[i] ?? 2)
    const m = applyFixed(learnt, fixedM[i])
    return { ...c, labels: levelLabels(c), m, u: u[i] ?? [] }
  })
  return { version: 1, lambda, comparisons, training: { uPairs, deterministicPairs, rules } }
}

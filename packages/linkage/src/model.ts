import { gammaColumn, tfColumn } from './blocking.ts'
import { ident } from './comparisons.ts'
import type { ComparisonSpec } from './config.ts'

export type ModelComparison = ComparisonSpec & { labels: string[]; m: number[]; u: number[] }

/** A trained model: a versioned JSON artefact, reused for incremental runs without retraining. */
export type Model = {
  version: 1
  /** Probability that two records drawn at random are the same voter. */
  lambda: number
  comparisons: ModelComparison[]
  training: {
    uPairs: number
    deterministicPairs: number
    rules: { rule: string[]; pairs: number; iterations: number }[]
  }
}

export const log2 = (x: number): number => Math.log(x) / Math.LN2

export const priorWeight = (lambda: number): number => log2(lambda / (1 - lambda))

export const weightForProbability = (p: number): number => log2(p / (1 - p))

export const probabilityForWeight = (w: number): number => 1 / (1 + 2 ** -w)

/** Match weight of each level: log2(m/u); the "missing" level carries no evidence. */
export const levelWeights = (c: ModelComparison): number[] =>
  c.labels.map((_, k) => (k === 0 ? 0 : log2((c.m[k] ?? 1e-6) / (c.u[k] ?? 1e-6))))

const num = (x: number): string => (Number.isFinite(x) ? x.toFixed(6) : '0')

/** SQL for the partial weight of one comparison, with the TF adjustment on its exact level. */
export const partialWeightSql = (c: ModelComparison): string => {
  const weights = levelWeights(c)
  const g = gammaColumn(c.column)
  const cases = weights.map((w, k) => `WHEN ${k} THEN ${num(w)}`).join(' ')
  const base = `(CASE ${g} ${cases} ELSE 0 END)`
  if (!c.tf) return base
  const exact = c.labels.length - 1
  const m = c.m[exact] ?? 1e-6
  // Splink's adjustment: the u of an exact agreement is the frequency of the agreed value.
  return `(CASE WHEN ${g} = ${exact} AND ${tfColumn(c.column)} IS NOT NULL THEN log2(${num(m)} / greatest(${tfColumn(c.column)}, 1e-9)) ELSE ${base} END)`
}

export const weightColumn = (column: string): string => ident(`w_${column}`)

/** Projection of the partial weights and the total match weight of a pair from the pairs table. */
export const scoreSelectSql = (model: Model): string => {
  const parts = model.comparisons.map((c) => `${partialWeightSql(c)}::FLOAT AS ${weightColumn(c.column)}`)
  return parts.join(', ')
}

export const totalWeightSql = (model: Model): string =>
  [num(priorWeight(model.lambda)), ...model.comparisons.map((c) => weightColumn(c.column))].join(' + ')

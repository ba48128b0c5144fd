import type { LinkageConfig } from './config.ts'
import type { Db } from './db.ts'
import { weightForProbability } from './model.ts'

export type Accuracy = {
  threshold: number
  predicted: number
  truePositives: number
  precision: number
  recall: number
  f1: number
}

export type Evaluation = {
  truePairs: number
  /** Share of true pairs that blocking put among the candidates: the ceiling for recall. */
  blockingRecall: number
  candidatePairs: number
  byThreshold: Accuracy[]
  /** Pairs implied by the clusters (transitive closure) against the truth. */
  clusters: Omit<Accuracy, 'threshold'>
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b)

const accuracy = (predicted: number, tp: number, truePairs: number) => {
  const precision = ratio(tp, predicted)
  const recall = ratio(tp, truePairs)
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { predicted, truePositives: tp, precision, recall, f1 }
}

/**
 * Pairwise precision, recall and F1 against the truth column, counting every true pair blocking missed
 * as a false negative. Only for data sets with a known answer.
 */
export const evaluate = async (
  db: Db,
  config: LinkageConfig,
  thresholds: readonly number[] = [config.thresholds.review, config.thresholds.match],
): Promise<Evaluation> => {
  const same = 'l.truth = r.truth'
  const within = await db.scalar(
    'SELECT coalesce(sum(n * (n - 1) / 2), 0)::BIGINT FROM (SELECT count(*) AS n FROM records WHERE truth IS NOT NULL GROUP BY truth)',
  )
  const sameSource = await db.scalar(
    'SELECT coalesce(sum(n * (n - 1) / 2), 0)::BIGINT FROM (SELECT count(*) AS n FROM records WHERE truth IS NOT NULL GROUP BY truth, src)',
  )
  const truePairs = config.mode === 'link' ? within - sameSource : within
  const join = 'JOIN records l ON l.rid = p.rid_l JOIN records r ON r.rid = p.rid_r'
  const blocked = await db.scalar(`SELECT count(*) FROM pairs p ${join} WHERE ${same}`)
  const candidatePairs = await db.scalar('SELECT count(*) FROM pairs')
  const byThreshold: Accuracy[] = []
  for (const threshold of thresholds) {
    const w = weightForProbability(threshold)
    const rows = await db.all<{ n: number; tp: number }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE ${same}) AS tp FROM scored p ${join} WHERE p.weight >= ${w}`,
    )
    byThreshold.push({ threshold, ...accuracy(rows[0]?.n ?? 0, rows[0]?.tp ?? 0, truePairs) })
  }
  const link = config.mode === 'link' ? ' AND l.src <> r.src' : ''
  const clustered = await db.all<{ n: number; tp: number }>(
    `SELECT count(*) AS n, count(*) FILTER (WHERE ${same}) AS tp FROM clusters a JOIN clusters b ON a.cluster = b.cluster AND a.rid < b.rid JOIN records l ON l.rid = a.rid JOIN records r ON r.rid = b.rid WHERE true${link}`,
  )
  return {
    truePairs,
    blockingRecall: ratio(blocked, truePairs),
    candidatePairs,
    byThreshold,
    clusters: accuracy(clustered[0]?.n ?? 0, clustered[0]?.tp ?? 0, truePairs),
  }
}

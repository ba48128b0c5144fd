import { extname } from 'node:path'
import { gammaColumn } from './blocking.ts'
import { ident } from './comparisons.ts'
import type { LinkageConfig } from './config.ts'
import type { Db } from './db.ts'
import { type Model, weightColumn, weightForProbability } from './model.ts'

const literal = (s: string): string => `'${s.replaceAll("'", "''")}'`

const formatFor = (path: string): string => {
  const ext = extname(path).toLowerCase()
  if (ext === '.parquet') return 'FORMAT parquet'
  if (ext === '.json' || ext === '.ndjson') return 'FORMAT json'
  return 'FORMAT csv, HEADER true'
}

/**
 * The pairs for people to look at, strongest first: both entries, the decision band, the cluster, the
 * total weight and, per field, the level reached and its weight (the reviewer's "why").
 */
export const pairsQuery = (config: LinkageConfig, model: Model, where = ''): string => {
  const match = weightForProbability(config.thresholds.match)
  const fields = model.comparisons.flatMap((c) => {
    const labels = c.labels.map((label, k) => `WHEN ${k} THEN ${literal(label)}`).join(' ')
    return [
      `CASE s.${gammaColumn(c.column)} ${labels} END AS ${ident(`${c.column}_level`)}`,
      `round(s.${weightColumn(c.column)}, 3) AS ${ident(`${c.column}_weight`)}`,
    ]
  })
  return `SELECT l.id AS id_l, r.id AS id_r,
      CASE WHEN s.weight >= ${match} THEN 'duplicate' ELSE 'review' END AS decision,
      k.id AS cluster, round(s.weight, 3) AS match_weight,
      round(1 / (1 + pow(2, -s.weight)), 6) AS match_probability,
      ${fields.join(',\n      ')},
      l.file AS file_l, l.line AS line_l, r.file AS file_r, r.line AS line_r
    FROM scored s JOIN records l ON l.rid = s.rid_l JOIN records r ON r.rid = s.rid_r
    LEFT JOIN clusters c ON c.rid = s.rid_l LEFT JOIN records k ON k.rid = c.cluster ${where}
    ORDER BY s.weight DESC, l.id, r.id`
}

export const writePairs = async (db: Db, config: LinkageConfig, model: Model, path: string, where = '') => {
  await db.run(`COPY (${pairsQuery(config, model, where)}) TO ${literal(path)} (${formatFor(path)})`)
}

export const writeClusters = async (db: Db, path: string) => {
  await db.run(
    `COPY (SELECT r.id AS id, k.id AS cluster, r.file, r.line FROM clusters c JOIN records r ON r.rid = c.rid JOIN records k ON k.rid = c.cluster ORDER BY k.id, r.id) TO ${literal(path)} (${formatFor(path)})`,
  )
}

import { stat } from 'node:fs/promises'
import { candidatePairsSql, comparisonSelectSql, gammaColumn, recordsViewSql, tfColumn } from './blocking.ts'
import { type LinkageConfig, type LinkageConfigInput, parseConfig } from './config.ts'
import { type Db, type DbOptions, openDb } from './db.ts'
import { type InputRow, type Problem, readRows } from './input.ts'
import { createRecordsTable, loadRows, type NormalisedRow, refreshTermFrequencies } from './load.ts'
import {
  levelWeights,
  type Model,
  priorWeight,
  probabilityForWeight,
  scoreSelectSql,
  totalWeightSql,
  weightColumn,
  weightForProbability,
} from './model.ts'
import { trainModel } from './train.ts'
import { createUnionFind } from './union-find.ts'

export type Stage = 'read' | 'block' | 'train' | 'score' | 'cluster' | 'write'

export type Progress = {
  stage: Stage
  done: number
  total?: number
  /** While reading files: bytes read of all the files' bytes (the row count in `done` has no total). */
  bytes?: { done: number; total: number }
  message?: string
}

export type LinkerOptions = {
  config: LinkageConfigInput | LinkageConfig
  db?: DbOptions
  onProgress?: (progress: Progress) => void
  onProblem?: (problem: Problem) => void
  /** Called for every stored row with its normalised values (quality rules hook in here). */
  onRow?: (row: NormalisedRow) => void
  signal?: AbortSignal
}

export type LinkSummary = {
  records: number
  candidatePairs: number
  pairsByRule: { rule: string[]; pairs: number }[]
  scoredPairs: number
  duplicates: number
  review: number
  clusters: number
  recordsInClusters: number
  seconds: { block: number; train: number; score: number; cluster: number }
}

/**
 * Why two entries were paired. A field's `weight` is what the stored score counts for it: the weight of
 * its level, or, when the level is an exact agreement on a column with term-frequency adjustment, the
 * weight from the agreed value's frequency; `tfAdjustment` is the difference between the two.
 */
export type PairExplanation = {
  prior: number
  fields: {
    column: string
    level: number
    label: string
    weight: number
    /** Share of the list holding the agreed value, on an exact agreement of a TF-adjusted column. */
    termFrequency: number | null
    tfAdjustment: number
  }[]
  weight: number
  probability: number
}

const seconds = (start: number): number => Math.round((performance.now() - start) / 10) / 100

export const createLinker = async (options: LinkerOptions) => {
  const config = parseConfig(options.config)
  const db: Db = await openDb(options.db)
  const signal = options.signal
  const onAbort = () => db.interrupt()
  signal?.addEventListener('abort', onAbort)
  const problems = new Map<string, number>()
  const onProblem = (p: Problem) => {
    problems.set(p.code, (problems.get(p.code) ?? 0) + 1)
    options.onProblem?.(p)
  }
  const progress = (p: Progress) => options.onProgress?.(p)
  const checkAbort = () => {
    if (signal?.aborted) throw signal.reason
  }

  // DuckDB reports its own progress on long statements; forward it while the statement runs.
  const timed = async (stage: Stage, sql: string): Promise<void> => {
    progress({ stage, done: 0, total: 100 })
    checkAbort()
    const timer = setInterval(() => {
      const p = db.connection.progress
      if (p.percentage >= 0) progress({ stage, done: Math.round(p.percentage), total: 100 })
    }, 500)
    try {
      await db.run(sql)
    } finally {
      clearInterval(timer)
    }
    checkAbort()
  }

  await createRecordsTable(db, config)
  await db.run('CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)')
  let model: Model | null = null
  const savedModel = await db.all<{ value: string }>(`SELECT value FROM meta WHERE key = 'model'`)
  if (savedModel[0]) model = JSON.parse(savedModel[0].value) as Model
  const tfColumns = config.comparisons.filter((c) => c.tf).map((c) => c.column)
  const expected = [
    config.id,
    ...Object.keys(config.columns),
    ...(config.truth ? [config.truth.column] : []),
    ...config.quality.address,
  ]
  const required = [config.id, ...Object.entries(config.columns).flatMap(([k, v]) => (v.required ? [k] : []))]

  const recordCount = () => db.scalar('SELECT count(*) FROM records')
  const nextRid = () => db.scalar('SELECT coalesce(max(rid) + 1, 0) FROM records')

  /** Reads files or a row stream into the records table. */
  const load = async (source: string | readonly string[] | AsyncIterable<InputRow>): Promise<number> => {
    const sources: (string | AsyncIterable<InputRow>)[] =
      typeof source === 'string' ? [source] : Symbol.asyncIterator in source ? [source] : [...source]
    // The size of the input is known when it is all files: reading progress is then bytes of bytes.
    const sizes = await Promise.all(
      sources.map((s) => (typeof s === 'string' ? stat(s).then((f) => f.size) : null)),
    )
    const bytesTotal = sizes.every((n) => n !== null) ? sizes.reduce<number>((a, n) => a + (n ?? 0), 0) : 0
    let bytesBefore = 0
    let bytesRead = 0
    const bytes = () =>
      bytesTotal > 0 ? { bytes: { done: Math.min(bytesRead, bytesTotal), total: bytesTotal } } : {}
    let total = 0
    for (const [src, item] of sources.entries()) {
      const rows =
        typeof item === 'string'
          ? readRows(item, {
              expected: [...new Set(expected)],
              required,
              maxFieldLength: config.input.maxFieldLength,
              ...(config.input.delimiter ? { delimiter: config.input.delimiter } : {}),
              onProblem,
              onRead: (n) => {
                bytesRead = bytesBefore + n
              },
              ...(signal ? { signal } : {}),
            })
          : item
      const before = total
      total += await loadRows(db, config, rows, {
        src,
        startRid: await nextRid(),
        onProblem,
        ...(options.onRow ? { onRow: options.onRow } : {}),
        onProgress: (n) => progress({ stage: 'read', done: before + n, ...bytes() }),
        ...(options.db?.tempDirectory ? { tempDirectory: options.db.tempDirectory } : {}),
        ...(signal ? { signal } : {}),
      })
      bytesBefore += sizes[src] ?? 0
      bytesRead = bytesBefore
    }
    return total
  }

  const pairsByRule = async () => {
    const rows = await db.all<{ rules: number; n: number }>(
      'SELECT rules, count(*) AS n FROM pairs GROUP BY 1',
    )
    return config.blocking.map((rule, i) => ({
      rule: [...rule],
      pairs: rows.filter((r) => (r.rules & (1 << i)) !== 0).reduce((a, r) => a + r.n, 0),
    }))
  }

  const scoreInto = async (table: 'create' | 'insert', where: string) => {
    if (!model) throw new Error('no model: train first')
    const review = weightForProbability(config.thresholds.review)
    const gammas = config.comparisons.map((c) => gammaColumn(c.column)).join(', ')
    const sql = `SELECT * FROM (SELECT p.*, ${totalWeightSql(model)} AS weight FROM (SELECT rid_l, rid_r, ${gammas}, ${scoreSelectSql(model)} FROM pairs${where}) p) WHERE weight >= ${review}`
    await timed(
      'score',
      table === 'create' ? `CREATE OR REPLACE TABLE scored AS ${sql}` : `INSERT INTO scored ${sql}`,
    )
  }

  /** Union-find over the pairs at or above the match threshold; every record keeps its row. */
  const cluster = async (): Promise<{ clusters: number; recordsInClusters: number }> => {
    const n = await nextRid()
    const uf = createUnionFind(n)
    const match = weightForProbability(config.thresholds.match)
    let edges = 0
    for await (const rows of db.chunks(`SELECT rid_l, rid_r FROM scored WHERE weight >= ${match}`)) {
      for (const [a, b] of rows) uf.union(Number(a), Number(b))
      edges += rows.length
      progress({ stage: 'cluster', done: edges })
    }
    // Members are collected first: the appender must not write while a result streams on the connection.
    const members: number[] = []
    for await (const rows of db.chunks('SELECT rid FROM records')) {
      for (const [value] of rows) if (uf.sizeOf(Number(value)) > 1) members.push(Number(value))
    }
    await db.run('CREATE OR REPLACE TABLE clusters (rid INTEGER, cluster INTEGER)')
    const appender = await db.connection.createAppender('clusters')
    const roots = new Set<number>()
    for (const rid of members) {
      const root = uf.find(rid)
      roots.add(root)
      appender.appendInteger(rid)
      appender.appendInteger(root)
      appender.endRow()
    }
    appender.closeSync()
    return { clusters: roots.size, recordsInClusters: members.length }
  }

  const summarise = async (
    timings: LinkSummary['seconds'],
    clusters: { clusters: number; recordsInClusters: number },
  ): Promise<LinkSummary> => {
    const match = weightForProbability(config.thresholds.match)
    const counts = await db.all<{ scored: number; dup: number }>(
      `SELECT count(*) AS scored, count(*) FILTER (WHERE weight >= ${match}) AS dup FROM scored`,
    )
    const c = counts[0] ?? { scored: 0, dup: 0 }
    return {
      records: await recordCount(),
      candidatePairs: await db.scalar('SELECT count(*) FROM pairs'),
      pairsByRule: await pairsByRule(),
      scoredPairs: c.scored,
      duplicates: c.dup,
      review: c.scored - c.dup,
      ...clusters,
      seconds: timings,
    }
  }

  const saveModel = async (m: Model) => {
    model = m
    await db.run(`INSERT OR REPLACE INTO meta VALUES ('model', $1)`, [JSON.stringify(m)])
  }

  /** Blocks, trains (unless a model is set), scores and clusters the whole list. */
  const run = async (): Promise<LinkSummary> => {
    checkAbort()
    let t = performance.now()
    await refreshTermFrequencies(db, tfColumns)
    await db.run(recordsViewSql(config))
    await timed('block', `CREATE OR REPLACE TABLE pairs AS ${candidatePairsSql(config)}`)
    const block = seconds(t)
    t = performance.now()
    if (!model) {
      progress({ stage: 'train', done: 0 })
      const records = await nextRid()
      const left =
        config.mode === 'link' ? await db.scalar('SELECT count(*) FROM records WHERE src = 0') : undefined
      await saveModel(await trainModel(db, config, records, left))
      checkAbort()
    }
    const train = seconds(t)
    t = performance.now()
    await scoreInto('create', '')
    const score = seconds(t)
    t = performance.now()
    const clusters = await cluster()
    return summarise({ block, train, score, cluster: seconds(t) }, clusters)
  }

  /**
   * Links new or corrected entries against an already processed list: only pairs with a new entry are
   * compared, with the stored model. A corrected entry (same identifier as a stored one) replaces it.
   */
  const linkNew = async (source: string | readonly string[] | AsyncIterable<InputRow>) => {
    if (!model) throw new Error('no model: run the whole list first')
    let t = performance.now()
    const newFrom = await nextRid()
    const added = await load(source)
    // An entry whose identifier is already stored is a correction: the stored version goes.
    await db.run(
      `CREATE OR REPLACE TEMP TABLE replaced AS SELECT o.rid FROM records o JOIN records n ON n.id = o.id WHERE o.rid < ${newFrom} AND n.rid >= ${newFrom}`,
    )
    const replaced = await db.scalar('SELECT count(*) FROM replaced')
    if (replaced > 0) {
      for (const table of ['pairs', 'scored'])
        await db.run(
          `DELETE FROM ${table} WHERE rid_l IN (SELECT rid FROM replaced) OR rid_r IN (SELECT rid FROM replaced)`,
        )
      await db.run('DELETE FROM records WHERE rid IN (SELECT rid FROM replaced)')
    }
    await refreshTermFrequencies(db, tfColumns)
    await db.run(recordsViewSql(config))
    await timed('block', `INSERT INTO pairs ${candidatePairsSql(config, { newFrom })}`)
    const block = seconds(t)
    t = performance.now()
    await scoreInto('insert', ` WHERE rid_r >= ${newFrom}`)
    const score = seconds(t)
    t = performance.now()
    const clusters = await cluster()
    const summary = await summarise({ block, train: 0, score, cluster: seconds(t) }, clusters)
    const fresh = await db.all<{ n: number; dup: number }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE weight >= ${weightForProbability(config.thresholds.match)}) AS dup FROM scored WHERE rid_r >= ${newFrom}`,
    )
    return {
      ...summary,
      added,
      replaced,
      newPairs: fresh[0]?.n ?? 0,
      newDuplicates: fresh[0]?.dup ?? 0,
    }
  }

  /**
   * The comparison of two stored entries, field by field, for a reviewer (any two, blocked or not). The
   * partial weights come from the same SQL as the stored scores, term-frequency adjustment included, so
   * they add up to the weight the pair was scored with (for pairs scored since the last frequency refresh).
   */
  const explainPair = async (idA: string, idB: string): Promise<PairExplanation> => {
    if (!model) throw new Error('no model: train first')
    const m = model
    await db.run(recordsViewSql(config))
    const columns = m.comparisons.flatMap((c, i) => [
      `${gammaColumn(c.column)} AS g${i}`,
      `${weightColumn(c.column)} AS w${i}`,
      c.tf ? `${tfColumn(c.column)} AS t${i}` : `NULL AS t${i}`,
    ])
    const rows = await db.all<Record<string, number | null>>(
      `SELECT ${columns.join(', ')} FROM (SELECT *, ${scoreSelectSql(m)} FROM (SELECT ${comparisonSelectSql(config)} FROM rec l, rec r WHERE l.id = $1 AND r.id = $2 LIMIT 1))`,
      [idA, idB],
    )
    const row = rows[0]
    if (!row) throw new Error(`no stored entry with identifier "${idA}" or "${idB}"`)
    const prior = priorWeight(m.lambda)
    const fields = m.comparisons.map((c, i) => {
      const level = row[`g${i}`] ?? 0
      const weight = row[`w${i}`] ?? 0
      const base = levelWeights(c)[level] ?? 0
      const tf = row[`t${i}`] ?? null
      const exact = c.tf && level === c.labels.length - 1 && tf !== null
      return {
        column: c.column,
        level,
        label: c.labels[level] ?? '',
        weight,
        termFrequency: exact ? tf : null,
        tfAdjustment: exact ? weight - base : 0,
      }
    })
    const weight = prior + fields.reduce((a, f) => a + f.weight, 0)
    return { prior, fields, weight, probability: probabilityForWeight(weight) }
  }

  return {
    config,
    db,
    load,
    run,
    linkNew,
    explainPair,
    get model() {
      return model
    },
    setModel: saveModel,
    problemCounts: () => Object.fromEntries(problems),
    close: () => {
      signal?.removeEventListener('abort', onAbort)
      db.close()
    },
  }
}

export type Linker = Awaited<ReturnType<typeof createLinker>>

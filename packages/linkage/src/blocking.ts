import { ident, levelSql } from './comparisons.ts'
import type { LinkageConfig } from './config.ts'

export const gammaColumn = (column: string): string => ident(`g_${column}`)
export const tfColumn = (column: string): string => ident(`tf_${column}`)

/** Equality of every key of a rule; NULL keys never match. */
export const ruleSql = (rule: readonly string[], l = 'l', r = 'r'): string =>
  rule.map((key) => `${l}.${ident(key)} = ${r}.${ident(key)}`).join(' AND ')

const orEarlier = (rules: readonly (readonly string[])[], upTo: number): string =>
  rules
    .slice(0, upTo)
    .map((rule) => `coalesce(${ruleSql(rule)}, false)`)
    .join(' OR ')

/** The records joined with their term frequencies, for the columns compared with TF adjustment. */
export const recordsViewSql = (config: LinkageConfig): string => {
  const tf = config.comparisons.filter((c) => c.tf)
  const cols = tf.map((c, i) => `, t${i}.tf AS ${ident(`${c.column}__tf`)}`).join('')
  const joins = tf
    .map((c, i) => ` LEFT JOIN ${ident(`tf_${c.column}`)} t${i} ON t${i}.value = r.${ident(c.column)}`)
    .join('')
  return `CREATE OR REPLACE TEMP VIEW rec AS SELECT r.*${cols} FROM records r${joins}`
}

/** Comparison levels and TF values of a pair of records aliased l and r. */
export const comparisonSelectSql = (config: LinkageConfig): string =>
  config.comparisons
    .flatMap((c) => {
      const g = `${levelSql(c)} AS ${gammaColumn(c.column)}`
      if (!c.tf) return [g]
      const a = `l.${ident(c.column)}`
      const b = `r.${ident(c.column)}`
      const tf = `(CASE WHEN ${a} = ${b} THEN greatest(l.${ident(`${c.column}__tf`)}, r.${ident(`${c.column}__tf`)}) END)::FLOAT AS ${tfColumn(c.column)}`
      return [g, tf]
    })
    .join(', ')

export type PairsOptions = {
  /** Only pairs with at least one record numbered from here on (incremental linking). */
  newFrom?: number
}

/**
 * Candidate pairs: the union of the blocking rules, each rule skipping pairs an earlier rule produced,
 * so no pair is compared twice. `rules` is a bit mask of every rule the pair satisfies, used to train
 * m on the pairs of one rule at a time.
 */
export const candidatePairsSql = (config: LinkageConfig, options: PairsOptions = {}): string => {
  const rules = config.blocking
  const mask = rules.map((rule, i) => `(CASE WHEN ${ruleSql(rule)} THEN ${2 ** i} ELSE 0 END)`).join(' + ')
  const extra = [
    'l.rid < r.rid',
    ...(config.mode === 'link' ? ['l.src <> r.src'] : []),
    ...(options.newFrom === undefined ? [] : [`r.rid >= ${Math.trunc(options.newFrom)}`]),
  ].join(' AND ')
  const select = comparisonSelectSql(config)
  return rules
    .map((rule, i) => {
      const skip = i === 0 ? '' : ` WHERE NOT (${orEarlier(rules, i)})`
      return `SELECT l.rid AS rid_l, r.rid AS rid_r, (${mask})::USMALLINT AS rules, ${select} FROM rec l JOIN rec r ON ${ruleSql(rule)} AND ${extra}${skip}`
    })
    .join(' UNION ALL ')
}

/** Number of distinct pairs satisfying any of the rules (no comparisons computed). */
export const countPairsSql = (config: LinkageConfig, rules: readonly (readonly string[])[]): string => {
  const extra = ['l.rid < r.rid', ...(config.mode === 'link' ? ['l.src <> r.src'] : [])].join(' AND ')
  const parts = rules.map((rule, i) => {
    const skip = i === 0 ? '' : ` WHERE NOT (${orEarlier(rules, i)})`
    return `SELECT count(*) AS n FROM records l JOIN records r ON ${ruleSql(rule)} AND ${extra}${skip}`
  })
  return `SELECT sum(n)::BIGINT AS n FROM (${parts.join(' UNION ALL ')})`
}

import { ident } from './comparisons.ts'
import type { LinkageConfig } from './config.ts'
import type { Db } from './db.ts'
import type { Problem } from './input.ts'
import type { NormalisedRow } from './load.ts'
import { type ColumnKind, isValidFin, isValidIdCard, patronymicSex } from './normalise.ts'

/** A data-quality finding: the same shape as an input problem, plus the entry's identifier. */
export type Finding = Problem & { id: string }

export type QualityOptions = {
  /** Election day for the age rule; today when absent. */
  electionDate?: string
  /** Today, for the future-date rule (fixed in tests). */
  today?: string
}

const columnsOfKind = (config: LinkageConfig, kind: ColumnKind): string[] =>
  Object.entries(config.columns).flatMap(([name, c]) => (c.kind === kind ? [name] : []))

/** Age in whole years on a given day. */
export const ageOn = (birth: string, day: string): number => {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number]
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

/** Rules on one entry at a time, run while the list streams in. */
export const createRowRules = (config: LinkageConfig, options: QualityOptions = {}) => {
  const today = options.today ?? new Date().toISOString().slice(0, 10)
  const electionDate = options.electionDate ?? config.quality.electionDate ?? today
  const birth = columnsOfKind(config, 'date')[0]
  const sex = columnsOfKind(config, 'sex')[0]
  const patronymic = columnsOfKind(config, 'patronymic')[0]
  const required = Object.entries(config.columns).flatMap(([k, c]) => (c.required ? [k] : []))

  return (row: NormalisedRow): Finding[] => {
    const out: Finding[] = []
    const add = (column: string, code: string, severity: Finding['severity'], message: string) =>
      out.push({ file: row.file, line: row.line, column, code, severity, message, id: row.id })
    const n = row.normalised
    const blank = (column: string) => (row.values[column] ?? '').trim() === ''
    for (const column of required)
      if (blank(column)) add(column, 'required-missing', 'error', `"${column}" is empty`)
    for (const [column, c] of Object.entries(config.columns)) {
      const raw = row.values[column] ?? ''
      if (raw.trim() === '') continue
      if (c.kind === 'date' && n[column] === null)
        add(column, 'impossible-date', 'error', `"${raw}" is not a date`)
      if (c.kind === 'fin' && !isValidFin(n[column] ?? ''))
        add(column, 'malformed-fin', 'error', `"${raw}" is not a FIN (7 Latin letters and digits)`)
      if (c.kind === 'idcard' && !isValidIdCard(n[column] ?? ''))
        add(
          column,
          'malformed-id-card',
          'error',
          `"${raw}" is not an identity card number (AZE + 8 digits or AA + 7)`,
        )
    }
    const b = birth ? n[birth] : null
    if (birth && b) {
      if (b > today) add(birth, 'future-birth-date', 'error', `born on ${b}, after today`)
      else if (ageOn(b, today) > 120)
        add(birth, 'implausible-birth-date', 'error', `born on ${b}, over 120 years ago`)
      else if (ageOn(b, electionDate) < config.quality.minAge)
        add(birth, 'under-age', 'error', `born on ${b}: under ${config.quality.minAge} on ${electionDate}`)
      if (b.endsWith('-01-01'))
        add(birth, 'default-birth-date', 'info', `1 January is often a placeholder date`)
    }
    if (sex && patronymic) {
      const implied = patronymicSex(row.values[patronymic] ?? '')
      const given = n[sex]
      if (implied && (given === 'm' || given === 'f') && implied !== given)
        add(
          sex,
          'sex-patronymic-mismatch',
          'warning',
          `sex "${given}" but the patronymic reads "${row.values[patronymic]}"`,
        )
    }
    const missing = config.quality.address.filter(blank)
    if (missing.length > 0)
      add(missing[0] ?? '', 'incomplete-address', 'warning', `address lacks ${missing.join(', ')}`)
    return out
  }
}

/**
 * Entries sharing an identifier are "different people" only when they agree on none of
 * surname, first name (either order) and birth date, or differ in sex: a second registration of one
 * voter with a typing error is a duplicate, which linking reports, not an identifier on two people.
 */
const differentPeopleSql = (config: LinkageConfig): string | null => {
  const surname = columnsOfKind(config, 'surname')[0]
  const first = columnsOfKind(config, 'name')[0]
  const birth = columnsOfKind(config, 'date')[0]
  const sex = columnsOfKind(config, 'sex')[0]
  if (!surname || !first || !birth) return null
  const jw = (a: string, b: string) =>
    `coalesce(jaro_winkler_similarity(l.${ident(a)}, r.${ident(b)}), 0) >= 0.85`
  const names = `(CASE WHEN ${jw(surname, surname)} THEN 1 ELSE 0 END + CASE WHEN ${jw(first, first)} OR ${jw(first, surname)} THEN 1 ELSE 0 END)`
  const date = `(CASE WHEN coalesce(hamming(l.${ident(birth)}, r.${ident(birth)}) <= 1, false) THEN 1 ELSE 0 END)`
  const sexDiffers = sex ? `coalesce(l.${ident(sex)} <> r.${ident(sex)}, false) OR ` : ''
  return `(${sexDiffers}${names} + ${date} = 0)`
}

/** Rules across entries, run in DuckDB once the list is loaded. */
export const crossRowFindings = async (db: Db, config: LinkageConfig): Promise<Finding[]> => {
  const findings: Finding[] = []
  const different = differentPeopleSql(config)
  const identifiers = [...columnsOfKind(config, 'fin'), ...columnsOfKind(config, 'idcard')]
  for (const column of identifiers) {
    if (!different) break
    const c = ident(column)
    const rows = await db.all<{ id: string; file: string; line: number; value: string; others: number }>(
      `WITH shared AS (SELECT ${c} AS value FROM records WHERE ${c} IS NOT NULL GROUP BY 1 HAVING count(*) > 1),
       clash AS (SELECT l.rid, count(*) AS others FROM records l JOIN shared s ON s.value = l.${c}
         JOIN records r ON r.${c} = l.${c} AND r.rid <> l.rid WHERE ${different} GROUP BY l.rid)
       SELECT r.id, r.file, r.line, r.${c} AS value, k.others FROM records r JOIN clash k USING (rid) ORDER BY value, r.file, r.line`,
    )
    for (const r of rows)
      findings.push({
        file: r.file,
        line: r.line,
        column,
        id: r.id,
        code: 'shared-identifier',
        severity: 'error',
        message: `"${r.value}" is also held by ${r.others} other ${r.others === 1 ? 'person' : 'people'}`,
      })
  }
  const dup = await db.all<{ id: string; file: string; line: number; n: number }>(
    `WITH d AS (SELECT id, count(*) AS n FROM records GROUP BY 1 HAVING n > 1) SELECT r.id, r.file, r.line, d.n FROM records r JOIN d USING (id) ORDER BY r.id, r.file, r.line`,
  )
  for (const r of dup)
    findings.push({
      file: r.file,
      line: r.line,
      column: config.id,
      id: r.id,
      code: 'duplicate-record-id',
      severity: 'error',
      message: `the identifier "${r.id}" is used by ${r.n} entries`,
    })
  return findings
}

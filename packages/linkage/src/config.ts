import { z } from 'zod'
import { levelLabels } from './comparisons.ts'

export const ColumnKindSchema = z.enum([
  'name',
  'surname',
  'patronymic',
  'date',
  'fin',
  'idcard',
  'id',
  'text',
  'address',
  'code',
  'sex',
])

export const ComparisonMethodSchema = z.enum(['name', 'text', 'exact', 'id', 'date'])

const columnName = z.string().min(1).max(120)

export const ComparisonSpecSchema = z.object({
  column: columnName,
  method: ComparisonMethodSchema,
  /** Term-frequency adjustment on the exact level: agreeing on a common value counts for less. */
  tf: z.boolean().default(false),
  /** Another name column: agreement across the two (first name written as surname) gets its own level. */
  swapWith: columnName.optional(),
  /**
   * m probabilities fixed from knowledge of the data instead of learnt, by level label (Splink's
   * fix_m_probability). EM lumps siblings and twins (same family, birth date and address) in with
   * duplicates; fixing "different" on a lifelong identifier keeps them apart.
   */
  fixedM: z.record(z.string().max(60), z.number().gt(0).lt(1)).optional(),
})

/** A blocking or deterministic rule: the listed columns (or derived `<column>__<suffix>` keys) are all equal. */
const RuleSchema = z.array(columnName).min(1).max(8)

export const LinkageConfigSchema = z.object({
  /** Input column holding the record identifier. */
  id: columnName,
  columns: z.record(columnName, z.object({ kind: ColumnKindSchema, required: z.boolean().default(false) })),
  /** Ground truth for evaluation only: records with the same value (or regex capture) are the same entity. */
  truth: z.object({ column: columnName, pattern: z.string().max(200).optional() }).optional(),
  /** `link` pairs only records from different input files (FEBRL 4); `dedupe` pairs any two. */
  mode: z.enum(['dedupe', 'link']).default('dedupe'),
  comparisons: z.array(ComparisonSpecSchema).min(1).max(24),
  blocking: z.array(RuleSchema).min(1).max(15),
  training: z
    .object({
      /** Strict rules whose pair count, divided by `recall`, estimates the prior. */
      deterministic: z.array(RuleSchema).min(1),
      recall: z.number().gt(0).lte(1).default(0.8),
      uSamplePairs: z.number().int().min(1000).max(100_000_000).default(2_000_000),
      maxIterations: z.number().int().min(1).max(1000).default(100),
    })
    .prefault({ deterministic: [] }),
  thresholds: z
    .object({
      /** Match probability at and above which a pair joins a cluster (still shown to reviewers). */
      match: z.number().gt(0).lt(1).default(0.99),
      /** Match probability at and above which a pair is kept for clerical review. */
      review: z.number().gt(0).lt(1).default(0.5),
    })
    .prefault({}),
  quality: z
    .object({
      electionDate: z.iso.date().optional(),
      minAge: z.number().int().min(0).max(30).default(18),
      precinct: columnName.optional(),
      constituency: columnName.optional(),
      /** Columns that together make a complete address. */
      address: z.array(columnName).default([]),
    })
    .prefault({}),
  input: z
    .object({
      maxFieldLength: z.number().int().min(16).max(1_000_000).default(1000),
      delimiter: z.string().length(1).optional(),
    })
    .prefault({}),
})

export type LinkageConfig = z.infer<typeof LinkageConfigSchema>
export type LinkageConfigInput = z.input<typeof LinkageConfigSchema>
export type ComparisonSpec = z.infer<typeof ComparisonSpecSchema>

export const parseConfig = (input: unknown): LinkageConfig => {
  const config = LinkageConfigSchema.parse(input)
  const known = new Set([...Object.keys(config.columns)])
  const base = (key: string): string => key.split('__')[0] ?? key
  for (const c of config.comparisons) {
    if (!known.has(c.column)) throw new Error(`comparison column "${c.column}" is not declared in columns`)
    for (const label of Object.keys(c.fixedM ?? {}))
      if (!levelLabels(c).includes(label))
        throw new Error(`fixedM names no level of "${c.column}": "${label}"`)
    if (c.swapWith && !known.has(c.swapWith))
      throw new Error(`swapWith column "${c.swapWith}" is not declared in columns`)
  }
  const rules = [...config.blocking, ...config.training.deterministic]
  for (const rule of rules)
    for (const key of rule)
      if (!known.has(base(key))) throw new Error(`rule key "${key}" does not name a declared column`)
  if (config.training.deterministic.length === 0)
    throw new Error('training.deterministic needs at least one rule')
  if (config.thresholds.review > config.thresholds.match)
    throw new Error('thresholds.review must not exceed thresholds.match')
  return config
}

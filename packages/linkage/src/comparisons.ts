import type { ComparisonSpec } from './config.ts'

/** SQL identifier for a (possibly derived) column. */
export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`

const col = (side: string, name: string): string => `${side}.${ident(name)}`

// Damerau-Levenshtein is ten times slower than Levenshtein in DuckDB; one edit or one transposition
// implies a Levenshtein distance of at most 2, so the cheap test screens out nearly all pairs first.
const withinOneEdit = (a: string, b: string): string =>
  `(CASE WHEN levenshtein(${a}, ${b}) > 2 THEN false ELSE damerau_levenshtein(${a}, ${b}) <= 1 END)`

type Branch = { label: string; when: string }

// DuckDB evaluates an expression once per row when it also appears in the first WHEN of the CASE
// (common subexpression elimination); otherwise a costly similarity runs once per threshold.
const hoisted = (spec: ComparisonSpec, l: string, r: string): string[] => {
  const a = col(l, spec.column)
  const b = col(r, spec.column)
  switch (spec.method) {
    case 'name':
      return [`jaro_winkler_similarity(${col(l, `${spec.column}__fold`)}, ${col(r, `${spec.column}__fold`)})`]
    case 'text':
      return [`jaro_winkler_similarity(${a}, ${b})`]
    case 'date':
      return [`abs(${col(l, `${spec.column}__days`)}::INTEGER - ${col(r, `${spec.column}__days`)}::INTEGER)`]
    case 'id':
      return [`levenshtein(${a}, ${b})`]
    default:
      return []
  }
}

// Branches from the strongest agreement down; the level number of a branch is its position counted
// from the bottom, with 0 for "a value is missing" and 1 for "disagree".
const branches = (spec: ComparisonSpec, l: string, r: string): Branch[] => {
  const a = col(l, spec.column)
  const b = col(r, spec.column)
  const fa = col(l, `${spec.column}__fold`)
  const fb = col(r, `${spec.column}__fold`)
  switch (spec.method) {
    case 'name': {
      const jw = `jaro_winkler_similarity(${fa}, ${fb})`
      const out: Branch[] = [
        { label: 'exact', when: `${a} = ${b}` },
        { label: 'same spelling when folded', when: `${fa} = ${fb}` },
      ]
      if (spec.swapWith) {
        const sa = col(l, spec.swapWith)
        const sb = col(r, spec.swapWith)
        out.push({ label: `swapped with ${spec.swapWith}`, when: `${a} = ${sb} AND ${sa} = ${b}` })
      }
      out.push(
        { label: 'Jaro-Winkler >= 0.92', when: `${jw} >= 0.92` },
        { label: 'Jaro-Winkler >= 0.88', when: `${jw} >= 0.88` },
        { label: 'Jaro-Winkler >= 0.70', when: `${jw} >= 0.70` },
      )
      return out
    }
    case 'text': {
      const jw = `jaro_winkler_similarity(${a}, ${b})`
      return [
        { label: 'exact', when: `${a} = ${b}` },
        { label: 'Jaro-Winkler >= 0.92', when: `${jw} >= 0.92` },
        { label: 'Jaro-Winkler >= 0.80', when: `${jw} >= 0.80` },
      ]
    }
    case 'exact':
      return [{ label: 'exact', when: `${a} = ${b}` }]
    case 'id':
      return [
        { label: 'exact', when: `${a} = ${b}` },
        { label: 'one edit or transposition', when: withinOneEdit(a, b) },
      ]
    case 'date': {
      const days = `abs(${col(l, `${spec.column}__days`)}::INTEGER - ${col(r, `${spec.column}__days`)}::INTEGER)`
      return [
        { label: 'exact', when: `${a} = ${b}` },
        { label: 'day and month transposed', when: `${a} = ${col(r, `${spec.column}__swap`)}` },
        { label: 'one character differs', when: `hamming(${a}, ${b}) <= 1` },
        { label: 'within a month', when: `${days} <= 31` },
        { label: 'within a year', when: `${days} <= 366` },
        { label: 'within ten years', when: `${days} <= 3653` },
      ]
    }
  }
}

/** Level labels, indexed by level number. */
export const levelLabels = (spec: ComparisonSpec): string[] => [
  'missing',
  'different',
  ...branches(spec, 'l', 'r')
    .map((b) => b.label)
    .reverse(),
]

export const exactLevel = (spec: ComparisonSpec): number => levelLabels(spec).length - 1

/** A CASE expression giving the comparison level of the pair (l, r). */
export const levelSql = (spec: ComparisonSpec, l = 'l', r = 'r'): string => {
  const list = branches(spec, l, r)
  const top = list.length + 1
  const whens = list.map((b, i) => `WHEN ${b.when} THEN ${top - i}`).join(' ')
  const nulls = [col(l, spec.column), col(r, spec.column), ...hoisted(spec, l, r)].map((e) => `${e} IS NULL`)
  return `(CASE WHEN ${nulls.join(' OR ')} THEN 0 ${whens} ELSE 1 END)::UTINYINT`
}

export const comparisonName = (spec: ComparisonSpec): string => spec.column

/** Columns a comparison reads: a blocking rule on any of them makes the comparison untrainable there. */
export const comparisonColumns = (spec: ComparisonSpec): string[] =>
  spec.swapWith ? [spec.column, spec.swapWith] : [spec.column]

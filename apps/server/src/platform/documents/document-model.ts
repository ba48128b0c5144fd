// One neutral model for the portal's official documents (annual report, half-year report, agendas,
// minutes). Services build a DocModel; docx.ts and pdf.ts render the same model, so the two files a
// reader gets never disagree. The model carries text only: the services translate labels themselves.

export type DocLang = 'az' | 'en' | 'ru'

export type DocColumn = {
  title: string
  /** Relative width (weights, not points); columns without one weigh 1. */
  width?: number
  align?: 'left' | 'right' | 'center'
}

export type DocBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; style?: 'normal' | 'muted' | 'small' }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'table'; columns: DocColumn[]; rows: string[][]; caption?: string }
  | { kind: 'keyValue'; rows: [string, string][] }
  | { kind: 'pageBreak' }

export type DocModel = {
  lang: DocLang
  title: string
  subtitle?: string
  /** Shown under the title, e.g. ["Prepared on", "2026-01-15"], ["Period", "2025"]. */
  meta?: [string, string][]
  /** Printed at the foot of every page beside the page number, e.g. the classification "Internal". */
  footer?: string
  blocks: DocBlock[]
}

/** BCP 47 tags written as the documents' language (Word's proofing language, PDF /Lang). */
export const LANG_TAGS: Record<DocLang, string> = { az: 'az-Latn-AZ', en: 'en-GB', ru: 'ru-RU' }

// Characters XML 1.0 forbids (a DOCX holding one will not open) and lone surrogate halves.
const XML_INVALID =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its job
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * Text as both renderers want it: no characters that break XML, tabs as spaces, CR LF as LF.
 * Line breaks (\n) are kept; each renderer turns them into its own line break.
 */
export const cleanText = (s: string): string =>
  String(s ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(XML_INVALID, '')

export type NormalisedTable = { columns: Required<DocColumn>[]; rows: string[][] }

/**
 * Every row gets exactly one cell per column. A row longer than the header widens the table with
 * untitled columns rather than losing cells; a shorter one is padded with empty cells. Widths that
 * are missing, zero, negative or not finite weigh 1.
 */
export const normaliseTable = (columns: DocColumn[], rows: string[][]): NormalisedTable => {
  const count = Math.max(columns.length, ...rows.map((r) => r.length), 0)
  const cols: Required<DocColumn>[] = []
  for (let i = 0; i < count; i++) {
    const c = columns[i]
    const w = c?.width
    cols.push({
      title: cleanText(c?.title ?? ''),
      width: typeof w === 'number' && Number.isFinite(w) && w > 0 ? Math.min(w, 1000) : 1,
      align: c?.align === 'right' || c?.align === 'center' ? c.align : 'left',
    })
  }
  return {
    columns: cols,
    rows: rows.map((r) => Array.from({ length: count }, (_, i) => cleanText(r[i] ?? ''))),
  }
}

/** Splits `total` into parts proportional to the columns' weights. */
export const columnWidths = (columns: { width: number }[], total: number): number[] => {
  const sum = columns.reduce((a, c) => a + c.width, 0)
  return columns.map((c) => (sum > 0 ? (total * c.width) / sum : total / columns.length))
}

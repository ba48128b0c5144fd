import { basename, extname } from 'node:path'
import ExcelJS from 'exceljs'
import {
  detectEncoding,
  type FieldIssue,
  fileStream,
  type RawRecord,
  type ReadSink,
  readCsvRecords,
} from './csv-reader.ts'
import { hasMixedScripts } from './text.ts'

export type Severity = 'error' | 'warning' | 'info'

/** One problem found in an input file, with where it is and what was done about it. */
export type Problem = {
  file: string
  line: number
  column?: string
  code: string
  severity: Severity
  message: string
}

export type ProblemSink = (problem: Problem) => void

/** One data row, values by header name (trimmed, possibly null), never dropped once read. */
export type InputRow = { file: string; line: number; values: Record<string, string | null> }

export type ReadOptions = {
  /** Columns the caller expects; a missing one is reported and read as empty. */
  expected: readonly string[]
  /** Columns the caller cannot work without (reported as errors when absent). */
  required?: readonly string[]
  maxFieldLength: number
  delimiter?: string
  onProblem: ProblemSink
  /** Bytes of the file read so far, as reading goes on. */
  onRead?: ReadSink
  signal?: AbortSignal
}

const REPLACEMENT = '\uFFFD'

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('')
    if ('text' in value) return String(value.text)
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
    if ('error' in value) return ''
  }
  return String(value)
}

const readXlsxRecords = async function* (path: string, onRead?: ReadSink): AsyncGenerator<RawRecord> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(fileStream(path, onRead), {
    sharedStrings: 'cache',
    worksheets: 'emit',
    // Without styles a date cell arrives as a bare serial number.
    styles: 'cache',
  })
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = (row.values as ExcelJS.CellValue[]).slice(1)
      yield { line: row.number, fields: values.map(cellText), issues: [] }
    }
    // Only the first worksheet is a voters' list; the others are notes and totals.
    return
  }
}

/** Reads a CSV/TSV or XLSX file as rows keyed by header, reporting every problem with file, line and column. */
export const readRows = async function* (path: string, options: ReadOptions): AsyncGenerator<InputRow> {
  const file = basename(path)
  const report = (line: number, code: string, severity: Severity, message: string, column?: string) =>
    options.onProblem({ file, line, code, severity, message, ...(column === undefined ? {} : { column }) })
  let records: AsyncGenerator<RawRecord>
  if (['.xlsx', '.xlsm'].includes(extname(path).toLowerCase()))
    records = readXlsxRecords(path, options.onRead)
  else {
    const { encoding, detected } = await detectEncoding(path)
    if (detected)
      report(1, 'encoding', 'warning', `the file is not UTF-8; it was read as ${encoding}, check the letters`)
    records = readCsvRecords(path, encoding, options.delimiter, options.maxFieldLength * 64, options.onRead)
  }
  let header: string[] | null = null
  for await (const record of records) {
    if (options.signal?.aborted) throw options.signal.reason
    if (header === null) {
      header = readHeader(record, options, report)
      continue
    }
    const columns = header
    const name = (i: number) => columns[i] ?? `column ${i + 1}`
    for (const issue of record.issues)
      report(record.line, issue.code, 'warning', issue.message, name(issue.field))
    const { fields } = record
    if (fields.every((f) => f.trim() === '')) {
      report(record.line, 'empty-line', 'info', 'empty line skipped')
      continue
    }
    if (fields.length < columns.length)
      report(
        record.line,
        'missing-fields',
        'warning',
        `${fields.length} fields where the header has ${columns.length}; the rest were read as empty`,
        name(fields.length),
      )
    else if (fields.length > columns.length)
      report(
        record.line,
        'extra-fields',
        'warning',
        `${fields.length} fields where the header has ${columns.length}; the extra values were ignored: ${JSON.stringify(fields.slice(columns.length)).slice(0, 200)}`,
        name(columns.length),
      )
    const values: Record<string, string | null> = {}
    columns.forEach((column, i) => {
      let v = fields[i]?.trim() ?? ''
      if (v.length > options.maxFieldLength) {
        report(
          record.line,
          'field-too-long',
          'warning',
          `${v.length} characters, cut to ${options.maxFieldLength}`,
          column,
        )
        v = v.slice(0, options.maxFieldLength)
      }
      if (v.includes(REPLACEMENT))
        report(
          record.line,
          'invalid-character',
          'warning',
          'bytes that are not valid text were replaced',
          column,
        )
      if (hasMixedScripts(v))
        report(
          record.line,
          'mixed-scripts',
          'warning',
          `Latin and Cyrillic letters in one word: "${v.slice(0, 60)}"`,
          column,
        )
      if (!(column in values)) values[column] = v === '' ? null : v
    })
    for (const column of options.expected) if (!(column in values)) values[column] = null
    yield { file, line: record.line, values }
  }
  if (header === null) report(1, 'empty-file', 'error', 'the file has no header line')
}

const readHeader = (
  record: RawRecord,
  options: ReadOptions,
  report: (line: number, code: string, severity: Severity, message: string, column?: string) => void,
): string[] => {
  const seen = new Map<string, number>()
  const duplicates = new Set<string>()
  const header = record.fields.map((raw, i) => {
    let name = raw.replace(/^\uFEFF/, '').trim()
    if (name === '') {
      name = `column ${i + 1}`
      report(record.line, 'empty-header', 'warning', `column ${i + 1} has no name`, name)
    }
    const count = seen.get(name) ?? 0
    seen.set(name, count + 1)
    if (count > 0) {
      report(
        record.line,
        'duplicate-header',
        'warning',
        `the column "${name}" appears again in position ${i + 1}; the first one is used`,
        name,
      )
      const renamed = `${name} (${count + 1})`
      duplicates.add(renamed)
      return renamed
    }
    return name
  })
  const issues: FieldIssue[] = record.issues
  for (const issue of issues) report(record.line, issue.code, 'warning', issue.message, header[issue.field])
  const required = new Set(options.required ?? [])
  for (const column of options.expected)
    if (!seen.has(column))
      report(
        record.line,
        'missing-column',
        required.has(column) ? 'error' : 'warning',
        `the column "${column}" is missing; its values are read as empty`,
        column,
      )
  const expected = new Set(options.expected)
  for (const column of header)
    if (!expected.has(column) && !duplicates.has(column))
      report(record.line, 'extra-column', 'info', `the column "${column}" is not used`, column)
  return header
}

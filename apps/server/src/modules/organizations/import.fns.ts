import type { Locale } from '@qalxan/contracts'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import type { ZodType } from 'zod'
import { AppError } from '../../platform/errors.ts'
import { zodErrorMap } from '../../platform/messages.ts'

export type SheetRow = { row: number; values: Record<string, string> }
export type ImportIssue = { row: number; column: string; message: string }

const MAX_ROWS = 20_000

const isZip = (b: Buffer) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04

/**
 * Reads the first sheet of an XLSX file or a UTF-8 CSV (told apart by content, not by name) into
 * rows keyed by header. Row numbers are the sheet's own, so the header is row 1.
 */
export const readSheet = async (
  buf: Buffer,
  columns: readonly string[],
  required: readonly string[],
): Promise<SheetRow[]> => {
  let table: string[][]
  if (isZip(buf)) {
    const wb = new ExcelJS.Workbook()
    try {
      await wb.xlsx.load(buf as never)
    } catch {
      throw new AppError('UNSUPPORTED_MEDIA', 'The file is not a readable XLSX workbook')
    }
    const ws = wb.worksheets[0]
    if (!ws) throw new AppError('VALIDATION_FAILED', 'The workbook has no sheets')
    table = []
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = []
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        cells[c - 1] = cell.text?.trim() ?? ''
      })
      table[n - 1] = cells
    })
  } else {
    if (buf.includes(0)) throw new AppError('UNSUPPORTED_MEDIA', 'The file is neither XLSX nor CSV text')
    const text = new TextDecoder('utf-8', { fatal: false }).decode(buf)
    if (text.includes('\uFFFD')) {
      throw new AppError(
        'VALIDATION_FAILED',
        'The CSV file is not UTF-8 encoded. Save it as "CSV UTF-8" and try again.',
      )
    }
    const delimiter =
      (text.split('\n')[0] ?? '').includes(';') && !(text.split('\n')[0] ?? '').includes(',') ? ';' : ','
    try {
      table = parse(text, {
        bom: true,
        delimiter,
        relax_column_count: true,
        skip_empty_lines: false,
        trim: true,
      })
    } catch (err) {
      const e = err as { lines?: number; message: string }
      throw new AppError(
        'VALIDATION_FAILED',
        `The CSV file cannot be read near line ${e.lines ?? '?'}: ${e.message}`,
      )
    }
  }
  const header = (table[0] ?? []).map((h) => (h ?? '').trim().toLowerCase())
  const issues: ImportIssue[] = []
  const seen = new Set<string>()
  for (const [i, h] of header.entries()) {
    if (!h) continue
    if (seen.has(h)) issues.push({ row: 1, column: h, message: `The column "${h}" appears twice` })
    seen.add(h)
    if (!columns.includes(h))
      issues.push({ row: 1, column: h || `#${i + 1}`, message: `Unknown column "${h}"` })
  }
  for (const r of required)
    if (!seen.has(r)) issues.push({ row: 1, column: r, message: `The required column "${r}" is missing` })
  if (issues.length) throw new AppError('VALIDATION_FAILED', 'The header row is not valid', issues)
  const rows: SheetRow[] = []
  for (let i = 1; i < table.length; i++) {
    const cells = table[i] ?? []
    if (cells.every((c) => !c)) continue
    // Optional columns left out of the file read as empty cells.
    const values: Record<string, string> = Object.fromEntries(columns.map((c) => [c, '']))
    for (const [j, h] of header.entries()) if (h) values[h] = cells[j] ?? ''
    if (cells.length > header.length && cells.slice(header.length).some(Boolean)) {
      issues.push({
        row: i + 1,
        column: `#${header.length + 1}`,
        message: 'This row has more cells than the header',
      })
    }
    rows.push({ row: i + 1, values })
    if (rows.length > MAX_ROWS)
      throw new AppError('PAYLOAD_TOO_LARGE', `An import may hold at most ${MAX_ROWS} rows`)
  }
  if (issues.length) throw new AppError('VALIDATION_FAILED', 'Some rows are not valid', issues)
  return rows
}

/** Validates one row with a Zod schema, reporting each problem under the sheet's column name. */
export const validateRow = <T>(
  schema: ZodType<T>,
  r: SheetRow,
  issues: ImportIssue[],
  columnOf: (path: string) => string,
  locale: Locale = 'en',
) => {
  const parsed = schema.safeParse(r.values, { error: zodErrorMap(locale) })
  if (parsed.success) return parsed.data
  for (const i of parsed.error.issues)
    issues.push({ row: r.row, column: columnOf(String(i.path[0] ?? '')), message: i.message })
  return null
}

/** An XLSX with the header row and one example row, offered for download. */
export const templateWorkbook = async (
  columns: readonly string[],
  example: Record<string, string>,
  notes: string,
) => {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('import')
  ws.addRow([...columns])
  ws.addRow(columns.map((c) => example[c] ?? ''))
  ws.getRow(1).font = { bold: true }
  ws.columns.forEach((c) => {
    c.width = 24
  })
  const help = wb.addWorksheet('help')
  for (const line of notes.split('\n')) help.addRow([line])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

import type { Assignment, AssignmentState } from '@qalxan/contracts'
import ExcelJS from 'exceljs'
import { cleanText } from '../../platform/documents/document-model.ts'
import type { DocLang } from '../../platform/documents/index.ts'
import { ASSIGNMENT_STATE_LABEL, type I18n, COORD_LABELS as L, tr } from './coordination.labels.ts'
import { bakuWallClock } from './meeting-documents.fns.ts'

// Excel keeps at most 32,767 characters in a cell.
const MAX_CELL = 32_767
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEFF2' } }
const DATE_FMT: Record<DocLang, string> = { az: 'dd.mm.yyyy', en: 'dd mmm yyyy', ru: 'dd.mm.yyyy' }
const DATETIME_FMT: Record<DocLang, string> = {
  az: 'dd.mm.yyyy hh:mm',
  en: 'dd mmm yyyy hh:mm',
  ru: 'dd.mm.yyyy hh:mm',
}

/**
 * Text as a plain string cell. exceljs writes a string as a shared string, never as a formula, so
 * "=HYPERLINK(…)" in a task stays the text it is; the text number format keeps Excel from turning
 * it into a formula when someone edits the cell. Not prefixed with an apostrophe (which would
 * become part of the value). Characters XML forbids are dropped, or the file would not open.
 */
const textCell = (cell: ExcelJS.Cell, value: string | null | undefined) => {
  const s = cleanText(value ?? '').slice(0, MAX_CELL)
  cell.value = s === '' ? null : s
  cell.numFmt = '@'
}

/**
 * A real Excel date holding Baku wall-clock time (Excel dates have no zone): a calendar date as
 * that day, a timestamp as the day (or day and time) it was in Baku. Empty when there is no date.
 */
const dateCell = (cell: ExcelJS.Cell, value: string | null, fmt: string, withTime = false) => {
  const w = value ? bakuWallClock(value) : null
  if (!w) {
    cell.value = null
    return
  }
  cell.value = new Date(Date.UTC(w.y, w.m - 1, w.d, withTime ? w.hh : 0, withTime ? w.mm : 0))
  cell.numFmt = fmt
}

const latestReport = (a: Assignment) =>
  a.reports.reduce<Assignment['reports'][number] | null>(
    (last, r) => (!last || Date.parse(r.at) > Date.parse(last.at) ? r : last),
    null,
  )

const styleHeader = (row: ExcelJS.Row) => {
  row.font = { bold: true }
  row.alignment = { vertical: 'top', wrapText: true }
  row.eachCell((c) => {
    c.fill = HEADER_FILL
    c.border = { bottom: { style: 'thin', color: { argb: 'FFB0B7C3' } } }
  })
}

const COLUMNS = [
  { label: L.body, width: 12 },
  { label: L.meeting, width: 10 },
  { label: L.decision, width: 10 },
  { label: L.organisation, width: 40 },
  { label: L.responsible, width: 24 },
  { label: L.task, width: 50 },
  { label: L.measure, width: 14 },
  { label: L.dueOn, width: 13 },
  { label: L.state, width: 18 },
  { label: L.overdue, width: 10 },
  { label: L.completedOn, width: 13 },
  { label: L.lastReport, width: 50 },
  { label: L.lastReportAt, width: 17 },
] as const

const addAssignmentsSheet = (wb: ExcelJS.Workbook, rows: Assignment[], lang: DocLang) => {
  const t = (x: I18n) => tr(x, lang)
  const ws = wb.addWorksheet(tr(L.sheetAssignments, lang), { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = COLUMNS.map((c) => ({ width: c.width }))
  const header = ws.getRow(1)
  COLUMNS.forEach((c, i) => {
    textCell(header.getCell(i + 1), t(c.label))
  })
  styleHeader(header)
  rows.forEach((a, i) => {
    const row = ws.getRow(i + 2)
    const last = latestReport(a)
    const cell = (n: number) => row.getCell(n)
    textCell(cell(1), a.bodyCode)
    textCell(cell(2), a.meetingNumber)
    textCell(cell(3), a.decisionNumber)
    textCell(cell(4), `${a.orgCode} — ${tr(a.orgName, lang)}`)
    textCell(cell(5), a.responsibleName)
    textCell(cell(6), a.task)
    textCell(cell(7), a.measureCode)
    dateCell(cell(8), a.dueOn, DATE_FMT[lang])
    textCell(cell(9), tr(ASSIGNMENT_STATE_LABEL[a.state], lang))
    textCell(cell(10), tr(a.overdue ? L.yes : L.no, lang))
    dateCell(cell(11), a.completedOn, DATE_FMT[lang])
    textCell(cell(12), last?.text)
    dateCell(cell(13), last?.at ?? null, DATETIME_FMT[lang], true)
    row.alignment = { vertical: 'top', wrapText: true }
  })
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows.length, column: COLUMNS.length } }
}

type Counts = Record<AssignmentState | 'total' | 'overdue', number>
const COUNT_KEYS = ['total', 'open', 'reported', 'done', 'cancelled', 'overdue'] as const
const zero = (): Counts => ({ total: 0, open: 0, reported: 0, done: 0, cancelled: 0, overdue: 0 })
const tally = (rows: Assignment[], keyOf: (a: Assignment) => [key: string, label: string]) => {
  const groups = new Map<string, { label: string; counts: Counts }>()
  const total = zero()
  for (const a of rows) {
    const [key, label] = keyOf(a)
    const g = groups.get(key) ?? { label, counts: zero() }
    groups.set(key, g)
    for (const c of [g.counts, total]) {
      c.total++
      c[a.state]++
      if (a.overdue) c.overdue++
    }
  }
  const sorted = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'az')).map(([, g]) => g)
  return { groups: sorted, total }
}

const addSummarySheet = (
  wb: ExcelJS.Workbook,
  rows: Assignment[],
  lang: DocLang,
  meta: { title: string; asOf: string; filter: string },
) => {
  const t = (x: I18n) => tr(x, lang)
  const ws = wb.addWorksheet(tr(L.sheetSummary, lang))
  ws.columns = [{ width: 50 }, ...COUNT_KEYS.map(() => ({ width: 14 }))]
  let r = 1
  const next = () => ws.getRow(r++)

  const title = next()
  textCell(title.getCell(1), meta.title)
  title.font = { bold: true, size: 14 }
  const asOf = next()
  textCell(asOf.getCell(1), t(L.asOf))
  dateCell(asOf.getCell(2), meta.asOf, DATE_FMT[lang])
  asOf.getCell(2).alignment = { horizontal: 'left' }
  const filter = next()
  textCell(filter.getCell(1), t(L.filter))
  textCell(filter.getCell(2), meta.filter)
  r++

  const labels: Record<(typeof COUNT_KEYS)[number], string> = {
    total: t(L.total),
    open: t(ASSIGNMENT_STATE_LABEL.open),
    reported: t(ASSIGNMENT_STATE_LABEL.reported),
    done: t(ASSIGNMENT_STATE_LABEL.done),
    cancelled: t(ASSIGNMENT_STATE_LABEL.cancelled),
    overdue: t(L.overdue),
  }
  const table = (heading: string, first: string, data: ReturnType<typeof tally>) => {
    const h = next()
    textCell(h.getCell(1), heading)
    h.font = { bold: true, size: 12 }
    const head = next()
    textCell(head.getCell(1), first)
    COUNT_KEYS.forEach((k, i) => {
      textCell(head.getCell(i + 2), labels[k])
    })
    styleHeader(head)
    const line = (label: string, counts: Counts) => {
      const row = next()
      textCell(row.getCell(1), label)
      COUNT_KEYS.forEach((k, i) => {
        row.getCell(i + 2).value = counts[k]
      })
      return row
    }
    for (const g of data.groups) line(g.label, g.counts)
    line(t(L.total), data.total).font = { bold: true }
    r++
  }
  table(
    t(L.byBody),
    t(L.body),
    tally(rows, (a) => [a.bodyCode, a.bodyCode]),
  )
  table(
    t(L.byOrg),
    t(L.organisation),
    tally(rows, (a) => [a.orgCode, `${a.orgCode} — ${tr(a.orgName, lang)}`]),
  )
}

/**
 * The decision-execution report: one row per assignment (frozen header, auto filter, real dates,
 * states in the reader's language) and a summary sheet with counts per body and per organisation.
 */
export const executionWorkbook = async (
  rows: Assignment[],
  lang: DocLang,
  meta: { title: string; asOf: string; filter: string },
): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Qalxan'
  wb.title = cleanText(meta.title)
  addAssignmentsSheet(wb, rows, lang)
  addSummarySheet(wb, rows, lang, meta)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

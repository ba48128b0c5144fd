import { inflateRawSync } from 'node:zlib'
import {
  codeSchema,
  IndicatorInputSchema,
  i18nLongTextSchema,
  i18nTextSchema,
  MeasureInputSchema,
  parseDeadline,
} from '@qalxan/contracts'
import ExcelJS from 'exceljs'
import { z } from 'zod'
import {
  emptyPlan,
  columnLetter as letter,
  MAX_PLAN_ROWS,
  PLAN_SHEET_NAMES,
  PLAN_SHEETS,
  type PlanData,
  type PlanSheet,
  REQUIRED_COLUMNS,
  REQUIRED_SHEETS,
  planMessage as say,
  PLAN_IMPORT_TEMPLATES as T,
} from './plan-xlsx.fns.ts'

/** A problem in the file; `row` 0 and `column` "" when it concerns the whole file or sheet. */
export type PlanIssue = { sheet: string; row: number; column: string; message: string }
export type PlanParseContext = { orgCodes: Set<string>; existingMeasureCodes?: Set<string> }
export type PlanParseResult = { plan: PlanData; issues: PlanIssue[] }

export const MAX_CELL_CHARS = 20_000
/** A real plan (a few hundred measures) unpacks to a few MB; exceljs needs several times this in memory. */
export const MAX_UNPACKED_MB = 64
const MAX_PARTS = 1_000

// ---- the archive, before exceljs sees it ----

const U32 = 0xffffffff
const isZip = (b: Buffer) => b.length > 4 && b.readUInt32LE(0) === 0x04034b50

const findEnd = (b: Buffer) => {
  for (let p = b.length - 22; p >= Math.max(0, b.length - 22 - 0xffff); p--)
    if (b.readUInt32LE(p) === 0x06054b50) return p
  return -1
}

/** The 64-bit sizes a ZIP64 extra field holds for the fields set to 0xFFFFFFFF, in their order. */
const zip64Values = (b: Buffer, at: number, length: number): number[] | null => {
  for (let p = at; p + 4 <= at + length; ) {
    const id = b.readUInt16LE(p)
    const size = b.readUInt16LE(p + 2)
    if (id === 1) {
      const out: number[] = []
      for (let q = p + 4; q + 8 <= p + 4 + size; q += 8) out.push(Number(b.readBigUInt64LE(q)))
      return out
    }
    p += 4 + size
  }
  return null
}

/**
 * Why the archive must not be unpacked, or null. The central directory's sizes are summed first
 * (cheap), then every part is inflated here with a hard output cap, because JSZip trusts the
 * declared sizes and a bomb can understate them.
 */
export const zipProblem = (b: Buffer): string | null => {
  const end = findEnd(b)
  if (end < 0) return say('notXlsx')
  const count = b.readUInt16LE(end + 10)
  let p = b.readUInt32LE(end + 16)
  if (count === 0xffff || count > MAX_PARTS) return say('tooManyParts', MAX_PARTS)
  const budget = MAX_UNPACKED_MB * 1024 * 1024
  const parts: { local: number; packed: number; size: number; method: number }[] = []
  let total = 0
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) return say('notXlsx')
    const nameLength = b.readUInt16LE(p + 28)
    const extraLength = b.readUInt16LE(p + 30)
    const declared = [b.readUInt32LE(p + 24), b.readUInt32LE(p + 20), b.readUInt32LE(p + 42)]
    if (declared.includes(U32)) {
      const wide = zip64Values(b, p + 46 + nameLength, extraLength) ?? []
      for (const [k, v] of declared.entries()) if (v === U32) declared[k] = wide.shift() ?? Number.MAX_VALUE
    }
    const [size, packed, local] = declared as [number, number, number]
    if (b.readUInt16LE(p + 8) & 1) return say('cannotUnpack')
    total += size
    if (total > budget) return say('tooBig', MAX_UNPACKED_MB)
    parts.push({ local, packed, size, method: b.readUInt16LE(p + 10) })
    p += 46 + nameLength + extraLength + b.readUInt16LE(p + 32)
  }
  for (const { local, packed, size, method } of parts) {
    if (local + 30 > b.length || b.readUInt32LE(local) !== 0x04034b50) return say('notXlsx')
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28)
    if (start + packed > b.length) return say('notXlsx')
    if (method === 0) {
      if (packed !== size) return say('disguised')
      continue
    }
    if (method !== 8) return say('cannotUnpack')
    try {
      const out = inflateRawSync(b.subarray(start, start + packed), { maxOutputLength: Math.max(1, size) })
      if (out.length !== size) return say('disguised')
    } catch (err) {
      return (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? say('disguised') : say('notXlsx')
    }
  }
  return null
}

// ---- cells and sheets ----

type Read = { text: string } | { problem: string }

/** A cell as text: formulas by their saved result (never evaluated), Excel dates as YYYY-MM-DD. */
const cellText = (v: ExcelJS.CellValue): Read => {
  if (v === null || v === undefined) return { text: '' }
  if (typeof v === 'string') return { text: v.trim() }
  if (typeof v === 'number') return { text: Number.isFinite(v) ? String(v) : '' }
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE' }
  if (v instanceof Date)
    return Number.isNaN(v.getTime()) ? { problem: say('invalid') } : { text: v.toISOString().slice(0, 10) }
  if ('error' in v) return { problem: say('cellError', v.error) }
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: unknown }).result
    if (result === undefined || result === null) return { problem: say('formulaNoValue') }
    return cellText(result as ExcelJS.CellValue)
  }
  if ('richText' in v)
    return {
      text: v.richText
        .map((t) => t.text)
        .join('')
        .trim(),
    }
  if ('hyperlink' in v) return cellText(v.text as ExcelJS.CellValue)
  return { text: '' }
}

type Row = { row: number; v: Record<string, string>; bad: Set<string> }
type Sheet = { rows: Row[]; complete: boolean; codes: Set<string> | null }

const readSheet = (ws: ExcelJS.Worksheet | undefined, sheet: PlanSheet, issues: PlanIssue[]): Sheet => {
  const push = (row: number, column: string, message: string) => issues.push({ sheet, row, column, message })
  const none: Sheet = { rows: [], complete: false, codes: null }
  if (!ws) {
    if (REQUIRED_SHEETS.includes(sheet)) push(0, '', say('sheetMissing', sheet))
    return none
  }
  const known: readonly string[] = PLAN_SHEETS[sheet]
  const nameAt = new Map<number, string>()
  const headed = new Set<number>()
  const seen = new Set<string>()
  ws.getRow(1).eachCell((cell, c) => {
    const r = cellText(cell.value)
    const h = 'text' in r ? r.text.toLowerCase() : ''
    if (!h) return
    headed.add(c)
    if (seen.has(h)) return void push(1, h, say('dupColumn', h))
    seen.add(h)
    if (!known.includes(h)) return void push(1, h, say('unknownColumn', h))
    nameAt.set(c, h)
  })
  let complete = true
  for (const r of REQUIRED_COLUMNS[sheet]) {
    if (seen.has(r)) continue
    push(1, r, say('missingColumn', r))
    complete = false
  }
  let count = 0
  ws.eachRow((_, n) => {
    if (n > 1) count++
  })
  if (count > MAX_PLAN_ROWS) {
    push(0, '', say('tooManyRows', MAX_PLAN_ROWS))
    return none
  }
  const rows: Row[] = []
  const unheaded = new Set<number>()
  ws.eachRow((row, n) => {
    if (n === 1) return
    const v: Record<string, string> = Object.fromEntries(known.map((c) => [c, '']))
    const bad = new Set<string>()
    let filled = false
    row.eachCell((cell, c) => {
      const name = nameAt.get(c)
      const r = cellText(cell.value)
      if (name === undefined) {
        if (!headed.has(c) && !unheaded.has(c) && !('text' in r && !r.text)) {
          unheaded.add(c)
          push(1, letter(c), say('noHeader', letter(c)))
        }
        return
      }
      const problem =
        'problem' in r
          ? r.problem
          : r.text.length > MAX_CELL_CHARS
            ? say('cellTooLong', MAX_CELL_CHARS)
            : null
      if (problem) {
        push(n, name, problem)
        bad.add(name)
      } else v[name] = (r as { text: string }).text
      filled ||= Boolean(problem) || v[name] !== ''
    })
    if (filled) rows.push({ row: n, v, bad })
  })
  const codes =
    nameAt.size && seen.has('code') ? new Set(rows.map((r) => r.v.code ?? '').filter(Boolean)) : null
  return { rows, complete, codes }
}

// ---- rows ----

const FIXED = new Set<string>([T.codeForm[0], T.tagForm[0], T.needLead[0]])
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
const columnOf = (path: readonly PropertyKey[]) => {
  const [a, b] = path
  const base = snake(String(a ?? ''))
  return typeof b === 'string' && /^(az|en|ru)$/.test(b) ? `${base}_${b}` : base
}

/** Zod's issue as one of this file's message templates, so the catalogue can translate it. */
const zodMessage = (i: z.core.$ZodIssue, raw: string): string => {
  if (FIXED.has(i.message)) return i.message
  if (i.code === 'too_small') {
    if (i.origin === 'string') return say('required')
    if (i.origin === 'number')
      return i.inclusive ? say('atLeast', Number(i.minimum)) : say('above', Number(i.minimum))
  }
  if (i.code === 'too_big') {
    if (i.origin === 'string') return say('textTooLong', Number(i.maximum))
    if (i.origin === 'array') return say('tooManyEntries', Number(i.maximum))
    if (i.origin === 'number') return say('atMost', Number(i.maximum))
  }
  if (i.code === 'invalid_value') return say('notOneOf', raw, i.values.map(String).join(', '))
  return say('invalid')
}

const row = (sheet: PlanSheet, r: Row, issues: PlanIssue[]) => {
  const add = (column: string, message: string) => {
    issues.push({ sheet, row: r.row, column, message })
    r.bad.add(column)
  }
  const ok = (c: string) => !r.bad.has(c)
  const v = (c: string) => r.v[c] ?? ''
  return {
    add,
    ok,
    v,
    /** Present and not already reported. */
    has: (c: string) => ok(c) && v(c) !== '',
    required: (...cs: string[]) => {
      for (const c of cs) if (ok(c) && !v(c)) add(c, say('required'))
    },
    text: (p: string) => {
      const t: { az: string; en?: string; ru?: string } = { az: v(`${p}_az`) }
      if (v(`${p}_en`)) t.en = v(`${p}_en`)
      if (v(`${p}_ru`)) t.ru = v(`${p}_ru`)
      return t
    },
    /** The schema's verdict; its issues only for cells the explicit checks left alone. */
    parse: <S extends z.ZodType>(schema: S, data: unknown): z.output<S> | null => {
      const before = new Set(r.bad)
      const res = schema.safeParse(data)
      const reported = new Set<string>()
      if (!res.success) {
        for (const i of res.error.issues) {
          const column = columnOf(i.path)
          const message = zodMessage(i, v(column))
          if (before.has(column) || reported.has(`${column}\n${message}`)) continue
          reported.add(`${column}\n${message}`)
          add(column, message)
        }
      }
      return res.success && r.bad.size === 0 ? res.data : null
    },
  }
}

const num = (s: string): number | null =>
  /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s.trim()) ? Number(s.trim()) : null
const split = (s: string, by: RegExp) =>
  s
    .split(by)
    .map((x) => x.trim())
    .filter(Boolean)

/** Every row with a code shared by another row gets an issue naming the other row. */
const duplicates = (sheet: PlanSheet, rows: Row[], issues: PlanIssue[]) => {
  const byCode = new Map<string, Row[]>()
  for (const r of rows) {
    const code = r.v.code
    if (code && !r.bad.has('code')) byCode.set(code, [...(byCode.get(code) ?? []), r])
  }
  for (const [code, group] of byCode) {
    if (group.length < 2) continue
    for (const r of group) {
      const other = group.find((o) => o !== r) as Row
      row(sheet, r, issues).add('code', say('dupCode', code, other.row))
    }
  }
}

const DirectionRowSchema = z.object({ code: codeSchema, title: i18nTextSchema })
const GoalRowSchema = z.object({ code: codeSchema, directionCode: codeSchema, title: i18nLongTextSchema })
const EXECUTOR_COLUMNS = ['lead_executors', 'co_executors', 'recommended'] as const

/**
 * Reads an Action Plan workbook made from `planTemplate`. Every problem is reported, in one pass,
 * with its sheet, row (the header is row 1) and column; `plan` holds only the rows without a
 * problem, so a caller writes nothing unless `issues` is empty.
 */
export const parsePlanWorkbook = async (buf: Buffer, ctx: PlanParseContext): Promise<PlanParseResult> => {
  const plan = emptyPlan()
  const refuse = (message: string): PlanParseResult => ({
    plan,
    issues: [{ sheet: '', row: 0, column: '', message }],
  })
  if (!buf.length) return refuse(say('empty'))
  if (!isZip(buf)) return refuse(buf.subarray(0, 8192).includes(0) ? say('notXlsx') : say('csv'))
  const archive = zipProblem(buf)
  if (archive) return refuse(archive)
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(buf as never)
  } catch {
    return refuse(say('notXlsx'))
  }
  const issues: PlanIssue[] = []
  const find = (name: string) =>
    wb.getWorksheet(name) ?? wb.worksheets.find((w) => w.name.trim().toLowerCase() === name.toLowerCase())
  const s = Object.fromEntries(
    PLAN_SHEET_NAMES.map((name) => [name, readSheet(find(name), name, issues)]),
  ) as Record<PlanSheet, Sheet>
  for (const name of PLAN_SHEET_NAMES) if (s[name].complete) duplicates(name, s[name].rows, issues)

  if (s.Directions.complete)
    for (const r of s.Directions.rows) {
      const x = row('Directions', r, issues)
      x.required('code', 'title_az')
      const d = x.parse(DirectionRowSchema, { code: x.v('code'), title: x.text('title') })
      if (d) plan.directions.push(d)
    }

  if (s.Goals.complete)
    for (const r of s.Goals.rows) {
      const x = row('Goals', r, issues)
      x.required('code', 'direction_code', 'title_az')
      const dir = x.v('direction_code')
      if (x.has('direction_code') && s.Directions.codes && !s.Directions.codes.has(dir))
        x.add('direction_code', say('noDirection', dir))
      const g = x.parse(GoalRowSchema, { code: x.v('code'), directionCode: dir, title: x.text('title') })
      if (g) plan.goals.push(g)
    }

  if (s.Measures.complete)
    for (const r of s.Measures.rows) {
      const x = row('Measures', r, issues)
      x.required('code', 'goal_code', 'title_az', 'deadline')
      if (x.ok('lead_executors') && !x.v('lead_executors')) x.add('lead_executors', say('needLead'))
      const code = x.v('code')
      if (x.has('code') && ctx.existingMeasureCodes?.has(code)) x.add('code', say('measureExists', code))
      const goal = x.v('goal_code')
      if (x.has('goal_code') && s.Goals.codes && !s.Goals.codes.has(goal))
        x.add('goal_code', say('noGoal', goal))
      const deadline = x.has('deadline') ? parseDeadline(x.v('deadline')) : null
      if (x.has('deadline') && !deadline) x.add('deadline', say('badDeadline', x.v('deadline')))
      let weight: number | undefined
      if (x.has('weight')) {
        const n = num(x.v('weight'))
        if (n === null) x.add('weight', say('notNumber', x.v('weight')))
        else if (n <= 0) x.add('weight', say('weightPositive'))
        else weight = n
      }
      const lists = Object.fromEntries(EXECUTOR_COLUMNS.map((c) => [c, split(x.v(c), /[;,]/)])) as Record<
        (typeof EXECUTOR_COLUMNS)[number],
        string[]
      >
      const firstIn = new Map<string, string>()
      for (const c of EXECUTOR_COLUMNS) {
        if (!x.ok(c)) continue
        for (const org of lists[c]) {
          if (!ctx.orgCodes.has(org)) x.add(c, say('noOrg', org))
          else if (!firstIn.has(org)) firstIn.set(org, c)
          else if (firstIn.get(org) === 'lead_executors' && c === 'co_executors')
            x.add(c, say('leadAndCo', org))
          else x.add(c, say('namedTwice', org))
        }
      }
      const lower = (c: string) => x.v(c).toLowerCase() || undefined
      const m = x.parse(MeasureInputSchema, {
        goalCode: goal,
        code,
        title: x.text('title'),
        description: x.text('description'),
        expectedResult: x.text('expected_result'),
        outputType: lower('output_type'),
        deadline: deadline?.value ?? x.v('deadline'),
        weight,
        confidentiality: lower('confidentiality'),
        frameworkTags: split(x.v('framework_tags'), /;/),
        leadExecutors: lists.lead_executors,
        coExecutors: lists.co_executors,
        recommended: lists.recommended,
      })
      if (m) plan.measures.push(m)
    }

  if (s.Indicators.complete)
    for (const r of s.Indicators.rows) {
      const x = row('Indicators', r, issues)
      x.required('code', 'name_az', 'unit')
      const measure = x.v('measure_code')
      if (x.has('measure_code') && s.Measures.codes && !s.Measures.codes.has(measure))
        x.add('measure_code', say('noMeasure', measure))
      const number = (c: string, whole: boolean): number | null => {
        if (!x.has(c)) return null
        const n = num(x.v(c))
        if (n === null) x.add(c, say('notNumber', x.v(c)))
        else if (whole && !Number.isInteger(n)) x.add(c, say('notWhole', x.v(c)))
        return n
      }
      const baseline = number('baseline', false)
      const baselineYear = number('baseline_year', true)
      const targets: { year: number; value: number }[] = []
      if (x.has('targets')) {
        const pairs = split(x.v('targets'), /;/).map((p) => /^(\d{4})\s*:\s*(\S+)$/.exec(p))
        const values = pairs.map((m) => (m ? num(m[2] as string) : null))
        if (pairs.some((m) => !m) || values.some((n) => n === null))
          x.add('targets', say('badTargets', x.v('targets')))
        else
          for (const [k, m] of pairs.entries()) {
            const year = Number((m as RegExpExecArray)[1])
            if (targets.some((t) => t.year === year)) x.add('targets', say('yearTwice', year))
            else targets.push({ year, value: values[k] as number })
          }
      }
      const i = x.parse(IndicatorInputSchema, {
        code: x.v('code'),
        name: x.text('name'),
        unit: x.v('unit'),
        baseline,
        baselineYear,
        direction: x.v('direction').toLowerCase() || undefined,
        targets,
      })
      if (i) plan.indicators.push({ ...i, measureCode: measure || null })
    }

  const order = (sheet: string) => PLAN_SHEET_NAMES.indexOf(sheet as PlanSheet)
  issues.sort((a, b) => order(a.sheet) - order(b.sheet) || a.row - b.row)
  return { plan, issues }
}

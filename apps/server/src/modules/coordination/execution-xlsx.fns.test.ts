import type { Assignment } from '@qalxan/contracts'
import ExcelJS from 'exceljs'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { DocLang } from '../../platform/documents/index.ts'
import { executionWorkbook } from './execution-xlsx.fns.ts'

const ORG_AZ = 'Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi'
const ORG_RU = 'Министерство цифрового развития и транспорта'
// Text that a spreadsheet would run as a formula if it were written as one.
const INJECTIONS = ['=HYPERLINK("https://evil.example","click")', '+1+2', '-2+3', '@SUM(A1:A2)']

const assignment = (over: Partial<Assignment>): Assignment => ({
  id: 'as-1',
  decisionId: 'dc-1',
  decisionNumber: '3/1',
  meetingId: 'mt-3',
  meetingNumber: '3',
  bodyId: 'bd-1',
  bodyCode: 'WG-5',
  orgId: 'org-rin',
  orgCode: 'RİNN',
  orgName: { az: ORG_AZ, en: 'Ministry of Digital Development and Transport', ru: ORG_RU },
  responsibleUserId: 'u-1',
  responsibleName: 'Əli Hüseynov',
  task: 'Qaydaların layihəsini hazırlamaq',
  dueOn: '2024-06-30',
  measureId: 'ms-1',
  measureCode: '5.1.1.1',
  changeRequestId: null,
  state: 'open',
  overdue: false,
  completedOn: null,
  reports: [],
  canReport: false,
  canReview: false,
  ...over,
})

const ROWS: Assignment[] = [
  assignment({
    id: 'as-1',
    state: 'done',
    completedOn: '2024-05-20',
    reports: [
      {
        id: 'r-1',
        text: 'Layihə hazırlanır',
        done: false,
        fileId: null,
        filename: null,
        by: 'Əli Hüseynov',
        at: '2024-04-01T08:00:00.000Z',
        review: null,
      },
      {
        id: 'r-2',
        text: 'Qaydalar təsdiq üçün təqdim edildi',
        done: true,
        fileId: null,
        filename: null,
        by: 'Əli Hüseynov',
        // 21:15 UTC is 01:15 the next day in Baku
        at: '2024-05-19T21:15:00.000Z',
        review: { accepted: true, comment: '', by: 'Katib', at: '2024-05-20T06:00:00.000Z' },
      },
    ],
  }),
  assignment({
    id: 'as-2',
    state: 'open',
    overdue: true,
    dueOn: '2024-03-31',
    task: INJECTIONS[0] as string,
  }),
  assignment({
    id: 'as-3',
    bodyCode: 'COM',
    meetingNumber: '1',
    decisionNumber: '1/2',
    orgId: 'org-dtx',
    orgCode: 'DTX',
    orgName: { az: 'Dövlət Təhlükəsizliyi Xidməti' },
    responsibleName: INJECTIONS[1] as string,
    measureCode: null,
    state: 'reported',
    overdue: true,
    task: INJECTIONS[2] as string,
    reports: [
      {
        id: 'r-3',
        text: INJECTIONS[3] as string,
        done: true,
        fileId: null,
        filename: null,
        by: 'x',
        at: '2024-04-02T10:00:00.000Z',
        review: null,
      },
    ],
  }),
  assignment({
    id: 'as-4',
    bodyCode: 'COM',
    state: 'cancelled',
    responsibleName: null,
    task: 'Ləğv\u0000 edildi',
  }),
]
const META = { title: 'Qərarların icrası — 2024', asOf: '2024-06-01', filter: 'WG-5, COM' }

const read = async (buf: Buffer) => {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(buf as unknown as ArrayBuffer)
  return wb
}
const values = (ws: ExcelJS.Worksheet, row: number) =>
  // Array.from, not map: the array exceljs gives is sparse where cells are empty.
  Array.from((ws.getRow(row).values as ExcelJS.CellValue[]).slice(1), (v) => v ?? null)

const HEADERS: Record<DocLang, string[]> = {
  az: [
    'Orqan',
    'İclas',
    'Qərar',
    'Təşkilat',
    'Məsul şəxs',
    'Tapşırıq',
    'Əlaqəli tədbir',
    'Son tarix',
    'Vəziyyət',
    'Gecikir',
    'İcra tarixi',
    'Son hesabat',
    'Son hesabatın tarixi',
  ],
  en: [
    'Body',
    'Meeting',
    'Decision',
    'Organisation',
    'Responsible',
    'Task',
    'Linked measure',
    'Due date',
    'State',
    'Overdue',
    'Completed on',
    'Last report',
    'Last report on',
  ],
  ru: [
    'Орган',
    'Заседание',
    'Решение',
    'Организация',
    'Ответственный',
    'Поручение',
    'Связанная мера',
    'Срок',
    'Состояние',
    'Просрочено',
    'Дата исполнения',
    'Последний отчёт',
    'Дата последнего отчёта',
  ],
}
const STATES: Record<
  DocLang,
  [done: string, open: string, reported: string, cancelled: string, yes: string, no: string]
> = {
  az: ['İcra edilib', 'İcradadır', 'Hesabat verilib', 'Ləğv edilib', 'bəli', 'xeyr'],
  en: ['Done', 'Open', 'Reported', 'Cancelled', 'yes', 'no'],
  ru: ['Исполнено', 'На исполнении', 'Отчёт представлен', 'Отменено', 'да', 'нет'],
}

describe.each(['az', 'en', 'ru'] as const)('the %s execution workbook', (lang) => {
  it('lists every assignment under a frozen, filtered header, with translated states and real dates', async () => {
    const wb = await read(await executionWorkbook(ROWS, lang, META))
    expect(wb.worksheets).toHaveLength(2)
    const ws = wb.worksheets[0] as ExcelJS.Worksheet
    expect(values(ws, 1)).toEqual(HEADERS[lang])
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(ws.autoFilter).toBe('A1:M5')
    expect(ws.rowCount).toBe(5)
    const [done, open, reported, cancelled, yes, no] = STATES[lang]
    const org =
      lang === 'en' ? 'Ministry of Digital Development and Transport' : lang === 'ru' ? ORG_RU : ORG_AZ

    expect(values(ws, 2)).toEqual([
      'WG-5',
      '3',
      '3/1',
      `RİNN — ${org}`,
      'Əli Hüseynov',
      'Qaydaların layihəsini hazırlamaq',
      '5.1.1.1',
      new Date(Date.UTC(2024, 5, 30)),
      done,
      no,
      new Date(Date.UTC(2024, 4, 20)),
      // the latest report, dated in Baku time
      'Qaydalar təsdiq üçün təqdim edildi',
      new Date(Date.UTC(2024, 4, 20, 1, 15)),
    ])
    expect(ws.getCell('H2').numFmt).toBe(lang === 'en' ? 'dd mmm yyyy' : 'dd.mm.yyyy')
    expect(ws.getCell('M2').numFmt).toMatch(/hh:mm$/)
    expect(values(ws, 3).slice(7, 10)).toEqual([new Date(Date.UTC(2024, 2, 31)), open, yes])
    // No English name: the Azerbaijani one.
    expect(values(ws, 4).slice(0, 4)).toEqual(['COM', '1', '1/2', 'DTX — Dövlət Təhlükəsizliyi Xidməti'])
    expect(values(ws, 4)[6]).toBe(null)
    expect(values(ws, 4)[8]).toBe(reported)
    expect(values(ws, 5)[8]).toBe(cancelled)
    expect(values(ws, 5)[4]).toBe(null)
    // A NUL byte would make the file unreadable: it is dropped.
    expect(values(ws, 5)[5]).toBe('Ləğv edildi')
  })

  it('writes text that looks like a formula as text, unchanged', async () => {
    const buf = await executionWorkbook(ROWS, lang, META)
    const wb = await read(buf)
    const texts: string[] = []
    for (const ws of wb.worksheets)
      ws.eachRow((row) => {
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)
          expect(cell.formula).toBeUndefined()
          if (typeof cell.value === 'string') texts.push(cell.value)
        })
      })
    for (const s of INJECTIONS) expect(texts).toContain(s)
    // In the file itself: no <f> element anywhere, and the texts are shared strings.
    const parts = unzipSync(new Uint8Array(buf))
    for (const [name, data] of Object.entries(parts))
      if (name.startsWith('xl/worksheets/')) expect(strFromU8(data)).not.toMatch(/<f[ >]/)
    const shared = strFromU8(parts['xl/sharedStrings.xml'] as Uint8Array)
    expect(shared).toContain('=HYPERLINK(&quot;https://evil.example&quot;,&quot;click&quot;)')
    expect(shared).toContain('<t>@SUM(A1:A2)</t>')
  })

  it('sums up per body and per organisation', async () => {
    const wb = await read(await executionWorkbook(ROWS, lang, META))
    const ws = wb.worksheets[1] as ExcelJS.Worksheet
    expect(ws.name).toBe({ az: 'Xülasə', en: 'Summary', ru: 'Сводка' }[lang])
    expect(values(ws, 1)).toEqual([META.title])
    expect(values(ws, 2)[1]).toEqual(new Date(Date.UTC(2024, 5, 1)))
    expect(values(ws, 3)[1]).toBe('WG-5, COM')
    const [done, open, reported, cancelled] = STATES[lang]
    const table = (first: number) => {
      const out: (string | number | null)[][] = []
      for (let r = first; values(ws, r).length; r++) out.push(values(ws, r) as (string | number | null)[])
      return out
    }
    const total = { az: 'Cəmi', en: 'Total', ru: 'Всего' }[lang]
    const overdue = HEADERS[lang][9] as string
    const byBody = table(6)
    expect(byBody).toEqual([
      [HEADERS[lang][0], total, open, reported, done, cancelled, overdue],
      ['COM', 2, 0, 1, 0, 1, 1],
      ['WG-5', 2, 1, 0, 1, 0, 1],
      [total, 4, 1, 1, 1, 1, 2],
    ])
    const byOrg = table(6 + byBody.length + 2)
    expect(byOrg.slice(1).map((r) => [String(r[0]).split(' — ')[0], ...r.slice(1)])).toEqual([
      ['DTX', 1, 0, 1, 0, 0, 1],
      ['RİNN', 3, 1, 0, 1, 1, 1],
      [total, 4, 1, 1, 1, 1, 2],
    ])
  })
})

it('an empty list still gives a workbook with its header and a summary of zeros', async () => {
  const wb = await read(await executionWorkbook([], 'en', META))
  const ws = wb.worksheets[0] as ExcelJS.Worksheet
  expect(values(ws, 1)).toEqual(HEADERS.en)
  expect(ws.rowCount).toBe(1)
  expect(values(wb.worksheets[1] as ExcelJS.Worksheet, 7)).toEqual(['Total', 0, 0, 0, 0, 0, 0])
})

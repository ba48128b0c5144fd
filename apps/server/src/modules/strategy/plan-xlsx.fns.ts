import type { I18nLongText, I18nText, IndicatorInputSchema, MeasureInput } from '@qalxan/contracts'
import ExcelJS from 'exceljs'
import type { z } from 'zod'

/**
 * The Action Plan workbook: one sheet per level, with stable machine headers (the same in every
 * language, so a file filled in Russian reads back like one filled in Azerbaijani). The reader in
 * plan-xlsx.read.ts and the writer in plan-xlsx.write.ts share this layout.
 */
export const PLAN_SHEETS = {
  Directions: ['code', 'title_az', 'title_en', 'title_ru'],
  Goals: ['code', 'direction_code', 'title_az', 'title_en', 'title_ru'],
  Measures: [
    'code',
    'goal_code',
    'title_az',
    'title_en',
    'title_ru',
    'description_az',
    'description_en',
    'description_ru',
    'expected_result_az',
    'expected_result_en',
    'expected_result_ru',
    'output_type',
    'deadline',
    'weight',
    'confidentiality',
    'framework_tags',
    'lead_executors',
    'co_executors',
    'recommended',
  ],
  Indicators: [
    'code',
    'measure_code',
    'name_az',
    'name_en',
    'name_ru',
    'unit',
    'baseline',
    'baseline_year',
    'direction',
    'targets',
  ],
} as const
export type PlanSheet = keyof typeof PLAN_SHEETS
export const PLAN_SHEET_NAMES = Object.keys(PLAN_SHEETS) as PlanSheet[]
export const REQUIRED_COLUMNS: Record<PlanSheet, readonly string[]> = {
  Directions: ['code', 'title_az'],
  Goals: ['code', 'direction_code', 'title_az'],
  Measures: ['code', 'goal_code', 'title_az', 'deadline', 'lead_executors'],
  Indicators: ['code', 'name_az', 'unit'],
}
/** A plan may have no indicators yet; the other three sheets are the plan itself. */
export const REQUIRED_SHEETS: readonly PlanSheet[] = ['Directions', 'Goals', 'Measures']
export const MAX_PLAN_ROWS = 5_000

export type PlanDirection = { code: string; title: I18nText }
export type PlanGoal = { code: string; directionCode: string; title: I18nLongText }
/** A measure exactly as `MeasureInputSchema` gives it; the deadline in its normal form ("2025-H1"). */
export type PlanMeasure = MeasureInput
/** `measureCode` is null for a target indicator of the Strategy itself. */
export type PlanIndicator = z.infer<typeof IndicatorInputSchema> & { measureCode: string | null }
export type PlanData = {
  directions: PlanDirection[]
  goals: PlanGoal[]
  measures: PlanMeasure[]
  indicators: PlanIndicator[]
}
export const emptyPlan = (): PlanData => ({ directions: [], goals: [], measures: [], indicators: [] })

// ---- messages ----

/**
 * Every message the plan import writes, as [en, az, ru] with {0}, {1} for the quoted values, in the
 * form of platform/messages.ts: the HTTP layer translates an issue by matching its English text.
 * Templates already in that catalogue are repeated here with the same wording.
 */
export const PLAN_IMPORT_TEMPLATES = {
  empty: ['The file is empty', 'Fayl boşdur', 'Файл пуст'],
  notXlsx: [
    'The file is not a readable XLSX workbook',
    'Fayl oxuna bilən XLSX iş kitabı deyil',
    'Файл не является читаемой книгой XLSX',
  ],
  csv: [
    'This is a CSV or text file: download the XLSX template, fill it in and upload that',
    'Bu, CSV və ya mətn faylıdır: XLSX şablonunu endirin, doldurun və onu yükləyin',
    'Это файл CSV или текстовый файл: скачайте шаблон XLSX, заполните его и загрузите',
  ],
  tooBig: [
    'The workbook unpacks to more than {0} MB',
    'İş kitabı açıldıqda həcmi {0} MB-ı keçir',
    'В распакованном виде книга занимает больше {0} МБ',
  ],
  tooManyParts: [
    'The workbook holds more than {0} parts',
    'İş kitabındakı hissələrin sayı həddi ({0}) aşır',
    'В книге больше {0} частей',
  ],
  disguised: [
    'The workbook is damaged or disguised: a part unpacks to another size than it declares',
    'İş kitabı zədələnib və ya saxtadır: hissələrdən biri açıldıqda göstərilən ölçüyə uyğun gəlmir',
    'Книга повреждена или замаскирована: одна из частей при распаковке не совпадает с заявленным размером',
  ],
  cannotUnpack: [
    'The workbook is encrypted or packed in a way that cannot be read',
    'İş kitabı şifrələnib və ya oxuna bilməyən üsulla sıxılıb',
    'Книга зашифрована или упакована способом, который нельзя прочитать',
  ],
  sheetMissing: ['The sheet "{0}" is missing', '"{0}" vərəqi yoxdur', 'Нет листа «{0}»'],
  tooManyRows: [
    'The sheet has more than {0} rows',
    'Vərəqdəki sətirlərin sayı həddi ({0}) aşır',
    'На листе больше {0} строк',
  ],
  dupColumn: [
    'The column "{0}" appears twice',
    '"{0}" sütunu iki dəfə var',
    'Столбец «{0}» встречается дважды',
  ],
  unknownColumn: ['Unknown column "{0}"', 'Naməlum sütun: "{0}"', 'Неизвестный столбец «{0}»'],
  missingColumn: [
    'The required column "{0}" is missing',
    'Məcburi "{0}" sütunu yoxdur',
    'Нет обязательного столбца «{0}»',
  ],
  noHeader: [
    'Column {0} has values but no header',
    '{0} sütununda dəyərlər var, amma başlıq yoxdur',
    'В столбце {0} есть значения, но нет заголовка',
  ],
  cellTooLong: [
    'The cell is longer than {0} characters',
    'Xanadakı mətn {0} simvoldan uzundur',
    'Ячейка длиннее {0} символов',
  ],
  formulaNoValue: [
    'The formula in this cell has no saved value: open the file in Excel and save it again',
    'Bu xanadakı düsturun saxlanmış qiyməti yoxdur: faylı Excel-də açıb yenidən saxlayın',
    'У формулы в этой ячейке нет сохранённого значения: откройте файл в Excel и сохраните его заново',
  ],
  cellError: ['The cell holds the error {0}', 'Xanada {0} xətası var', 'В ячейке ошибка {0}'],
  required: ['Required', 'Məcburidir', 'Обязательно'],
  dupCode: [
    'The code "{0}" is also on row {1}',
    '"{0}" kodu {1} nömrəli sətirdə də var',
    'Код «{0}» есть также в строке {1}',
  ],
  measureExists: [
    'A measure with code "{0}" already exists',
    '"{0}" kodlu tədbir artıq var',
    'Мера с кодом «{0}» уже существует',
  ],
  noOrg: ['No organisation "{0}"', '"{0}" təşkilatı yoxdur', 'Организации «{0}» нет'],
  noGoal: [
    'No goal "{0}" on the Goals sheet',
    'Goals vərəqində "{0}" hədəfi yoxdur',
    'На листе Goals нет цели «{0}»',
  ],
  noDirection: [
    'No direction "{0}" on the Directions sheet',
    'Directions vərəqində "{0}" istiqaməti yoxdur',
    'На листе Directions нет направления «{0}»',
  ],
  noMeasure: [
    'No measure "{0}" on the Measures sheet',
    'Measures vərəqində "{0}" tədbiri yoxdur',
    'На листе Measures нет меры «{0}»',
  ],
  badDeadline: [
    'The deadline "{0}" cannot be read: write 2023-2024, 2025, 2025-H1, 2025-Q3, 2025-06-30 or ongoing',
    '"{0}" icra müddətini oxumaq mümkün deyil: 2023-2024, 2025, 2025-H1, 2025-Q3, 2025-06-30 və ya ongoing (davamlı) yazın',
    'Срок «{0}» не удаётся прочитать: укажите 2023-2024, 2025, 2025-H1, 2025-Q3, 2025-06-30 или ongoing (постоянно)',
  ],
  weightPositive: [
    'The weight must be greater than 0',
    'Çəki 0-dan böyük olmalıdır',
    'Вес должен быть больше 0',
  ],
  notNumber: ['"{0}" is not a number', '"{0}" ədəd deyil', '«{0}» — не число'],
  notWhole: ['"{0}" is not a whole number', '"{0}" tam ədəd deyil', '«{0}» — не целое число'],
  badTargets: [
    'The targets "{0}" are not written as year:value pairs, such as 2025:60; 2027:100',
    '"{0}" hədəfləri il:dəyər cütləri kimi yazılmayıb (məsələn, 2025:60; 2027:100)',
    'Целевые значения «{0}» записаны не парами год:значение (например, 2025:60; 2027:100)',
  ],
  yearTwice: [
    'The year {0} has two targets',
    'Hədəflərdə il iki dəfə göstərilib: {0}',
    'Для {0} года указаны два целевых значения',
  ],
  leadAndCo: [
    '"{0}" is both a lead executor and a co-executor',
    '"{0}" həm əsas icraçı, həm də digər icraçı kimi göstərilib',
    '«{0}» указан одновременно основным исполнителем и соисполнителем',
  ],
  namedTwice: [
    'The organisation "{0}" is named twice among the executors',
    '"{0}" təşkilatı icraçılar arasında iki dəfə göstərilib',
    'Организация «{0}» указана среди исполнителей дважды',
  ],
  notOneOf: [
    '"{0}" is not one of: {1}',
    '"{0}" icazə verilən dəyərlərdən deyil: {1}',
    '«{0}» не входит в список: {1}',
  ],
  textTooLong: [
    'The text is longer than {0} characters',
    'Mətn {0} simvoldan uzundur',
    'Текст длиннее {0} символов',
  ],
  tooManyEntries: [
    'No more than {0} entries are allowed',
    'Ən çoxu {0} element göstərilə bilər',
    'Допускается не более {0} элементов',
  ],
  atLeast: ['Must be at least {0}', 'Ən azı {0} olmalıdır', 'Должно быть не меньше {0}'],
  above: ['Must be greater than {0}', '{0} ədədindən böyük olmalıdır', 'Должно быть больше {0}'],
  atMost: ['Must be at most {0}', 'Ən çoxu {0} olmalıdır', 'Должно быть не больше {0}'],
  codeForm: [
    'Use letters, digits, dot, slash, dash or underscore',
    'Hərf, rəqəm, nöqtə, sləş, defis və ya alt xətt işlədin',
    'Используйте буквы, цифры, точку, косую черту, дефис или подчёркивание',
  ],
  tagForm: [
    'Use letters, digits, space, dot, colon, slash or dash',
    'Hərf, rəqəm, boşluq, nöqtə, iki nöqtə, sləş və ya defis işlədin',
    'Используйте буквы, цифры, пробел, точку, двоеточие, косую черту или дефис',
  ],
  needLead: [
    'A measure needs at least one lead executor',
    'Tədbirin ən azı bir əsas icraçısı olmalıdır',
    'У меры должен быть хотя бы один основной исполнитель',
  ],
  invalid: ['This value is not valid', 'Bu dəyər düzgün deyil', 'Это значение неверно'],
} as const satisfies Record<string, readonly [en: string, az: string, ru: string]>

export const PLAN_IMPORT_MESSAGES: [en: string, az: string, ru: string][] = Object.values(
  PLAN_IMPORT_TEMPLATES,
).map(([en, az, ru]) => [en, az, ru])

/** The English message of a template with its values filled in. */
export const planMessage = (key: keyof typeof PLAN_IMPORT_TEMPLATES, ...values: (string | number)[]) =>
  PLAN_IMPORT_TEMPLATES[key][0].replace(/\{(\d)\}/g, (_, n: string) => String(values[Number(n)] ?? ''))

// ---- any list as XLSX ----

export const columnLetter = (n: number): string =>
  n <= 26
    ? String.fromCharCode(64 + n)
    : columnLetter(Math.floor((n - 1) / 26)) + columnLetter(((n - 1) % 26) + 1)

/**
 * A leading =, +, - or @ (or a tab or carriage return) would run as a formula once the sheet is
 * saved as CSV or the cell is edited: neutralised with an apostrophe, as the audit CSV export does.
 */
export const neutralise = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s)

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/
export type ListColumn = { key: string; header: string }

const listCell = (v: unknown): ExcelJS.CellValue => {
  if (v === null || v === undefined) return null
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  if (typeof v === 'bigint') return Number(v)
  if (typeof v === 'boolean') return v
  if (typeof v === 'string') {
    if (ISO_DATE.test(v) && !Number.isNaN(Date.parse(v))) return new Date(v)
    return neutralise(v)
  }
  if (Array.isArray(v)) return neutralise(v.map(String).join('; '))
  return neutralise(JSON.stringify(v))
}

/**
 * Any list as a one-sheet XLSX: bold frozen header with an auto filter, widths from the content,
 * numbers and dates (Date values and ISO strings, in UTC) as real cells, text neutralised.
 */
export const listWorkbook = async (
  title: string,
  columns: ListColumn[],
  rows: Record<string, unknown>[],
): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Qalxan'
  wb.title = title
  // Excel refuses sheet names over 31 characters or with : \ / ? * [ ].
  const name =
    title
      .replace(/[:\\/?*[\]\s]+/g, ' ')
      .trim()
      .slice(0, 31)
      .trim() || 'List'
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.addRow(columns.map((c) => neutralise(c.header))).font = { bold: true }
  const widths = columns.map((c) => c.header.length)
  for (const r of rows) {
    const cells = columns.map((c) => listCell(r[c.key]))
    const added = ws.addRow(cells)
    cells.forEach((v, i) => {
      const cell = added.getCell(i + 1)
      if (v instanceof Date)
        cell.numFmt =
          v.getUTCHours() || v.getUTCMinutes() || v.getUTCSeconds() ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd'
      const shown = v instanceof Date ? 16 : v === null ? 0 : String(v).length
      widths[i] = Math.max(widths[i] ?? 0, shown)
    })
  }
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = Math.min(60, Math.max(10, w + 2))
  })
  if (columns.length)
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows.length, column: columns.length } }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

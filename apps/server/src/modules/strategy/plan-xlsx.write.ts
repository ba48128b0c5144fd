import { CLEARANCES, INDICATOR_DIRECTIONS, type Locale, OUTPUT_TYPES } from '@qalxan/contracts'
import ExcelJS from 'exceljs'
import {
  columnLetter,
  emptyPlan,
  MAX_PLAN_ROWS,
  PLAN_SHEET_NAMES,
  PLAN_SHEETS,
  type PlanData,
  type PlanSheet,
  REQUIRED_COLUMNS,
} from './plan-xlsx.fns.ts'

type Cell = string | number | null
const text = (t: { az: string; en?: string; ru?: string }): Cell[] => [t.az, t.en ?? '', t.ru ?? '']
const list = (xs: readonly string[]) => xs.join('; ')

const rowsOf = (plan: PlanData): Record<PlanSheet, Cell[][]> => ({
  Directions: plan.directions.map((d) => [d.code, ...text(d.title)]),
  Goals: plan.goals.map((g) => [g.code, g.directionCode, ...text(g.title)]),
  Measures: plan.measures.map((m) => [
    m.code,
    m.goalCode,
    ...text(m.title),
    ...text(m.description),
    ...text(m.expectedResult),
    m.outputType,
    m.deadline,
    m.weight,
    m.confidentiality,
    list(m.frameworkTags),
    list(m.leadExecutors),
    list(m.coExecutors),
    list(m.recommended),
  ]),
  Indicators: plan.indicators.map((i) => [
    i.code,
    i.measureCode ?? '',
    ...text(i.name),
    i.unit,
    i.baseline,
    i.baselineYear,
    i.direction,
    i.targets.map((t) => `${t.year}:${t.value}`).join('; '),
  ]),
})

const NUMERIC = new Set(['weight', 'baseline', 'baseline_year'])
const widthOf = (c: string) =>
  /^(description|expected_result)_/.test(c)
    ? 50
    : /^(title|name)_/.test(c)
      ? 40
      : /executors|recommended|framework|targets/.test(c)
        ? 28
        : c === 'code' || c.endsWith('_code')
          ? 14
          : 16

// The Excel list in a data validation is a quoted, comma-separated formula of at most 255 characters.
const DROP_DOWNS: Record<string, readonly string[]> = {
  output_type: OUTPUT_TYPES,
  confidentiality: CLEARANCES,
  direction: INDICATOR_DIRECTIONS,
}

type DataValidations = { add(range: string, v: ExcelJS.DataValidation): void }

const addDataSheet = (wb: ExcelJS.Workbook, name: PlanSheet, rows: Cell[][], locale: Locale) => {
  const columns = PLAN_SHEETS[name]
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  // Text format on every column but the numeric ones, so Excel keeps "5.10" and "2025" as typed.
  ws.columns = columns.map((c) => ({
    key: c,
    width: widthOf(c),
    style: NUMERIC.has(c) ? {} : { numFmt: '@' },
  }))
  ws.addRow([...columns]).font = { bold: true }
  for (const r of rows) ws.addRow(r.map((v) => (v === null ? '' : v)))
  // Not typed in exceljs 4.4 although the worksheet has it; ranges are written as one sqref.
  const dv = (ws as unknown as { dataValidations: DataValidations }).dataValidations
  for (const [i, c] of columns.entries()) {
    const allowed = DROP_DOWNS[c]
    if (!allowed) continue
    const col = columnLetter(i + 1)
    dv.add(`${col}2:${col}${MAX_PLAN_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${allowed.join(',')}"`],
      showErrorMessage: true,
      errorTitle: c,
      error: README_TEXT.pick[locale].replace('{0}', allowed.join(', ')),
    })
  }
}

/** Downloaded by the secretariat, filled in and uploaded: empty data sheets and a "Read me". */
export const planTemplate = (locale: Locale): Promise<Buffer> => planWorkbook(emptyPlan(), locale)

/** A plan in the template's format; `parsePlanWorkbook` reads it back to the same plan. */
export const planWorkbook = async (plan: PlanData, locale: Locale = 'az'): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Qalxan'
  const rows = rowsOf(plan)
  for (const name of PLAN_SHEET_NAMES) addDataSheet(wb, name, rows[name], locale)
  addReadMe(wb, locale)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

// ---- the "Read me" sheet ----

type Tr = readonly [en: string, az: string, ru: string]
const L: Record<Locale, number> = { en: 0, az: 1, ru: 2 }
const tr = (t: Tr, locale: Locale) => t[L[locale]] as string

const README_TEXT = {
  pick: { en: 'Pick one of: {0}', az: 'Bunlardan birini seçin: {0}', ru: 'Выберите одно из значений: {0}' },
}
const HEAD: Tr[] = [
  ['Sheet', 'Vərəq', 'Лист'],
  ['Column', 'Sütun', 'Столбец'],
  ['Required', 'Məcburi', 'Обязательно'],
  ['What to write', 'Nə yazılmalıdır', 'Что указывать'],
]
const YES_NO: [Tr, Tr] = [
  ['yes', 'bəli', 'да'],
  ['no', 'xeyr', 'нет'],
]
const INTRO: Tr[] = [
  [
    'Qalxan: Action Plan import template',
    'Qalxan: Fəaliyyət Planının idxal şablonu',
    'Qalxan: шаблон импорта Плана действий',
  ],
  [
    'Fill in the sheets Directions, Goals, Measures and Indicators, one item per row below the header. Do not rename the sheets or the headers: they are the same in every language.',
    'Directions, Goals, Measures və Indicators vərəqlərini doldurun: başlıqdan aşağı hər sətir bir elementdir. Vərəqlərin və başlıqların adını dəyişməyin: onlar bütün dillərdə eynidir.',
    'Заполните листы Directions, Goals, Measures и Indicators: под заголовком каждая строка — один элемент. Не переименовывайте листы и заголовки: они одинаковы на всех языках.',
  ],
  [
    'Lists (executors, framework tags, targets) are separated by ";". At most 5,000 rows per sheet. Formulas are read by their saved value.',
    'Siyahılar (icraçılar, çərçivə teqləri, hədəflər) ";" ilə ayrılır. Hər vərəqdə ən çoxu 5 000 sətir. Düsturlar saxlanmış qiymətinə görə oxunur.',
    'Элементы списков (исполнители, теги, целевые значения) разделяются знаком «;». Не более 5 000 строк на листе. Формулы читаются по сохранённому значению.',
  ],
]
const LANG: Record<string, Tr> = {
  az: ['in Azerbaijani', 'Azərbaycan dilində', 'на азербайджанском языке'],
  en: ['in English', 'ingilis dilində', 'на английском языке'],
  ru: ['in Russian', 'rus dilində', 'на русском языке'],
}
const FIELD: Record<string, Tr> = {
  title: ['Title', 'Adı', 'Название'],
  name: ['Name', 'Adı', 'Наименование'],
  description: ['Description', 'Təsviri', 'Описание'],
  expected_result: ['Expected result', 'Gözlənilən nəticə', 'Ожидаемый результат'],
}
const COLUMN_HELP: Record<string, Tr> = {
  'Directions.code': [
    'Code of the priority direction, e.g. 5.1; once only in the file',
    'Prioritet istiqamətin kodu, məsələn 5.1; faylda bir dəfə',
    'Код приоритетного направления, например 5.1; один раз в файле',
  ],
  'Goals.code': [
    'Code of the goal, e.g. 5.1.1; once only in the file',
    'Hədəfin kodu, məsələn 5.1.1; faylda bir dəfə',
    'Код цели, например 5.1.1; один раз в файле',
  ],
  'Goals.direction_code': [
    'Code of its priority direction on the Directions sheet',
    'Directions vərəqindəki prioritet istiqamətin kodu',
    'Код её приоритетного направления с листа Directions',
  ],
  'Measures.code': [
    'Code of the measure, e.g. 5.1.1.1; once only in the file and not yet in the portal',
    'Tədbirin kodu, məsələn 5.1.1.1; faylda bir dəfə, portalda hələ olmayan',
    'Код меры, например 5.1.1.1; один раз в файле и ещё не внесённый в портал',
  ],
  'Measures.goal_code': [
    'Code of its goal on the Goals sheet',
    'Goals vərəqindəki hədəfin kodu',
    'Код её цели с листа Goals',
  ],
  'Measures.output_type': [
    'What the measure produces (list below); empty means other',
    'Tədbirin nəticəsinin növü (aşağıdakı siyahı); boş olduqda other',
    'Вид результата меры (список ниже); пусто — other',
  ],
  'Measures.deadline': [
    'One of the forms below; a date may also be typed as an Excel date',
    'Aşağıdakı formalardan biri; tarix Excel tarixi kimi də yazıla bilər',
    'Одна из форм ниже; дату можно ввести и как дату Excel',
  ],
  'Measures.weight': [
    'Weight in the roll-ups: a number above 0, at most 100; empty means 1',
    'Yekun hesablamada çəkisi: 0-dan böyük, 100-dən çox olmayan ədəd; boş olduqda 1',
    'Вес при сведении итогов: число больше 0 и не больше 100; пусто — 1',
  ],
  'Measures.confidentiality': [
    'public, internal or restricted; empty means public',
    'public (açıq), internal (daxili) və ya restricted (məhdud); boş olduqda public',
    'public (открыто), internal (для служебного пользования) или restricted (ограничено); пусто — public',
  ],
  'Measures.framework_tags': [
    'Framework references separated by ";", e.g. ISO 27001; NIST CSF',
    'Standart istinadları ";" ilə ayrılmış, məsələn ISO 27001; NIST CSF',
    'Ссылки на стандарты через «;», например ISO 27001; NIST CSF',
  ],
  'Measures.lead_executors': [
    'Codes of the lead executing organisations separated by ";"; at least one',
    'Əsas icraçı təşkilatların kodları ";" ilə ayrılmış; ən azı biri',
    'Коды основных исполнителей через «;»; хотя бы один',
  ],
  'Measures.co_executors': [
    'Codes of the co-executing organisations separated by ";"; none may also be a lead executor',
    'Digər icraçı təşkilatların kodları ";" ilə ayrılmış; heç biri eyni zamanda əsas icraçı ola bilməz',
    'Коды соисполнителей через «;»; соисполнитель не может быть и основным исполнителем',
  ],
  'Measures.recommended': [
    'Codes of the organisations recommended to take part, separated by ";"',
    'İştirakı tövsiyə olunan təşkilatların kodları ";" ilə ayrılmış',
    'Коды организаций, которым рекомендуется участвовать, через «;»',
  ],
  'Indicators.code': [
    'Code of the indicator; once only in the file',
    'Göstəricinin kodu; faylda bir dəfə',
    'Код показателя; один раз в файле',
  ],
  'Indicators.measure_code': [
    'Code of its measure on the Measures sheet; empty for a target indicator of the Strategy',
    'Measures vərəqindəki tədbirin kodu; Strategiyanın hədəf göstəricisi üçün boş',
    'Код меры с листа Measures; пусто для целевого показателя Стратегии',
  ],
  'Indicators.unit': [
    'Unit, e.g. % or number',
    'Ölçü vahidi, məsələn % və ya say',
    'Единица, например % или штук',
  ],
  'Indicators.baseline': ['Baseline value, a number', 'Başlanğıc dəyəri, ədəd', 'Базовое значение, число'],
  'Indicators.baseline_year': [
    'Year of the baseline, e.g. 2022',
    'Başlanğıc ili, məsələn 2022',
    'Год базового значения, например 2022',
  ],
  'Indicators.direction': [
    'up when a higher value is better, down when a lower one is; empty means up',
    'up: dəyərin artması yaxşıdır, down: azalması yaxşıdır; boş olduqda up',
    'up — лучше больше, down — лучше меньше; пусто — up',
  ],
  'Indicators.targets': [
    'Target per year as year:value separated by ";", e.g. 2025:60; 2027:100; each year once',
    'Hər il üçün hədəf il:dəyər kimi, ";" ilə ayrılmış, məsələn 2025:60; 2027:100; hər il bir dəfə',
    'Цель по годам в виде год:значение через «;», например 2025:60; 2027:100; каждый год один раз',
  ],
}
const VALUES: [heading: Tr, items: [string, Tr][]][] = [
  [
    ['output_type', 'output_type', 'output_type'],
    [
      ['normative_act', ['normative legal act', 'normativ hüquqi akt', 'нормативный правовой акт']],
      ['info_system', ['information system', 'informasiya sistemi', 'информационная система']],
      ['proposals', ['proposals', 'təkliflər', 'предложения']],
      ['training', ['training', 'təlim', 'обучение']],
      ['report', ['report', 'hesabat', 'отчёт']],
      ['other', ['other', 'digər', 'другое']],
    ],
  ],
  [
    ['deadline', 'deadline', 'deadline'],
    [
      ['2023-2024', ['a range of years', 'illər aralığı', 'диапазон лет']],
      ['2025', ['a year', 'il', 'год']],
      ['2025-H1', ['a half-year (H1 or H2)', 'yarımil (H1 və ya H2)', 'полугодие (H1 или H2)']],
      ['2025-Q3', ['a quarter (Q1 to Q4)', 'rüb (Q1-Q4)', 'квартал (Q1–Q4)']],
      ['2025-06-30', ['a date', 'tarix', 'дата']],
      ['ongoing', ['ongoing, no end date', 'davamlı, son tarixsiz', 'постоянно, без срока окончания']],
    ],
  ],
  [
    ['confidentiality', 'confidentiality', 'confidentiality'],
    [
      ['public', ['anyone may see it', 'hamı görə bilər', 'видно всем']],
      [
        'internal',
        ['people with internal clearance', 'daxili buraxılışı olan şəxslər', 'лица с допуском internal'],
      ],
      [
        'restricted',
        ['people with restricted clearance', 'məhdud buraxılışı olan şəxslər', 'лица с допуском restricted'],
      ],
    ],
  ],
]

const helpFor = (sheet: PlanSheet, column: string, locale: Locale): string => {
  const own = COLUMN_HELP[`${sheet}.${column}`]
  if (own) return tr(own, locale)
  const m = /^(.*)_(az|en|ru)$/.exec(column)
  const field = m && FIELD[m[1] as string]
  const lang = m && LANG[m[2] as string]
  return field && lang ? `${tr(field, locale)} ${tr(lang, locale)}` : column
}

const addReadMe = (wb: ExcelJS.Workbook, locale: Locale) => {
  const ws = wb.addWorksheet('Read me')
  ws.columns = [{ width: 14 }, { width: 22 }, { width: 12 }, { width: 90 }]
  for (const line of INTRO) ws.addRow([tr(line, locale)])
  ws.getRow(1).font = { bold: true, size: 14 }
  ws.addRow([])
  ws.addRow(HEAD.map((h) => tr(h, locale))).font = { bold: true }
  for (const sheet of PLAN_SHEET_NAMES) {
    for (const column of PLAN_SHEETS[sheet]) {
      const required = REQUIRED_COLUMNS[sheet].includes(column) ? YES_NO[0] : YES_NO[1]
      ws.addRow([sheet, column, tr(required, locale), helpFor(sheet, column, locale)])
    }
  }
  for (const [heading, items] of VALUES) {
    ws.addRow([])
    ws.addRow([tr(heading, locale)]).font = { bold: true }
    for (const [value, meaning] of items) ws.addRow(['', value, '', tr(meaning, locale)])
  }
  ws.getColumn(4).alignment = { wrapText: true, vertical: 'top' }
}

import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib'
import ExcelJS from 'exceljs'
import { unzipSync } from 'fflate'
import { afterAll, describe, expect, it } from 'vitest'
import {
  listWorkbook,
  PLAN_IMPORT_MESSAGES,
  PLAN_SHEET_NAMES,
  PLAN_SHEETS,
  type PlanData,
  planMessage,
} from './plan-xlsx.fns.ts'
import { type PlanIssue, type PlanParseContext, parsePlanWorkbook } from './plan-xlsx.read.ts'
import { planTemplate, planWorkbook } from './plan-xlsx.write.ts'

const ORGS = new Set(['DTX', 'RINN', 'ETX', 'ADA', 'DIN', 'MIN-DIGITAL'])
const seen: string[] = []
const parse = async (buf: Buffer, ctx: Partial<PlanParseContext> = {}) => {
  const r = await parsePlanWorkbook(buf, { orgCodes: ORGS, ...ctx })
  seen.push(...r.issues.map((i) => i.message))
  return r
}

type Rec = Record<string, ExcelJS.CellValue>
const MINIMAL: Record<string, Rec[]> = {
  Directions: [{ code: '1', title_az: 'Birinci istiqamət' }],
  Goals: [{ code: '1.1', direction_code: '1', title_az: 'Hədəf' }],
  Measures: [
    { code: '1.1.1', goal_code: '1.1', title_az: 'Tədbir', deadline: '2025', lead_executors: 'DTX' },
  ],
  Indicators: [],
}
/** A workbook with the template's sheets and headers unless overridden; rows by column name. */
const book = async (
  sheets: Partial<Record<string, Rec[] | null>> = {},
  headers: Partial<Record<string, string[]>> = {},
) => {
  const wb = new ExcelJS.Workbook()
  for (const name of new Set([...PLAN_SHEET_NAMES, ...Object.keys(sheets)])) {
    const rows = name in sheets ? sheets[name] : MINIMAL[name]
    if (rows === null || rows === undefined) continue
    const header = headers[name] ?? [...(PLAN_SHEETS[name as keyof typeof PLAN_SHEETS] ?? [])]
    const ws = wb.addWorksheet(name)
    ws.addRow(header)
    for (const r of rows) ws.addRow(header.map((h) => r[h] ?? null))
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
const measure = (over: Rec = {}): Rec => ({ ...(MINIMAL.Measures as Rec[])[0], ...over })
const issue = (sheet: string, row: number, column: string, message: string): PlanIssue => ({
  sheet,
  row,
  column,
  message,
})

const plan: PlanData = {
  directions: [
    {
      code: '5.1',
      title: {
        az: 'İnformasiya təhlükəsizliyinin idarə edilməsi',
        en: 'Governance of information security',
        ru: 'Управление информационной безопасностью',
      },
    },
    { code: '5.2', title: { az: 'Kibertəhlükəsizlik potensialının gücləndirilməsi' } },
  ],
  goals: [
    {
      code: '5.1.1',
      directionCode: '5.1',
      title: { az: 'Risklərin idarə olunması', en: 'Risk management', ru: 'Управление рисками' },
    },
    { code: '5.1.2', directionCode: '5.1', title: { az: 'Hadisələrə çevik reaksiya' } },
    { code: '5.2.1', directionCode: '5.2', title: { az: 'İnsan resursları', ru: 'Развитие кадров' } },
  ],
  measures: [
    {
      goalCode: '5.1.1',
      code: '5.1.1.1',
      title: {
        az: 'İnformasiya təhlükəsizliyi risklərinin reyestrinin aparılması qaydasının hazırlanması',
        en: 'Procedure for the register of information-security risks',
        ru: 'Порядок ведения реестра рисков информационной безопасности',
      },
      description: {
        az: 'Dövlət orqanlarında riskləri qiymətləndirmək üçün vahid qayda: şəbəkə, ölçü, öhdəlik, çağırış, üsul',
        en: 'One procedure for assessing risks in state bodies',
        ru: 'Единый порядок оценки рисков в государственных органах; «ёлка» — ЪЭЮЯ',
      },
      expectedResult: { az: 'Qayda təsdiq edilib', ru: 'Порядок утверждён' },
      outputType: 'normative_act',
      deadline: '2023-2024',
      weight: 2,
      confidentiality: 'public',
      frameworkTags: ['ISO 27001', 'NIST CSF 2.0'],
      leadExecutors: ['DTX'],
      coExecutors: ['RINN', 'ETX'],
      recommended: ['ADA'],
    },
    {
      goalCode: '5.1.1',
      code: '5.1.1.2',
      title: { az: '"Kibercinayətkarlıq" elektron informasiya sisteminin yaradılmasına dair təkliflər' },
      description: { az: '' },
      expectedResult: { az: '' },
      outputType: 'proposals',
      deadline: '2025',
      weight: 1.5,
      confidentiality: 'internal',
      frameworkTags: [],
      leadExecutors: ['DIN', 'DTX'],
      coExecutors: [],
      recommended: [],
    },
    ...(
      [
        [
          '5.1.2',
          '5.1.2.1',
          'İnsidentlərin meyar və göstəricilərinin müəyyən edilməsi',
          '2025-H1',
          'info_system',
        ],
        ['5.1.2', '5.1.2.2', 'Şəxsi heyətin təlimi', '2025-Q3', 'training'],
        ['5.2.1', '5.2.1.1', 'Ölkə üzrə hesabatın hazırlanması', '2025-06-30', 'report'],
        ['5.2.1', '5.2.1.2', 'Davamlı monitorinq: ÇĞÖŞÜƏI', 'ongoing', 'other'],
      ] as const
    ).map(([goalCode, code, az, deadline, outputType], i) => ({
      goalCode,
      code,
      title: { az, en: `Measure ${code}` },
      description: { az: `Təsvir ${i}`, en: '-starts with a dash', ru: `Описание ${i}` },
      expectedResult: { az: '=not a formula' },
      outputType,
      deadline,
      weight: i + 1,
      confidentiality: i % 2 ? ('restricted' as const) : ('internal' as const),
      frameworkTags: i ? [] : ['CIS Controls v8'],
      leadExecutors: ['MIN-DIGITAL'],
      coExecutors: i ? ['DTX', 'RINN', 'ETX'] : [],
      recommended: i === 3 ? ['ADA', 'DIN'] : [],
    })),
  ],
  indicators: [
    {
      code: 'T1',
      measureCode: null,
      name: { az: 'Kiberhadisələrə reaksiya müddəti', en: 'Time to respond', ru: 'Время реагирования' },
      unit: 'saat',
      baseline: 72,
      baselineYear: 2022,
      direction: 'down',
      targets: [
        { year: 2025, value: 48 },
        { year: 2027, value: 24 },
      ],
    },
    {
      code: 'M1',
      measureCode: '5.1.2.2',
      name: { az: 'Təlim keçmiş mütəxəssislərin payı' },
      unit: '%',
      baseline: null,
      baselineYear: null,
      direction: 'up',
      targets: [
        { year: 2024, value: 60.5 },
        { year: 2025, value: 80 },
        { year: 2027, value: 100 },
      ],
    },
    {
      code: 'T2',
      measureCode: null,
      name: { az: 'Sertifikatlaşdırılmış sistemlər' },
      unit: 'say',
      baseline: 0,
      baselineYear: 2023,
      direction: 'up',
      targets: [],
    },
  ],
}

describe('the plan template', () => {
  it('opens with the four data sheets, their machine headers in bold, frozen, and drop-downs', async () => {
    for (const locale of ['az', 'en', 'ru'] as const) {
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load((await planTemplate(locale)) as never)
      expect(wb.worksheets.map((w) => w.name)).toEqual([...PLAN_SHEET_NAMES, 'Read me'])
      for (const name of PLAN_SHEET_NAMES) {
        const ws = wb.getWorksheet(name) as ExcelJS.Worksheet
        expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...PLAN_SHEETS[name]])
        expect(ws.getRow(1).getCell(1).font?.bold).toBe(true)
        expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
        expect(ws.getColumn(1).width).toBeGreaterThan(8)
      }
      const measures = wb.getWorksheet('Measures') as ExcelJS.Worksheet
      const col = (n: string) => PLAN_SHEETS.Measures.indexOf(n as never) + 1
      expect(measures.getRow(2).getCell(col('output_type')).dataValidation).toMatchObject({
        type: 'list',
        formulae: ['"normative_act,info_system,proposals,training,report,other"'],
      })
      expect(measures.getRow(5001).getCell(col('confidentiality')).dataValidation?.formulae).toEqual([
        '"public,internal,restricted"',
      ])
      const ind = wb.getWorksheet('Indicators') as ExcelJS.Worksheet
      expect(
        ind.getRow(2).getCell(PLAN_SHEETS.Indicators.indexOf('direction') + 1).dataValidation?.formulae,
      ).toEqual(['"up,down"'])
      expect(measures.getColumn(col('code')).numFmt).toBe('@')
    }
  })

  it('explains every column in the chosen language, with the allowed values', async () => {
    const readMe = async (locale: 'az' | 'en' | 'ru') => {
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load((await planTemplate(locale)) as never)
      const ws = wb.getWorksheet('Read me') as ExcelJS.Worksheet
      const rows: string[][] = []
      ws.eachRow((r) => {
        rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? '')))
      })
      return rows
    }
    const [az, en, ru] = await Promise.all([readMe('az'), readMe('en'), readMe('ru')])
    for (const sheet of PLAN_SHEET_NAMES)
      for (const column of PLAN_SHEETS[sheet])
        for (const rows of [az, en, ru]) {
          const line = rows.find((r) => r[0] === sheet && r[1] === column)
          expect(line?.[3], `${sheet}.${column}`).toMatch(/\S{3}/)
          expect(line?.[3]).not.toBe(column)
        }
    const all = (rows: string[][]) => rows.flat().join('\n')
    expect(all(en)).toContain('Code of its goal on the Goals sheet')
    expect(all(az)).toContain('Goals vərəqindəki hədəfin kodu')
    expect(all(ru)).toContain('Код её цели с листа Goals')
    for (const v of [
      'normative_act',
      'info_system',
      '2023-2024',
      '2025-H1',
      '2025-Q3',
      '2025-06-30',
      'ongoing',
    ])
      expect(all(az)).toContain(v)
    for (const v of ['public', 'internal', 'restricted']) expect(all(ru)).toContain(v)
    expect(all(az)).toContain('normativ hüquqi akt')
    expect(all(ru)).toContain('нормативный правовой акт')
  })

  it('reads back as an empty plan with no issues', async () => {
    expect(await parse(await planTemplate('ru'))).toEqual({
      plan: { directions: [], goals: [], measures: [], indicators: [] },
      issues: [],
    })
  })
})

describe('the plan round trip', () => {
  it('gives back exactly the plan, whatever the language of the file', async () => {
    for (const locale of ['az', 'en', 'ru'] as const) {
      const back = await parse(await planWorkbook(plan, locale))
      expect(back.issues).toEqual([])
      expect(back.plan).toStrictEqual(plan)
      const again = await parse(await planWorkbook(back.plan, locale))
      expect(again.plan).toStrictEqual(plan)
    }
  })

  it('writes numbers as number cells and text starting with - or = as plain text, never a formula', async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await planWorkbook(plan, 'en')) as never)
    const ws = wb.getWorksheet('Measures') as ExcelJS.Worksheet
    const at = (r: number, c: string) => ws.getRow(r).getCell(PLAN_SHEETS.Measures.indexOf(c as never) + 1)
    expect(at(3, 'weight').value).toBe(1.5)
    expect(at(4, 'expected_result_az').value).toBe('=not a formula')
    expect(at(4, 'expected_result_az').type).toBe(ExcelJS.ValueType.String)
    expect(at(2, 'co_executors').value).toBe('RINN; ETX')
  })
})

describe('reading cells', () => {
  it('takes a real date cell as a date deadline, the saved value of a formula, numbers typed as text', async () => {
    const buf = await book({
      Directions: [{ code: 5, title_az: { richText: [{ text: 'Bir' }, { text: 'inci' }] } }],
      Goals: [{ code: '5.1', direction_code: { formula: '"5"', result: '5' }, title_az: 'Hədəf' }],
      Measures: [
        measure({
          goal_code: '5.1',
          deadline: new Date(Date.UTC(2025, 5, 30)),
          weight: ' 2.5 ',
          lead_executors: { formula: 'CONCAT("D","TX")', result: 'DTX' },
        }),
        measure({
          code: '1.1.2',
          goal_code: '5.1',
          deadline: '2025h2',
          weight: { formula: '1+1', result: 2 },
        }),
        measure({ code: '1.1.3', goal_code: '5.1', deadline: 'Davamlı' }),
      ],
      Indicators: [
        {
          code: 'I1',
          name_az: 'Pay',
          unit: '%',
          baseline: '60.5',
          baseline_year: '2022',
          targets: '2025 : 70;2027:1e2',
        },
      ],
    })
    const { plan: p, issues } = await parse(buf)
    expect(issues).toEqual([])
    expect(p.directions).toEqual([{ code: '5', title: { az: 'Birinci' } }])
    expect(p.goals[0]?.directionCode).toBe('5')
    expect(p.measures.map((m) => [m.deadline, m.weight, m.leadExecutors])).toEqual([
      ['2025-06-30', 2.5, ['DTX']],
      ['2025-H2', 2, ['DTX']],
      ['ongoing', 1, ['DTX']],
    ])
    expect(p.indicators[0]).toMatchObject({
      baseline: 60.5,
      baselineYear: 2022,
      direction: 'up',
      targets: [
        { year: 2025, value: 70 },
        { year: 2027, value: 100 },
      ],
    })
  })

  it('reports a formula without a saved value and an error cell, never evaluating them', async () => {
    const buf = await book({
      Measures: [
        measure({ title_az: { formula: 'A1&"x"' } as ExcelJS.CellValue }),
        measure({ code: '1.1.2', weight: { error: '#DIV/0!' } as ExcelJS.CellValue }),
      ],
    })
    expect((await parse(buf)).issues).toEqual([
      issue('Measures', 2, 'title_az', planMessage('formulaNoValue')),
      issue('Measures', 3, 'weight', 'The cell holds the error #DIV/0!'),
    ])
  })
})

describe('header and sheet problems', () => {
  it('refuses a missing sheet and a missing required column, reports unknown and repeated headers', async () => {
    const measures = [...PLAN_SHEETS.Measures.filter((c) => c !== 'deadline'), 'notes', 'code']
    const buf = await book({ Goals: null }, { Measures: measures })
    const { plan: p, issues } = await parse(buf)
    expect(issues).toEqual([
      issue('Goals', 0, '', 'The sheet "Goals" is missing'),
      issue('Measures', 1, 'notes', 'Unknown column "notes"'),
      issue('Measures', 1, 'code', 'The column "code" appears twice'),
      issue('Measures', 1, 'deadline', 'The required column "deadline" is missing'),
    ])
    expect(p.measures).toEqual([])
    expect(p.directions).toHaveLength(1)
  })

  it('reads headers whatever their case and an absent optional sheet, and flags values under no header', async () => {
    const header = ['Code', ' TITLE_AZ ', '', 'title_en']
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await book({ Indicators: null })) as never)
    const ws = wb.getWorksheet('Directions') as ExcelJS.Worksheet
    ws.spliceRows(1, 2, header, ['1', 'Birinci', 'stray', 'First'])
    const { plan: p, issues } = await parse(Buffer.from(await wb.xlsx.writeBuffer()))
    expect(issues).toEqual([issue('Directions', 1, 'C', 'Column C has values but no header')])
    expect(p.directions).toEqual([{ code: '1', title: { az: 'Birinci', en: 'First' } }])
  })
})

describe('row checks', () => {
  it('reports a missing title on every sheet', async () => {
    const buf = await book({
      Directions: [{ code: '1', title_en: 'First' }],
      Goals: [{ code: '1.1', direction_code: '1' }],
      Measures: [measure({ title_az: '  ' })],
      Indicators: [{ code: 'I1', unit: '%' }],
    })
    expect((await parse(buf)).issues).toEqual([
      issue('Directions', 2, 'title_az', 'Required'),
      issue('Goals', 2, 'title_az', 'Required'),
      issue('Measures', 2, 'title_az', 'Required'),
      issue('Indicators', 2, 'name_az', 'Required'),
    ])
  })

  it('names both rows of a duplicate code, and a code already in the portal', async () => {
    const buf = await book({
      Goals: [
        { code: '1.1', direction_code: '1', title_az: 'A' },
        { code: '1.1', direction_code: '1', title_az: 'B' },
      ],
      Measures: [measure(), measure({ code: '1.1.2' }), measure()],
    })
    const { plan: p, issues } = await parse(buf, { existingMeasureCodes: new Set(['1.1.2']) })
    expect(issues).toEqual([
      issue('Goals', 2, 'code', 'The code "1.1" is also on row 3'),
      issue('Goals', 3, 'code', 'The code "1.1" is also on row 2'),
      issue('Measures', 2, 'code', 'The code "1.1.1" is also on row 4'),
      issue('Measures', 3, 'code', 'A measure with code "1.1.2" already exists'),
      issue('Measures', 4, 'code', 'The code "1.1.1" is also on row 2'),
    ])
    expect(p.goals).toEqual([])
    expect(p.measures).toEqual([])
  })

  it('names each unknown organisation with its column, and one both lead and co-executor', async () => {
    const buf = await book({
      Measures: [
        measure({ lead_executors: 'DTX; NOPE', co_executors: 'ZZZ;DTX', recommended: 'ADA, ADA, XX' }),
        measure({ code: '1.1.2', lead_executors: 'dtx' }),
      ],
    })
    expect((await parse(buf)).issues).toEqual([
      issue('Measures', 2, 'lead_executors', 'No organisation "NOPE"'),
      issue('Measures', 2, 'co_executors', 'No organisation "ZZZ"'),
      issue('Measures', 2, 'co_executors', '"DTX" is both a lead executor and a co-executor'),
      issue('Measures', 2, 'recommended', 'The organisation "ADA" is named twice among the executors'),
      issue('Measures', 2, 'recommended', 'No organisation "XX"'),
      issue('Measures', 3, 'lead_executors', 'No organisation "dtx"'),
    ])
  })

  it('reports a goal or direction that is not in the file, and a measure with no lead executor', async () => {
    const buf = await book({
      Goals: [{ code: '1.1', direction_code: '9', title_az: 'A' }],
      Measures: [measure({ goal_code: '9.9' }), measure({ code: '1.1.2', lead_executors: '' })],
    })
    expect((await parse(buf)).issues).toEqual([
      issue('Goals', 2, 'direction_code', 'No direction "9" on the Directions sheet'),
      issue('Measures', 2, 'goal_code', 'No goal "9.9" on the Goals sheet'),
      issue('Measures', 3, 'lead_executors', 'A measure needs at least one lead executor'),
    ])
  })

  it('reports bad deadlines and impossible weights', async () => {
    const deadlines = ['2025-Q5', '2024-2023', '2025-02-30', 'soon', '']
    const weights = [0, '-1', 'iki', 150]
    const buf = await book({
      Measures: [
        ...deadlines.map((deadline, i) => measure({ code: `D${i}`, deadline })),
        ...weights.map((weight, i) => measure({ code: `W${i}`, weight })),
      ],
    })
    const bad = (d: string) => planMessage('badDeadline', d)
    expect((await parse(buf)).issues).toEqual([
      issue('Measures', 2, 'deadline', bad('2025-Q5')),
      issue('Measures', 3, 'deadline', bad('2024-2023')),
      issue('Measures', 4, 'deadline', bad('2025-02-30')),
      issue('Measures', 5, 'deadline', bad('soon')),
      issue('Measures', 6, 'deadline', 'Required'),
      issue('Measures', 7, 'weight', 'The weight must be greater than 0'),
      issue('Measures', 8, 'weight', 'The weight must be greater than 0'),
      issue('Measures', 9, 'weight', '"iki" is not a number'),
      issue('Measures', 10, 'weight', 'Must be at most 100'),
    ])
    expect(bad('soon')).toBe(
      'The deadline "soon" cannot be read: write 2023-2024, 2025, 2025-H1, 2025-Q3, 2025-06-30 or ongoing',
    )
  })

  it('reports values outside the lists, malformed codes and tags, and text that is too long', async () => {
    const buf = await book({
      Measures: [
        measure({ output_type: 'law', confidentiality: 'Secret', framework_tags: 'ISO 27001; #bad' }),
        measure({ code: 'A B', title_en: 'x'.repeat(5001) }),
      ],
    })
    expect((await parse(buf)).issues).toEqual([
      issue(
        'Measures',
        2,
        'output_type',
        '"law" is not one of: normative_act, info_system, proposals, training, report, other',
      ),
      issue('Measures', 2, 'confidentiality', '"Secret" is not one of: public, internal, restricted'),
      issue('Measures', 2, 'framework_tags', 'Use letters, digits, space, dot, colon, slash or dash'),
      issue('Measures', 3, 'code', 'Use letters, digits, dot, slash, dash or underscore'),
      issue('Measures', 3, 'title_en', 'The text is longer than 5000 characters'),
    ])
  })

  it('reports indicator numbers, targets and measures that do not hold', async () => {
    const ind = (over: Rec): Rec => ({ name_az: 'Göstərici', unit: '%', ...over })
    const buf = await book({
      Indicators: [
        ind({ code: 'I1', baseline: 'çox', baseline_year: '2022.5' }),
        ind({ code: 'I2', targets: '2025=60' }),
        ind({ code: 'I3', targets: '2025:60; 2027:90; 2025:70' }),
        ind({ code: 'I4', measure_code: '7.7.7', direction: 'sideways' }),
        ind({ code: 'I5', targets: '1999:1', baseline_year: 2101 }),
      ],
    })
    expect((await parse(buf)).issues).toEqual([
      issue('Indicators', 2, 'baseline', '"çox" is not a number'),
      issue('Indicators', 2, 'baseline_year', '"2022.5" is not a whole number'),
      issue(
        'Indicators',
        3,
        'targets',
        'The targets "2025=60" are not written as year:value pairs, such as 2025:60; 2027:100',
      ),
      issue('Indicators', 4, 'targets', 'The year 2025 has two targets'),
      issue('Indicators', 5, 'measure_code', 'No measure "7.7.7" on the Measures sheet'),
      issue('Indicators', 5, 'direction', '"sideways" is not one of: up, down'),
      issue('Indicators', 6, 'baseline_year', 'Must be at most 2100'),
      issue('Indicators', 6, 'targets', 'Must be at least 2000'),
    ])
  })

  it('finds every problem in one pass and keeps the good rows, dropping none silently', async () => {
    const buf = await book({
      Directions: [{ code: '1', title_az: 'Bir' }, { code: '1' }],
      Goals: [{ code: '1.1', direction_code: '1', title_az: 'A' }],
      Measures: [
        measure({ deadline: 'never', lead_executors: 'NONE', weight: 0 }),
        measure({ code: '1.1.2' }),
        measure({ code: '1.1.3', goal_code: '4.4', title_az: '' }),
      ],
    })
    const { plan: p, issues } = await parse(buf)
    expect(issues.map((i) => `${i.sheet}:${i.row}:${i.column}`)).toEqual([
      'Directions:2:code',
      'Directions:3:code',
      'Directions:3:title_az',
      'Measures:2:deadline',
      'Measures:2:weight',
      'Measures:2:lead_executors',
      'Measures:4:title_az',
      'Measures:4:goal_code',
    ])
    expect(p.goals.map((g) => g.code)).toEqual(['1.1'])
    expect(p.measures.map((m) => m.code)).toEqual(['1.1.2'])
  })
})

// ---- hostile files ----

type Part = { name: string; data: Buffer; size: number; crc: number; declared?: number }
/** A plain ZIP writer, so a test can declare sizes that lie. */
const zip = (parts: Part[]) => {
  const locals: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const p of parts) {
    const name = Buffer.from(p.name)
    const size = p.declared ?? p.size
    const lh = Buffer.alloc(30)
    lh.writeUInt32LE(0x04034b50, 0)
    lh.writeUInt16LE(20, 4)
    lh.writeUInt16LE(8, 8)
    lh.writeUInt32LE(p.crc, 14)
    lh.writeUInt32LE(p.data.length, 18)
    lh.writeUInt32LE(size, 22)
    lh.writeUInt16LE(name.length, 26)
    const ch = Buffer.alloc(46)
    ch.writeUInt32LE(0x02014b50, 0)
    ch.writeUInt16LE(20, 4)
    ch.writeUInt16LE(20, 6)
    ch.writeUInt16LE(8, 10)
    ch.writeUInt32LE(p.crc, 16)
    ch.writeUInt32LE(p.data.length, 20)
    ch.writeUInt32LE(size, 24)
    ch.writeUInt16LE(name.length, 28)
    ch.writeUInt32LE(offset, 42)
    locals.push(lh, name, p.data)
    central.push(ch, name)
    offset += 30 + name.length + p.data.length
  }
  const cd = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}
const templateParts = async (): Promise<Part[]> =>
  Object.entries(unzipSync(new Uint8Array(await book()))).map(([name, raw]) => ({
    name,
    data: deflateRawSync(raw),
    size: raw.length,
    crc: crc32(raw),
  }))
/** 256 MB of zeros deflated (about 260 KB), streamed so the test never holds the 256 MB. */
const zeros = async (mb: number): Promise<Part> => {
  const chunk = Buffer.alloc(1 << 20)
  const out: Buffer[] = []
  const d = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION })
  d.on('data', (c: Buffer) => out.push(c))
  const done = new Promise((resolve) => d.on('end', resolve))
  let crc = 0
  for (let i = 0; i < mb; i++) {
    d.write(chunk)
    crc = crc32(chunk, crc)
  }
  d.end()
  await done
  return { name: 'xl/media/image1.png', data: Buffer.concat(out), size: mb << 20, crc }
}

describe('hostile files', () => {
  it('refuses an archive bomb before unpacking it, whether it declares its size or lies about it', async () => {
    const parts = await templateParts()
    // The hand-made archive is itself readable, so the refusals below are about the bomb alone.
    expect((await parse(zip(parts))).issues).toEqual([])
    const bomb = await zeros(256)
    const honest = zip([...parts, bomb])
    expect(honest.length).toBeLessThan(400_000)
    const started = Date.now()
    expect((await parse(honest)).issues).toEqual([
      issue('', 0, '', 'The workbook unpacks to more than 64 MB'),
    ])
    expect(Date.now() - started).toBeLessThan(1000)
    const lying = zip([...parts, { ...bomb, declared: 1000 }])
    expect((await parse(lying)).issues).toEqual([
      issue(
        '',
        0,
        '',
        'The workbook is damaged or disguised: a part unpacks to another size than it declares',
      ),
    ])
  })

  it('refuses a renamed PNG, a CSV, an empty file and a ZIP that is not a workbook', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d494844520000000100000001080600000000', 'hex')
    const csv = Buffer.from('code,goal_code,title_az\n1.1.1,1.1,Tədbir\n')
    const notBook = zip([{ name: 'a.txt', data: deflateRawSync('salam'), size: 5, crc: crc32('salam') }])
    const refused = (message: string) => ({
      plan: { directions: [], goals: [], measures: [], indicators: [] },
      issues: [issue('', 0, '', message)],
    })
    expect(await parse(png)).toEqual(refused('The file is not a readable XLSX workbook'))
    expect(await parse(csv)).toEqual(
      refused('This is a CSV or text file: download the XLSX template, fill it in and upload that'),
    )
    expect(await parse(Buffer.alloc(0))).toEqual(refused('The file is empty'))
    expect(await parse(Buffer.from('PK\x03\x04 truncated'))).toEqual(
      refused('The file is not a readable XLSX workbook'),
    )
    const { issues } = await parse(notBook)
    expect(issues.map((i) => i.message)).toEqual([
      'The sheet "Directions" is missing',
      'The sheet "Goals" is missing',
      'The sheet "Measures" is missing',
    ])
  })

  it('reports a cell over 20,000 characters and still checks the rest of its row', async () => {
    const buf = await book({ Measures: [measure({ description_ru: 'я'.repeat(20_001), deadline: 'later' })] })
    expect((await parse(buf)).issues).toEqual([
      issue('Measures', 2, 'description_ru', 'The cell is longer than 20000 characters'),
      issue('Measures', 2, 'deadline', planMessage('badDeadline', 'later')),
    ])
  })

  it('refuses a sheet of more than 5,000 rows', async () => {
    const rows = Array.from({ length: 5_001 }, (_, i) => measure({ code: `M${i}` }))
    const { plan: p, issues } = await parse(await book({ Measures: rows }))
    expect(issues).toEqual([issue('Measures', 0, '', 'The sheet has more than 5000 rows')])
    expect(p.measures).toEqual([])
    const fine = await parse(await book({ Measures: rows.slice(0, 5_000) }))
    expect(fine.issues).toEqual([])
    expect(fine.plan.measures).toHaveLength(5_000)
  }, 30_000)
})

describe('any list as XLSX', () => {
  it('writes a bold, frozen, filtered header, real numbers and dates, and neutralised formulas', async () => {
    const when = new Date('2026-03-01T09:30:00Z')
    const buf = await listWorkbook(
      'Measures: 2026 / overdue?',
      [
        { key: 'code', header: 'Kod' },
        { key: 'title', header: 'Adı' },
        { key: 'n', header: 'Faiz' },
        { key: 'at', header: 'Tarix' },
      ],
      [
        { code: '=HYPERLINK("http://evil.example","x")', title: 'Rəqəmsal İnkişaf', n: 42.5, at: when },
        { code: '+1+1', title: '-2', n: null, at: '2026-03-02' },
        { code: '@SUM(A1)', title: ['a', 'b'], n: 0, at: '2026-03-02T10:00:00Z' },
        { code: '\tcmd', title: 'Управление', n: 1, at: 'not a date' },
      ],
    )
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(buf as never)
    const ws = wb.worksheets[0] as ExcelJS.Worksheet
    expect(ws.name).toBe('Measures 2026 overdue')
    expect(ws.getRow(1).font?.bold).toBe(true)
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(ws.autoFilter).toBeTruthy()
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(16)
    const col = (c: number) => [2, 3, 4, 5].map((r) => ws.getRow(r).getCell(c).value)
    expect(col(1)).toEqual(['\'=HYPERLINK("http://evil.example","x")', "'+1+1", "'@SUM(A1)", "'\tcmd"])
    expect(col(2)).toEqual(['Rəqəmsal İnkişaf', "'-2", 'a; b', 'Управление'])
    expect(col(3)).toEqual([42.5, null, 0, 1])
    expect(col(4)).toEqual([
      when,
      new Date('2026-03-02T00:00:00Z'),
      new Date('2026-03-02T10:00:00Z'),
      'not a date',
    ])
    ws.eachRow((r) => {
      r.eachCell((c) => {
        expect(c.type).not.toBe(ExcelJS.ValueType.Formula)
      })
    })
  })
})

describe('the import messages', () => {
  it('has Azerbaijani and Russian for each template, with the same placeholders', () => {
    const holes = (s: string) => [...s.matchAll(/\{\d\}/g)].map((m) => m[0]).sort()
    expect(new Set(PLAN_IMPORT_MESSAGES.map(([en]) => en)).size).toBe(PLAN_IMPORT_MESSAGES.length)
    for (const [en, az, ru] of PLAN_IMPORT_MESSAGES) {
      expect(az).not.toBe(en)
      expect(ru).toMatch(/[а-яё]/i)
      expect(holes(az), en).toEqual(holes(en))
      expect(holes(ru), en).toEqual(holes(en))
    }
  })

  afterAll(() => {
    // Every message the tests above met is one of the listed templates, so the catalogue can translate it.
    const patterns = PLAN_IMPORT_MESSAGES.map(
      ([en]) =>
        new RegExp(`^${en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\d\\\}/g, '.*?')}$`, 's'),
    )
    const stray = [...new Set(seen)].filter((m) => !patterns.some((p) => p.test(m)))
    expect(seen.length).toBeGreaterThan(40)
    expect(stray).toEqual([])
  })
})

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { afterAll, describe, expect, it } from 'vitest'
import { type InputRow, type Problem, readRows } from '../src/input.ts'
import { createLinker } from '../src/linker.ts'
import { votersPreset } from '../src/presets.ts'

const dir = mkdtempSync(join(tmpdir(), 'linkage-input-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const HEADER = 'voter_id,last_name,first_name,patronymic,birth_date'
const expected = HEADER.split(',')

const read = async (name: string, content: string | Buffer, maxFieldLength = 1000) => {
  const path = join(dir, name)
  writeFileSync(path, content)
  const problems: Problem[] = []
  const rows: InputRow[] = []
  for await (const row of readRows(path, {
    expected,
    required: ['voter_id', 'last_name'],
    maxFieldLength,
    onProblem: (p) => problems.push(p),
  }))
    rows.push(row)
  const codes = problems.map((p) => `${p.code}@${p.line}${p.column ? `:${p.column}` : ''}`)
  return { rows, problems, codes }
}

describe('bad input is reported per problem and no row is lost', () => {
  it('reads a windows-1251 file, says so, and keeps the Cyrillic letters', async () => {
    const text = `${HEADER}\n1,Мамедов,Али,Гасан оглы,1980-01-02\n2,Алиева,Севиндж,Ахмед кызы,1990-05-06\n`
    const { rows, problems } = await read('cp1251.csv', iconv.encode(text, 'win1251'))
    expect(problems[0]).toMatchObject({ file: 'cp1251.csv', line: 1, code: 'encoding', severity: 'warning' })
    expect(problems[0]?.message).toMatch(/windows-1251/)
    expect(rows.map((r) => r.values.last_name)).toEqual(['Мамедов', 'Алиева'])
  })

  it('reads a windows-1254 (Turkish Latin) file as such, says so, and keeps the letters', async () => {
    // windows-1254 has no ə; exports from old systems wrote ä in its place.
    const text = `${HEADER}\n1,Ağayev,Şükür,İsmayıl oğlu,1980-01-02\n2,Işıqlı,Gülnarä,Çingiz qızı,1990-05-06\n`
    const { rows, problems } = await read('cp1254.csv', iconv.encode(text, 'win1254'))
    expect(problems).toEqual([expect.objectContaining({ line: 1, code: 'encoding', severity: 'warning' })])
    expect(problems[0]?.message).toMatch(/windows-1254/)
    expect(rows.map((r) => [r.values.last_name, r.values.first_name, r.values.patronymic])).toEqual([
      ['Ağayev', 'Şükür', 'İsmayıl oğlu'],
      ['Işıqlı', 'Gülnarä', 'Çingiz qızı'],
    ])
  })

  describe('UTF-16 and UTF-32, with and without a byte-order mark', () => {
    const text = `${HEADER}\n1,Məmmədov,Əli,Həsən oğlu,1980-01-02\n2,Мамедова,Севиндж,Ахмед кызы,1990-05-06\n`
    const ascii = `${HEADER}\n1,Mammadov,Ali,Hasan oglu,1980-01-02\n`
    const cases = [
      { name: 'utf-16le', codec: 'utf16le', bom: true, content: text },
      { name: 'utf-16be', codec: 'utf16be', bom: true, content: text },
      { name: 'utf-32le', codec: 'utf32le', bom: true, content: text },
      { name: 'utf-32be', codec: 'utf32be', bom: true, content: text },
      { name: 'utf-16le', codec: 'utf16le', bom: false, content: text },
      { name: 'utf-16be', codec: 'utf16be', bom: false, content: text },
      { name: 'utf-32le', codec: 'utf32le', bom: false, content: text },
      { name: 'utf-32be', codec: 'utf32be', bom: false, content: text },
      // ASCII letters only: the zero bytes are valid UTF-8, and the file must not be taken for UTF-8.
      { name: 'utf-16le', codec: 'utf16le', bom: false, content: ascii },
      { name: 'utf-32be', codec: 'utf32be', bom: false, content: ascii },
    ].map((c) => ({ ...c, letters: c.content === text ? 'Azerbaijani and Cyrillic' : 'ASCII' }))
    it.each(cases)(
      'reads $name, byte-order mark $bom, $letters letters',
      async ({ name, codec, bom, content }) => {
        const bytes = iconv.encode(content, codec, { addBOM: bom })
        const { rows, problems } = await read(`${name}-${bom}-${content.length}.csv`, bytes)
        expect(rows.map((r) => r.values.voter_id)).toEqual(content === text ? ['1', '2'] : ['1'])
        expect(rows[0]?.values.last_name).toBe(content === text ? 'Məmmədov' : 'Mammadov')
        if (content === text) expect(rows[1]?.values.patronymic).toBe('Ахмед кызы')
        // A mark says what the file is; without one the guess is reported, naming the encoding.
        if (bom) expect(problems).toEqual([])
        else {
          expect(problems).toEqual([expect.objectContaining({ line: 1, code: 'encoding' })])
          expect(problems[0]?.message).toContain(name)
        }
      },
    )
  })

  it('reports bytes that are not text at their line and column in an otherwise UTF-8 file', async () => {
    const good = Array.from({ length: 2000 }, (_, i) => `${i},Məmmədov,Əli,Həsən oğlu,1980-01-02`).join('\n')
    const bad = Buffer.concat([
      Buffer.from(`${HEADER}\n${good}\n2000,Ab`),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('c,X,Y,1980-01-02\n'),
    ])
    const { rows, codes } = await read('bad-bytes.csv', bad)
    expect(rows).toHaveLength(2001)
    expect(codes).toEqual(['invalid-character@2002:last_name'])
  })

  it('reports missing and extra columns and reads the rows anyway', async () => {
    const { rows, problems } = await read('columns.csv', 'voter_id,first_name,note\n1,Əli,x\n2,Vəli,y\n')
    expect(problems.map((p) => [p.code, p.column, p.severity])).toEqual([
      ['missing-column', 'last_name', 'error'],
      ['missing-column', 'patronymic', 'warning'],
      ['missing-column', 'birth_date', 'warning'],
      ['extra-column', 'note', 'info'],
    ])
    expect(rows).toHaveLength(2)
    expect(rows[0]?.values).toMatchObject({ voter_id: '1', first_name: 'Əli', last_name: null })
  })

  it('pads short rows and reports long ones, with the line and the first column concerned', async () => {
    const { rows, codes, problems } = await read(
      'fields.csv',
      `${HEADER}\n1,Əliyev,Əli\n2,Əliyev,Vəli,Həsən oğlu,1980-01-02,extra,more\n`,
    )
    expect(codes).toEqual(['missing-fields@2:patronymic', 'extra-fields@3:column 6'])
    expect(problems[1]?.message).toContain('"extra","more"')
    expect(rows.map((r) => r.values.patronymic)).toEqual([null, 'Həsən oğlu'])
  })

  it('recovers from a quote that is never closed without swallowing the following rows', async () => {
    const lines = [HEADER, '1,"Əliyev,Əli,Həsən oğlu,1980-01-02', '2,Quliyev,Vəli,Həsən oğlu,1981-01-02']
    for (let i = 3; i < 80; i++) lines.push(`${i},Quliyev,Vəli,Həsən oğlu,1981-01-02`)
    const { rows, codes } = await read('quote.csv', `${lines.join('\n')}\n`)
    expect(codes).toEqual(['unclosed-quote@2:last_name'])
    expect(rows).toHaveLength(79)
    expect(rows[0]).toMatchObject({ line: 2, values: { last_name: '"Əliyev', first_name: 'Əli' } })
    expect(rows[1]?.line).toBe(3)
  })

  it('keeps line breaks inside a closed quoted field and numbers the record by its first line', async () => {
    const { rows, codes } = await read(
      'multiline.csv',
      `${HEADER}\n1,"Əli\nyev",Əli,"Həsən ""Həso"" oğlu",1980-01-02\n2,Quliyev,Vəli,x,1981-01-02\n`,
    )
    expect(codes).toEqual([])
    expect(rows.map((r) => r.line)).toEqual([2, 4])
    expect(rows[0]?.values).toMatchObject({ last_name: 'Əli\nyev', patronymic: 'Həsən "Həso" oğlu' })
  })

  it('reports text after a closing quote and keeps it', async () => {
    const { rows, codes } = await read('after.csv', `${HEADER}\n1,"Əliyev"x,Əli,y,1980-01-02\n`)
    expect(codes).toEqual(['text-after-quote@2:last_name'])
    expect(rows[0]?.values.last_name).toBe('Əliyevx')
  })

  it('reports empty lines and skips only them', async () => {
    const { rows, codes } = await read(
      'empty.csv',
      `${HEADER}\n\n1,Əliyev,Əli,x,1980-01-02\n , , , , \n2,Quliyev,Vəli,x,1981-01-02\n`,
    )
    expect(codes).toEqual(['empty-line@2', 'empty-line@4'])
    expect(rows.map((r) => r.line)).toEqual([3, 5])
  })

  it('cuts gigantic fields to the limit and says so', async () => {
    const { rows, problems } = await read(
      'huge.csv',
      `${HEADER}\n1,${'Ə'.repeat(50_000)},Əli,x,1980-01-02\n`,
      1000,
    )
    expect(problems).toEqual([
      expect.objectContaining({ line: 2, column: 'last_name', code: 'field-too-long', file: 'huge.csv' }),
    ])
    expect(rows[0]?.values.last_name).toHaveLength(1000)
    expect(rows[0]?.values.first_name).toBe('Əli')
  })

  it('reports words that mix Latin and Cyrillic letters', async () => {
    const { rows, codes } = await read(
      'mixed.csv',
      `${HEADER}\n1,Мammadov,Əli,x,1980-01-02\n2,Мамедов,Əli,x,1980-01-02\n`,
    )
    expect(codes).toEqual(['mixed-scripts@2:last_name'])
    expect(rows).toHaveLength(2)
  })

  it('uses the first of duplicate headers and reports the second', async () => {
    const { rows, codes } = await read(
      'dup.csv',
      '\uFEFFvoter_id,last_name,first_name,last_name,patronymic,birth_date\n1,Əliyev,Əli,Quliyev,x,1980-01-02\n',
    )
    expect(codes).toEqual(['duplicate-header@1:last_name'])
    expect(rows[0]?.values.last_name).toBe('Əliyev')
    expect(rows[0]?.values['last_name (2)']).toBe('Quliyev')
  })

  it('names a column without a header after its position and reports it', async () => {
    const { rows, problems } = await read(
      'blank-header.csv',
      `${HEADER},,note\n1,Əliyev,Əli,x,1980-01-02,y,z\n`,
    )
    expect(problems.map((p) => [p.code, p.line, p.column, p.severity])).toEqual([
      ['empty-header', 1, 'column 6', 'warning'],
      ['extra-column', 1, 'column 6', 'info'],
      ['extra-column', 1, 'note', 'info'],
    ])
    expect(rows[0]?.values).toMatchObject({ last_name: 'Əliyev', 'column 6': 'y', note: 'z' })
  })

  it('reports an empty file', async () => {
    const { rows, codes } = await read('nothing.csv', '')
    expect(rows).toEqual([])
    expect(codes).toEqual(['empty-file@1'])
  })

  it('detects a semicolon-separated export', async () => {
    const { rows, codes } = await read(
      'semi.csv',
      `${HEADER.replaceAll(',', ';')}\r\n1;Əliyev;Əli;x;02.01.1980\r\n`,
    )
    expect(codes).toEqual([])
    expect(rows[0]?.values.birth_date).toBe('02.01.1980')
  })

  it('streams the first worksheet of an XLSX workbook with row numbers as lines', async () => {
    const path = join(dir, 'list.xlsx')
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('list')
    sheet.addRow(expected)
    sheet.addRow(['1', 'Əliyev', 'Əli', 'Həsən oğlu', new Date(Date.UTC(1980, 0, 2))])
    sheet.addRow([])
    sheet.addRow(['2', 'Quliyev', 'Vəli'])
    workbook.addWorksheet('notes').addRow(['not a voter'])
    await workbook.xlsx.writeFile(path)
    const problems: Problem[] = []
    const rows: InputRow[] = []
    for await (const row of readRows(path, {
      expected,
      maxFieldLength: 100,
      onProblem: (p) => problems.push(p),
    }))
      rows.push(row)
    expect(rows.map((r) => [r.line, r.values.last_name, r.values.birth_date])).toEqual([
      [2, 'Əliyev', '1980-01-02'],
      [4, 'Quliyev', null],
    ])
    expect(problems.map((p) => `${p.code}@${p.line}`)).toEqual(['missing-fields@4'])
  })

  it('stores every row of a damaged file in the linker, each problem counted', async () => {
    const path = join(dir, 'damaged.csv')
    const header = 'voter_id,fin,last_name,first_name,first_name,patronymic,birth_date,precinct'
    writeFileSync(
      path,
      `${header}\n1,5ABC12D,Əliyev,Əli,dup,Həsən oğlu,1980-01-02,1\n\n2,"5ABC13D,Quliyev,Vəli,,x,1981-01-02,1\n,,Мamedov,Əli\n`,
    )
    const problems: Problem[] = []
    const linker = await createLinker({ config: votersPreset, onProblem: (p) => problems.push(p) })
    try {
      expect(await linker.load(path)).toBe(3)
      expect(await linker.db.scalar('SELECT count(*) FROM records')).toBe(3)
      const counts = linker.problemCounts()
      expect(counts).toMatchObject({
        'duplicate-header': 1,
        'empty-line': 1,
        'unclosed-quote': 1,
        'mixed-scripts': 1,
        'missing-fields': 1,
        'missing-id': 1,
      })
      expect(problems.find((p) => p.code === 'missing-id')).toMatchObject({ line: 5, column: 'voter_id' })
      const ids = await linker.db.all<{ id: string }>('SELECT id FROM records ORDER BY rid')
      expect(ids.map((r) => r.id)).toEqual(['1', '2', 'damaged.csv:5'])
    } finally {
      linker.close()
    }
  })
})

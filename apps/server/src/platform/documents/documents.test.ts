import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, describe, expect, it } from 'vitest'
import { type DocLang, type DocModel, renderDocx, renderPdf } from './index.ts'

const AZ = 'Əsas icraçı: Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi — ğ ı İ ö ş ç ü'
const AZ_UPPER = 'ƏĞIİÖŞÇÜ əğıiöşçü'
const RU = 'Министерство цифрового развития и транспорта'
const XML_SPECIAL = 'Ağ & Qara <b>"dırnaq"</b>'

const LABELS: Record<
  DocLang,
  { title: string; h1: string; h2: string; cols: [string, string, string]; footer: string }
> = {
  az: {
    title: 'Prezidentə illik hesabat — 2025',
    h1: 'Giriş',
    h2: 'Tədbirlərin icrası',
    cols: ['№', 'Tədbir', 'Məsul icraçı'],
    footer: 'Daxili istifadə üçün',
  },
  en: {
    title: 'Annual report to the President — 2025',
    h1: 'Introduction',
    h2: 'Implementation of measures',
    cols: ['No.', 'Measure', 'Lead executor'],
    footer: 'Internal',
  },
  ru: {
    title: 'Ежегодный доклад Президенту — 2025',
    h1: 'Введение',
    h2: 'Исполнение мероприятий',
    cols: ['№', 'Мероприятие', 'Ответственный исполнитель'],
    footer: 'Для служебного пользования',
  },
}

const report = (lang: DocLang): DocModel => {
  const l = LABELS[lang]
  return {
    lang,
    title: l.title,
    subtitle: 'Qalxan — İnformasiya təhlükəsizliyi üzrə əlaqələndirmə portalı',
    meta: [
      ['Hazırlanma tarixi', '2026-01-15'],
      ['Dövr', '2025-01-01 — 2025-12-31'],
    ],
    footer: l.footer,
    blocks: [
      { kind: 'heading', level: 1, text: l.h1 },
      { kind: 'paragraph', text: AZ },
      { kind: 'paragraph', text: RU, style: 'muted' },
      { kind: 'paragraph', text: XML_SPECIAL, style: 'small' },
      { kind: 'bullets', items: [AZ_UPPER, RU, 'Ministry of Digital Development and Transport'] },
      { kind: 'heading', level: 2, text: l.h2 },
      {
        kind: 'table',
        caption: 'Cədvəl 1',
        columns: [
          { title: l.cols[0], width: 1, align: 'right' },
          { title: l.cols[1], width: 6 },
          { title: l.cols[2], width: 4 },
        ],
        rows: Array.from({ length: 60 }, (_, i) => [
          String(i + 1),
          `Tədbir ${i + 1}: şəbəkə təhlükəsizliyinin gücləndirilməsi`,
          i % 2 ? 'Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi' : 'Министерство цифрового развития',
        ]),
      },
      {
        kind: 'keyValue',
        rows: [
          ['Əsas icraçı', 'Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi'],
          ['Исполнитель', 'Служба государственной безопасности'],
        ],
      },
    ],
  }
}

// pdftotext and pdffonts come from Debian's poppler-utils; scripts/test.mjs installs it when run as root.
const dir = mkdtempSync(join(tmpdir(), 'qalxan-docs-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let n = 0
const poppler = (tool: 'pdftotext' | 'pdffonts' | 'pdfinfo', pdf: Buffer, args: string[] = []) => {
  const file = join(dir, `${++n}.pdf`)
  writeFileSync(file, pdf)
  const r = spawnSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' })
  if (r.error)
    throw new Error(
      `${tool} is not installed; these tests read the PDFs with it: run \`apt-get install -y poppler-utils\``,
    )
  if (r.status !== 0) throw new Error(`${tool} failed: ${r.stderr}`)
  return r.stdout
}
/**
 * The PDF's text, one string per page, in the order it was drawn (`-raw`: the default layout mode
 * takes evenly spaced single characters such as "1 / 3" for letter-spaced text and drops their
 * spaces). Runs of whitespace become one space, since lines wrap.
 */
const pdfPages = (pdf: Buffer) =>
  poppler('pdftotext', pdf, ['-raw', '-enc', 'UTF-8'])
    .split('\f')
    .slice(0, -1)
    .map((p) => p.replace(/\s+/g, ' ').trim())

const docxPart = (docx: Buffer, name: string) => {
  const part = unzipSync(new Uint8Array(docx))[name]
  if (!part) throw new Error(`${name} is missing from the DOCX`)
  return strFromU8(part)
}
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 forbids
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/

describe.each(['az', 'en', 'ru'] as const)('a %s report', (lang) => {
  const l = LABELS[lang]
  const model = report(lang)

  it('renders to PDF with the Azerbaijani and Cyrillic text extractable, the header repeated and "n / N" pages', async () => {
    const pdf = await renderPdf(model)
    const pages = pdfPages(pdf)
    const all = pages.join(' ')
    for (const s of [
      l.title,
      l.h1,
      l.h2,
      AZ,
      AZ_UPPER,
      RU,
      XML_SPECIAL,
      'Ministry of Digital Development and Transport',
    ])
      expect(all).toContain(s)
    expect(all).toContain('Tədbir 60: şəbəkə təhlükəsizliyinin gücləndirilməsi')
    expect(all).toContain('Əsas icraçı Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi')
    expect(all).toContain('Исполнитель Служба государственной безопасности')

    expect(pages.length).toBeGreaterThan(1)
    pages.forEach((p, i) => {
      expect(p).toContain(`${i + 1} / ${pages.length}`)
      expect(p).toContain(l.footer)
    })
    // Every page that holds table rows starts them under the column titles.
    const tablePages = pages.filter((p) => /Tədbir \d+:/.test(p))
    expect(tablePages.length).toBeGreaterThan(1)
    for (const p of tablePages) expect(p).toMatch(new RegExp(`${l.cols[2]}.*Tədbir \\d+:`))

    const info = poppler('pdfinfo', pdf, ['-enc', 'UTF-8'])
    expect(info).toMatch(new RegExp(`^Title:\\s+${l.title}$`, 'm'))
    expect(pdf.toString('latin1')).toContain(
      `/Lang (${{ az: 'az-Latn-AZ', en: 'en-GB', ru: 'ru-RU' }[lang]})`,
    )
    // Both faces embedded as subsets with ToUnicode maps (columns "emb sub uni" all "yes").
    const fonts = poppler('pdffonts', pdf)
      .split('\n')
      .filter((r) => r.includes('NotoSans'))
    expect(fonts.map((r) => r.split(/\s+/)[0]?.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'NotoSans-Bold',
      'NotoSans-Regular',
    ])
    for (const r of fonts) expect(r).toMatch(/yes\s+yes\s+yes\s+\d+\s+0$/)
  })

  it('renders to DOCX with real headings, a repeating header row, page fields and the language', async () => {
    const docx = await renderDocx(model)
    const xml = docxPart(docx, 'word/document.xml')
    for (const s of [
      l.title,
      l.h1,
      l.h2,
      AZ,
      AZ_UPPER,
      RU,
      'Tədbir 60: şəbəkə təhlükəsizliyinin gücləndirilməsi',
    ])
      expect(xml).toContain(s)
    expect(xml).toContain('Ağ &amp; Qara &lt;b&gt;')
    expect(xml).toMatch(/<w:pStyle w:val="Title"\/>.*?<w:t[^>]*>[^<]*2025<\/w:t>/)
    expect(xml).toMatch(new RegExp(`<w:pStyle w:val="Heading1"/>.*?<w:t[^>]*>${l.h1}</w:t>`))
    expect(xml).toMatch(new RegExp(`<w:pStyle w:val="Heading2"/>.*?<w:t[^>]*>${l.h2}</w:t>`))
    // The first row of the 60-row table is the one marked to repeat, and it holds the column titles.
    const table = xml.split('<w:tbl>').find((t) => t.includes('Tədbir 60:')) ?? ''
    const rows = table.split('<w:tr>').slice(1)
    expect(rows).toHaveLength(61)
    expect(rows[0]).toContain('<w:tblHeader/>')
    expect(rows[0]).toContain(l.cols[2])
    expect(rows.slice(1).some((r) => r.includes('<w:tblHeader/>'))).toBe(false)

    const footer = docxPart(docx, 'word/footer1.xml')
    expect(footer).toContain(l.footer)
    expect(footer).toMatch(/PAGE.*NUMPAGES/s)
    const styles = docxPart(docx, 'word/styles.xml')
    expect(styles).toContain(`<w:lang w:val="${{ az: 'az-Latn-AZ', en: 'en-GB', ru: 'ru-RU' }[lang]}"/>`)
    expect(docxPart(docx, 'docProps/core.xml')).toContain(`<dc:title>${l.title}</dc:title>`)
  })
})

describe('bad input', () => {
  const longWord = `${'Ə'.repeat(2500)}${'Щ'.repeat(2500)}`
  const words = Array.from({ length: 700 }, (_, i) => `söz${i}`).join(' ')
  const longParagraph = words.slice(0, 5000)
  const model: DocModel = {
    lang: 'az',
    title: `Sınaq 😀 ${'başlıq '.repeat(40)}`,
    footer: `Daxili ${'x'.repeat(400)}`,
    blocks: [
      { kind: 'table', columns: [], rows: [] },
      { kind: 'table', columns: [{ title: 'Yalnız başlıq' }], rows: [], caption: 'Boş cədvəl' },
      {
        kind: 'table',
        columns: [
          { title: 'A', width: -3 },
          { title: 'B', width: Number.NaN },
        ],
        rows: [['1'], ['1', '2', 'artıq xana']],
      },
      { kind: 'heading', level: 1, text: longWord },
      { kind: 'paragraph', text: longWord },
      { kind: 'paragraph', text: longParagraph },
      {
        kind: 'table',
        columns: [
          { title: 'Dar', width: 1 },
          { title: 'Geniş', width: 40 },
        ],
        rows: [[longWord, longParagraph]],
      },
      {
        kind: 'bullets',
        items: ['Emoji 👍🏽 🇦🇿 ❤️ 𝔸 — sonu', 'İdarə simvolları:\u0000\u0007\uFFFF\uD800 sonu', ''],
      },
      { kind: 'keyValue', rows: [] },
      { kind: 'pageBreak' },
      { kind: 'pageBreak' },
    ],
  }

  it('PDF: empty tables, unbroken 5,000-character words, a 5,000-character paragraph, emoji and control characters render', async () => {
    const started = Date.now()
    const pdf = await renderPdf(model)
    expect(Date.now() - started).toBeLessThan(10_000)
    const pages = pdfPages(pdf)
    expect(pages.length).toBeGreaterThan(2)
    // The 400-character footer is cut to one line with an ellipsis; without it the pages join up.
    const footer = (i: number) => new RegExp(` ?Daxili x+… ${i + 1} / ${pages.length}$`)
    pages.forEach((p, i) => {
      expect(p).toMatch(footer(i))
    })
    const all = pages.map((p, i) => p.replace(footer(i), '')).join(' ')
    // The paragraph flows over lines and pages without losing or reordering a word.
    expect(all).toContain(longParagraph)
    // The long word is cut into lines: all of it is there once spaces from line ends are removed.
    expect(all.replace(/ /g, '')).toContain(longWord)
    expect(all).toContain('Yalnız başlıq')
    expect(all).toContain('artıq xana')
    // Emoji are outside Noto Sans: each becomes one U+FFFD, the text around them survives.
    expect(all).toContain('Emoji � � � � — sonu')
    expect(all).toContain('İdarə simvolları: sonu')
  })

  it('DOCX: the same input gives a well-formed document with the text kept and XML-breaking characters dropped', async () => {
    const docx = await renderDocx(model)
    const xml = docxPart(docx, 'word/document.xml')
    expect(xml).not.toMatch(XML_INVALID)
    expect(xml).toContain(longWord)
    expect(xml).toContain(longParagraph)
    expect(xml).toContain('Emoji 👍🏽 🇦🇿 ❤️ 𝔸 — sonu')
    expect(xml).toContain('İdarə simvolları: sonu')
    expect(xml).toContain('Yalnız başlıq')
    expect(xml).toContain('artıq xana')
    // Word refuses a table without cells: the one with no columns and the empty key-value block are
    // left out, so three tables remain (header-only, ragged, long-word).
    expect(xml.split('<w:tbl>').length - 1).toBe(3)
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>')
  })
})

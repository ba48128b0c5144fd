// DocModel → DOCX (Word 2007+). Real Heading1..3 styles so Word's navigation pane and a table of
// contents work; table header rows marked to repeat on each page; "n / N" page fields in the footer.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx'
import {
  cleanText,
  columnWidths,
  type DocBlock,
  type DocColumn,
  type DocModel,
  LANG_TAGS,
  normaliseTable,
} from './document-model.ts'

// A4 with 2 cm margins, in twips (1/20 pt). Word computes the layout; these only size the grid.
const PAGE_W = 11906
const PAGE_H = 16838
const MARGIN = 1134
const TEXT_W = PAGE_W - 2 * MARGIN
// Arial is on every Windows and macOS machine and covers Azerbaijani Latin and Cyrillic; LibreOffice
// substitutes the metric-compatible Liberation Sans. The font is not embedded, to keep files small.
const FONT = 'Arial'
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'B0B7C3' }
const HEADER_FILL = 'EDEFF2'
const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER }

/** Text runs with the model's \n turned into Word line breaks. */
const runs = (text: string, opts: { bold?: boolean; color?: string; size?: number } = {}): TextRun[] =>
  cleanText(text)
    .split('\n')
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...opts }))

const para = (text: string, opts: { bold?: boolean; align?: DocColumn['align'] } = {}) =>
  new Paragraph({ children: runs(text, { bold: opts.bold }), alignment: ALIGN[opts.align ?? 'left'] })

const table = (columns: DocColumn[], rows: string[][]): Table | null => {
  const t = normaliseTable(columns, rows)
  // Word reports a table without cells as unreadable content: an empty table is left out.
  if (t.columns.length === 0) return null
  const widths = columnWidths(t.columns, TEXT_W).map((w) => Math.max(1, Math.floor(w)))
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      children: [para(text, { bold: header, align: t.columns[i]?.align })],
      width: { size: widths[i] ?? 1, type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      shading: header ? { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' } : undefined,
    })
  return new Table({
    // Fixed layout: Word keeps the widths and wraps long unbroken words instead of widening cells.
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_W, type: WidthType.DXA },
    columnWidths: widths,
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: t.columns.map((c, i) => cell(c.title, i, true)),
      }),
      // Ordinary rows move to the next page whole, as in the PDF; a row with a very long cell may
      // break, since one taller than a page could not be placed otherwise.
      ...t.rows.map(
        (r) =>
          new TableRow({
            cantSplit: r.every((v) => v.length < 1000),
            children: r.map((v, i) => cell(v, i, false)),
          }),
      ),
    ],
  })
}

const keyValue = (rows: [string, string][]): Table | null => {
  if (rows.length === 0) return null
  const widths = [Math.floor(TEXT_W * 0.32), TEXT_W - Math.floor(TEXT_W * 0.32)]
  const cell = (text: string, i: number) =>
    new TableCell({
      children: [para(text, { bold: i === 0 })],
      width: { size: widths[i] ?? 1, type: WidthType.DXA },
      margins: { top: 20, bottom: 20, left: 0, right: 120 },
    })
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_W, type: WidthType.DXA },
    columnWidths: widths,
    borders: TableBorders.NONE,
    rows: rows.map(([k, v]) => new TableRow({ children: [cell(k, 0), cell(v, 1)] })),
  })
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const
const spacer = () => new Paragraph({ spacing: { after: 0 }, children: [] })

const block = (b: DocBlock): (Paragraph | Table)[] => {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[b.level] ?? HeadingLevel.HEADING_3, children: runs(b.text) })]
    case 'paragraph':
      return [
        new Paragraph({
          children: runs(b.text, {
            color: b.style === 'muted' ? '555555' : undefined,
            size: b.style === 'small' ? 17 : undefined,
          }),
        }),
      ]
    case 'bullets':
      return b.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: runs(item) }))
    case 'table': {
      const caption = b.caption
        ? [new Paragraph({ style: 'Caption', keepNext: true, children: runs(b.caption) })]
        : []
      const t = table(b.columns, b.rows)
      // A paragraph after each table keeps two adjacent tables from merging into one in Word.
      return t ? [...caption, t, spacer()] : caption
    }
    case 'keyValue': {
      const t = keyValue(b.rows)
      return t ? [t, spacer()] : []
    }
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })]
  }
}

const footer = (text: string | undefined) =>
  new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_W }],
        border: { top: { style: BorderStyle.SINGLE, size: 4, color: 'B0B7C3', space: 4 } },
        children: [
          ...runs(text ?? '', { size: 16, color: '555555' }),
          new TextRun({
            size: 16,
            color: '555555',
            children: [new Tab(), PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  })

export const renderDocx = async (model: DocModel): Promise<Buffer> => {
  const lang = LANG_TAGS[model.lang] ?? LANG_TAGS.en
  const title = cleanText(model.title)
  const meta = keyValue(model.meta ?? [])
  const doc = new Document({
    title,
    subject: model.subtitle ? cleanText(model.subtitle) : undefined,
    creator: 'Qalxan',
    lastModifiedBy: 'Qalxan',
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 21, language: { value: lang } },
          paragraph: { spacing: { after: 120, line: 264 } },
        },
        title: {
          run: { font: FONT, size: 40, bold: true, color: '1F2937' },
          paragraph: { spacing: { after: 80 } },
        },
        heading1: {
          run: { font: FONT, size: 32, bold: true, color: '1F2937' },
          paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, keepLines: true },
        },
        heading2: {
          run: { font: FONT, size: 26, bold: true, color: '1F2937' },
          paragraph: { spacing: { before: 240, after: 100 }, keepNext: true, keepLines: true },
        },
        heading3: {
          run: { font: FONT, size: 22, bold: true, color: '374151' },
          paragraph: { spacing: { before: 200, after: 80 }, keepNext: true, keepLines: true },
        },
        caption: { run: { font: FONT, size: 18, bold: true, color: '374151' } },
      },
      paragraphStyles: [
        {
          id: 'Subtitle',
          name: 'Subtitle',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { size: 26, color: '555555' },
          paragraph: { spacing: { after: 240 } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_W, height: PAGE_H },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, footer: 567 },
          },
        },
        footers: { default: footer(model.footer) },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: runs(title) }),
          ...(model.subtitle ? [new Paragraph({ style: 'Subtitle', children: runs(model.subtitle) })] : []),
          ...(meta ? [meta, spacer()] : []),
          ...model.blocks.flatMap(block),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}

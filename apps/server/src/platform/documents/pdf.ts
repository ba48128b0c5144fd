// DocModel → PDF with pdfkit and an embedded Noto Sans (regular and bold, subset by pdfkit, with
// ToUnicode maps so text can be searched and copied). Lines are broken here rather than by pdfkit's
// own wrapper: one algorithm measures and draws, so a table row's height is exact, a row taller than
// a page can be split between pages under a repeated header, and every loop consumes at least one
// character per step, so no input can make it spin.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import * as fontkit from 'fontkit'
import PDFDocument from 'pdfkit'
import {
  cleanText,
  columnWidths,
  type DocBlock,
  type DocColumn,
  type DocModel,
  LANG_TAGS,
  normaliseTable,
} from './document-model.ts'

const require = createRequire(import.meta.url)
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
} as const
type FontName = keyof typeof FONT_FILES

type Fonts = { regular: Buffer; bold: Buffer; covered: Set<number> }
let fonts: Fonts | undefined
/** Reads the two TTFs once per process, and the code points both of them can draw. */
const loadFonts = (): Fonts => {
  if (fonts) return fonts
  const regular = readFileSync(require.resolve(FONT_FILES.regular))
  const bold = readFileSync(require.resolve(FONT_FILES.bold))
  const charset = (b: Buffer) => {
    const f = fontkit.create(b)
    return new Set('characterSet' in f ? f.characterSet : [])
  }
  const boldSet = charset(bold)
  const covered = new Set([...charset(regular)].filter((c) => boldSet.has(c)))
  fonts = { regular, bold, covered }
  return fonts
}

// A4 in points; 2 cm side and top margins, the footer sits in the bottom margin.
const PAGE_W = 595.28
const PAGE_H = 841.89
const MARGIN = 56.7
const BOTTOM = PAGE_H - 70
const TEXT_W = PAGE_W - 2 * MARGIN
const BODY_H = BOTTOM - MARGIN
const INK = '#111827'
const MUTED = '#555555'
const RULE = '#B0B7C3'
const HEADER_FILL = '#EDEFF2'

type Style = { font: FontName; size: number; color: string; leading: number }
const style = (font: FontName, size: number, color = INK): Style => ({
  font,
  size,
  color,
  leading: size * 1.3,
})
const S = {
  title: style('bold', 20),
  subtitle: style('regular', 12.5, MUTED),
  h1: style('bold', 15),
  h2: style('bold', 12.5),
  h3: style('bold', 11),
  normal: style('regular', 10.5),
  muted: style('regular', 10.5, MUTED),
  small: style('regular', 8.5, '#333333'),
  cell: style('regular', 9),
  cellBold: style('bold', 9),
  footer: style('regular', 8, MUTED),
}

const REPLACEMENT = '\uFFFD'
/**
 * What the font can draw: invisible format characters (soft hyphen, zero-width joiners, bidi marks)
 * and emoji variation selectors are dropped, other control characters become spaces, and anything
 * the font lacks becomes U+FFFD, which it has, so the reader sees that something was there and the
 * text layer says so too, instead of a blank box that extracts as the wrong character.
 */
const forPdf = (s: string, covered: Set<number>): string => {
  let out = ''
  for (const ch of cleanText(s)
    .replace(/\p{Cf}|\p{Variation_Selector}/gu, '')
    .replace(/[^\P{Cc}\n]/gu, ' ')) {
    const cp = ch.codePointAt(0) ?? 0
    out += ch === '\n' || covered.has(cp) ? ch : REPLACEMENT
  }
  return out.replace(/\uFFFD+/g, REPLACEMENT)
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

type Align = NonNullable<DocColumn['align']>
type Grid = {
  widths: number[]
  aligns: Align[]
  header?: string[]
  rows: string[][]
  styles: Style[]
  ruled: boolean
  padX: number
  padY: number
}

const layout = (doc: PDFKit.PDFDocument, covered: Set<number>) => {
  let y = MARGIN
  const widthCache = new Map<string, number>()
  const use = (s: Style) => doc.font(s.font).fontSize(s.size).fillColor(s.color)
  const measure = (s: Style, text: string) => {
    const key = `${s.font}:${s.size}:${text}`
    let w = widthCache.get(key)
    if (w === undefined) {
      w = doc.font(s.font).fontSize(s.size).widthOfString(text)
      widthCache.set(key, w)
    }
    return w
  }

  /** Greedy line breaking at spaces; a word wider than the line is cut between graphemes. */
  const wrap = (raw: string, s: Style, width: number): string[] => {
    const text = forPdf(raw, covered)
    const space = measure(s, ' ')
    const lines: string[] = []
    for (const hard of text.split('\n')) {
      let line = ''
      let lineW = 0
      for (const word of hard.split(/ +/).filter(Boolean)) {
        const w = measure(s, word)
        if (line && lineW + space + w <= width) {
          line += ` ${word}`
          lineW += space + w
          continue
        }
        if (line) lines.push(line)
        if (w <= width) {
          line = word
          lineW = w
          continue
        }
        line = ''
        lineW = 0
        for (const { segment } of graphemes.segment(word)) {
          const gw = measure(s, segment)
          if (line && lineW + gw > width) {
            lines.push(line)
            line = ''
            lineW = 0
          }
          line += segment
          lineW += gw
        }
      }
      lines.push(line)
    }
    return lines
  }

  const newPage = () => {
    doc.addPage()
    y = MARGIN
  }
  const ensure = (h: number) => {
    if (y + h > BOTTOM && y > MARGIN) newPage()
  }
  const draw = (text: string, s: Style, x: number, top: number, width: number, align: Align = 'left') => {
    if (!text) return
    const off = align === 'left' ? 0 : Math.max(0, width - measure(s, text)) / (align === 'center' ? 2 : 1)
    use(s).text(text, x + off, top, { lineBreak: false })
  }
  const flow = (text: string, s: Style, x = MARGIN, width = TEXT_W, after = 6) => {
    for (const line of wrap(text, s, width)) {
      ensure(s.leading)
      draw(line, s, x, y, width)
      y += s.leading
    }
    y += after
  }
  const gap = (h: number) => {
    y = Math.min(y + h, BOTTOM)
  }
  const rule = () => {
    doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + TEXT_W, y)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke()
  }

  const grid = (g: Grid) => {
    const lineH = Math.max(...g.styles.map((s) => s.leading), S.cell.leading)
    const cellLines = (cells: string[], bold: boolean) =>
      cells.map((c, i) => {
        const s = bold ? S.cellBold : (g.styles[i] ?? S.cell)
        return wrap(c, s, Math.max(1, (g.widths[i] ?? 0) - 2 * g.padX))
      })
    const height = (lines: string[][]) => Math.max(1, ...lines.map((l) => l.length)) * lineH + 2 * g.padY
    const header = g.header ? cellLines(g.header, true) : undefined
    const headerH = header ? height(header) : 0
    // A header taller than 40 % of the page is printed once, not repeated: repeating it could leave
    // no room for the rows it heads.
    const repeat = header && headerH <= BODY_H * 0.4 ? header : undefined

    const drawRow = (lines: string[][], h: number, bold: boolean) => {
      let x = MARGIN
      lines.forEach((cell, i) => {
        const w = g.widths[i] ?? 0
        if (bold) doc.rect(x, y, w, h).fillColor(HEADER_FILL).fill()
        if (g.ruled) doc.rect(x, y, w, h).lineWidth(0.5).strokeColor(RULE).stroke()
        const s = bold ? S.cellBold : (g.styles[i] ?? S.cell)
        cell.forEach((line, j) => {
          draw(line, s, x + g.padX, y + g.padY + j * lineH, w - 2 * g.padX, g.aligns[i])
        })
        x += w
      })
      y += h
    }
    const pageWithHeader = () => {
      newPage()
      if (repeat) drawRow(repeat, headerH, true)
    }
    /** Draws a row, moving it to the next page if it fits there, or splitting it by lines if not. */
    const row = (lines: string[][], bold: boolean) => {
      let rest = lines
      for (;;) {
        const h = height(rest)
        if (y + h <= BOTTOM) return drawRow(rest, h, bold)
        const roomOnFresh = BODY_H - (repeat && !bold ? headerH : 0)
        if (h <= roomOnFresh && y > MARGIN) {
          bold ? newPage() : pageWithHeader()
          continue
        }
        const fit = Math.floor((BOTTOM - y - 2 * g.padY) / lineH)
        if (fit < 1) {
          bold ? newPage() : pageWithHeader()
          continue
        }
        drawRow(
          rest.map((c) => c.slice(0, fit)),
          fit * lineH + 2 * g.padY,
          bold,
        )
        rest = rest.map((c) => c.slice(fit))
        bold ? newPage() : pageWithHeader()
      }
    }

    if (header) {
      // Keep the header with at least the first line of the first row.
      ensure(Math.min(headerH + lineH + 2 * g.padY, BODY_H))
      row(header, true)
    }
    for (const r of g.rows) row(cellLines(r, false), false)
  }

  const table = (columns: DocColumn[], rows: string[][], caption?: string) => {
    const t = normaliseTable(columns, rows)
    if (caption) {
      ensure(S.cellBold.leading * 3)
      flow(caption, S.cellBold, MARGIN, TEXT_W, 3)
    }
    if (t.columns.length > 0) {
      grid({
        widths: columnWidths(t.columns, TEXT_W),
        aligns: t.columns.map((c) => c.align),
        header: t.columns.map((c) => c.title),
        rows: t.rows,
        styles: t.columns.map(() => S.cell),
        ruled: true,
        padX: 4,
        padY: 3,
      })
    }
    gap(10)
  }

  const keyValue = (rows: [string, string][], size: 'cell' | 'normal' = 'normal') => {
    if (rows.length === 0) return
    const plain = size === 'cell' ? S.cell : S.normal
    const bold = size === 'cell' ? S.cellBold : style('bold', S.normal.size)
    grid({
      widths: columnWidths([{ width: 32 }, { width: 68 }], TEXT_W),
      aligns: ['left', 'left'],
      rows: rows.map(([k, v]) => [cleanText(k), cleanText(v)]),
      styles: [bold, plain],
      ruled: false,
      padX: 0,
      padY: 1.5,
    })
    gap(8)
  }

  type Outline = PDFKit.PDFOutline
  const outline: { 1?: Outline; 2?: Outline } = {}
  const heading = (level: 1 | 2 | 3, text: string) => {
    const s = level === 1 ? S.h1 : level === 2 ? S.h2 : S.h3
    const lines = wrap(text, s, TEXT_W)
    if (y > MARGIN) gap(level === 1 ? 14 : 10)
    // Keep the heading with the first lines after it (a heading of many lines needs only its first).
    ensure(Math.min(lines.length, 3) * s.leading + 4 * S.normal.leading)
    const parent =
      level === 1
        ? doc.outline
        : level === 2
          ? (outline[1] ?? doc.outline)
          : (outline[2] ?? outline[1] ?? doc.outline)
    const item = parent.addItem(forPdf(text, covered).replace(/\s+/g, ' ').trim())
    if (level === 1) {
      outline[1] = item
      outline[2] = undefined
    } else if (level === 2) outline[2] = item
    flow(text, s, MARGIN, TEXT_W, 5)
  }

  const bullets = (items: string[]) => {
    const indent = 14
    for (const item of items) {
      const lines = wrap(item, S.normal, TEXT_W - indent)
      lines.forEach((line, i) => {
        ensure(S.normal.leading)
        if (i === 0) draw('•', S.normal, MARGIN + 3, y, indent)
        draw(line, S.normal, MARGIN + indent, y, TEXT_W - indent)
        y += S.normal.leading
      })
      y += 2
    }
    gap(4)
  }

  const block = (b: DocBlock) => {
    switch (b.kind) {
      case 'heading':
        return heading(b.level, b.text)
      case 'paragraph':
        return flow(b.text, b.style === 'muted' ? S.muted : b.style === 'small' ? S.small : S.normal)
      case 'bullets':
        return bullets(b.items)
      case 'table':
        return table(b.columns, b.rows, b.caption)
      case 'keyValue':
        return keyValue(b.rows)
      case 'pageBreak':
        return newPage()
    }
  }

  const titleBlock = (m: DocModel) => {
    flow(m.title, S.title, MARGIN, TEXT_W, 2)
    if (m.subtitle) flow(m.subtitle, S.subtitle, MARGIN, TEXT_W, 4)
    gap(4)
    if (m.meta?.length) keyValue(m.meta, 'cell')
    rule()
    gap(10)
  }

  /** One line of text, cut with an ellipsis where it does not fit. */
  const fitLine = (raw: string, s: Style, width: number) => {
    const text = forPdf(raw, covered).replace(/\s+/g, ' ').trim()
    if (measure(s, text) <= width) return text
    const parts = Array.from(graphemes.segment(text), (g) => g.segment)
    let lo = 0
    let hi = parts.length
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2)
      if (measure(s, `${parts.slice(0, mid).join('').trimEnd()}…`) <= width) lo = mid
      else hi = mid - 1
    }
    return `${parts.slice(0, lo).join('').trimEnd()}…`
  }

  /** "n / N" and the footer text on every page, written once the page count is known. */
  const footers = (text: string | undefined) => {
    const { start, count } = doc.bufferedPageRange()
    const label = text ? fitLine(text, S.footer, TEXT_W - 80) : ''
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i)
      const top = PAGE_H - 48
      doc
        .moveTo(MARGIN, top)
        .lineTo(MARGIN + TEXT_W, top)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke()
      draw(label, S.footer, MARGIN, top + 6, TEXT_W - 80)
      draw(`${i + 1 - start} / ${count}`, S.footer, MARGIN + TEXT_W - 70, top + 6, 70, 'right')
    }
  }

  return { titleBlock, block, footers }
}

export const renderPdf = (model: DocModel): Promise<Buffer> =>
  new Promise<Buffer>((resolve, reject) => {
    try {
      const f = loadFonts()
      const doc = new PDFDocument({
        size: [PAGE_W, PAGE_H],
        // pdfkit's own margins matter only to its wrapper, which is not used; the bottom one is zero
        // so text written in the footer area never makes pdfkit start a page.
        margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: 0 },
        bufferPages: true,
        autoFirstPage: true,
        pdfVersion: '1.7',
        lang: LANG_TAGS[model.lang] ?? LANG_TAGS.en,
        displayTitle: true,
        // pdfkit reads every key given here: an undefined Subject would throw.
        info: {
          Title: cleanText(model.title),
          Creator: 'Qalxan',
          ...(model.subtitle ? { Subject: cleanText(model.subtitle) } : {}),
        },
      })
      const chunks: Buffer[] = []
      doc.on('data', (c: Buffer) => chunks.push(c))
      doc.on('end', () => resolve(Buffer.concat(chunks)))
      doc.on('error', reject)
      doc.registerFont('regular', f.regular)
      doc.registerFont('bold', f.bold)
      const l = layout(doc, f.covered)
      l.titleBlock(model)
      for (const b of model.blocks ?? []) l.block(b)
      l.footers(model.footer)
      doc.end()
    } catch (e) {
      reject(e)
    }
  })

import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { pipeline, type Readable, Transform } from 'node:stream'
import chardet from 'chardet'
import iconv from 'iconv-lite'

/** A problem in a field found while reading; `field` is the 0-based position in the record. */
export type FieldIssue = { field: number; code: string; message: string }

export type RawRecord = { line: number; fields: string[]; issues: FieldIssue[] }

export type EncodingReport = { encoding: string; detected: boolean }

// A quoted field may hold line breaks, but one that runs on for this many lines is taken for a quote
// that was never closed: the record is re-read from its first line with quotes as ordinary text.
const MAX_RECORD_LINES = 50

const validUtf8 = (bytes: Uint8Array): boolean => {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  // The sample may end inside a multi-byte character.
  for (let cut = 0; cut < 4 && cut < bytes.length; cut++) {
    try {
      decoder.decode(bytes.subarray(0, bytes.length - cut))
      return true
    } catch {}
  }
  return bytes.length === 0
}

// chardet is reliable on these; on short single-byte samples it often answers ISO-8859-1 instead.
const TRUSTED = new Set([
  'utf-16le',
  'utf-16be',
  'utf-32le',
  'utf-32be',
  'koi8-r',
  'windows-1251',
  'iso-8859-5',
])

/**
 * Cyrillic in a single-byte code page puts high bytes next to each other (whole words), while
 * Azerbaijani or Turkish Latin text has a high byte here and there between ASCII letters.
 */
export const cyrillicLooking = (bytes: Uint8Array): boolean => {
  let high = 0
  let paired = 0
  for (let i = 0; i < bytes.length; i++) {
    if ((bytes[i] ?? 0) < 0x80) continue
    high++
    if ((bytes[i - 1] ?? 0) >= 0x80 || (bytes[i + 1] ?? 0) >= 0x80) paired++
  }
  return high > 0 && paired / high > 0.5
}

/**
 * UTF-16 or UTF-32 without a byte-order mark, from where the zero bytes fall: text never holds U+0000,
 * but the letters, digits and punctuation of a CSV file leave the high bytes of their code units zero.
 * Without this check ASCII-only UTF-16 passes for valid UTF-8 (zero bytes are valid there) and
 * chardet takes UTF-16 with letters for ISO-8859-1.
 */
export const wideEncoding = (bytes: Uint8Array): string | null => {
  const zeros = [0, 0, 0, 0]
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) zeros[i % 4] = (zeros[i % 4] ?? 0) + 1
  const [z0 = 0, z1 = 0, z2 = 0, z3 = 0] = zeros
  const quarter = bytes.length / 4
  if (z0 + z1 + z2 + z3 < Math.max(4, bytes.length / 20)) return null
  // UTF-32: the two high bytes of every code unit are zero below U+10000.
  if (z2 > 0.9 * quarter && z3 > 0.9 * quarter) return 'utf-32le'
  if (z0 > 0.9 * quarter && z1 > 0.9 * quarter) return 'utf-32be'
  const even = z0 + z2
  const odd = z1 + z3
  if (odd > 10 * even) return 'utf-16le'
  if (even > 10 * odd) return 'utf-16be'
  return null
}

/**
 * Picks the decoding: from a byte-order mark; UTF-16 or UTF-32 from the zero bytes; UTF-8 when the first
 * 64 KiB are valid; otherwise a guess between the code pages found in older registers.
 */
export const detectEncoding = async (path: string): Promise<EncodingReport> => {
  const handle = await open(path, 'r')
  try {
    const buffer = new Uint8Array(65536)
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
    const head = buffer.subarray(0, bytesRead)
    const [b0, b1, b2, b3] = head
    // The UTF-32LE mark begins with the UTF-16LE one, so it is tested first.
    if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return { encoding: 'utf-32le', detected: false }
    if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return { encoding: 'utf-32be', detected: false }
    if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', detected: false }
    if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', detected: false }
    const wide = wideEncoding(head)
    if (wide) return { encoding: wide, detected: true }
    if (validUtf8(head)) return { encoding: 'utf-8', detected: false }
    const guess = chardet.detect(head)?.toLowerCase() ?? ''
    if (TRUSTED.has(guess)) return { encoding: guess, detected: true }
    return { encoding: cyrillicLooking(head) ? 'windows-1251' : 'windows-1254', detected: true }
  } finally {
    await handle.close()
  }
}

/** Called as a file is read with the bytes read from it so far (for a progress bar against its size). */
export type ReadSink = (bytes: number) => void

/** The bytes of a file as a stream, counted as they are read when `onRead` is given. */
export const fileStream = (path: string, onRead?: ReadSink): Readable => {
  const file = createReadStream(path)
  if (!onRead) return file
  let bytes = 0
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length
      onRead(bytes)
      done(null, chunk)
    },
  })
  // pipeline passes a read error on to the counter, where the reader sees it.
  return pipeline(file, counter, () => {})
}

export const readLines = async function* (
  path: string,
  encoding: string,
  onRead?: ReadSink,
): AsyncGenerator<{ line: number; text: string }> {
  const input = fileStream(path, onRead).pipe(iconv.decodeStream(encoding))
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
  let line = 0
  for await (const text of rl) {
    line++
    yield { line, text }
  }
}

type Tokens = { fields: string[]; open: boolean; issues: FieldIssue[] }

/** RFC 4180 with leniency: spaces before a quote are allowed, text after a closing quote is kept and reported. */
export const tokenise = (text: string, delimiter: string, literalQuotes = false): Tokens => {
  const fields: string[] = []
  const issues: FieldIssue[] = []
  let field = ''
  let state: 'start' | 'quoted' | 'closed' | 'plain' = 'start'
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (state === 'quoted') {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else state = 'closed'
      } else field += ch
      continue
    }
    if (ch === delimiter) {
      fields.push(field)
      field = ''
      state = 'start'
      continue
    }
    if (state === 'start') {
      if (ch === '"' && !literalQuotes) {
        field = ''
        state = 'quoted'
      } else {
        field += ch
        if (ch.trim() !== '') state = 'plain'
      }
    } else if (state === 'closed') {
      if (ch.trim() === '') continue
      issues.push({
        field: fields.length,
        code: 'text-after-quote',
        message: `text after the closing quote was kept: "${ch}"`,
      })
      field += ch
      state = 'plain'
    } else field += ch
  }
  fields.push(field)
  return { fields, open: state === 'quoted', issues }
}

/** Records of a delimited text file, each with the line it starts on; broken quotes never swallow later rows. */
export const readCsvRecords = async function* (
  path: string,
  encoding: string,
  delimiter: string | undefined,
  maxRecordChars: number,
  onRead?: ReadSink,
): AsyncGenerator<RawRecord & { delimiter: string }> {
  const it = readLines(path, encoding, onRead)[Symbol.asyncIterator]()
  const replay: { line: number; text: string }[] = []
  const next = async () => replay.shift() ?? (await it.next()).value ?? null
  let delim = delimiter
  for (;;) {
    const first = await next()
    if (!first) return
    if (delim === undefined) delim = guessDelimiter(first.text)
    const taken = [first]
    let text = first.text
    let tokens = tokenise(text, delim)
    while (tokens.open && taken.length < MAX_RECORD_LINES && text.length < maxRecordChars) {
      const more = await next()
      if (!more) break
      taken.push(more)
      text += `\n${more.text}`
      tokens = tokenise(text, delim)
    }
    if (tokens.open) {
      const at = tokens.fields.length - 1
      tokens = tokenise(first.text, delim, true)
      tokens.issues.push({
        field: at,
        code: 'unclosed-quote',
        message: 'a quote opened here is never closed; the line was read with quotes as ordinary text',
      })
      replay.unshift(...taken.slice(1))
    }
    yield { line: first.line, fields: tokens.fields, issues: tokens.issues, delimiter: delim }
  }
}

export const guessDelimiter = (header: string): string => {
  const candidates = [',', ';', '\t', '|']
  let best = ','
  let bestCount = 0
  for (const c of candidates) {
    const count = header.split(c).length - 1
    if (count > bestCount) {
      best = c
      bestCount = count
    }
  }
  return best
}

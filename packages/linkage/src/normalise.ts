import { cleanText, fold, transliterate } from './text.ts'

export type ColumnKind =
  | 'name'
  | 'surname'
  | 'patronymic'
  | 'date'
  | 'fin'
  | 'idcard'
  | 'id'
  | 'text'
  | 'address'
  | 'code'
  | 'sex'

const PATRONYMIC_SUFFIX = /\s+(oğlu|oglu|ogli|oğlı|oqlı|oqlu|ogly|ogy|qızı|qizi|kızı|kizi|kyzy|gızı|gizi)$/

/** Sex implied by the patronymic's suffix ("oğlu" son of, "qızı" daughter of), when it has one. */
export const patronymicSex = (raw: string): 'm' | 'f' | null => {
  const m = PATRONYMIC_SUFFIX.exec(cleanText(raw))
  if (!m?.[1]) return null
  return /^(o|ог)/.test(m[1]) ? 'm' : 'f'
}

// A value without a single letter or digit ("-", "???") is a placeholder for a missing one.
const meaningful = (s: string): string | null => (/[\p{L}\p{N}]/u.test(s) ? s : null)

export const normaliseName = (raw: string): string | null => meaningful(cleanText(raw))

export const normalisePatronymic = (raw: string): string | null =>
  meaningful(cleanText(raw).replace(PATRONYMIC_SUFFIX, '').trim())

// Feminine and masculine forms of one family name share a stem, so blocking keys put them together.
const SURNAME_ENDING = /(ova|ov|yeva|yev|eva|ev|ına|ina|in|lı|li|lu|lü|zadə|zade|zada)$/

export const surnameStem = (normalised: string): string => {
  const stem = normalised.replace(SURNAME_ENDING, '')
  return stem.length >= 2 ? stem : normalised
}

/** First letter plus consonant skeleton of the folded form: a coarse phonetic key for blocking. */
export const phoneticKey = (normalised: string): string => {
  const f = fold(normalised.replace(/[\s-]/g, ''))
  if (!f) return ''
  const rest = f
    .slice(1)
    .replace(/[aeiouy]/g, '')
    .replace(/(.)\1+/g, '$1')
  return (f[0] ?? '') + rest
}

const pad2 = (n: number): string => String(n).padStart(2, '0')

export const isValidDate = (y: number, m: number, d: number): boolean => {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false
  if (m < 1 || m > 12 || d < 1) return false
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return d <= days
}

// Pattern and the capture groups holding year, month and day.
const DATE_FORMATS: [RegExp, number[]][] = [
  [/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/, [1, 2, 3]],
  [/^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/, [3, 2, 1]],
  [/^(\d{4})(\d{2})(\d{2})$/, [1, 2, 3]],
]

/** ISO date from the formats found in registers (ISO, dd.mm.yyyy, dd/mm/yyyy, yyyymmdd); null when impossible. */
export const normaliseDate = (raw: string): string | null => {
  const s = raw.trim()
  const parts = DATE_FORMATS.map(([re, order]) => {
    const match = re.exec(s)
    return match ? order.map((i) => Number(match[i])) : null
  }).find((p) => p !== null)
  if (!parts) return null
  const [y = 0, m = 0, d = 0] = parts
  if (y < 1800 || !isValidDate(y, m, d)) return null
  return `${y}-${pad2(m)}-${pad2(d)}`
}

// Cyrillic letters that look like Latin ones, typed into identifiers on a Russian layout.
const LOOKALIKE: Record<string, string> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
}

export const normaliseIdentifier = (raw: string): string | null => {
  const s = raw
    .toUpperCase()
    .replace(/[А-Я]/g, (ch) => LOOKALIKE[ch] ?? ch)
    .replace(/[\s\-./]/g, '')
  return s || null
}

/** FIN, the personal identification number: 7 Latin capitals and digits. */
export const isValidFin = (fin: string): boolean => /^[0-9A-Z]{7}$/.test(fin)

/** Identity card: old series "AZE" + 8 digits, current series "AA" + 7 digits. */
export const isValidIdCard = (card: string): boolean => /^(AZE\d{8}|AA\d{7})$/.test(card)

const word = (alternatives: string): RegExp => new RegExp(`(?<!\\p{L})(${alternatives})(?!\\p{L})\\.?`, 'gu')

// Abbreviations clerks use for street types and flat numbers, the words without their possessive
// ending, the same typed without Azerbaijani letters, and the Russian words (after transliteration);
// expanded so that "Nizami küç.", "Nizami kuce" and "ул. Низами" meet "Nizami küçəsi".
const ADDRESS_WORDS: [RegExp, string][] = [
  [word('küç|kuc|küçə|kuce|kucesi|ul|ulitsa'), 'küçəsi'],
  [word('pr|prosp|prospekt'), 'prospekti'],
  [word('döng|dong|döngə|donge|dongesi|per|pereulok'), 'döngəsi'],
  [word('mən|mənz|men|menz|menzil|kv|kvartira'), 'mənzil'],
  [word('qəs|qes|qəsəbə|qesebe|qesebesi|pos|poselok|posyolok'), 'qəsəbəsi'],
]

export const normaliseAddress = (raw: string): string | null => {
  let s = transliterate(raw.normalize('NFC').toLocaleLowerCase('az'))
  // The space keeps "mən.5" apart as "mənzil 5", as "mən. 5" is; cleanText drops the spare ones.
  for (const [re, word] of ADDRESS_WORDS) s = s.replace(re, `${word} `)
  return meaningful(cleanText(s))
}

export const normaliseSex = (raw: string): string | null => {
  const s = cleanText(raw)
  // Cyrillic М and Ж arrive here already transliterated to m and j.
  if (/^(m|k|kişi|kisi|male|erkek)/.test(s)) return 'm'
  if (/^(f|q|qadın|qadin|female|j|w)/.test(s)) return 'f'
  return s || null
}

export const normaliseCode = (raw: string): string | null => meaningful(cleanText(raw))

export const normalise = (kind: ColumnKind, raw: string | null | undefined): string | null => {
  if (raw === null || raw === undefined || raw.trim() === '') return null
  switch (kind) {
    case 'name':
    case 'surname':
      return normaliseName(raw)
    case 'patronymic':
      return normalisePatronymic(raw)
    case 'date':
      return normaliseDate(raw)
    case 'fin':
    case 'idcard':
    case 'id':
      return normaliseIdentifier(raw)
    case 'address':
      return normaliseAddress(raw)
    case 'sex':
      return normaliseSex(raw)
    case 'text':
    case 'code':
      return normaliseCode(raw)
  }
}

/** Extra columns stored beside a normalised value, usable as blocking keys (`<column>__<suffix>`). */
export const derivedColumns = (kind: ColumnKind): string[] => {
  if (kind === 'name' || kind === 'patronymic') return ['fold', 'key']
  if (kind === 'surname') return ['fold', 'key', 'stem']
  if (kind === 'date') return ['year', 'md', 'days', 'swap']
  return []
}

export const deriveValue = (kind: ColumnKind, suffix: string, value: string | null): string | null => {
  if (value === null) return null
  switch (suffix) {
    case 'fold':
      return fold(value)
    case 'key':
      return phoneticKey(kind === 'surname' ? surnameStem(value) : value) || null
    case 'stem':
      return fold(surnameStem(value))
    case 'year':
      return value.slice(0, 4)
    case 'md':
      return value.slice(5)
    case 'swap': {
      // The same date with day and month exchanged, when that is a date too.
      const [y, m, d] = value.split('-')
      return m !== d && Number(d) <= 12 ? `${y}-${d}-${m}` : null
    }
    case 'days':
      return String(Math.round(Date.parse(`${value}T00:00:00Z`) / 86_400_000))
    default:
      throw new Error(`unknown derived column suffix "${suffix}"`)
  }
}

// Azerbaijani text handling: case rules, Cyrillic-to-Latin transliteration for records entered before
// 1991 (or by Russian-speaking clerks), and an ASCII fold for comparing spellings typed without the
// Azerbaijani letters.

// Azerbaijani Cyrillic (1958-1991) first, then the Russian letters that appear in older registers.
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  ҹ: 'c',
  ч: 'ç',
  д: 'd',
  е: 'e',
  ә: 'ə',
  ф: 'f',
  ҝ: 'g',
  ғ: 'ğ',
  һ: 'h',
  х: 'x',
  ы: 'ı',
  и: 'i',
  ж: 'j',
  к: 'k',
  г: 'q',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  ө: 'ö',
  п: 'p',
  р: 'r',
  с: 's',
  ш: 'ş',
  т: 't',
  у: 'u',
  ү: 'ü',
  в: 'v',
  ј: 'y',
  з: 'z',
  й: 'y',
  я: 'ya',
  ю: 'yu',
  ё: 'yo',
  э: 'e',
  ц: 'ts',
  щ: 'şç',
  ъ: '',
  ь: '',
  // Schwa typed with the Russian keyboard's look-alike letters.
  ǝ: 'ə',
}

// Explicit table rather than Unicode decomposition: fold runs on every name of millions of rows.
const FOLD: Record<string, string> = {
  ə: 'e',
  ä: 'e',
  é: 'e',
  è: 'e',
  ê: 'e',
  ë: 'e',
  ı: 'i',
  í: 'i',
  ì: 'i',
  î: 'i',
  ï: 'i',
  á: 'a',
  à: 'a',
  â: 'a',
  ã: 'a',
  ö: 'o',
  ó: 'o',
  ò: 'o',
  ô: 'o',
  õ: 'o',
  ü: 'u',
  ú: 'u',
  ù: 'u',
  û: 'u',
  ş: 's',
  ç: 'c',
  ğ: 'g',
  ñ: 'n',
  q: 'g',
  w: 'v',
}

const CYRILLIC_RE = /[\u0400-\u04FF]/
const LATIN_RE = /[A-Za-z\u00C0-\u024F\u0259\u018F]/

export const hasCyrillic = (s: string): boolean => CYRILLIC_RE.test(s)

/** True when one word mixes Latin and Cyrillic letters: usually look-alike letters typed on the wrong layout. */
export const hasMixedScripts = (s: string): boolean =>
  CYRILLIC_RE.test(s) &&
  LATIN_RE.test(s) &&
  s.split(/\s+/).some((word) => CYRILLIC_RE.test(word) && LATIN_RE.test(word))

const COMBINING = /[\u0300-\u036f]/

// toLocaleLowerCase('az') costs an ICU call per string; the two letters where Azerbaijani differs
// from the default rules are mapped first, then the fast default applies.
export const lowerAz = (s: string): string =>
  (COMBINING.test(s) ? s.normalize('NFC') : s).replace(/I/g, 'ı').replace(/İ/g, 'i').toLowerCase()

export const upperAz = (s: string): string => s.normalize('NFC').toLocaleUpperCase('az')

export const transliterate = (s: string): string => {
  if (!hasCyrillic(s)) return s
  let out = ''
  for (const ch of s) {
    const mapped = CYRILLIC[ch.toLowerCase()]
    out += mapped === undefined ? ch : mapped
  }
  return out
}

/** Lower case, transliterated, letters, digits, spaces and hyphens only, single spaces. */
export const cleanText = (s: string): string =>
  transliterate(lowerAz(s))
    .replace(/[’'`ʼ]/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim()

/** ASCII fold with doubled letters collapsed: "Məmmədov", "Memmedov" and "Mammadov" come close. */
export const fold = (s: string): string => {
  let out = ''
  let prev = ''
  for (const ch of COMBINING.test(s) ? s.normalize('NFC') : s) {
    const mapped = FOLD[ch] ?? ch
    if (mapped !== prev) out += mapped
    prev = mapped
  }
  return out
}

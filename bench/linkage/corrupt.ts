import type { Random } from './random.ts'

// biome-ignore format: a data table reads better in rows
const AZ_CYRILLIC: Record<string, string> = {
  a: 'а', b: 'б', c: 'ҹ', ç: 'ч', d: 'д', e: 'е', ə: 'ә', f: 'ф', g: 'ҝ', ğ: 'ғ', h: 'һ', x: 'х', ı: 'ы',
  i: 'и', j: 'ж', k: 'к', q: 'г', l: 'л', m: 'м', n: 'н', o: 'о', ö: 'ө', p: 'п', r: 'р', s: 'с', ş: 'ш',
  t: 'т', u: 'у', ü: 'ү', v: 'в', y: 'ј', z: 'з',
}

// How Russian-language paperwork renders Azerbaijani names: Həsənov → Гасанов, Məmmədov → Мамедов.
const RU_CYRILLIC: Record<string, string> = {
  ...AZ_CYRILLIC,
  c: 'дж',
  ə: 'а',
  g: 'г',
  ğ: 'г',
  h: 'г',
  ı: 'ы',
  ö: 'ё',
  ü: 'ю',
  y: 'й',
}

export const toCyrillic = (s: string, style: 'az' | 'ru'): string => {
  const map = style === 'az' ? AZ_CYRILLIC : RU_CYRILLIC
  let src = s.toLocaleLowerCase('az')
  if (style === 'ru')
    src = src
      .replace(/iyev/g, 'iev')
      .replace(/([bcdfghjklmnpqrstvxz])\1/g, '$1')
      .replace(/oğlu/g, 'oqlı')
  const out = [...src].map((ch) => map[ch] ?? ch).join('')
  return out.replace(/(^|\s)(\p{L})/gu, (_, sp: string, ch: string) => sp + ch.toLocaleUpperCase('ru'))
}

// biome-ignore format: a data table reads better in rows
const ASCII: Record<string, string> = { ə: 'e', Ə: 'E', ı: 'i', İ: 'I', ş: 's', Ş: 'S', ç: 'c', Ç: 'C', ğ: 'g', ö: 'o', ü: 'u' }
const KEYS = 'qwertyuiopasdfghjklzxcvbnmə'

/** One typing error: a letter dropped, doubled, swapped with the next, mistyped, or the name typed in ASCII. */
export const corruptName = (r: Random, s: string): string => {
  if (s.length < 3) return s
  const kind = r.int(5)
  const i = 1 + r.int(s.length - 2)
  if (kind === 0) return s.slice(0, i) + s.slice(i + 1)
  if (kind === 1) return s.slice(0, i) + s[i] + s.slice(i)
  if (kind === 2) return s.slice(0, i) + (s[i + 1] ?? '') + s[i] + s.slice(i + 2)
  if (kind === 3) return s.slice(0, i) + KEYS[r.int(KEYS.length)] + s.slice(i + 1)
  return [...s].map((ch) => ASCII[ch] ?? ch).join('')
}

/** Day and month swapped, one digit mistyped, or a day or a year off. */
export const corruptDate = (r: Random, iso: string): string => {
  const [y, m, d] = iso.split('-')
  const kind = r.int(4)
  if (kind === 0 && Number(d) <= 12) return `${y}-${d}-${m}`
  if (kind === 1) {
    const t = new Date(`${iso}T00:00:00Z`)
    t.setUTCDate(t.getUTCDate() + (r.next() < 0.5 ? -1 : 1))
    return t.toISOString().slice(0, 10)
  }
  if (kind === 2) return `${Number(y) + (r.next() < 0.5 ? -1 : 1)}-${m}-${d}`
  const digits = [...iso]
  const pos = r.pick([2, 3, 8, 9])
  digits[pos] = String(r.int(10))
  const out = digits.join('')
  return Number.isNaN(Date.parse(`${out}T00:00:00Z`)) ? iso : out
}

export const corruptFin = (r: Random, fin: string): string => {
  if (!fin) return fin
  const i = r.int(fin.length)
  return fin.slice(0, i) + '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ'[r.int(34)] + fin.slice(i + 1)
}

import { readFileSync } from 'node:fs'
import { join } from 'node:path'

type Catalogue = Record<string, unknown>
const load = (lang: string) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, `../../apps/web/src/i18n/${lang}.json`), 'utf8'),
  ) as Catalogue

const catalogues = { az: load('az'), en: load('en'), ru: load('ru') }

/** The UI text for a key, so journeys follow the catalogues rather than copies of them. */
export const text = (
  lang: keyof typeof catalogues,
  key: string,
  vars: Record<string, string | number> = {},
) => {
  let v: unknown = catalogues[lang]
  for (const part of key.split('.')) v = (v as Catalogue)?.[part]
  if (typeof v !== 'string') throw new Error(`No text for ${lang}:${key}`)
  return v.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''))
}

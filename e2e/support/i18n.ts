import { readFileSync } from 'node:fs'
import { join } from 'node:path'

type Catalogue = Record<string, unknown>
const load = (lang: string, dir = 'i18n') =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, `../../apps/web/src/${dir}/${lang}.json`), 'utf8'),
  ) as Catalogue
/** The coordination pages' own namespace (`coord:…`), loaded with their lazy chunk. */
const coord = (lang: string) => load(lang, 'features/coordination/i18n')

const catalogues = {
  az: { ...load('az'), 'coord:': coord('az') },
  en: { ...load('en'), 'coord:': coord('en') },
  ru: { ...load('ru'), 'coord:': coord('ru') },
}

/** The UI text for a key, so journeys follow the catalogues rather than copies of them. */
export const text = (
  lang: keyof typeof catalogues,
  key: string,
  vars: Record<string, string | number> = {},
) => {
  let v: unknown = catalogues[lang]
  const ns = key.startsWith('coord:')
  if (ns) v = (v as Catalogue)['coord:']
  for (const part of (ns ? key.slice(6) : key).split('.')) v = (v as Catalogue)?.[part]
  if (typeof v !== 'string') throw new Error(`No text for ${lang}:${key}`)
  return v.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''))
}

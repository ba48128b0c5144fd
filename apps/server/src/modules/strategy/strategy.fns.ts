import type { Clearance, I18nLongText } from '@qalxan/contracts'
import { CLEARANCES } from '@qalxan/contracts'

/**
 * Folds text for the search box: lower case by Azerbaijani rules (İ → i, I → ı), then the
 * Azerbaijani letters to their plain Latin neighbours, so "Rəqəmsal", "reqemsal" and "RƏQƏMSAL"
 * find each other. Cyrillic is lower-cased and kept (ё → е).
 */
export const foldForSearch = (s: string): string =>
  s
    .toLocaleLowerCase('az')
    .normalize('NFC')
    .replace(/\u0131|i\u0307/g, 'i')
    .replace(/ə/g, 'e')
    .replace(/ğ/g, 'g')
    .replace(/ö/g, 'o')
    .replace(/ş/g, 's')
    .replace(/ç/g, 'c')
    .replace(/ü/g, 'u')
    .replace(/ё/g, 'е')
    .replace(/\s+/g, ' ')
    .trim()

/** The text a measure is found by: its code and its title and description in every language. */
export const measureSearchText = (
  code: string,
  title: Partial<I18nLongText>,
  description: Partial<I18nLongText>,
): string =>
  foldForSearch(
    [code, title.az, title.en, title.ru, description.az, description.en, description.ru]
      .filter(Boolean)
      .join(' '),
  ).slice(0, 20_000)

/** The confidentiality levels a clearance opens, for a `WHERE confidentiality IN (…)`. */
export const visibleLevels = (clearance: Clearance): Clearance[] =>
  CLEARANCES.slice(0, CLEARANCES.indexOf(clearance) + 1) as Clearance[]

/** Field-by-field differences between two flat snapshots, for version comparison. */
export const diffSnapshots = (
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { field: string; before: unknown; after: unknown }[] => {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()
  return fields
    .filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null))
    .map((f) => ({ field: f, before: before[f] ?? null, after: after[f] ?? null }))
}

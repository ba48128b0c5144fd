import type { I18nText } from '@qalxan/contracts'
import { intlLocale } from '../i18n/index.ts'

/** Text in the user's language, falling back to Azerbaijani, which is always present. */
export function localized(text: I18nText | null | undefined, lang: string): string {
  if (!text) return ''
  const v = (text as Record<string, string | undefined>)[lang]
  return v?.trim() ? v : text.az
}

export function formatDateTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return new Intl.DateTimeFormat(intlLocale(lang), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d)
}

export function formatDate(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—'
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso)
  if (Number.isNaN(d.getTime())) return iso
  return new Intl.DateTimeFormat(intlLocale(lang), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(d)
}

export const todayIso = (): string => new Date().toISOString().slice(0, 10)

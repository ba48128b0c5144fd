import i18n from 'i18next'
import resourcesToBackend from 'i18next-resources-to-backend'
import { initReactI18next } from 'react-i18next'
import az from './az.json'

export const LANGUAGES = ['az', 'en', 'ru'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'az'

const STORAGE_KEY = 'qalxan.lang'

export const isLanguage = (v: unknown): v is Language => LANGUAGES.includes(v as Language)

/** Browser locale tag used for dates and numbers. */
export const intlLocale = (lang: string): string =>
  lang === 'en' ? 'en-GB' : lang === 'ru' ? 'ru-RU' : 'az-Latn-AZ'

function storedLanguage(): Language {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY)
    return isLanguage(v) ? v : DEFAULT_LANGUAGE
  } catch {
    return DEFAULT_LANGUAGE
  }
}

export function rememberLanguage(lang: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang)
  } catch {
    // Private mode: the language still follows the profile after sign-in.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = lang
}

/**
 * Azerbaijani, the default and the fallback of every missing word, is in the first screen's
 * JavaScript; English and Russian arrive as their own chunks when chosen (i18next waits for them
 * before it switches), which keeps about 20 kB gzipped out of the 300 kB initial budget. The loader
 * only knows the main catalogues: a feature's namespace (coordination's `coord`) registers all its
 * languages with its pages, so i18next never asks for it.
 */
const loadCatalogue = resourcesToBackend((lng: string, ns: string) => {
  if (ns !== 'translation') return Promise.reject(new Error(`no catalogue for namespace ${ns}`))
  if (lng === 'en') return import('./en.json')
  if (lng === 'ru') return import('./ru.json')
  return Promise.reject(new Error(`no catalogue for language ${lng}`))
})

let ready: Promise<unknown> = Promise.resolve()

export function initI18n(lng: Language = storedLanguage()) {
  if (!i18n.isInitialized) {
    ready = i18n
      .use(loadCatalogue)
      .use(initReactI18next)
      .init({
        resources: { az: { translation: az } },
        partialBundledLanguages: true,
        lng,
        fallbackLng: DEFAULT_LANGUAGE,
        supportedLngs: [...LANGUAGES],
        interpolation: { escapeValue: false },
        returnNull: false,
        initAsync: false,
      })
    if (typeof document !== 'undefined') document.documentElement.lang = lng
  }
  return i18n
}

/**
 * Resolves once the language chosen at start-up is loaded (at once for Azerbaijani), so that the
 * first screen is drawn in it rather than in the fallback.
 */
export const i18nReady = (): Promise<unknown> => ready

export { i18n }

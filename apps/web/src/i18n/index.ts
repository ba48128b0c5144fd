import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import az from './az.json'
import en from './en.json'
import ru from './ru.json'

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

export function initI18n(lng: Language = storedLanguage()) {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: { az: { translation: az }, en: { translation: en }, ru: { translation: ru } },
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

export { i18n }

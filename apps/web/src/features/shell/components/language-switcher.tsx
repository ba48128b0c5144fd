import { NativeSelect } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { isLanguage, LANGUAGES, rememberLanguage } from '../../../i18n/index.ts'
import { setApiLocale } from '../../../lib/api.ts'
import { useUpdateMe } from '../../me/api/me.ts'

/** Each language is named in itself, so it can be found whatever the current language is. */
const NATIVE_NAMES: Record<string, string> = { az: 'Azərbaycanca', en: 'English', ru: 'Русский' }

/** Switches the interface language; signed in, the choice is saved to the profile. */
export function LanguageSwitcher({ persist = true }: { persist?: boolean }) {
  const { t, i18n } = useTranslation()
  const updateMe = useUpdateMe()
  return (
    <NativeSelect
      label={t('shell.language')}
      labelProps={{ className: 'visually-hidden' }}
      className="language-switcher"
      size="xs"
      w={140}
      data={LANGUAGES.map((l) => ({ value: l, label: NATIVE_NAMES[l] ?? l }))}
      value={i18n.language}
      onChange={(e) => {
        const value = e.currentTarget.value
        if (!isLanguage(value)) return
        void i18n.changeLanguage(value)
        rememberLanguage(value)
        setApiLocale(value)
        if (persist) updateMe.mutate({ locale: value })
      }}
    />
  )
}

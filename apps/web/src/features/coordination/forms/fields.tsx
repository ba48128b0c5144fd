import { Textarea, TextInput } from '@mantine/core'
import type { UseFormRegisterReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'

type Lang = 'az' | 'en' | 'ru'
const LANG_LABEL = { az: 'common.inAz', en: 'common.inEn', ru: 'common.inRu' } as const

/** Empty optional translations go to the server as absent, not as empty strings. */
export function cleanI18n<T extends { az: string; en?: string; ru?: string }>(v: T): T {
  return {
    ...v,
    az: v.az,
    en: v.en?.trim() ? v.en : undefined,
    ru: v.ru?.trim() ? v.ru : undefined,
  }
}

/** One text in the three portal languages; Azerbaijani is required. */
export function I18nFields({
  label,
  register,
  error,
  long,
}: {
  label: string
  register: (lang: Lang) => UseFormRegisterReturn
  error?: string
  long?: boolean
}) {
  const { t } = useTranslation()
  return (
    <>
      {(['az', 'en', 'ru'] as const).map((lang) => {
        const props = {
          label: `${label} · ${t(LANG_LABEL[lang])}`,
          required: lang === 'az',
          error: lang === 'az' ? error : undefined,
          ...register(lang),
        }
        return long ? (
          <Textarea key={lang} autosize minRows={2} maxRows={8} {...props} />
        ) : (
          <TextInput key={lang} {...props} />
        )
      })}
    </>
  )
}

import type { TFunction } from 'i18next'
import { isApiError, NetworkError } from './api-client.ts'

export interface ErrorText {
  title: string
  message: string
}

/** What to tell the user about a failed request, in their language. */
export function describeError(t: TFunction, error: unknown): ErrorText {
  if (isApiError(error)) {
    const title = t(`errors.${error.code}`, { defaultValue: t('errors.UNKNOWN') })
    if (error.code === 'INTERNAL' || !error.message || error.message === title)
      return { title, message: error.requestId ? t('errors.reference', { id: error.requestId }) : '' }
    return { title, message: error.message }
  }
  if (error instanceof NetworkError) return { title: t('errors.NETWORK'), message: t('errors.networkHint') }
  return { title: t('errors.UNKNOWN'), message: '' }
}

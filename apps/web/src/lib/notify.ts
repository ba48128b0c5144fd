import { notifications } from '@mantine/notifications'
import type { TFunction } from 'i18next'
import { describeError } from './errors.ts'

export function notifyError(t: TFunction, error: unknown): void {
  const { title, message } = describeError(t, error)
  notifications.show({
    color: 'red',
    title,
    message: message || title,
    autoClose: 8000,
    closeButtonProps: { 'aria-label': t('common.close') },
  })
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', message, autoClose: 4000, withCloseButton: false })
}

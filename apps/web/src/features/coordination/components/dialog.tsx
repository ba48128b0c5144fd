import { Modal, type ModalProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/**
 * Mantine's modal with a named close button (its × has no text of its own). `qx-dialog` darkens
 * the field-error red and the filled green inside it to a 4.5:1 contrast (coordination.css).
 */
export function Dialog(props: ModalProps) {
  const { t } = useTranslation()
  return <Modal className="qx-dialog" closeButtonProps={{ 'aria-label': t('common.close') }} {...props} />
}

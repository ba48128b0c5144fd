import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * Confirms a workflow step. Returning needs a comment saying what to fix; accepting may carry one.
 */
export function ReviewDialog({
  action,
  onClose,
  onConfirm,
  busy,
}: {
  action: 'submit' | 'return' | 'accept' | null
  onClose: () => void
  onConfirm: (comment: string) => void
  busy: boolean
}) {
  const { t } = useTranslation()
  const [comment, setComment] = useState('')
  const [touched, setTouched] = useState(false)
  const needsComment = action === 'return'
  const missing = needsComment && comment.trim() === ''
  const close = () => {
    setComment('')
    setTouched(false)
    onClose()
  }
  return (
    <Modal
      opened={action !== null}
      onClose={close}
      title={action ? t(`reporting.review.${action}Title`) : ''}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          setTouched(true)
          if (missing) return
          onConfirm(comment.trim())
          setComment('')
          setTouched(false)
        }}
        noValidate
      >
        <Stack>
          <Text size="sm">{action ? t(`reporting.review.${action}Text`) : ''}</Text>
          {action !== 'submit' && (
            <Textarea
              label={needsComment ? t('reporting.review.comment') : t('reporting.review.commentOptional')}
              required={needsComment}
              autosize
              minRows={3}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              error={touched && missing ? t('reporting.review.commentNeeded') : undefined}
              data-autofocus
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} color={action === 'accept' ? 'green' : undefined}>
              {action ? t(`reporting.review.${action}`) : ''}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

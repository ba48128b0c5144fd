import { Button, Group, Stack, Text, Textarea } from '@mantine/core'
import { CancelMeetingSchema } from '@qalxan/contracts'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { applyServerErrors, formResolver } from '../../../lib/form-errors.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { useCancelMeeting } from '../api/meetings.ts'

type FormIn = z.input<typeof CancelMeetingSchema>

/** Cancels a meeting with a reason; invitees receive the cancellation. */
export function CancelMeetingForm({ meetingId, onDone }: { meetingId: string; onDone: () => void }) {
  const { t } = useTranslation()
  const cancel = useCancelMeeting(meetingId)
  const [error, setError] = useState<unknown>(null)
  const [extra, setExtra] = useState<string[]>([])
  const form = useForm<FormIn, unknown, z.output<typeof CancelMeetingSchema>>({
    resolver: formResolver(CancelMeetingSchema, t),
    defaultValues: { reason: '' },
  })
  const submit = form.handleSubmit(async (v) => {
    setError(null)
    try {
      await cancel.mutateAsync(v.reason)
      notifySuccess(t('coord:meeting.cancelled'))
      onDone()
    } catch (e) {
      setError(e)
      setExtra(applyServerErrors(e, form.setError, ['reason']))
    }
  })
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('coord:meeting.cancelText')}</Text>
        <ErrorAlert error={error} extra={extra} />
        <Textarea
          label={t('coord:meeting.cancelReason')}
          required
          autosize
          minRows={3}
          data-autofocus
          error={form.formState.errors.reason?.message}
          {...form.register('reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.close')}
          </Button>
          <Button type="submit" color="red" loading={cancel.isPending}>
            {t('coord:meeting.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

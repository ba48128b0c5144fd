import { Button, Checkbox, FileInput, Group, SegmentedControl, Stack, Textarea } from '@mantine/core'
import { AssignmentReportInputSchema, AssignmentReviewSchema } from '@qalxan/contracts'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { applyServerErrors, formResolver } from '../../../lib/form-errors.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { uploadFile } from '../../reporting/api/reporting.ts'
import { useCancelAssignment, useReportExecution, useReviewExecution } from '../api/assignments.ts'

type ReportIn = z.input<typeof AssignmentReportInputSchema>
type ReportOut = z.output<typeof AssignmentReportInputSchema>

/** The assignee's report: what was done, whether it is complete, and an optional file. */
export function ReportExecutionForm({ assignmentId, onDone }: { assignmentId: string; onDone: () => void }) {
  const { t } = useTranslation()
  const report = useReportExecution(assignmentId)
  const [file, setFile] = useState<File | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [extra, setExtra] = useState<string[]>([])
  const form = useForm<ReportIn, unknown, ReportOut>({
    resolver: formResolver(AssignmentReportInputSchema, t),
    defaultValues: { text: '', done: false, fileId: null },
  })
  const submit = form.handleSubmit(async (v) => {
    setError(null)
    setExtra([])
    try {
      const fileId = file ? (await uploadFile(file)).id : null
      await report.mutateAsync({ ...v, fileId })
      notifySuccess(v.done ? t('coord:execution.reportedDone') : t('coord:execution.reportedProgress'))
      form.reset()
      setFile(null)
      onDone()
    } catch (e) {
      setError(e)
      setExtra(applyServerErrors(e, form.setError, ['text', 'done', 'fileId']))
    }
  })
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <ErrorAlert error={error} extra={extra} />
        <Textarea
          label={t('coord:execution.text')}
          required
          autosize
          minRows={3}
          maxRows={12}
          error={form.formState.errors.text?.message}
          {...form.register('text')}
        />
        <Checkbox
          label={t('coord:execution.done')}
          description={t('coord:execution.doneHint')}
          {...form.register('done')}
        />
        <FileInput
          label={t('coord:execution.file')}
          value={file}
          onChange={setFile}
          clearable
          clearButtonProps={{ 'aria-label': t('import.removeFile') }}
          maw={420}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('coord:execution.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

/** The secretary's answer to a report of completion: accept (done) or return with a comment (open). */
export function ReviewExecutionForm({ assignmentId, onDone }: { assignmentId: string; onDone: () => void }) {
  const { t } = useTranslation()
  const review = useReviewExecution(assignmentId)
  const [accept, setAccept] = useState(true)
  const [comment, setComment] = useState('')
  const [touched, setTouched] = useState(false)
  const missing = !accept && !comment.trim()
  const submit = async () => {
    setTouched(true)
    if (missing) return
    const parsed = AssignmentReviewSchema.safeParse({ accept, comment })
    if (!parsed.success) return
    try {
      await review.mutateAsync(parsed.data)
      notifySuccess(accept ? t('coord:execution.accepted') : t('coord:execution.returned'))
      onDone()
    } catch {
      // Shown above the form.
    }
  }
  return (
    <Stack gap="xs">
      <ErrorAlert error={review.error} />
      <SegmentedControl
        value={accept ? 'accept' : 'return'}
        onChange={(v) => setAccept(v === 'accept')}
        data={[
          { value: 'accept', label: t('coord:execution.accept') },
          { value: 'return', label: t('coord:execution.return') },
        ]}
        aria-label={t('coord:execution.reviewLabel')}
        w="fit-content"
      />
      <Textarea
        label={accept ? t('coord:execution.commentOptional') : t('coord:execution.comment')}
        required={!accept}
        autosize
        minRows={2}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
        error={touched && missing ? t('coord:execution.commentNeeded') : undefined}
      />
      <Group justify="flex-end">
        <Button color={accept ? 'green' : 'red'} onClick={submit} loading={review.isPending}>
          {accept ? t('coord:execution.accept') : t('coord:execution.return')}
        </Button>
      </Group>
    </Stack>
  )
}

/** Withdraws an assignment the body no longer needs; the reason is kept with it. */
export function CancelAssignmentForm({ assignmentId, onDone }: { assignmentId: string; onDone: () => void }) {
  const { t } = useTranslation()
  const cancel = useCancelAssignment(assignmentId)
  const [reason, setReason] = useState('')
  const [touched, setTouched] = useState(false)
  const submit = async () => {
    setTouched(true)
    if (!reason.trim()) return
    try {
      await cancel.mutateAsync(reason.trim())
      notifySuccess(t('coord:execution.cancelled'))
      onDone()
    } catch {
      // Shown above the field.
    }
  }
  return (
    <Stack gap="xs">
      <ErrorAlert error={cancel.error} />
      <Textarea
        label={t('coord:execution.cancelReason')}
        required
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={touched && !reason.trim() ? t('validation.required') : undefined}
      />
      <Group justify="flex-end">
        <Button variant="default" color="red" onClick={submit} loading={cancel.isPending}>
          {t('coord:execution.cancel')}
        </Button>
      </Group>
    </Stack>
  )
}

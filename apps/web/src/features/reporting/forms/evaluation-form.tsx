import { Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core'
import { COMPLETIONS, type Evaluation, EvaluationInputSchema } from '@qalxan/contracts'
import { useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { applyServerErrors, formResolver } from '../../../lib/form-errors.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { useEvaluate } from '../api/reporting.ts'

type FormIn = z.input<typeof EvaluationInputSchema>
type FormOut = z.output<typeof EvaluationInputSchema>

/** Levels the server accepts without an explanation; every other one needs a comment. */
export const commentOptional = (c: Evaluation['completion'] | undefined) =>
  c === 'not_due' || c === 'no_evidence'

/** The evaluator's assessed completion of the measure in the period, with its reasons. */
export function EvaluationForm({
  measureId,
  periodId,
  current,
}: {
  measureId: string
  periodId: string
  current?: Evaluation
}) {
  const { t } = useTranslation()
  const evaluate = useEvaluate(measureId, periodId)
  const [error, setError] = useState<unknown>(null)
  const [extra, setExtra] = useState<string[]>([])
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: formResolver(EvaluationInputSchema, t),
    defaultValues: { completion: current?.completion, comment: current?.comment ?? '' },
  })
  const completion = form.watch('completion')
  const submit = form.handleSubmit(async (v) => {
    setError(null)
    setExtra([])
    if (!commentOptional(v.completion) && !v.comment.trim()) {
      form.setError('comment', { type: 'required', message: t('reporting.evaluation.commentNeeded') })
      return
    }
    try {
      await evaluate.mutateAsync(v)
      notifySuccess(t('reporting.evaluation.saved'))
      form.reset(v)
    } catch (e) {
      setError(e)
      setExtra(applyServerErrors(e, form.setError, ['completion', 'comment']))
    }
  })
  return (
    <form onSubmit={submit} noValidate aria-label={t('reporting.evaluation.form')}>
      <Stack gap="sm">
        <ErrorAlert error={error} extra={extra} />
        <Controller
          control={form.control}
          name="completion"
          render={({ field }) => (
            <Radio.Group
              label={t('reporting.evaluation.completion')}
              required
              value={field.value ?? ''}
              onChange={(v) => field.onChange(v)}
              error={form.formState.errors.completion?.message}
            >
              <Stack gap={6} mt={4}>
                {COMPLETIONS.map((c) => (
                  <Radio
                    key={c}
                    value={c}
                    label={t(`reporting.completion.${c}`)}
                    description={t(`reporting.completionHint.${c}`)}
                  />
                ))}
              </Stack>
            </Radio.Group>
          )}
        />
        <Textarea
          label={t('reporting.evaluation.comment')}
          required={!commentOptional(completion)}
          autosize
          minRows={3}
          error={form.formState.errors.comment?.message}
          {...form.register('comment')}
        />
        <Group>
          <Button type="submit" loading={evaluate.isPending}>
            {t('reporting.evaluation.save')}
          </Button>
          {current && (
            <Text size="xs" c="dimmed">
              {t('reporting.evaluation.replaces')}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  )
}

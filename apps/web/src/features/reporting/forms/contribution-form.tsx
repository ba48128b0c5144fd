import { Button, Group, Stack, Textarea } from '@mantine/core'
import { type Contribution, ContributionInputSchema } from '@qalxan/contracts'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { applyServerErrors, formResolver } from '../../../lib/form-errors.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { useSaveContribution } from '../api/reporting.ts'

type FormIn = z.input<typeof ContributionInputSchema>
type FormOut = z.output<typeof ContributionInputSchema>

/** A co-executor's contribution to the lead executor's report: saved as a draft or submitted. */
export function ContributionForm({
  measureId,
  periodId,
  orgId,
  contribution,
}: {
  measureId: string
  periodId: string
  orgId: string
  contribution?: Contribution
}) {
  const { t } = useTranslation()
  const save = useSaveContribution(measureId, periodId)
  const [error, setError] = useState<unknown>(null)
  const [extra, setExtra] = useState<string[]>([])
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: formResolver(ContributionInputSchema, t),
    defaultValues: { text: contribution?.text ?? '', submit: false },
  })
  const send = (submit: boolean) =>
    form.handleSubmit(async (v) => {
      setError(null)
      setExtra([])
      try {
        await save.mutateAsync({ text: v.text, submit, orgId })
        notifySuccess(submit ? t('reporting.contribution.submitted') : t('common.saved'))
        form.reset({ text: v.text, submit: false })
      } catch (e) {
        setError(e)
        setExtra(applyServerErrors(e, form.setError, ['text']))
      }
    })
  return (
    <form onSubmit={send(false)} noValidate>
      <Stack gap="xs">
        <ErrorAlert error={error} extra={extra} />
        <Textarea
          label={t('reporting.contribution.text')}
          description={t('reporting.contribution.hint')}
          autosize
          minRows={4}
          maxRows={14}
          required
          error={form.formState.errors.text?.message}
          {...form.register('text')}
        />
        <Group>
          <Button type="submit" variant="default" loading={save.isPending}>
            {t('reporting.contribution.saveDraft')}
          </Button>
          <Button color="green" onClick={() => void send(true)()} loading={save.isPending}>
            {t('reporting.contribution.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

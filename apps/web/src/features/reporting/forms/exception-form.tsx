import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core'
import { LateExceptionInputSchema } from '@qalxan/contracts'
import { useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { applyServerErrors, formResolver } from '../../../lib/form-errors.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { OrgSelect } from '../../organizations/components/org-select.tsx'
import { useGrantException } from '../api/reporting.ts'

type FormIn = z.input<typeof LateExceptionInputSchema>
type FormOut = z.output<typeof LateExceptionInputSchema>

/** Lets one organisation report after the period closed, until a date, for a stated reason. */
export function ExceptionForm({ periodId }: { periodId: string }) {
  const { t } = useTranslation()
  const grant = useGrantException(periodId)
  const [error, setError] = useState<unknown>(null)
  const [extra, setExtra] = useState<string[]>([])
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: formResolver(LateExceptionInputSchema, t),
    defaultValues: { orgId: '', reason: '', until: '' },
  })
  const errors = form.formState.errors
  const submit = form.handleSubmit(async (v) => {
    setError(null)
    setExtra([])
    try {
      await grant.mutateAsync(v)
      notifySuccess(t('reporting.exceptions.granted'))
      form.reset()
    } catch (e) {
      setError(e)
      setExtra(applyServerErrors(e, form.setError, ['orgId', 'reason', 'until']))
    }
  })
  return (
    <form onSubmit={submit} noValidate aria-label={t('reporting.exceptions.grant')}>
      <Stack gap="xs">
        <ErrorAlert error={error} extra={extra} />
        <Controller
          control={form.control}
          name="orgId"
          render={({ field }) => (
            <OrgSelect
              label={t('reporting.exceptions.org')}
              required
              value={field.value || null}
              onChange={(v) => field.onChange(v ?? '')}
              error={errors.orgId?.message}
            />
          )}
        />
        <Textarea
          label={t('reporting.exceptions.reason')}
          required
          autosize
          minRows={2}
          error={errors.reason?.message}
          {...form.register('reason')}
        />
        <TextInput
          label={t('reporting.exceptions.until')}
          type="date"
          required
          error={errors.until?.message}
          {...form.register('until')}
          w={200}
        />
        <Group>
          <Button type="submit" loading={grant.isPending}>
            {t('reporting.exceptions.grant')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

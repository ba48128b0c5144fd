import { Button, Group, NumberInput, Select, Stack, TagsInput } from '@mantine/core'
import { CLEARANCES, type Measure, MeasureInputSchema } from '@qalxan/contracts'
import { useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { applyServerErrors, formResolver } from '../../../lib/form-errors.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { useUpdateMeasure } from '../api/plan.ts'

/** What the secretariat changes without a change request: weight, confidentiality, framework tags. */
const AttributesSchema = MeasureInputSchema.pick({ weight: true, confidentiality: true, frameworkTags: true })
type FormIn = z.input<typeof AttributesSchema>
type FormOut = z.output<typeof AttributesSchema>

export function MeasureAttributesForm({ measure, onDone }: { measure: Measure; onDone: () => void }) {
  const { t } = useTranslation()
  const update = useUpdateMeasure(measure.id)
  const [error, setError] = useState<unknown>(null)
  const [extra, setExtra] = useState<string[]>([])
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: formResolver(AttributesSchema, t),
    defaultValues: {
      weight: measure.weight,
      confidentiality: measure.confidentiality,
      frameworkTags: measure.frameworkTags,
    },
  })
  const errors = form.formState.errors
  const submit = form.handleSubmit(async (v) => {
    setError(null)
    setExtra([])
    try {
      await update.mutateAsync(v)
      notifySuccess(t('common.saved'))
      onDone()
    } catch (e) {
      setError(e)
      setExtra(applyServerErrors(e, form.setError, ['weight', 'confidentiality', 'frameworkTags']))
    }
  })
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={error} extra={extra} />
        <Controller
          control={form.control}
          name="weight"
          render={({ field }) => (
            <NumberInput
              label={t('plan.weight')}
              description={t('plan.weightHint')}
              min={0.1}
              max={100}
              step={0.5}
              value={field.value ?? ''}
              onChange={(v) => field.onChange(v === '' ? undefined : Number(v))}
              error={errors.weight?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="confidentiality"
          render={({ field }) => (
            <Select
              label={t('plan.confidentiality')}
              allowDeselect={false}
              data={CLEARANCES.map((c) => ({ value: c, label: t(`clearance.${c}`) }))}
              value={field.value ?? null}
              onChange={(v) => field.onChange(v)}
            />
          )}
        />
        <Controller
          control={form.control}
          name="frameworkTags"
          render={({ field }) => (
            <TagsInput
              label={t('plan.tags')}
              description={t('plan.tagsHint')}
              value={field.value ?? []}
              onChange={field.onChange}
              error={errors.frameworkTags?.message ?? errors.frameworkTags?.find?.((x) => x)?.message}
            />
          )}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

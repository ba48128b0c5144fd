import { Button, Group, Select, Stack, TextInput } from '@mantine/core'
import { MILESTONE_STAGES, type Milestone, MilestoneInputSchema } from '@qalxan/contracts'
import { useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { applyServerErrors, formErrorMap, formResolver } from '../../../lib/form-errors.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { useAddMilestone, useUpdateMilestone } from '../api/plan.ts'

type FormIn = z.input<typeof MilestoneInputSchema>
type FormOut = z.output<typeof MilestoneInputSchema>
const FIELDS = ['title', 'plannedDate', 'actualDate', 'stage', 'actType', 'actNumber', 'actDate'] as const
const orNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v)

/** Adds a milestone, or changes one (dates, the legal act's stage and its type, number and date). */
export function MilestoneForm({
  measureId,
  milestone,
  normativeAct,
  onDone,
}: {
  measureId: string
  milestone?: Milestone
  normativeAct: boolean
  onDone: () => void
}) {
  const { t } = useTranslation()
  const add = useAddMilestone(measureId)
  const update = useUpdateMilestone()
  const [error, setError] = useState<unknown>(null)
  const [extra, setExtra] = useState<string[]>([])
  const form = useForm<FormIn, unknown, FormOut>({
    // The schema's one rule of its own: an adopted act needs its type, number and date.
    resolver: formResolver(MilestoneInputSchema, t, (issue) =>
      issue.code === 'custom' ? t('plan.milestone.actNeeded') : formErrorMap(t)(issue),
    ),
    defaultValues: {
      title: { az: milestone?.title.az ?? '', en: milestone?.title.en ?? '', ru: milestone?.title.ru ?? '' },
      plannedDate: milestone?.plannedDate ?? null,
      actualDate: milestone?.actualDate ?? null,
      stage: milestone?.stage ?? (normativeAct ? 'draft' : null),
      actType: milestone?.actType ?? null,
      actNumber: milestone?.actNumber ?? null,
      actDate: milestone?.actDate ?? null,
    },
  })
  const errors = form.formState.errors
  const stage = form.watch('stage')
  const submit = form.handleSubmit(async (v) => {
    setError(null)
    setExtra([])
    try {
      const body = {
        ...v,
        title: { az: v.title.az, en: v.title.en || undefined, ru: v.title.ru || undefined },
      }
      if (milestone) await update.mutateAsync({ id: milestone.id, ...body })
      else await add.mutateAsync(body)
      notifySuccess(t('common.saved'))
      onDone()
    } catch (e) {
      setError(e)
      setExtra(applyServerErrors(e, form.setError, FIELDS))
    }
  })
  const date = (name: 'plannedDate' | 'actualDate' | 'actDate', label: string) => (
    <TextInput
      type="date"
      label={label}
      error={errors[name]?.message}
      {...form.register(name, { setValueAs: orNull })}
    />
  )
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={error} extra={extra} />
        <TextInput
          label={`${t('plan.milestone.name')} · ${t('common.inAz')}`}
          required
          error={errors.title?.az?.message}
          {...form.register('title.az')}
        />
        <TextInput
          label={`${t('plan.milestone.name')} · ${t('common.inEn')}`}
          {...form.register('title.en')}
        />
        <TextInput
          label={`${t('plan.milestone.name')} · ${t('common.inRu')}`}
          {...form.register('title.ru')}
        />
        <Group grow className="form-row">
          {date('plannedDate', t('plan.milestone.planned'))}
          {date('actualDate', t('plan.milestone.actual'))}
        </Group>
        <Controller
          control={form.control}
          name="stage"
          render={({ field }) => (
            <Select
              label={t('plan.milestone.stage')}
              clearable
              placeholder={t('plan.milestone.noStage')}
              data={MILESTONE_STAGES.map((s) => ({ value: s, label: t(`plan.stage.${s}`) }))}
              value={field.value ?? null}
              onChange={(v) => field.onChange(v)}
              error={errors.stage?.message}
            />
          )}
        />
        {stage && (
          <Group grow className="form-row">
            <TextInput
              label={t('plan.actType')}
              required={stage === 'adopted'}
              error={errors.actType?.message}
              {...form.register('actType', { setValueAs: orNull })}
            />
            <TextInput
              label={t('plan.actNumber')}
              required={stage === 'adopted'}
              error={errors.actNumber?.message}
              {...form.register('actNumber', { setValueAs: orNull })}
            />
            {date('actDate', t('plan.actDate'))}
          </Group>
        )}
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

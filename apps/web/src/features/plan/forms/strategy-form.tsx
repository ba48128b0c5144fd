import { Button, Group, NumberInput, Stack, TextInput } from '@mantine/core'
import { StrategyInputSchema } from '@qalxan/contracts'
import { useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { applyServerErrors, formResolver } from '../../../lib/form-errors.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { useCreateStrategy } from '../api/plan-import.ts'

type FormIn = z.input<typeof StrategyInputSchema>
type FormOut = z.output<typeof StrategyInputSchema>
const FIELDS = ['code', 'title', 'actType', 'actNumber', 'actDate', 'periodStart', 'periodEnd'] as const

/** The strategy itself (its approving act and period), before its Action Plan is imported. */
export function StrategyForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useTranslation()
  const create = useCreateStrategy()
  const [error, setError] = useState<unknown>(null)
  const [extra, setExtra] = useState<string[]>([])
  const year = new Date().getFullYear()
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: formResolver(StrategyInputSchema, t),
    defaultValues: {
      code: '',
      title: { az: '', en: '', ru: '' },
      actType: '',
      actNumber: '',
      actDate: '',
      periodStart: year,
      periodEnd: year + 4,
    },
  })
  const errors = form.formState.errors
  const submit = form.handleSubmit(async (v) => {
    setError(null)
    setExtra([])
    try {
      const s = await create.mutateAsync({
        ...v,
        title: { az: v.title.az, en: v.title.en || undefined, ru: v.title.ru || undefined },
      })
      notifySuccess(t('common.saved'))
      onCreated(s.id)
    } catch (e) {
      setError(e)
      setExtra(applyServerErrors(e, form.setError, FIELDS))
    }
  })
  const year$ = (name: 'periodStart' | 'periodEnd', label: string) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <NumberInput
          label={label}
          required
          allowDecimal={false}
          min={2000}
          max={2100}
          value={field.value}
          onChange={(v) => field.onChange(Number(v))}
          error={errors[name]?.message}
        />
      )}
    />
  )
  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={640}>
        <ErrorAlert error={error} extra={extra} />
        <TextInput label={t('plan.code')} required error={errors.code?.message} {...form.register('code')} />
        <TextInput
          label={`${t('plan.strategy')} · ${t('common.inAz')}`}
          required
          error={errors.title?.az?.message}
          {...form.register('title.az')}
        />
        <TextInput label={`${t('plan.strategy')} · ${t('common.inEn')}`} {...form.register('title.en')} />
        <TextInput label={`${t('plan.strategy')} · ${t('common.inRu')}`} {...form.register('title.ru')} />
        <Group grow className="form-row">
          <TextInput
            label={t('plan.actType')}
            required
            error={errors.actType?.message}
            {...form.register('actType')}
          />
          <TextInput
            label={t('plan.actNumber')}
            required
            error={errors.actNumber?.message}
            {...form.register('actNumber')}
          />
          <TextInput
            label={t('plan.actDate')}
            type="date"
            required
            error={errors.actDate?.message}
            {...form.register('actDate')}
          />
        </Group>
        <Group grow className="form-row">
          {year$('periodStart', t('plan.periodStart'))}
          {year$('periodEnd', t('plan.periodEnd'))}
        </Group>
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('plan.createStrategy')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

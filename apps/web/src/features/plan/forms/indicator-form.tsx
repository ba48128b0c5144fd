import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core'
import { INDICATOR_DIRECTIONS, IndicatorInputSchema } from '@qalxan/contracts'
import { useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { applyServerErrors, formResolver } from '../../../lib/form-errors.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { useAddIndicator } from '../api/plan.ts'

type FormIn = z.input<typeof IndicatorInputSchema>
type FormOut = z.output<typeof IndicatorInputSchema>
const FIELDS = ['code', 'name', 'unit', 'baseline', 'baselineYear', 'direction', 'targets'] as const
const num = (v: string | number) => (v === '' ? null : Number(v))

/** A target indicator of the measure: unit, baseline, direction and a target for each year. */
export function IndicatorForm({
  strategyId,
  measureId,
  onDone,
}: {
  strategyId: string
  measureId: string | null
  onDone: () => void
}) {
  const { t } = useTranslation()
  const add = useAddIndicator(strategyId)
  const [error, setError] = useState<unknown>(null)
  const [extra, setExtra] = useState<string[]>([])
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: formResolver(IndicatorInputSchema, t),
    defaultValues: {
      code: '',
      name: { az: '', en: '', ru: '' },
      unit: '%',
      baseline: null,
      baselineYear: null,
      direction: 'up',
      targets: [],
    },
  })
  // The target years as a plain array value (useFieldArray would pull more of the form library
  // into the first screen's bundle, which every page shares).
  const targets = form.watch('targets') ?? []
  const setTargets = (next: typeof targets) => form.setValue('targets', next, { shouldDirty: true })
  const errors = form.formState.errors
  const submit = form.handleSubmit(async (v) => {
    setError(null)
    setExtra([])
    try {
      await add.mutateAsync({
        ...v,
        name: { az: v.name.az, en: v.name.en || undefined, ru: v.name.ru || undefined },
        measureId,
      })
      notifySuccess(t('common.saved'))
      onDone()
    } catch (e) {
      setError(e)
      setExtra(applyServerErrors(e, form.setError, FIELDS))
    }
  })
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={error} extra={extra} />
        <Group grow className="form-row">
          <TextInput
            label={t('plan.code')}
            required
            error={errors.code?.message}
            {...form.register('code')}
          />
          <TextInput
            label={t('plan.indicator.unit')}
            required
            error={errors.unit?.message}
            {...form.register('unit')}
          />
        </Group>
        <TextInput
          label={`${t('plan.indicator.name')} · ${t('common.inAz')}`}
          required
          error={errors.name?.az?.message}
          {...form.register('name.az')}
        />
        <TextInput
          label={`${t('plan.indicator.name')} · ${t('common.inEn')}`}
          {...form.register('name.en')}
        />
        <TextInput
          label={`${t('plan.indicator.name')} · ${t('common.inRu')}`}
          {...form.register('name.ru')}
        />
        <Group grow className="form-row">
          <Controller
            control={form.control}
            name="baseline"
            render={({ field }) => (
              <NumberInput
                label={t('plan.indicator.baseline')}
                value={field.value ?? ''}
                onChange={(v) => field.onChange(num(v))}
                error={errors.baseline?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="baselineYear"
            render={({ field }) => (
              <NumberInput
                label={t('plan.indicator.baselineYear')}
                min={2000}
                max={2100}
                allowDecimal={false}
                value={field.value ?? ''}
                onChange={(v) => field.onChange(num(v))}
                error={errors.baselineYear?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="direction"
            render={({ field }) => (
              <Select
                label={t('plan.indicator.direction')}
                allowDeselect={false}
                data={INDICATOR_DIRECTIONS.map((d) => ({ value: d, label: t(`plan.indicator.${d}`) }))}
                value={field.value ?? 'up'}
                onChange={(v) => field.onChange(v)}
              />
            )}
          />
        </Group>
        <Text size="sm" fw={500}>
          {t('plan.indicator.targets')}
        </Text>
        {targets.map((_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; removal re-renders the rest
          <Group key={i} align="flex-end" wrap="nowrap">
            <Controller
              control={form.control}
              name={`targets.${i}.year`}
              render={({ field }) => (
                <NumberInput
                  label={t('plan.indicator.year')}
                  allowDecimal={false}
                  value={field.value}
                  onChange={(v) => field.onChange(Number(v))}
                  error={errors.targets?.[i]?.year?.message}
                  w={120}
                />
              )}
            />
            <Controller
              control={form.control}
              name={`targets.${i}.value`}
              render={({ field }) => (
                <NumberInput
                  label={t('plan.indicator.target')}
                  value={field.value}
                  onChange={(v) => field.onChange(Number(v))}
                  error={errors.targets?.[i]?.value?.message}
                  w={140}
                />
              )}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mb={4}
              aria-label={t('plan.indicator.removeTarget')}
              onClick={() => setTargets(targets.filter((_, j) => j !== i))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            size="xs"
            variant="default"
            onClick={() => {
              const last = targets.at(-1)?.year
              setTargets([...targets, { year: last ? last + 1 : new Date().getFullYear(), value: 0 }])
            }}
          >
            {t('plan.indicator.addTarget')}
          </Button>
        </Group>
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

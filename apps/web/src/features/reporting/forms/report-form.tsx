import { Button, Group, NumberInput, Select, Slider, Stack, Text, Textarea } from '@mantine/core'
import {
  type Indicator,
  REPORTED_STATUSES,
  type Report,
  type ReportedStatus,
  STATUS_DEFAULT_PROGRESS,
} from '@qalxan/contracts'
import { useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { applyServerErrors, formResolver } from '../../../lib/form-errors.ts'
import { localized } from '../../../lib/format.ts'
import {
  type ReportFormIn as FormIn,
  ReportFormSchema,
  type ReportFormValues,
  reportFormDefaults,
} from '../draft.ts'

const FIELDS = ['reportedStatus', 'progress', 'workDone', 'problems', 'nextSteps', 'indicatorValues'] as const

/**
 * The lead executor's report: status and percentage, work done, problems, next steps and the
 * indicator values. `onSave` resolves to whether the save went through.
 */
export function ReportForm({
  report,
  indicators,
  onSave,
  onSaveAndSubmit,
  canSubmit,
  busy,
}: {
  report: Report
  indicators: Indicator[]
  onSave: (v: ReportFormValues) => Promise<unknown>
  onSaveAndSubmit?: (v: ReportFormValues, dirty: boolean) => Promise<unknown>
  canSubmit: boolean
  busy: boolean
}) {
  const { t, i18n } = useTranslation()
  const [extra, setExtra] = useState<string[]>([])
  const form = useForm<FormIn, unknown, ReportFormValues>({
    resolver: formResolver(ReportFormSchema, t),
    defaultValues: reportFormDefaults(report, indicators),
  })
  const errors = form.formState.errors
  const run = (fn: (v: ReportFormValues) => Promise<unknown>) =>
    form.handleSubmit(async (v) => {
      setExtra([])
      try {
        await fn(v)
      } catch (e) {
        setExtra(applyServerErrors(e, form.setError, FIELDS))
      }
    })
  const save = run(onSave)
  const saveAndSubmit = onSaveAndSubmit ? run((v) => onSaveAndSubmit(v, form.formState.isDirty)) : undefined

  return (
    <form onSubmit={save} noValidate aria-label={t('reporting.report.form')}>
      <Stack>
        {extra.length > 0 && (
          <ul className="form-error plain-list" role="alert">
            {extra.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
        <Group align="flex-start" grow className="form-row">
          <Controller
            control={form.control}
            name="reportedStatus"
            render={({ field }) => (
              <Select
                label={t('reporting.field.reportedStatus')}
                placeholder={t('reporting.report.chooseStatus')}
                allowDeselect={false}
                data={REPORTED_STATUSES.map((s) => ({ value: s, label: t(`reporting.status.${s}`) }))}
                value={field.value ?? null}
                onChange={(v) => {
                  field.onChange(v)
                  // Each status suggests a percentage; the writer may still change it.
                  const suggested = v ? STATUS_DEFAULT_PROGRESS[v as ReportedStatus] : null
                  if (suggested !== null) form.setValue('progress', suggested, { shouldDirty: true })
                }}
                error={errors.reportedStatus?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="progress"
            render={({ field }) => (
              <div>
                <NumberInput
                  label={t('reporting.field.progress')}
                  min={0}
                  max={100}
                  allowDecimal={false}
                  suffix="%"
                  value={field.value ?? ''}
                  onChange={(v) => field.onChange(v === '' ? null : Number(v))}
                  error={errors.progress?.message}
                />
                <Slider
                  mt="xs"
                  min={0}
                  max={100}
                  step={5}
                  value={field.value ?? 0}
                  onChange={(v) => field.onChange(v)}
                  label={(v) => `${v}%`}
                  thumbLabel={t('reporting.field.progress')}
                />
              </div>
            )}
          />
        </Group>
        <Textarea
          label={t('reporting.field.workDone')}
          autosize
          minRows={4}
          maxRows={16}
          error={errors.workDone?.message}
          {...form.register('workDone')}
        />
        <Textarea
          label={t('reporting.field.problems')}
          autosize
          minRows={2}
          maxRows={10}
          error={errors.problems?.message}
          {...form.register('problems')}
        />
        <Textarea
          label={t('reporting.field.nextSteps')}
          autosize
          minRows={2}
          maxRows={10}
          error={errors.nextSteps?.message}
          {...form.register('nextSteps')}
        />
        {indicators.length > 0 && (
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('reporting.field.indicatorValues')}
            </Text>
            {indicators.map((ind, idx) => (
              <Controller
                key={ind.id}
                control={form.control}
                name={`indicatorValues.${idx}.value`}
                render={({ field }) => (
                  <NumberInput
                    label={`${ind.code} ${localized(ind.name, i18n.language)}`}
                    description={
                      ind.targets.length
                        ? `${t('plan.indicator.targets')}: ${ind.targets.map((x) => `${x.year}: ${x.value}`).join(' · ')}`
                        : undefined
                    }
                    suffix={ind.unit ? ` ${ind.unit}` : undefined}
                    value={field.value ?? ''}
                    onChange={(v) => field.onChange(v === '' ? null : Number(v))}
                    error={errors.indicatorValues?.[idx]?.value?.message}
                    maw={360}
                  />
                )}
              />
            ))}
          </Stack>
        )}
        <Group>
          <Button type="submit" loading={busy && form.formState.isSubmitting}>
            {t('reporting.report.save')}
          </Button>
          {canSubmit && saveAndSubmit && (
            <Button
              color="green"
              onClick={() => void saveAndSubmit()}
              loading={busy && form.formState.isSubmitting}
            >
              {t('reporting.report.submit')}
            </Button>
          )}
          {form.formState.isDirty && (
            <Text size="xs" c="dimmed">
              {t('reporting.report.unsaved')}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  )
}

import { Button, Checkbox, Group, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core'
import { CalendarSchema, calendarPeriods, PERIOD_KINDS, StrategyInputSchema } from '@qalxan/contracts'
import { useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { applyServerErrors, formResolver } from '../../../lib/form-errors.ts'
import { formatDate } from '../../../lib/format.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { useGenerateCalendar } from '../api/reporting.ts'

/** The contract's calendar and the year it is laid out for. */
const GenerateSchema = CalendarSchema.extend({ year: StrategyInputSchema.shape.periodStart })
type FormIn = z.input<typeof GenerateSchema>
type FormOut = z.output<typeof GenerateSchema>

/** Creates a year's reporting periods from the calendar, shown before anything is written. */
export function CalendarForm({ strategyId, defaultYear }: { strategyId: string; defaultYear: number }) {
  const { t, i18n } = useTranslation()
  const generate = useGenerateCalendar(strategyId)
  const [error, setError] = useState<unknown>(null)
  const [extra, setExtra] = useState<string[]>([])
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: formResolver(GenerateSchema, t),
    defaultValues: { ...CalendarSchema.parse({}), year: defaultYear },
  })
  const errors = form.formState.errors
  const values = form.watch()
  const parsed = GenerateSchema.safeParse(values)
  const preview = parsed.success ? calendarPeriods(parsed.data.year, parsed.data) : []
  const submit = form.handleSubmit(async ({ year, ...calendar }) => {
    setError(null)
    setExtra([])
    try {
      const created = await generate.mutateAsync({ year, calendar })
      notifySuccess(t('reporting.calendar.done', { n: created.length, year }))
    } catch (e) {
      setError(e)
      setExtra(applyServerErrors(e, form.setError, ['year', 'calendar']))
    }
  })
  const days = (name: 'quarterlyDueDays' | 'semiannualDueDays', label: string) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <NumberInput
          label={label}
          min={0}
          max={120}
          allowDecimal={false}
          value={field.value ?? ''}
          onChange={(v) => field.onChange(v === '' ? undefined : Number(v))}
          error={errors[name]?.message}
          w={200}
        />
      )}
    />
  )
  return (
    <form onSubmit={submit} noValidate aria-label={t('reporting.calendar.title')}>
      <Stack>
        <ErrorAlert error={error} extra={extra} />
        <Group align="flex-end" wrap="wrap">
          <Controller
            control={form.control}
            name="year"
            render={({ field }) => (
              <NumberInput
                label={t('reporting.calendar.year')}
                required
                min={2000}
                max={2100}
                allowDecimal={false}
                value={field.value}
                onChange={(v) => field.onChange(Number(v))}
                error={errors.year?.message}
                w={120}
              />
            )}
          />
          <Controller
            control={form.control}
            name="kinds"
            render={({ field }) => (
              <Checkbox.Group
                label={t('reporting.calendar.kinds')}
                value={field.value ?? []}
                onChange={field.onChange}
                error={errors.kinds?.message}
              >
                <Group gap="md" mt={6}>
                  {PERIOD_KINDS.map((k) => (
                    <Checkbox key={k} value={k} label={t(`reporting.kind.${k}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
            )}
          />
        </Group>
        <Group align="flex-end" wrap="wrap">
          {days('quarterlyDueDays', t('reporting.calendar.quarterlyDays'))}
          {days('semiannualDueDays', t('reporting.calendar.semiannualDays'))}
          <TextInput
            label={t('reporting.calendar.annualDue')}
            description={t('reporting.calendar.annualDueHint')}
            placeholder="01-20"
            error={errors.annualDue ? t('reporting.calendar.annualDueHint') : undefined}
            {...form.register('annualDue')}
            w={200}
          />
        </Group>
        {preview.length > 0 && (
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('reporting.calendar.preview')}
            </Text>
            <Table className="qx-preview" withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('reporting.label')}</Table.Th>
                  <Table.Th scope="col">{t('reporting.kindLabel')}</Table.Th>
                  <Table.Th scope="col">{t('reporting.window')}</Table.Th>
                  <Table.Th scope="col">{t('reporting.due')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.map((p) => (
                  <Table.Tr key={p.label}>
                    <Table.Td>{p.label}</Table.Td>
                    <Table.Td>{t(`reporting.kind.${p.kind}`)}</Table.Td>
                    <Table.Td>
                      {formatDate(p.startsOn, i18n.language)} – {formatDate(p.endsOn, i18n.language)}
                    </Table.Td>
                    <Table.Td>{formatDate(p.dueOn, i18n.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
        <Group>
          <Button type="submit" loading={generate.isPending}>
            {t('reporting.calendar.generate')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

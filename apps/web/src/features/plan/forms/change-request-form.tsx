import { Button, Group, MultiSelect, Select, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { CHANGE_KINDS, ChangeRequestInputSchema, type Measure, OUTPUT_TYPES } from '@qalxan/contracts'
import { useState } from 'react'
import { Controller, type Resolver, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { applyServerErrors, formResolver } from '../../../lib/form-errors.ts'
import { localized } from '../../../lib/format.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { useOrganizationTree } from '../../organizations/api/organizations.ts'
import { useProposeChange } from '../api/plan.ts'
import { currentProposal, trimProposal } from '../changes.ts'

type FormIn = z.input<typeof ChangeRequestInputSchema>
type FormOut = z.output<typeof ChangeRequestInputSchema>

/** Proposes a deadline, executor, scope change or the cancellation of a measure, with its reasons. */
export function ChangeRequestForm({ measure, onDone }: { measure: Measure; onDone: () => void }) {
  const { t, i18n } = useTranslation()
  const propose = useProposeChange()
  const orgs = useOrganizationTree()
  const [error, setError] = useState<unknown>(null)
  const [extra, setExtra] = useState<string[]>([])
  const current = currentProposal(measure)
  const inner = formResolver(ChangeRequestInputSchema, t)
  // The form holds every field; what is validated and sent is the trimmed proposal.
  const resolver: Resolver<FormIn, unknown, FormOut> = (values, ctx, opts) =>
    inner({ ...values, proposed: trimProposal(values.kind, values.proposed ?? {}, current) }, ctx, opts)
  const form = useForm<FormIn, unknown, FormOut>({
    resolver,
    defaultValues: { measureId: measure.id, kind: 'deadline', proposed: current, justification: '' },
  })
  const errors = form.formState.errors
  const kind = form.watch('kind')
  const orgData = (orgs.data ?? [])
    .filter((o) => !o.archivedAt)
    .map((o) => ({ value: o.code, label: `${localized(o.name, i18n.language)} (${o.code})` }))
    .sort((a, b) => a.label.localeCompare(b.label))

  const submit = form.handleSubmit(async (v) => {
    setError(null)
    setExtra([])
    if (v.kind !== 'cancel' && Object.keys(v.proposed).length === 0) {
      setExtra([t('plan.changes.nothingChanged')])
      return
    }
    try {
      await propose.mutateAsync(v)
      notifySuccess(t('plan.changes.proposed'))
      onDone()
    } catch (e) {
      setError(e)
      setExtra(applyServerErrors(e, form.setError, ['kind', 'proposed', 'justification']))
    }
  })

  const executors = (name: 'leadExecutors' | 'coExecutors' | 'recommended', label: string) => (
    <Controller
      control={form.control}
      name={`proposed.${name}`}
      render={({ field }) => (
        <MultiSelect
          label={label}
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          data={orgData}
          value={field.value ?? []}
          onChange={field.onChange}
          error={errors.proposed?.[name]?.message}
        />
      )}
    />
  )
  const texts = (name: 'title' | 'description' | 'expectedResult', label: string) => (
    <>
      <Textarea
        label={`${label} · ${t('common.inAz')}`}
        autosize
        minRows={2}
        error={errors.proposed?.[name]?.az?.message}
        {...form.register(`proposed.${name}.az`)}
      />
      <Textarea
        label={`${label} · ${t('common.inEn')}`}
        autosize
        minRows={1}
        {...form.register(`proposed.${name}.en`)}
      />
      <Textarea
        label={`${label} · ${t('common.inRu')}`}
        autosize
        minRows={1}
        {...form.register(`proposed.${name}.ru`)}
      />
    </>
  )

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" fw={600}>
          {measure.code} {localized(measure.title, i18n.language)}
        </Text>
        <ErrorAlert error={error} />
        {extra.length > 0 && (
          <ul className="form-error plain-list" role="alert">
            {extra.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
        <Controller
          control={form.control}
          name="kind"
          render={({ field }) => (
            <Select
              label={t('plan.changes.kindLabel')}
              allowDeselect={false}
              data={CHANGE_KINDS.map((k) => ({ value: k, label: t(`plan.changes.kind.${k}`) }))}
              value={field.value}
              onChange={(v) => field.onChange(v)}
            />
          )}
        />
        {kind === 'deadline' && (
          <TextInput
            label={t('plan.changes.field.deadline')}
            description={t('plan.deadline.hint')}
            error={errors.proposed?.deadline ? t('plan.deadline.invalid') : undefined}
            {...form.register('proposed.deadline')}
          />
        )}
        {kind === 'executor' && (
          <>
            {executors('leadExecutors', t('plan.role.lead'))}
            {executors('coExecutors', t('plan.role.co'))}
            {executors('recommended', t('plan.role.recommended'))}
          </>
        )}
        {kind === 'scope' && (
          <>
            {texts('title', t('plan.changes.field.title'))}
            {texts('description', t('plan.changes.field.description'))}
            {texts('expectedResult', t('plan.changes.field.expectedResult'))}
            <Controller
              control={form.control}
              name="proposed.outputType"
              render={({ field }) => (
                <Select
                  label={t('plan.outputType')}
                  allowDeselect={false}
                  data={OUTPUT_TYPES.map((o) => ({ value: o, label: t(`plan.output.${o}`) }))}
                  value={field.value ?? null}
                  onChange={(v) => field.onChange(v)}
                />
              )}
            />
          </>
        )}
        <Textarea
          label={t('plan.changes.justification')}
          description={t('plan.changes.justificationHint')}
          required
          autosize
          minRows={3}
          error={errors.justification?.message}
          {...form.register('justification')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={propose.isPending}>
            {t('plan.changes.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

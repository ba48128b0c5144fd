import { Button, Fieldset, Group, Select, Stack, TextInput } from '@mantine/core'
import {
  JURISDICTIONS,
  ORG_TYPES,
  type Organization,
  type OrganizationInput,
  OrganizationInputSchema,
} from '@qalxan/contracts'
import { useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { applyServerErrors, formResolver } from '../../../lib/form-errors.ts'
import { localized } from '../../../lib/format.ts'
import { useOrganizationTree } from '../api/organizations.ts'

type FormIn = z.input<typeof OrganizationInputSchema>
const FIELDS = ['code', 'name', 'shortName', 'type', 'jurisdiction', 'parentId'] as const

export function toFormValues(org?: Organization): FormIn {
  return {
    code: org?.code ?? '',
    name: { az: org?.name.az ?? '', en: org?.name.en ?? '', ru: org?.name.ru ?? '' },
    shortName: org?.shortName ?? '',
    type: org?.type ?? 'ministry',
    jurisdiction: org?.jurisdiction ?? 'national',
    parentId: org?.parentId ?? null,
  }
}

/** Empty optional texts go to the server as absent, not as empty strings. */
export function cleanOrganizationInput(v: OrganizationInput): OrganizationInput {
  return {
    ...v,
    name: { az: v.name.az, ...(v.name.en ? { en: v.name.en } : {}), ...(v.name.ru ? { ru: v.name.ru } : {}) },
    shortName: v.shortName ? v.shortName : null,
    parentId: v.parentId ? v.parentId : null,
  }
}

export function OrganizationForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: Organization
  submitLabel: string
  onSubmit: (input: OrganizationInput) => Promise<unknown>
  onCancel?: () => void
}) {
  const { t, i18n } = useTranslation()
  const tree = useOrganizationTree()
  const [error, setError] = useState<unknown>(null)
  const [extra, setExtra] = useState<string[]>([])
  const form = useForm<FormIn, unknown, OrganizationInput>({
    resolver: formResolver(OrganizationInputSchema, t),
    defaultValues: toFormValues(initial),
  })
  const errors = form.formState.errors

  const submit = form.handleSubmit(async (values) => {
    setError(null)
    setExtra([])
    try {
      await onSubmit(cleanOrganizationInput(values))
    } catch (e) {
      setError(e)
      setExtra(applyServerErrors(e, form.setError, FIELDS))
    }
  })

  const parents = (tree.data ?? [])
    .filter((o) => o.id !== initial?.id && !o.archivedAt)
    .map((o) => ({ value: o.id, label: localized(o.name, i18n.language) }))

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={720}>
        <ErrorAlert error={error} extra={extra} />
        <Group grow align="flex-start" className="form-row">
          <TextInput
            label={t('organizations.code')}
            description={t('organizations.codeHint')}
            required
            error={errors.code?.message}
            {...form.register('code')}
          />
          <TextInput
            label={t('organizations.shortName')}
            error={errors.shortName?.message}
            {...form.register('shortName')}
          />
        </Group>
        <Fieldset legend={t('organizations.name')}>
          <Stack gap="xs">
            <TextInput
              label={t('common.inAz')}
              required
              error={errors.name?.az?.message}
              {...form.register('name.az')}
            />
            <TextInput
              label={t('common.inEn')}
              error={errors.name?.en?.message}
              {...form.register('name.en')}
            />
            <TextInput
              label={t('common.inRu')}
              error={errors.name?.ru?.message}
              {...form.register('name.ru')}
            />
          </Stack>
        </Fieldset>
        <Group grow align="flex-start" className="form-row">
          <Controller
            control={form.control}
            name="type"
            render={({ field }) => (
              <Select
                label={t('organizations.type')}
                required
                allowDeselect={false}
                data={ORG_TYPES.map((v) => ({ value: v, label: t(`orgType.${v}`) }))}
                value={field.value}
                onChange={(v) => field.onChange(v)}
                onBlur={field.onBlur}
                error={errors.type?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="jurisdiction"
            render={({ field }) => (
              <Select
                label={t('organizations.jurisdiction')}
                required
                allowDeselect={false}
                data={JURISDICTIONS.map((v) => ({ value: v, label: t(`jurisdiction.${v}`) }))}
                value={field.value ?? 'national'}
                onChange={(v) => field.onChange(v)}
                onBlur={field.onBlur}
                error={errors.jurisdiction?.message}
              />
            )}
          />
        </Group>
        <Controller
          control={form.control}
          name="parentId"
          render={({ field }) => (
            <Select
              label={t('organizations.parent')}
              placeholder={t('organizations.noParent')}
              searchable
              clearable
              nothingFoundMessage={t('common.nothingFound')}
              data={parents}
              value={field.value ?? null}
              onChange={(v) => field.onChange(v)}
              onBlur={field.onBlur}
              error={errors.parentId?.message}
            />
          )}
        />
        <Group>
          <Button type="submit" loading={form.formState.isSubmitting}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  )
}

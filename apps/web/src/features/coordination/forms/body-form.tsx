import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core'
import { BODY_KINDS, type Body, type BodyInput, BodyInputSchema } from '@qalxan/contracts'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { applyServerErrors, formResolver } from '../../../lib/form-errors.ts'
import { localized } from '../../../lib/format.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { planTreeQuery } from '../../plan/api/plan.ts'
import { useActiveStrategy } from '../../plan/use-strategy.ts'
import { useCreateBody } from '../api/bodies.ts'
import { cleanI18n, I18nFields } from './fields.tsx'

type FormIn = z.input<typeof BodyInputSchema>
const FIELDS = [
  'kind',
  'code',
  'name',
  'mandate',
  'parentId',
  'directionId',
  'establishedBy',
  'establishedOn',
] as const
const orNull = (v: string | null | undefined) => (v ? v : null)

/** A new body: the Commission, a working group or a sub-group, optionally for one direction. */
export function BodyForm({
  bodies,
  onDone,
  onCancel,
}: {
  bodies: readonly Body[]
  onDone: (body: Body) => void
  onCancel: () => void
}) {
  const { t, i18n } = useTranslation()
  const create = useCreateBody()
  const active = useActiveStrategy()
  const tree = useQuery({ ...planTreeQuery(active.strategy?.id ?? ''), enabled: !!active.strategy })
  const [error, setError] = useState<unknown>(null)
  const [extra, setExtra] = useState<string[]>([])
  const form = useForm<FormIn, unknown, BodyInput>({
    resolver: formResolver(BodyInputSchema, t),
    defaultValues: {
      kind: 'working_group',
      code: '',
      name: { az: '', en: '', ru: '' },
      mandate: '',
      parentId: null,
      directionId: null,
      establishedBy: '',
      establishedOn: null,
    },
  })
  const errors = form.formState.errors
  const submit = form.handleSubmit(async (v) => {
    setError(null)
    setExtra([])
    try {
      const body = await create.mutateAsync({ ...v, name: cleanI18n(v.name) })
      notifySuccess(t('coord:body.created', { code: v.code }))
      onDone(body)
    } catch (e) {
      setError(e)
      setExtra(applyServerErrors(e, form.setError, FIELDS))
    }
  })
  const lang = i18n.language
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={error} extra={extra} />
        <Group grow className="form-row" align="flex-start">
          <Controller
            control={form.control}
            name="kind"
            render={({ field }) => (
              <Select
                label={t('coord:body.kindLabel')}
                required
                allowDeselect={false}
                data={BODY_KINDS.map((k) => ({ value: k, label: t(`coord:kind.${k}`) }))}
                value={field.value ?? null}
                onChange={(v) => field.onChange(v)}
                error={errors.kind?.message}
              />
            )}
          />
          <TextInput
            label={t('coord:body.code')}
            required
            error={errors.code?.message}
            {...form.register('code')}
          />
        </Group>
        <I18nFields
          label={t('coord:body.name')}
          register={(l) => form.register(`name.${l}`)}
          error={errors.name?.az?.message}
        />
        <Textarea
          label={t('coord:body.mandate')}
          autosize
          minRows={2}
          maxRows={8}
          error={errors.mandate?.message}
          {...form.register('mandate')}
        />
        <Group grow className="form-row" align="flex-start">
          <Controller
            control={form.control}
            name="parentId"
            render={({ field }) => (
              <Select
                label={t('coord:body.parent')}
                clearable
                data={bodies.map((b) => ({ value: b.id, label: `${b.code} · ${localized(b.name, lang)}` }))}
                value={field.value ?? null}
                onChange={(v) => field.onChange(orNull(v))}
                error={errors.parentId?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="directionId"
            render={({ field }) => (
              <Select
                label={t('coord:body.direction')}
                clearable
                searchable
                nothingFoundMessage={t('common.nothingFound')}
                data={(tree.data?.directions ?? []).map((d) => ({
                  value: d.id,
                  label: `${d.code} · ${localized(d.title, lang)}`,
                }))}
                value={field.value ?? null}
                onChange={(v) => field.onChange(orNull(v))}
                error={errors.directionId?.message}
              />
            )}
          />
        </Group>
        <Group grow className="form-row" align="flex-start">
          <TextInput
            label={t('coord:body.establishedBy')}
            description={t('coord:body.establishedByHint')}
            error={errors.establishedBy?.message}
            {...form.register('establishedBy')}
          />
          <Controller
            control={form.control}
            name="establishedOn"
            render={({ field }) => (
              <TextInput
                type="date"
                label={t('coord:body.establishedOn')}
                value={field.value ?? ''}
                onChange={(e) => field.onChange(orNull(e.currentTarget.value))}
                error={errors.establishedOn?.message}
              />
            )}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

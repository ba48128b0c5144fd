import { Button, Group, Select, Stack, Table, TextInput, Title } from '@mantine/core'
import { UnitInputSchema } from '@qalxan/contracts'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { EmptyRow, QueryState } from '../../../components/page.tsx'
import { applyServerErrors, formResolver } from '../../../lib/form-errors.ts'
import { localized } from '../../../lib/format.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { unitsQuery, useCreateUnit } from '../api/organizations.ts'

type FormIn = z.input<typeof UnitInputSchema>
type FormOut = z.output<typeof UnitInputSchema>

export function UnitsPanel({ orgId, canManage }: { orgId: string; canManage: boolean }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const units = useQuery(unitsQuery(orgId))
  const create = useCreateUnit(orgId)
  const [error, setError] = useState<unknown>(null)
  const [extra, setExtra] = useState<string[]>([])
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: formResolver(UnitInputSchema, t),
    defaultValues: { name: { az: '', en: '', ru: '' }, code: '', parentId: null },
  })
  const errors = form.formState.errors
  const byId = new Map((units.data ?? []).map((u) => [u.id, u]))

  const submit = form.handleSubmit(async (v) => {
    setError(null)
    setExtra([])
    try {
      await create.mutateAsync({
        name: {
          az: v.name.az,
          ...(v.name.en ? { en: v.name.en } : {}),
          ...(v.name.ru ? { ru: v.name.ru } : {}),
        },
        code: v.code ? v.code : null,
        parentId: v.parentId ? v.parentId : null,
      })
      notifySuccess(t('units.created'))
      form.reset()
    } catch (e) {
      setError(e)
      setExtra(applyServerErrors(e, form.setError, ['name', 'code', 'parentId']))
    }
  })

  return (
    <Stack>
      <QueryState isPending={units.isPending} error={units.error} />
      {units.data && (
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('units.code')}</Table.Th>
                <Table.Th scope="col">{t('units.name')}</Table.Th>
                <Table.Th scope="col">{t('units.parent')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {units.data.length === 0 && <EmptyRow colSpan={3} text={t('units.none')} />}
              {units.data.map((u) => {
                const parent = u.parentId ? byId.get(u.parentId) : undefined
                return (
                  <Table.Tr key={u.id}>
                    <Table.Td>{u.code ?? '—'}</Table.Td>
                    <Table.Td>{localized(u.name, lang)}</Table.Td>
                    <Table.Td>{parent ? localized(parent.name, lang) : '—'}</Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canManage && (
        <form onSubmit={submit} noValidate>
          <Stack maw={720} gap="xs">
            <Title order={3} size="h5">
              {t('units.add')}
            </Title>
            <ErrorAlert error={error} extra={extra} />
            <Group grow align="flex-start" className="form-row">
              <TextInput
                label={t('units.nameAz')}
                required
                error={errors.name?.az?.message}
                {...form.register('name.az')}
              />
              <TextInput label={t('units.code')} error={errors.code?.message} {...form.register('code')} />
            </Group>
            <Group grow align="flex-start" className="form-row">
              <TextInput
                label={t('units.nameEn')}
                error={errors.name?.en?.message}
                {...form.register('name.en')}
              />
              <TextInput
                label={t('units.nameRu')}
                error={errors.name?.ru?.message}
                {...form.register('name.ru')}
              />
            </Group>
            <Controller
              control={form.control}
              name="parentId"
              render={({ field }) => (
                <Select
                  label={t('units.parent')}
                  placeholder={t('units.noParent')}
                  clearable
                  data={(units.data ?? []).map((u) => ({ value: u.id, label: localized(u.name, lang) }))}
                  value={field.value ?? null}
                  onChange={(v) => field.onChange(v)}
                  error={errors.parentId?.message}
                />
              )}
            />
            <Group>
              <Button type="submit" loading={form.formState.isSubmitting}>
                {t('units.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  )
}

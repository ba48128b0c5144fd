import { Button, Group, Select, Stack, TextInput } from '@mantine/core'
import { CLEARANCES, CreateUserSchema, canAssignClearance, LOCALES } from '@qalxan/contracts'
import { useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { applyServerErrors, formResolver } from '../../../lib/form-errors.ts'
import { useCurrentMe } from '../../me/api/me.ts'
import { OrgSelect, UnitSelect } from '../../organizations/components/org-select.tsx'
import type { CreateUserInput } from '../api/users.ts'

type FormIn = z.input<typeof CreateUserSchema>
type FormOut = z.output<typeof CreateUserSchema>
const FIELDS = ['name', 'email', 'orgId', 'unitId', 'position', 'clearance', 'locale'] as const

export function UserCreateForm({
  orgId,
  onSubmit,
  onCancel,
}: {
  orgId?: string
  onSubmit: (input: CreateUserInput) => Promise<unknown>
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const [error, setError] = useState<unknown>(null)
  const [extra, setExtra] = useState<string[]>([])
  // Only administrators give more than `public` (never above their own); the server decides.
  const me = useCurrentMe()
  const mayGive = (c: (typeof CLEARANCES)[number]) =>
    canAssignClearance(me.grants, me.user.clearance, c, 'create')
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: formResolver(CreateUserSchema, t),
    defaultValues: {
      name: '',
      email: '',
      orgId: orgId ?? '',
      unitId: null,
      position: '',
      clearance: mayGive('internal') ? 'internal' : 'public',
      locale: 'az',
    },
  })
  const errors = form.formState.errors
  const selectedOrg = form.watch('orgId')
  const submit = form.handleSubmit(async (v) => {
    setError(null)
    setExtra([])
    try {
      await onSubmit({ ...v, unitId: v.unitId || null, position: v.position || null })
    } catch (e) {
      setError(e)
      setExtra(applyServerErrors(e, form.setError, FIELDS))
    }
  })
  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={640}>
        <ErrorAlert error={error} extra={extra} />
        <TextInput
          label={t('users.name')}
          required
          autoComplete="off"
          error={errors.name?.message}
          {...form.register('name')}
        />
        <TextInput
          label={t('users.email')}
          type="email"
          required
          autoComplete="off"
          error={errors.email?.message}
          {...form.register('email')}
        />
        <Controller
          control={form.control}
          name="orgId"
          render={({ field }) => (
            <OrgSelect
              label={t('users.organization')}
              required
              value={field.value || null}
              onChange={(v) => {
                field.onChange(v ?? '')
                form.setValue('unitId', null)
              }}
              error={errors.orgId?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="unitId"
          render={({ field }) => (
            <UnitSelect
              label={t('memberships.unit')}
              orgId={selectedOrg || null}
              value={field.value ?? null}
              onChange={(v) => field.onChange(v)}
              error={errors.unitId?.message}
            />
          )}
        />
        <TextInput
          label={t('users.position')}
          error={errors.position?.message}
          {...form.register('position')}
        />
        <Group grow align="flex-start" className="form-row">
          <Controller
            control={form.control}
            name="clearance"
            render={({ field }) => (
              <Select
                label={t('users.clearance')}
                allowDeselect={false}
                data={CLEARANCES.map((c) => ({
                  value: c,
                  label: t(`clearance.${c}`),
                  disabled: !mayGive(c),
                }))}
                value={field.value ?? 'public'}
                onChange={(v) => field.onChange(v)}
                error={errors.clearance?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="locale"
            render={({ field }) => (
              <Select
                label={t('users.locale')}
                allowDeselect={false}
                data={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
                value={field.value ?? 'az'}
                onChange={(v) => field.onChange(v)}
                error={errors.locale?.message}
              />
            )}
          />
        </Group>
        <Group>
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('users.createAndInvite')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

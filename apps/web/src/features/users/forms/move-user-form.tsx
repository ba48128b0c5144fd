import { Button, Group, Stack, TextInput, Title } from '@mantine/core'
import { MoveUserSchema, type UserSummary } from '@qalxan/contracts'
import { useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { applyServerErrors, formResolver } from '../../../lib/form-errors.ts'
import { todayIso } from '../../../lib/format.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { OrgSelect, UnitSelect } from '../../organizations/components/org-select.tsx'
import { useMoveUser } from '../api/users.ts'

type FormIn = z.input<typeof MoveUserSchema>
type FormOut = z.output<typeof MoveUserSchema>

export function MoveUserForm({ user }: { user: UserSummary }) {
  const { t } = useTranslation()
  const move = useMoveUser(user.id)
  const [error, setError] = useState<unknown>(null)
  const [extra, setExtra] = useState<string[]>([])
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: formResolver(MoveUserSchema, t),
    defaultValues: { orgId: '', unitId: null, position: user.position ?? '', validFrom: todayIso() },
  })
  const errors = form.formState.errors
  const orgId = form.watch('orgId')
  const submit = form.handleSubmit(async (v) => {
    setError(null)
    setExtra([])
    try {
      await move.mutateAsync({ ...v, unitId: v.unitId || null, position: v.position || null })
      notifySuccess(t('memberships.moved'))
    } catch (e) {
      setError(e)
      setExtra(applyServerErrors(e, form.setError, ['orgId', 'unitId', 'position', 'validFrom']))
    }
  })
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('memberships.move')}
        </Title>
        <ErrorAlert error={error} extra={extra} />
        <Controller
          control={form.control}
          name="orgId"
          render={({ field }) => (
            <OrgSelect
              label={t('memberships.newOrganization')}
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
              orgId={orgId || null}
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
        <TextInput
          label={t('memberships.validFrom')}
          type="date"
          required
          error={errors.validFrom?.message}
          {...form.register('validFrom')}
        />
        <Group>
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('memberships.moveAction')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

import { Button, Group, Select, Stack, Switch, TextInput } from '@mantine/core'
import {
  CLEARANCES,
  canAssignClearance,
  LOCALES,
  UpdateUserSchema,
  type UserSummary,
} from '@qalxan/contracts'
import { useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { applyServerErrors, formResolver } from '../../../lib/form-errors.ts'
import { notifyError, notifySuccess } from '../../../lib/notify.ts'
import { useCurrentMe } from '../../me/api/me.ts'
import { useResendInvitation, useUpdateUser } from '../api/users.ts'

type FormIn = z.input<typeof UpdateUserSchema>
type FormOut = z.output<typeof UpdateUserSchema>

export function UserEditForm({ user, canManage }: { user: UserSummary; canManage: boolean }) {
  const { t } = useTranslation()
  const update = useUpdateUser(user.id)
  const invite = useResendInvitation(user.id)
  const [error, setError] = useState<unknown>(null)
  const [extra, setExtra] = useState<string[]>([])
  // Only administrators change clearances, never above their own; the server decides.
  const me = useCurrentMe()
  const mayGive = (c: (typeof CLEARANCES)[number]) =>
    c === user.clearance || canAssignClearance(me.grants, me.user.clearance, c, 'update')
  const canChangeClearance = canManage && CLEARANCES.some((c) => c !== user.clearance && mayGive(c))
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: formResolver(UpdateUserSchema, t),
    defaultValues: {
      name: user.name,
      clearance: user.clearance,
      disabled: user.disabled,
      locale: user.locale,
    },
  })
  const errors = form.formState.errors
  const submit = form.handleSubmit(async (v) => {
    setError(null)
    setExtra([])
    try {
      await update.mutateAsync(v)
      notifySuccess(t('common.saved'))
    } catch (e) {
      setError(e)
      setExtra(applyServerErrors(e, form.setError, ['name', 'clearance', 'disabled', 'locale']))
    }
  })
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={error} extra={extra} />
        <TextInput
          label={t('users.name')}
          required
          disabled={!canManage}
          error={errors.name?.message}
          {...form.register('name')}
        />
        <TextInput label={t('users.email')} value={user.email} readOnly disabled />
        <Controller
          control={form.control}
          name="clearance"
          render={({ field }) => (
            <Select
              label={t('users.clearance')}
              description={t('users.clearanceHint')}
              disabled={!canChangeClearance}
              allowDeselect={false}
              data={CLEARANCES.map((c) => ({ value: c, label: t(`clearance.${c}`), disabled: !mayGive(c) }))}
              value={field.value ?? null}
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
              disabled={!canManage}
              allowDeselect={false}
              data={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
              value={field.value ?? null}
              onChange={(v) => field.onChange(v)}
            />
          )}
        />
        <Controller
          control={form.control}
          name="disabled"
          render={({ field }) => (
            <Switch
              label={t('users.disableAccount')}
              description={t('users.disableHint')}
              disabled={!canManage}
              checked={!!field.value}
              onChange={(e) => field.onChange(e.currentTarget.checked)}
            />
          )}
        />
        {canManage && (
          <Group>
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('common.save')}
            </Button>
            <Button
              variant="default"
              loading={invite.isPending}
              onClick={() =>
                invite.mutate(undefined, {
                  onSuccess: () => notifySuccess(t('users.invitationSent', { email: user.email })),
                  onError: (e) => notifyError(t, e),
                })
              }
            >
              {t('users.resendInvitation')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  )
}

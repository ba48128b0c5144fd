import { Button, Checkbox, Group, PasswordInput, Stack, Title } from '@mantine/core'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { isApiError } from '../../../lib/api-client.ts'
import { formResolver } from '../../../lib/form-errors.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { authApi } from '../../auth/api/auth.ts'
import { passwordErrorMap } from '../../auth/forms/password-schema.ts'

const Schema = z
  .object({
    currentPassword: z.string().min(1).max(256),
    newPassword: z.string().min(12).max(128),
    confirm: z.string().min(1).max(128),
    revokeOtherSessions: z.boolean(),
  })
  .refine((v) => v.newPassword === v.confirm, { path: ['confirm'] })

export function ChangePasswordForm() {
  const { t } = useTranslation()
  const [error, setError] = useState<unknown>(null)
  const form = useForm<z.infer<typeof Schema>>({
    resolver: formResolver(Schema, t, passwordErrorMap(t)),
    defaultValues: { currentPassword: '', newPassword: '', confirm: '', revokeOtherSessions: true },
  })
  const errors = form.formState.errors
  const submit = form.handleSubmit(async (v) => {
    setError(null)
    try {
      await authApi.changePassword(v.currentPassword, v.newPassword, v.revokeOtherSessions)
      form.reset()
      notifySuccess(t('account.passwordChanged'))
    } catch (e) {
      if (isApiError(e) && (e.status === 400 || e.status === 401))
        form.setError('currentPassword', { message: t('account.wrongCurrentPassword') })
      else setError(e)
    }
  })
  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={420}>
        <Title order={3} size="h4">
          {t('account.changePassword')}
        </Title>
        <ErrorAlert error={error} />
        <PasswordInput
          label={t('account.currentPassword')}
          autoComplete="current-password"
          required
          error={errors.currentPassword?.message}
          {...form.register('currentPassword')}
        />
        <PasswordInput
          label={t('auth.newPassword')}
          description={t('auth.passwordRule')}
          autoComplete="new-password"
          required
          error={errors.newPassword?.message}
          {...form.register('newPassword')}
        />
        <PasswordInput
          label={t('auth.confirmPassword')}
          autoComplete="new-password"
          required
          error={errors.confirm?.message}
          {...form.register('confirm')}
        />
        <Checkbox label={t('account.revokeOtherSessions')} {...form.register('revokeOtherSessions')} />
        <Group>
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('account.changePassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

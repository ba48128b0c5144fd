import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { PublicLayout } from '../../../components/public-layout.tsx'
import { isApiError } from '../../../lib/api-client.ts'
import { formResolver } from '../../../lib/form-errors.ts'
import { authApi } from '../api/auth.ts'
import { NewPasswordSchema, passwordErrorMap } from '../forms/password-schema.ts'

type Values = z.infer<typeof NewPasswordSchema>

export function ResetPasswordPage({ token }: { token?: string }) {
  const { t } = useTranslation()
  const [done, setDone] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const form = useForm<Values>({
    resolver: formResolver(NewPasswordSchema, t, passwordErrorMap(t)),
    defaultValues: { newPassword: '', confirm: '' },
  })
  const onSubmit = form.handleSubmit(async ({ newPassword }) => {
    setError(null)
    try {
      await authApi.resetPassword(token ?? '', newPassword)
      setDone(true)
    } catch (e) {
      setError(e)
    }
  })
  const badToken = isApiError(error) && (error.status === 400 || error.status === 401)
  return (
    <PublicLayout title={t('auth.resetTitle')}>
      {!token ? (
        <Stack>
          <Alert color="red" role="alert">
            {t('auth.resetLinkInvalid')}
          </Alert>
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('auth.requestNewLink')}
          </Anchor>
        </Stack>
      ) : done ? (
        <Stack>
          <Alert color="green" role="status">
            {t('auth.resetDone')}
          </Alert>
          <Anchor component={Link} to="/sign-in" size="sm">
            {t('auth.backToSignIn')}
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            {badToken ? (
              <Alert color="red" role="alert">
                {t('auth.resetLinkInvalid')}
              </Alert>
            ) : (
              <ErrorAlert error={error} />
            )}
            <PasswordInput
              label={t('auth.newPassword')}
              description={t('auth.passwordRule')}
              autoComplete="new-password"
              required
              error={form.formState.errors.newPassword?.message}
              {...form.register('newPassword')}
            />
            <PasswordInput
              label={t('auth.confirmPassword')}
              autoComplete="new-password"
              required
              error={form.formState.errors.confirm?.message}
              {...form.register('confirm')}
            />
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('auth.setPassword')}
            </Button>
          </Stack>
        </form>
      )}
    </PublicLayout>
  )
}

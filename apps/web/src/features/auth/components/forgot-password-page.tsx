import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { PublicLayout } from '../../../components/public-layout.tsx'
import { formResolver } from '../../../lib/form-errors.ts'
import { authApi } from '../api/auth.ts'

const Schema = z.object({ email: z.string().trim().min(1).max(254).pipe(z.email()) })

export function ForgotPasswordPage() {
  const { t } = useTranslation()
  const [sent, setSent] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const form = useForm<z.infer<typeof Schema>>({
    resolver: formResolver(Schema, t),
    defaultValues: { email: '' },
  })
  const onSubmit = form.handleSubmit(async ({ email }) => {
    setError(null)
    try {
      await authApi.requestPasswordReset(email)
      setSent(true)
    } catch (e) {
      setError(e)
    }
  })
  return (
    <PublicLayout title={t('auth.forgotTitle')}>
      {sent ? (
        <Stack>
          <Alert color="green" role="status">
            {t('auth.resetSent')}
          </Alert>
          <Anchor component={Link} to="/sign-in" size="sm">
            {t('auth.backToSignIn')}
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <ErrorAlert error={error} />
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="email"
              required
              error={form.formState.errors.email?.message}
              {...form.register('email')}
            />
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('auth.sendResetLink')}
            </Button>
            <Anchor component={Link} to="/sign-in" size="sm">
              {t('auth.backToSignIn')}
            </Anchor>
          </Stack>
        </form>
      )}
    </PublicLayout>
  )
}

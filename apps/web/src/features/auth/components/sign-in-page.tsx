import { Anchor, Button, Checkbox, Divider, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate } from '@tanstack/react-router'
import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { PublicLayout } from '../../../components/public-layout.tsx'
import { isApiError } from '../../../lib/api-client.ts'
import { formResolver } from '../../../lib/form-errors.ts'
import { safeRedirect } from '../../../lib/redirect.ts'
import { meKeys } from '../../me/api/me.ts'
import { authApi } from '../api/auth.ts'
import { authenticateWithPasskey, isWebAuthnCancel, passkeysSupported } from '../api/passkeys.ts'
import { PasskeyError } from './passkeys-section.tsx'

const CredentialsSchema = z.object({
  email: z.string().trim().min(1).max(254).pipe(z.email()),
  password: z.string().min(1).max(256),
})
type Credentials = z.infer<typeof CredentialsSchema>

const CodeSchema = z.object({ code: z.string().trim().min(6).max(32) })
type CodeForm = z.infer<typeof CodeSchema>

/** Sign-in answers that deserve their own words: wrong password, lockout. */
export function signInErrorText(t: TFunction, error: unknown, step: 'password' | 'code'): string | null {
  if (!isApiError(error)) return null
  if (error.status === 429 || error.code === 'RATE_LIMITED') return t('auth.lockedOut')
  if (step === 'password' && (error.status === 401 || error.status === 400))
    return t('auth.invalidCredentials')
  if (step === 'code' && (error.status === 401 || error.status === 400)) return t('auth.invalidCode')
  if (step === 'password' && error.status === 403) return t('auth.accountBlocked')
  return null
}

function SignInError({ error, step }: { error: unknown; step: 'password' | 'code' }) {
  const { t } = useTranslation()
  if (!error) return null
  const text = signInErrorText(t, error, step)
  if (!text) return <ErrorAlert error={error} />
  return (
    <div className="form-error" role="alert">
      {text}
    </div>
  )
}

export function SignInPage({ redirect }: { redirect?: string }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const navigate = useNavigate()
  const [step, setStep] = useState<'password' | 'code'>('password')
  const [useBackup, setUseBackup] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [passkeyError, setPasskeyError] = useState<unknown>(null)
  const [passkeyBusy, setPasskeyBusy] = useState(false)

  const credentials = useForm<Credentials>({
    resolver: formResolver(CredentialsSchema, t),
    defaultValues: { email: '', password: '' },
  })
  const codeForm = useForm<CodeForm>({
    resolver: formResolver(CodeSchema, t),
    defaultValues: { code: '' },
  })

  const finish = async () => {
    await qc.resetQueries({ queryKey: meKeys.all })
    await navigate({ to: safeRedirect(redirect) })
  }

  const onCredentials = credentials.handleSubmit(async ({ email, password }) => {
    setError(null)
    try {
      const result = await authApi.signIn(email, password)
      if (result?.twoFactorRedirect) {
        setStep('code')
        return
      }
      await finish()
    } catch (e) {
      setError(e)
    }
  })

  const onPasskey = async () => {
    setError(null)
    setPasskeyError(null)
    setPasskeyBusy(true)
    try {
      await authenticateWithPasskey()
      await finish()
    } catch (e) {
      if (!isWebAuthnCancel(e)) setPasskeyError(e)
    } finally {
      setPasskeyBusy(false)
    }
  }

  const onCode = codeForm.handleSubmit(async ({ code }) => {
    setError(null)
    try {
      if (useBackup) await authApi.verifyBackupCode(code)
      else await authApi.verifyTotp(code.replace(/\s/g, ''))
      await finish()
    } catch (e) {
      setError(e)
    }
  })

  if (step === 'code') {
    return (
      <PublicLayout title={t('auth.twoFactorTitle')}>
        <form onSubmit={onCode} noValidate>
          <Stack>
            <Text size="sm">{useBackup ? t('auth.backupCodeHint') : t('auth.totpHint')}</Text>
            <SignInError error={error} step="code" />
            <TextInput
              label={useBackup ? t('auth.backupCode') : t('auth.totpCode')}
              autoComplete="one-time-code"
              inputMode={useBackup ? 'text' : 'numeric'}
              autoFocus
              required
              error={codeForm.formState.errors.code?.message}
              {...codeForm.register('code')}
            />
            <Button type="submit" loading={codeForm.formState.isSubmitting}>
              {t('auth.verify')}
            </Button>
            <Checkbox
              label={t('auth.useBackupCode')}
              checked={useBackup}
              onChange={(e) => {
                setUseBackup(e.currentTarget.checked)
                setError(null)
                codeForm.reset({ code: '' })
              }}
            />
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => {
                setStep('password')
                setError(null)
              }}
            >
              {t('auth.backToSignIn')}
            </Anchor>
          </Stack>
        </form>
      </PublicLayout>
    )
  }

  return (
    <PublicLayout title={t('auth.signInTitle')}>
      <form onSubmit={onCredentials} noValidate>
        <Stack>
          <SignInError error={error} step="password" />
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            required
            autoFocus
            error={credentials.formState.errors.email?.message}
            {...credentials.register('email')}
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            required
            error={credentials.formState.errors.password?.message}
            {...credentials.register('password')}
          />
          <Button type="submit" loading={credentials.formState.isSubmitting}>
            {t('auth.signIn')}
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('auth.forgotPassword')}
          </Anchor>
        </Stack>
      </form>
      {passkeysSupported() && (
        <Stack mt="md" gap="xs">
          <Divider label={t('auth.or')} labelPosition="center" />
          <PasskeyError error={passkeyError} />
          <Button variant="default" onClick={onPasskey} loading={passkeyBusy}>
            {t('passkeys.signIn')}
          </Button>
        </Stack>
      )}
    </PublicLayout>
  )
}

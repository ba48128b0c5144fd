import {
  Alert,
  Button,
  Checkbox,
  Code,
  Group,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { QrCode } from '../../../components/qr-code.tsx'
import { saveBlob } from '../../../lib/api.ts'
import { isApiError } from '../../../lib/api-client.ts'
import { formResolver } from '../../../lib/form-errors.ts'
import { authApi, type EnableTwoFactorResult, useRefreshMe } from '../api/auth.ts'

/** The base32 secret inside an otpauth:// URI, for people who type it instead of scanning. */
export function secretFromUri(uri: string): string | null {
  try {
    const secret = new URL(uri).searchParams.get('secret')
    return secret ? (secret.match(/.{1,4}/g)?.join(' ') ?? secret) : null
  } catch {
    return null
  }
}

const PasswordSchema = z.object({ password: z.string().min(1).max(256) })
const CodeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
})

/** Enrolment: password, then QR code and recovery codes shown once, then a first code to confirm. */
export function TwoFactorSetup({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation()
  const refreshMe = useRefreshMe()
  const [enrolment, setEnrolment] = useState<EnableTwoFactorResult | null>(null)
  const [saved, setSaved] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [done, setDone] = useState(false)

  const passwordForm = useForm<z.infer<typeof PasswordSchema>>({
    resolver: formResolver(PasswordSchema, t),
    defaultValues: { password: '' },
  })
  const codeForm = useForm<z.infer<typeof CodeSchema>>({
    resolver: formResolver(CodeSchema, t, () => t('validation.totp')),
    defaultValues: { code: '' },
  })

  const start = passwordForm.handleSubmit(async ({ password }) => {
    setError(null)
    try {
      setEnrolment(await authApi.enableTwoFactor(password))
      passwordForm.reset()
    } catch (e) {
      setError(e)
    }
  })

  const confirm = codeForm.handleSubmit(async ({ code }) => {
    setError(null)
    try {
      await authApi.verifyTotp(code)
      setDone(true)
      setEnrolment(null)
      await refreshMe()
      onDone?.()
    } catch (e) {
      setError(e)
    }
  })

  const wrongPassword = isApiError(error) && error.status === 400 && !enrolment
  const wrongCode = isApiError(error) && (error.status === 400 || error.status === 401) && !!enrolment

  if (done)
    return (
      <Alert color="green" role="status">
        {t('twoFactor.enabled')}
      </Alert>
    )

  if (!enrolment)
    return (
      <form onSubmit={start} noValidate>
        <Stack maw={420}>
          <Text size="sm">{t('twoFactor.intro')}</Text>
          {wrongPassword ? (
            <div className="form-error" role="alert">
              {t('twoFactor.wrongPassword')}
            </div>
          ) : (
            <ErrorAlert error={error} />
          )}
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            required
            error={passwordForm.formState.errors.password?.message}
            {...passwordForm.register('password')}
          />
          <Group>
            <Button type="submit" loading={passwordForm.formState.isSubmitting}>
              {t('twoFactor.start')}
            </Button>
          </Group>
        </Stack>
      </form>
    )

  const secret = secretFromUri(enrolment.totpURI)
  return (
    <Stack>
      <div className="two-col">
        <Stack gap="xs">
          <Title order={3}>{t('twoFactor.scanTitle')}</Title>
          <Text size="sm">{t('twoFactor.scanHint')}</Text>
          <QrCode value={enrolment.totpURI} label={t('twoFactor.qrLabel')} />
          {secret && (
            <Text size="sm">
              {t('twoFactor.manualKey')} <Code className="secret">{secret}</Code>
            </Text>
          )}
        </Stack>
        <Stack gap="xs">
          <Title order={3}>{t('twoFactor.backupTitle')}</Title>
          <Alert color="yellow">{t('twoFactor.backupHint')}</Alert>
          <ol className="backup-codes" aria-label={t('twoFactor.backupTitle')}>
            {enrolment.backupCodes.map((c) => (
              <li key={c}>
                <Code>{c}</Code>
              </li>
            ))}
          </ol>
          <Group>
            <Button
              variant="default"
              size="xs"
              onClick={() =>
                saveBlob(
                  new Blob([`${enrolment.backupCodes.join('\n')}\n`], { type: 'text/plain' }),
                  'qalxan-recovery-codes.txt',
                )
              }
            >
              {t('twoFactor.downloadCodes')}
            </Button>
          </Group>
          <Checkbox
            label={t('twoFactor.savedCodes')}
            checked={saved}
            onChange={(e) => setSaved(e.currentTarget.checked)}
          />
        </Stack>
      </div>
      <form onSubmit={confirm} noValidate>
        <Stack maw={420}>
          {wrongCode ? (
            <div className="form-error" role="alert">
              {t('auth.invalidCode')}
            </div>
          ) : (
            <ErrorAlert error={error} />
          )}
          <TextInput
            label={t('twoFactor.confirmCode')}
            autoComplete="one-time-code"
            inputMode="numeric"
            required
            error={codeForm.formState.errors.code?.message}
            {...codeForm.register('code')}
          />
          <Group>
            <Button type="submit" disabled={!saved} loading={codeForm.formState.isSubmitting}>
              {t('twoFactor.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  )
}

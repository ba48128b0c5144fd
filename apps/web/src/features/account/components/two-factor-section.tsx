import { Alert, Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core'
import { isPrivileged } from '@qalxan/contracts'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { isApiError } from '../../../lib/api-client.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { authApi, useRefreshMe } from '../../auth/api/auth.ts'
import { TwoFactorSetup } from '../../auth/components/two-factor-setup.tsx'
import { useCurrentMe } from '../../me/api/me.ts'

export function TwoFactorSection() {
  const { t } = useTranslation()
  const me = useCurrentMe()
  const refreshMe = useRefreshMe()
  const [disabling, setDisabling] = useState(false)
  const [password, setPassword] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const privileged = isPrivileged(me.grants)

  const disable = async (e: FormEvent) => {
    e.preventDefault()
    if (!password) return
    setBusy(true)
    setError(null)
    try {
      await authApi.disableTwoFactor(password)
      setDisabling(false)
      setPassword('')
      await refreshMe()
      notifySuccess(t('account.twoFactorDisabled'))
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack>
      <Title order={3} size="h4">
        {t('account.twoFactor')}
      </Title>
      {me.user.twoFactorEnabled ? (
        <>
          <Alert color="green">{t('account.twoFactorOnText')}</Alert>
          {privileged && <Text size="sm">{t('account.twoFactorRequiredForRole')}</Text>}
          {!disabling ? (
            <Group>
              <Button variant="default" color="red" onClick={() => setDisabling(true)}>
                {t('account.disableTwoFactor')}
              </Button>
            </Group>
          ) : (
            <form onSubmit={disable} noValidate>
              <Stack maw={420}>
                {isApiError(error) && error.status === 400 ? (
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
                  value={password}
                  onChange={(ev) => setPassword(ev.currentTarget.value)}
                />
                <Group>
                  <Button type="submit" color="red" loading={busy} disabled={!password}>
                    {t('account.disableTwoFactor')}
                  </Button>
                  <Button variant="default" onClick={() => setDisabling(false)}>
                    {t('common.cancel')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
        </>
      ) : (
        <TwoFactorSetup />
      )}
    </Stack>
  )
}

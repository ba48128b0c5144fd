import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { setStepUpHandler } from '../../../lib/api.ts'
import { isApiError } from '../../../lib/api-client.ts'
import { meKeys } from '../../me/api/me.ts'
import { authApi } from '../api/auth.ts'
import { authenticateWithPasskey, isWebAuthnCancel, passkeysSupported } from '../api/passkeys.ts'

/**
 * Asks for a current authenticator code when the server wants step-up for a sensitive action;
 * the API client waits for the answer and then repeats the request.
 */
export function StepUpDialog() {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const [opened, setOpened] = useState(false)
  const [code, setCode] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const resolver = useRef<((ok: boolean) => void) | null>(null)

  useEffect(() => {
    setStepUpHandler(
      () =>
        new Promise<boolean>((resolve) => {
          resolver.current = resolve
          setCode('')
          setError(null)
          setOpened(true)
        }),
    )
    return () => setStepUpHandler(undefined)
  }, [])

  const close = (ok: boolean) => {
    setOpened(false)
    resolver.current?.(ok)
    resolver.current = null
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const clean = code.replace(/\s/g, '')
    if (!/^\d{6}$/.test(clean)) {
      setError(null)
      return
    }
    setBusy(true)
    setError(null)
    try {
      await authApi.verifyTotp(clean)
      await qc.invalidateQueries({ queryKey: meKeys.me() })
      close(true)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const withPasskey = async () => {
    setBusy(true)
    setError(null)
    try {
      await authenticateWithPasskey()
      await qc.invalidateQueries({ queryKey: meKeys.me() })
      close(true)
    } catch (err) {
      if (!isWebAuthnCancel(err)) setError(err)
    } finally {
      setBusy(false)
    }
  }

  const invalid = code.length > 0 && !/^\d{6}$/.test(code.replace(/\s/g, ''))
  const wrong = isApiError(error) && (error.status === 400 || error.status === 401)

  return (
    <Modal
      opened={opened}
      onClose={() => close(false)}
      title={t('stepUp.title')}
      centered
      zIndex={1000}
      closeButtonProps={{ 'aria-label': t('common.cancel') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('stepUp.hint')}</Text>
          {wrong ? (
            <div className="form-error" role="alert">
              {t('auth.invalidCode')}
            </div>
          ) : (
            <ErrorAlert error={error} />
          )}
          <TextInput
            label={t('auth.totpCode')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            autoComplete="one-time-code"
            inputMode="numeric"
            data-autofocus
            required
            error={invalid ? t('validation.totp') : undefined}
          />
          <Group justify="flex-end">
            {passkeysSupported() && (
              <Button variant="subtle" onClick={withPasskey} disabled={busy}>
                {t('passkeys.usePasskey')}
              </Button>
            )}
            <Button variant="default" onClick={() => close(false)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('auth.verify')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

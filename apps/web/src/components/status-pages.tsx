import { Button, Stack, Text, Title } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { describeError } from '../lib/errors.ts'

/** `standalone`: shown outside the application frame (an unknown address at the top level). */
export function NotFoundPage({ standalone = false }: { standalone?: boolean }) {
  const { t } = useTranslation()
  return (
    <Stack
      align="flex-start"
      className={standalone ? 'status-page standalone' : 'status-page'}
      component={standalone ? 'main' : 'div'}
    >
      <Title order={1}>{t('status.notFoundTitle')}</Title>
      <Text>{t('status.notFoundText')}</Text>
      <Button component={Link} to="/">
        {t('status.goHome')}
      </Button>
    </Stack>
  )
}

export function NoAccessPage() {
  const { t } = useTranslation()
  return (
    <Stack align="flex-start" className="status-page">
      <Title order={1}>{t('status.noAccessTitle')}</Title>
      <Text>{t('status.noAccessText')}</Text>
      <Button component={Link} to="/">
        {t('status.goHome')}
      </Button>
    </Stack>
  )
}

export function ErrorPage({ error, reset }: { error: unknown; reset?: () => void }) {
  const { t } = useTranslation()
  const { title, message } = describeError(t, error)
  return (
    <Stack align="flex-start" className="status-page standalone" role="alert">
      <Title order={1}>{t('status.errorTitle')}</Title>
      <Text fw={600}>{title}</Text>
      {message && <Text>{message}</Text>}
      <Button
        onClick={() => {
          reset?.()
          window.location.reload()
        }}
      >
        {t('status.reload')}
      </Button>
    </Stack>
  )
}

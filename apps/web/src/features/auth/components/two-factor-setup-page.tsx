import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core'
import { useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { Page, PageHeader } from '../../../components/page.tsx'
import { useCurrentMe } from '../../me/api/me.ts'
import { AddPasskeyForm } from './passkeys-section.tsx'
import { TwoFactorSetup } from './two-factor-setup.tsx'

/** Where people with a privileged role land until they have a second factor. */
export function TwoFactorSetupPage() {
  const { t } = useTranslation()
  const me = useCurrentMe()
  const navigate = useNavigate()
  // Either an authenticator app or a passkey satisfies the requirement.
  const secured = (me.user.twoFactorEnabled || me.user.hasPasskey) && !me.mfaSetupRequired
  return (
    <Page>
      <PageHeader title={t('twoFactor.setupTitle')} />
      {me.mfaSetupRequired && <Alert color="yellow">{t('twoFactor.required')}</Alert>}
      {secured ? (
        <Alert color="green">{t('twoFactor.enabled')}</Alert>
      ) : (
        <Card withBorder>
          <TwoFactorSetup />
        </Card>
      )}
      {!secured && (
        <Card withBorder>
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('passkeys.alternativeTitle')}
            </Title>
            <Text size="sm">{t('passkeys.alternativeHint')}</Text>
            <AddPasskeyForm />
          </Stack>
        </Card>
      )}
      {secured && (
        <div>
          <Button onClick={() => void navigate({ to: '/' })}>{t('status.goHome')}</Button>
        </div>
      )}
    </Page>
  )
}

import { Card, Stack, Tabs } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Page, PageHeader } from '../../../components/page.tsx'
import { PasskeysSection } from '../../auth/components/passkeys-section.tsx'
import { useCurrentMe } from '../../me/api/me.ts'
import { ChangePasswordForm } from '../forms/change-password-form.tsx'
import { ProfileSection } from './profile-section.tsx'
import { SessionsSection } from './sessions-section.tsx'
import { TokensSection } from './tokens-section.tsx'
import { TwoFactorSection } from './two-factor-section.tsx'

export function AccountPage() {
  const { t } = useTranslation()
  const me = useCurrentMe()
  const showTokens = me.permissions.includes('token.manage')
  return (
    <Page>
      <PageHeader title={t('account.title')} />
      <Tabs defaultValue="profile" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="profile">{t('account.profile')}</Tabs.Tab>
          <Tabs.Tab value="security">{t('account.security')}</Tabs.Tab>
          <Tabs.Tab value="sessions">{t('account.sessions')}</Tabs.Tab>
          {showTokens && <Tabs.Tab value="tokens">{t('account.tokens')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="profile" pt="md">
          <Card withBorder>
            <ProfileSection />
          </Card>
        </Tabs.Panel>
        <Tabs.Panel value="security" pt="md">
          <Stack>
            <Card withBorder>
              <TwoFactorSection />
            </Card>
            <Card withBorder>
              <PasskeysSection />
            </Card>
            <Card withBorder>
              <ChangePasswordForm />
            </Card>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="sessions" pt="md">
          <Card withBorder>
            <SessionsSection />
          </Card>
        </Tabs.Panel>
        {showTokens && (
          <Tabs.Panel value="tokens" pt="md">
            <Card withBorder>
              <TokensSection />
            </Card>
          </Tabs.Panel>
        )}
      </Tabs>
    </Page>
  )
}

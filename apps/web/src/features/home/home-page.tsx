import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { LinkButton } from '../../components/link-button.tsx'
import { Page, PageHeader } from '../../components/page.tsx'
import { formatDateTime } from '../../lib/format.ts'
import { useCurrentMe } from '../me/api/me.ts'
import { useNotifications } from '../notifications/api/notifications.ts'
import { navigationFor } from '../shell/nav.ts'

export function HomePage() {
  const { t, i18n } = useTranslation()
  const me = useCurrentMe()
  const notifications = useNotifications()
  const shortcuts = navigationFor(me).filter((i) => i.key !== 'home')
  const latest = (notifications.data?.items ?? []).slice(0, 5)
  // Focal points and heads go straight to what their organisation has to report.
  const ownOrg = me.organization
  const reportsForOrg =
    !!ownOrg &&
    me.grants.some((g) => g.orgId === ownOrg.id && (g.role === 'focal_point' || g.role === 'head'))
  return (
    <Page>
      <PageHeader title={t('home.welcome', { name: me.user.name })} description={t('home.intro')} />
      <div className="cards">
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('home.yourProfile')}
          </Title>
          <Stack gap={4}>
            <Text size="sm">
              {t('home.organization')}: <strong>{me.organization?.name ?? '—'}</strong>
            </Text>
            <Text size="sm">
              {t('users.clearance')}: <strong>{t(`clearance.${me.user.clearance}`)}</strong>
            </Text>
            <Group gap={4}>
              <Text size="sm">{t('users.roles')}:</Text>
              {me.grants.length === 0 && <Text size="sm">—</Text>}
              {[...new Set(me.grants.map((g) => g.role))].map((r) => (
                <Badge key={r} variant="light" tt="none">
                  {t(`role.${r}`)}
                </Badge>
              ))}
            </Group>
            <Text size="sm">
              {t('users.twoFactor')}:{' '}
              <strong>
                {me.user.twoFactorEnabled || me.user.hasPasskey
                  ? t('account.twoFactorOn')
                  : t('account.twoFactorOff')}
              </strong>
            </Text>
          </Stack>
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('home.latestNotifications')}
          </Title>
          {latest.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('notifications.none')}
            </Text>
          ) : (
            <ul className="plain-list">
              {latest.map((n) => (
                <li key={n.id} className={n.readAt ? '' : 'unread'}>
                  <Text size="sm" fw={n.readAt ? 400 : 600}>
                    {n.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(n.createdAt, i18n.language)}
                  </Text>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      {reportsForOrg && ownOrg && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('dashboard.home.title')}
          </Title>
          <Text size="sm" mb="sm">
            {t('dashboard.home.text', { org: ownOrg.name })}
          </Text>
          <Group>
            <LinkButton to="/dashboard/organisations/$orgId" params={{ orgId: ownOrg.id }}>
              {t('dashboard.home.open')}
            </LinkButton>
          </Group>
        </Card>
      )}
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('home.shortcuts')}
        </Title>
        <Group gap="xs">
          {shortcuts.map((s) => (
            <Button key={s.key} component={Link} to={s.to} variant="light">
              {t(s.labelKey)}
            </Button>
          ))}
        </Group>
      </Card>
    </Page>
  )
}

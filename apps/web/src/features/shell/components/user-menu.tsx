import { Avatar, Button, Menu, Text } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { useSignOut } from '../../auth/api/auth.ts'
import { useCurrentMe } from '../../me/api/me.ts'

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase() ?? '')
    .join('')
}

export function UserMenu() {
  const { t } = useTranslation()
  const me = useCurrentMe()
  const signOut = useSignOut()
  const org = me.organization?.name
  return (
    <Menu position="bottom-end" width={260}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          leftSection={
            <Avatar size="sm" color="blue" radius="xl" aria-hidden="true">
              {initials(me.user.name)}
            </Avatar>
          }
          className="user-menu-button"
        >
          <span className="user-menu-name">{me.user.name}</span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark">
            {me.user.name}
          </Text>
          <Text size="xs">{me.user.email}</Text>
          {org && <Text size="xs">{org}</Text>}
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/account">
          {t('nav.account')}
        </Menu.Item>
        <Menu.Item color="red" onClick={() => signOut.mutate()}>
          {t('shell.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}

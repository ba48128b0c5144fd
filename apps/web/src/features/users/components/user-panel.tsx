import { Divider, Stack, Tabs } from '@mantine/core'
import type { UserSummary } from '@qalxan/contracts'
import { useTranslation } from 'react-i18next'
import { useCan } from '../../me/use-can.ts'
import { MoveUserForm } from '../forms/move-user-form.tsx'
import { RolesEditor } from '../forms/roles-editor.tsx'
import { UserEditForm } from '../forms/user-edit-form.tsx'
import { MembershipHistory } from './membership-history.tsx'

export function UserPanel({ user }: { user: UserSummary }) {
  const { t } = useTranslation()
  const allowed = useCan()
  const canManage = allowed('user.manage', user.orgId ?? undefined)
  const canRoles = allowed('role.manage', user.orgId ?? undefined)
  return (
    <Tabs defaultValue="profile" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="profile">{t('users.profile')}</Tabs.Tab>
        <Tabs.Tab value="roles">{t('users.roles')}</Tabs.Tab>
        <Tabs.Tab value="memberships">{t('memberships.title')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="profile" pt="md">
        <UserEditForm key={user.id} user={user} canManage={canManage} />
      </Tabs.Panel>
      <Tabs.Panel value="roles" pt="md">
        <RolesEditor key={user.id} user={user} canManage={canRoles} />
      </Tabs.Panel>
      <Tabs.Panel value="memberships" pt="md">
        <Stack>
          <MembershipHistory userId={user.id} />
          {canManage && (
            <>
              <Divider />
              <MoveUserForm key={user.id} user={user} />
            </>
          )}
        </Stack>
      </Tabs.Panel>
    </Tabs>
  )
}

import { ActionIcon, Alert, Button, Group, Select, Stack, Table, Text } from '@mantine/core'
import { isPrivileged, ROLES, type Role, type RoleGrant, type UserSummary } from '@qalxan/contracts'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { localized } from '../../../lib/format.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { useOrganizationTree } from '../../organizations/api/organizations.ts'
import { OrgSelect } from '../../organizations/components/org-select.tsx'
import { useSetRoles } from '../api/users.ts'

const key = (g: RoleGrant) => `${g.role}:${g.orgId}`

/** Adds a grant unless the same role in the same organisation is already there. */
export function addGrant(grants: readonly RoleGrant[], grant: RoleGrant): RoleGrant[] {
  return grants.some((g) => key(g) === key(grant)) ? [...grants] : [...grants, grant]
}

export function RolesEditor({ user, canManage }: { user: UserSummary; canManage: boolean }) {
  const { t, i18n } = useTranslation()
  const tree = useOrganizationTree()
  const setRoles = useSetRoles(user.id)
  const [grants, setGrants] = useState<RoleGrant[]>(user.grants)
  const [role, setRole] = useState<Role | null>(null)
  const [orgId, setOrgId] = useState<string | null>(user.orgId)
  const [error, setError] = useState<unknown>(null)
  const changed = JSON.stringify(grants.map(key).sort()) !== JSON.stringify(user.grants.map(key).sort())
  const orgName = (id: string) => {
    const o = tree.data?.find((x) => x.id === id)
    return o ? localized(o.name, i18n.language) : id
  }

  const save = async () => {
    setError(null)
    try {
      await setRoles.mutateAsync(grants)
      notifySuccess(t('roles.saved'))
    } catch (e) {
      setError(e)
    }
  }

  return (
    <Stack>
      <Text size="sm">{t('roles.hint')}</Text>
      {isPrivileged(grants) && <Alert color="yellow">{t('roles.privilegedNotice')}</Alert>}
      <ErrorAlert error={error} />
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('roles.role')}</Table.Th>
            <Table.Th scope="col">{t('roles.organization')}</Table.Th>
            {canManage && (
              <Table.Th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {grants.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={3} className="empty-cell">
                {t('roles.none')}
              </Table.Td>
            </Table.Tr>
          )}
          {grants.map((g) => (
            <Table.Tr key={key(g)}>
              <Table.Td>{t(`role.${g.role}`)}</Table.Td>
              <Table.Td>{orgName(g.orgId)}</Table.Td>
              {canManage && (
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('roles.remove', { role: t(`role.${g.role}`) })}
                    onClick={() => setGrants((list) => list.filter((x) => key(x) !== key(g)))}
                  >
                    ×
                  </ActionIcon>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {canManage && (
        <>
          <Group align="flex-end" wrap="wrap">
            <Select
              label={t('roles.role')}
              data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
              value={role}
              onChange={(v) => setRole(v as Role | null)}
              w={220}
            />
            <OrgSelect label={t('roles.organization')} value={orgId} onChange={setOrgId} w={300} />
            <Button
              variant="default"
              disabled={!role || !orgId}
              onClick={() => {
                if (role && orgId) setGrants((list) => addGrant(list, { role, orgId }))
                setRole(null)
              }}
            >
              {t('roles.add')}
            </Button>
          </Group>
          <Group>
            <Button onClick={save} disabled={!changed} loading={setRoles.isPending}>
              {t('roles.save')}
            </Button>
            {changed && (
              <Button variant="subtle" onClick={() => setGrants(user.grants)}>
                {t('common.undo')}
              </Button>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('roles.stepUpNote')}
          </Text>
        </>
      )}
    </Stack>
  )
}

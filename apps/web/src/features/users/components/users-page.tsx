import { Badge, Button, Card, Drawer, Group, Table, TextInput } from '@mantine/core'
import type { UserSummary } from '@qalxan/contracts'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LinkButton } from '../../../components/link-button.tsx'
import { EmptyRow, Page, PageHeader, QueryState } from '../../../components/page.tsx'
import { Pager } from '../../../components/pager.tsx'
import { localized } from '../../../lib/format.ts'
import { useDebounced } from '../../../lib/use-debounced.ts'
import { useCan } from '../../me/use-can.ts'
import { useOrganizationTree } from '../../organizations/api/organizations.ts'
import { OrgSelect } from '../../organizations/components/org-select.tsx'
import { userListQuery } from '../api/users.ts'
import { RoleBadges } from './role-badges.tsx'
import { UserPanel } from './user-panel.tsx'

const LIMIT = 25

export function UsersPage({ orgId }: { orgId?: string }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const allowed = useCan()
  const [q, setQ] = useState('')
  const [offset, setOffset] = useState(0)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const query = useDebounced(q.trim(), 300)
  const list = useQuery(userListQuery({ orgId, q: query || undefined, limit: LIMIT, offset }))
  const tree = useOrganizationTree()
  const orgName = (id: string | null) => {
    const o = id ? tree.data?.find((x) => x.id === id) : undefined
    return o ? localized(o.name, i18n.language) : '—'
  }
  const selected: UserSummary | undefined = list.data?.items.find((u) => u.id === selectedId)

  return (
    <Page>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          allowed('user.manage') && (
            <>
              <LinkButton to="/users/new" search={orgId ? { orgId } : {}}>
                {t('users.create')}
              </LinkButton>
              <Button component={Link} to="/users/import" variant="default">
                {t('import.action')}
              </Button>
            </>
          )
        }
      />
      <Card withBorder>
        <Group mb="sm" align="flex-end" wrap="wrap">
          <OrgSelect
            label={t('users.filterByOrganization')}
            placeholder={t('users.allOrganizations')}
            clearable
            value={orgId}
            onChange={(v) => {
              setOffset(0)
              void navigate({ to: '/users', search: v ? { orgId: v } : {} })
            }}
            w={340}
          />
          <TextInput
            label={t('common.search')}
            placeholder={t('users.searchPlaceholder')}
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value)
              setOffset(0)
            }}
            w={280}
          />
        </Group>
        <QueryState isPending={list.isPending} error={list.error} />
        {list.data && (
          <>
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('users.name')}</Table.Th>
                    <Table.Th scope="col">{t('users.email')}</Table.Th>
                    <Table.Th scope="col">{t('users.organization')}</Table.Th>
                    <Table.Th scope="col">{t('users.roles')}</Table.Th>
                    <Table.Th scope="col">{t('users.twoFactor')}</Table.Th>
                    <Table.Th scope="col">{t('common.status')}</Table.Th>
                    <Table.Th scope="col">
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.length === 0 && <EmptyRow colSpan={7} />}
                  {list.data.items.map((u) => (
                    <Table.Tr key={u.id}>
                      <Table.Td>
                        {u.name}
                        {u.position && <div className="muted small">{u.position}</div>}
                      </Table.Td>
                      <Table.Td>{u.email}</Table.Td>
                      <Table.Td>{orgName(u.orgId)}</Table.Td>
                      <Table.Td>
                        <RoleBadges grants={u.grants} homeOrgId={u.orgId} />
                      </Table.Td>
                      <Table.Td>{u.twoFactorEnabled ? t('common.yes') : t('common.no')}</Table.Td>
                      <Table.Td>
                        {u.disabled ? (
                          <Badge variant="light" color="gray">
                            {t('users.disabled')}
                          </Badge>
                        ) : (
                          <Badge variant="light" color="green">
                            {t('users.active')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setSelectedId(u.id)}
                          aria-label={t('users.openUser', { name: u.name })}
                        >
                          {t('common.open')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager total={list.data.total} limit={LIMIT} offset={offset} onOffset={setOffset} />
          </>
        )}
      </Card>
      <Drawer
        opened={!!selected}
        onClose={() => setSelectedId(null)}
        position="right"
        size="xl"
        title={selected?.name}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {selected && <UserPanel user={selected} />}
      </Drawer>
    </Page>
  )
}

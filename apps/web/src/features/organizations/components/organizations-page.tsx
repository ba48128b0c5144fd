import { Badge, Button, Card, Group, Table, TextInput, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EmptyRow, Page, PageHeader, QueryState } from '../../../components/page.tsx'
import { Pager } from '../../../components/pager.tsx'
import { localized } from '../../../lib/format.ts'
import { useDebounced } from '../../../lib/use-debounced.ts'
import { useCan } from '../../me/use-can.ts'
import { organizationListQuery, useOrganizationTree } from '../api/organizations.ts'
import { OrgTree } from './org-tree.tsx'

const LIMIT = 25

export function OrganizationsPage() {
  const { t, i18n } = useTranslation()
  const allowed = useCan()
  const [q, setQ] = useState('')
  const [offset, setOffset] = useState(0)
  const query = useDebounced(q.trim(), 300)
  const list = useQuery(organizationListQuery({ q: query || undefined, limit: LIMIT, offset }))
  const tree = useOrganizationTree()
  const lang = i18n.language
  const byId = new Map((tree.data ?? []).map((o) => [o.id, o]))

  return (
    <Page>
      <PageHeader
        title={t('organizations.title')}
        description={t('organizations.description')}
        actions={
          allowed('org.manage') && (
            <>
              <Button component={Link} to="/organizations/new">
                {t('organizations.create')}
              </Button>
              <Button component={Link} to="/organizations/import" variant="default">
                {t('import.action')}
              </Button>
            </>
          )
        }
      />
      <div className="split">
        <Card withBorder className="split-side">
          <Title order={2} size="h4" mb="xs">
            {t('organizations.tree')}
          </Title>
          <QueryState isPending={tree.isPending} error={tree.error} />
          {tree.data && <OrgTree orgs={tree.data} />}
        </Card>
        <Card withBorder className="split-main">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4">
              {t('organizations.list')}
            </Title>
            <TextInput
              aria-label={t('common.search')}
              placeholder={t('organizations.searchPlaceholder')}
              value={q}
              onChange={(e) => {
                setQ(e.currentTarget.value)
                setOffset(0)
              }}
              type="search"
              w={280}
            />
          </Group>
          <QueryState isPending={list.isPending} error={list.error} />
          {list.data && (
            <>
              <Table.ScrollContainer minWidth={640}>
                <Table striped highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('organizations.code')}</Table.Th>
                      <Table.Th scope="col">{t('organizations.name')}</Table.Th>
                      <Table.Th scope="col">{t('organizations.type')}</Table.Th>
                      <Table.Th scope="col">{t('organizations.jurisdiction')}</Table.Th>
                      <Table.Th scope="col">{t('organizations.parent')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.data.items.length === 0 && <EmptyRow colSpan={5} />}
                    {list.data.items.map((o) => {
                      const parent = o.parentId ? byId.get(o.parentId) : undefined
                      return (
                        <Table.Tr key={o.id}>
                          <Table.Td>{o.code}</Table.Td>
                          <Table.Td>
                            <Link to="/organizations/$orgId" params={{ orgId: o.id }}>
                              {localized(o.name, lang)}
                            </Link>
                            {o.archivedAt && (
                              <Badge variant="light" ml="xs" color="gray" size="xs">
                                {t('organizations.archived')}
                              </Badge>
                            )}
                          </Table.Td>
                          <Table.Td>{t(`orgType.${o.type}`)}</Table.Td>
                          <Table.Td>{t(`jurisdiction.${o.jurisdiction}`)}</Table.Td>
                          <Table.Td>{parent ? localized(parent.name, lang) : '—'}</Table.Td>
                        </Table.Tr>
                      )
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Pager total={list.data.total} limit={LIMIT} offset={offset} onOffset={setOffset} />
            </>
          )}
        </Card>
      </div>
    </Page>
  )
}

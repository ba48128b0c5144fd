import { Badge, Button, Card, Group, Table, Tabs } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { LinkButton } from '../../../components/link-button.tsx'
import { Page, PageHeader, QueryState } from '../../../components/page.tsx'
import { formatDateTime, localized } from '../../../lib/format.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { useCan } from '../../me/use-can.ts'
import { organizationQuery, useOrganizationTree, useUpdateOrganization } from '../api/organizations.ts'
import { OrganizationForm } from '../forms/organization-form.tsx'
import { UnitsPanel } from './units-panel.tsx'

export function OrganizationDetailPage({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const allowed = useCan()
  const org = useQuery(organizationQuery(orgId))
  const tree = useOrganizationTree()
  const update = useUpdateOrganization(orgId)
  const canManage = allowed('org.manage', orgId)

  if (!org.data) return <QueryState isPending={org.isPending} error={org.error} />
  const o = org.data
  const parent = o.parentId ? tree.data?.find((p) => p.id === o.parentId) : undefined
  const children = (tree.data ?? []).filter((c) => c.parentId === o.id)

  return (
    <Page>
      <PageHeader
        title={localized(o.name, lang)}
        description={`${o.code} · ${t(`orgType.${o.type}`)} · ${t(`jurisdiction.${o.jurisdiction}`)}`}
        actions={
          allowed('user.read', orgId) && (
            <LinkButton to="/users" search={{ orgId }} variant="default">
              {t('organizations.people')}
            </LinkButton>
          )
        }
      />
      <Tabs defaultValue="details" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="details">{t('organizations.details')}</Tabs.Tab>
          <Tabs.Tab value="units">{t('units.title')}</Tabs.Tab>
          {canManage && <Tabs.Tab value="edit">{t('common.edit')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="details" pt="md">
          <Card withBorder>
            <Table variant="vertical" layout="fixed" withTableBorder={false}>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w={220}>{t('organizations.code')}</Table.Th>
                  <Table.Td>{o.code}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('common.inAz')}</Table.Th>
                  <Table.Td>{o.name.az}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('common.inEn')}</Table.Th>
                  <Table.Td>{o.name.en || '—'}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('common.inRu')}</Table.Th>
                  <Table.Td>{o.name.ru || '—'}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('organizations.shortName')}</Table.Th>
                  <Table.Td>{o.shortName || '—'}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('organizations.parent')}</Table.Th>
                  <Table.Td>
                    {parent ? (
                      <Link to="/organizations/$orgId" params={{ orgId: parent.id }}>
                        {localized(parent.name, lang)}
                      </Link>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('organizations.subordinates')}</Table.Th>
                  <Table.Td>
                    {children.length === 0
                      ? '—'
                      : children.map((c, i) => (
                          <span key={c.id}>
                            {i > 0 && ', '}
                            <Link to="/organizations/$orgId" params={{ orgId: c.id }}>
                              {localized(c.name, lang)}
                            </Link>
                          </span>
                        ))}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('common.status')}</Table.Th>
                  <Table.Td>
                    {o.archivedAt ? (
                      <Badge variant="light" color="gray">
                        {t('organizations.archived')}
                      </Badge>
                    ) : (
                      <Badge variant="light" color="green">
                        {t('organizations.active')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('common.updatedAt')}</Table.Th>
                  <Table.Td>{formatDateTime(o.updatedAt, lang)}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Card>
        </Tabs.Panel>
        <Tabs.Panel value="units" pt="md">
          <UnitsPanel orgId={orgId} canManage={canManage} />
        </Tabs.Panel>
        {canManage && (
          <Tabs.Panel value="edit" pt="md">
            <OrganizationForm
              initial={o}
              submitLabel={t('common.save')}
              onSubmit={async (input) => {
                await update.mutateAsync(input)
                notifySuccess(t('common.saved'))
              }}
            />
          </Tabs.Panel>
        )}
      </Tabs>
      <Group>
        <Button component={Link} to="/organizations" variant="subtle">
          {t('organizations.backToList')}
        </Button>
      </Group>
    </Page>
  )
}

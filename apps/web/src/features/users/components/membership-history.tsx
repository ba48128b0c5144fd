import { Table } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { EmptyRow, QueryState } from '../../../components/page.tsx'
import { formatDate, localized } from '../../../lib/format.ts'
import { useOrganizationTree } from '../../organizations/api/organizations.ts'
import { membershipsQuery } from '../api/users.ts'

export function MembershipHistory({ userId }: { userId: string }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const list = useQuery(membershipsQuery(userId))
  const tree = useOrganizationTree()
  const orgName = (id: string) => {
    const o = tree.data?.find((x) => x.id === id)
    return o ? localized(o.name, lang) : id
  }
  if (!list.data) return <QueryState isPending={list.isPending} error={list.error} />
  const rows = [...list.data].sort((a, b) => b.validFrom.localeCompare(a.validFrom))
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('memberships.organization')}</Table.Th>
            <Table.Th scope="col">{t('users.position')}</Table.Th>
            <Table.Th scope="col">{t('memberships.validFrom')}</Table.Th>
            <Table.Th scope="col">{t('memberships.validTo')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && <EmptyRow colSpan={4} />}
          {rows.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{orgName(m.orgId)}</Table.Td>
              <Table.Td>{m.position ?? '—'}</Table.Td>
              <Table.Td>{formatDate(m.validFrom, lang)}</Table.Td>
              <Table.Td>{m.validTo ? formatDate(m.validTo, lang) : t('memberships.current')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

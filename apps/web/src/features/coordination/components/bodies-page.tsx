import { Badge, Button, Card, Table, Text } from '@mantine/core'
import type { Body } from '@qalxan/contracts'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EmptyRow, Page, PageHeader, QueryState } from '../../../components/page.tsx'
import { localized } from '../../../lib/format.ts'
import { useCan } from '../../me/use-can.ts'
import { bodiesQuery } from '../api/bodies.ts'
import { BodyForm } from '../forms/body-form.tsx'
import { RoleBadge } from './badges.tsx'
import '../i18n.ts'
import '../coordination.css'
import { Dialog } from './dialog.tsx'

/** Commission first, then its working groups, each followed by its sub-groups. */
export function orderBodies(bodies: readonly Body[]): { body: Body; depth: number }[] {
  const rank = { commission: 0, working_group: 1, subgroup: 2 } as const
  const sorted = [...bodies].sort((a, b) => rank[a.kind] - rank[b.kind] || a.code.localeCompare(b.code))
  const ids = new Set(sorted.map((b) => b.id))
  const out: { body: Body; depth: number }[] = []
  const placed = new Set<string>()
  const place = (b: Body, depth: number) => {
    if (placed.has(b.id)) return
    placed.add(b.id)
    out.push({ body: b, depth })
    for (const c of sorted) if (c.parentId === b.id) place(c, depth + 1)
  }
  for (const b of sorted) if (!b.parentId || !ids.has(b.parentId)) place(b, 0)
  for (const b of sorted) place(b, 0)
  return out
}

export function BodiesTable({ bodies }: { bodies: readonly Body[] }) {
  const { t, i18n } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('coord:body.code')}</Table.Th>
            <Table.Th scope="col">{t('coord:body.name')}</Table.Th>
            <Table.Th scope="col">{t('coord:body.kindLabel')}</Table.Th>
            <Table.Th scope="col">{t('coord:body.members')}</Table.Th>
            <Table.Th scope="col">{t('coord:body.myRole')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bodies.length === 0 && <EmptyRow colSpan={5} text={t('coord:body.none')} />}
          {orderBodies(bodies).map(({ body: b, depth }) => (
            <Table.Tr key={b.id}>
              <Table.Td className="nowrap">
                <Link to="/coordination/bodies/$bodyId" params={{ bodyId: b.id }}>
                  {b.code}
                </Link>
              </Table.Td>
              <Table.Td>
                <Text size="sm" pl={depth * 16}>
                  {localized(b.name, i18n.language)}
                </Text>
                {(b.directionCode || b.archivedAt) && (
                  <Text size="xs" c="dimmed" pl={depth * 16}>
                    {b.directionCode && `${t('coord:body.direction')} ${b.directionCode}`}
                    {b.archivedAt && ` · ${t('coord:body.archived')}`}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={b.kind === 'commission' ? 'blue' : 'gray'} tt="none">
                  {t(`coord:kind.${b.kind}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{b.memberCount}</Table.Td>
              <Table.Td>
                <RoleBadge role={b.myRole} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

export function BodiesPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const allowed = useCan()
  const bodies = useQuery(bodiesQuery())
  const [creating, setCreating] = useState(false)
  return (
    <Page>
      <PageHeader
        title={t('coord:body.title')}
        description={t('coord:body.description')}
        actions={
          allowed('coord.manage') && <Button onClick={() => setCreating(true)}>{t('coord:body.new')}</Button>
        }
      />
      <Card withBorder>
        <QueryState isPending={bodies.isPending} error={bodies.error} />
        {bodies.data && <BodiesTable bodies={bodies.data} />}
      </Card>
      <Dialog opened={creating} onClose={() => setCreating(false)} title={t('coord:body.new')} size="lg">
        <BodyForm
          bodies={bodies.data ?? []}
          onCancel={() => setCreating(false)}
          onDone={(b) => {
            setCreating(false)
            void navigate({ to: '/coordination/bodies/$bodyId', params: { bodyId: b.id } })
          }}
        />
      </Dialog>
    </Page>
  )
}

import { Badge, Card, Table } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EmptyRow, Page, PageHeader, QueryState } from '../../../components/page.tsx'
import { Pager } from '../../../components/pager.tsx'
import { formatDateTime } from '../../../lib/format.ts'
import { type OutboxMail, outboxQuery } from '../api/outbox.ts'

const LIMIT = 50
const STATUS_COLORS: Record<OutboxMail['status'], string> = {
  pending: 'blue',
  sending: 'cyan',
  sent: 'green',
  failed: 'red',
  held: 'gray',
}

export function OutboxPage() {
  const { t, i18n } = useTranslation()
  const [offset, setOffset] = useState(0)
  const list = useQuery(outboxQuery(LIMIT, offset))
  return (
    <Page>
      <PageHeader title={t('outbox.title')} description={t('outbox.description')} />
      <Card withBorder>
        <QueryState isPending={list.isPending} error={list.error} />
        {list.data && (
          <>
            <Table.ScrollContainer minWidth={760}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('outbox.createdAt')}</Table.Th>
                    <Table.Th scope="col">{t('outbox.to')}</Table.Th>
                    <Table.Th scope="col">{t('outbox.subject')}</Table.Th>
                    <Table.Th scope="col">{t('common.status')}</Table.Th>
                    <Table.Th scope="col">{t('outbox.attempts')}</Table.Th>
                    <Table.Th scope="col">{t('outbox.sentAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.length === 0 && <EmptyRow colSpan={6} />}
                  {list.data.items.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td className="nowrap">{formatDateTime(m.createdAt, i18n.language)}</Table.Td>
                      <Table.Td>{m.to}</Table.Td>
                      <Table.Td>{m.subject}</Table.Td>
                      <Table.Td>
                        <Badge
                          color={STATUS_COLORS[m.status]}
                          variant="light"
                          title={m.lastError ?? undefined}
                        >
                          {t(`outbox.status.${m.status}`)}
                        </Badge>
                        {m.lastError && <div className="muted small">{m.lastError}</div>}
                      </Table.Td>
                      <Table.Td>{m.attempts}</Table.Td>
                      <Table.Td className="nowrap">{formatDateTime(m.sentAt, i18n.language)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager total={list.data.total} limit={LIMIT} offset={offset} onOffset={setOffset} />
          </>
        )}
      </Card>
    </Page>
  )
}

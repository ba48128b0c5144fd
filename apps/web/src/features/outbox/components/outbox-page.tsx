import { Badge, Card, Group, Select, Table, TextInput } from '@mantine/core'
import { OutboxMailSchema } from '@qalxan/contracts'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EmptyRow, Page, PageHeader, QueryState } from '../../../components/page.tsx'
import { Pager } from '../../../components/pager.tsx'
import { formatDateTime } from '../../../lib/format.ts'
import { useDebounced } from '../../../lib/use-debounced.ts'
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
  const [status, setStatus] = useState<OutboxMail['status'] | null>(null)
  const [to, setTo] = useState('')
  const recipient = useDebounced(to.trim(), 300)
  const list = useQuery(
    outboxQuery({ status: status ?? undefined, to: recipient || undefined }, LIMIT, offset),
  )
  return (
    <Page>
      <PageHeader title={t('outbox.title')} description={t('outbox.description')} />
      <Card withBorder>
        <Group mb="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('common.status')}
            placeholder={t('audit.anyOutcome')}
            clearable
            data={OutboxMailSchema.shape.status.options.map((s) => ({
              value: s,
              label: t(`outbox.status.${s}`),
            }))}
            value={status}
            onChange={(v) => {
              setStatus(v as OutboxMail['status'] | null)
              setOffset(0)
            }}
            w={200}
          />
          <TextInput
            label={t('outbox.to')}
            type="search"
            value={to}
            onChange={(e) => {
              setTo(e.currentTarget.value)
              setOffset(0)
            }}
            w={280}
          />
        </Group>
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

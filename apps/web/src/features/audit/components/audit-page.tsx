import { Badge, Button, Card, Code, Group, Select, Table, TextInput, UnstyledButton } from '@mantine/core'
import type { AuditEvent } from '@qalxan/contracts'
import { useQuery } from '@tanstack/react-query'
import { type FormEvent, Fragment, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { EmptyRow, Page, PageHeader, QueryState } from '../../../components/page.tsx'
import { Pager } from '../../../components/pager.tsx'
import { saveBlob } from '../../../lib/api.ts'
import { formatDateTime } from '../../../lib/format.ts'
import { useCan } from '../../me/use-can.ts'
import { type AuditFilters, auditListQuery, cleanFilters, exportAuditCsv } from '../api/audit.ts'

const LIMIT = 50
const OUTCOME_COLORS: Record<AuditEvent['outcome'], string> = {
  success: 'green',
  denied: 'orange',
  failure: 'red',
}

const short = (id: string | null) => (id ? (id.length > 12 ? `${id.slice(0, 8)}…` : id) : '—')

export function AuditPage() {
  const { t, i18n } = useTranslation()
  const allowed = useCan()
  const [draft, setDraft] = useState<AuditFilters>({})
  const [filters, setFilters] = useState<AuditFilters>({})
  const [offset, setOffset] = useState(0)
  const [open, setOpen] = useState<number | null>(null)
  const [exporting, setExporting] = useState(false)
  const [exportError, setExportError] = useState<unknown>(null)
  const list = useQuery(auditListQuery(filters, LIMIT, offset))

  const apply = (e: FormEvent) => {
    e.preventDefault()
    setFilters(cleanFilters(draft))
    setOffset(0)
  }
  const set = (k: keyof AuditFilters) => (v: string | null) =>
    setDraft((d) => ({ ...d, [k]: v ?? undefined }))

  const doExport = async () => {
    setExporting(true)
    setExportError(null)
    try {
      const { blob, filename } = await exportAuditCsv(filters)
      saveBlob(blob, filename ?? 'audit.csv')
    } catch (e) {
      setExportError(e)
    } finally {
      setExporting(false)
    }
  }

  return (
    <Page>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.description')}
        actions={
          allowed('audit.export') && (
            <Button variant="default" onClick={doExport} loading={exporting}>
              {t('audit.export')}
            </Button>
          )
        }
      />
      <ErrorAlert error={exportError} />
      <Card withBorder>
        <form onSubmit={apply} aria-label={t('audit.filters')}>
          <Group align="flex-end" wrap="wrap" gap="sm">
            <TextInput
              label={t('audit.action')}
              placeholder="user.create"
              value={draft.action ?? ''}
              onChange={(e) => set('action')(e.currentTarget.value)}
              w={180}
            />
            <TextInput
              label={t('audit.actor')}
              value={draft.actorUserId ?? ''}
              onChange={(e) => set('actorUserId')(e.currentTarget.value)}
              w={180}
            />
            <TextInput
              label={t('audit.target')}
              value={draft.targetId ?? ''}
              onChange={(e) => set('targetId')(e.currentTarget.value)}
              w={180}
            />
            <Select
              label={t('audit.outcome')}
              clearable
              placeholder={t('audit.anyOutcome')}
              data={(['success', 'denied', 'failure'] as const).map((o) => ({
                value: o,
                label: t(`outcome.${o}`),
              }))}
              value={draft.outcome ?? null}
              onChange={set('outcome')}
              w={160}
            />
            <TextInput
              label={t('audit.from')}
              type="date"
              value={draft.from ?? ''}
              onChange={(e) => set('from')(e.currentTarget.value)}
              w={160}
            />
            <TextInput
              label={t('audit.to')}
              type="date"
              value={draft.to ?? ''}
              onChange={(e) => set('to')(e.currentTarget.value)}
              w={160}
            />
            <Button type="submit">{t('audit.apply')}</Button>
            <Button
              variant="subtle"
              onClick={() => {
                setDraft({})
                setFilters({})
                setOffset(0)
              }}
            >
              {t('audit.reset')}
            </Button>
          </Group>
        </form>
      </Card>
      <Card withBorder>
        <QueryState isPending={list.isPending} error={list.error} />
        {list.data && (
          <>
            <Table.ScrollContainer minWidth={860}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">#</Table.Th>
                    <Table.Th scope="col">{t('audit.time')}</Table.Th>
                    <Table.Th scope="col">{t('audit.action')}</Table.Th>
                    <Table.Th scope="col">{t('audit.outcome')}</Table.Th>
                    <Table.Th scope="col">{t('audit.actor')}</Table.Th>
                    <Table.Th scope="col">{t('audit.target')}</Table.Th>
                    <Table.Th scope="col">{t('audit.ip')}</Table.Th>
                    <Table.Th scope="col">
                      <span className="visually-hidden">{t('audit.details')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.length === 0 && <EmptyRow colSpan={8} />}
                  {list.data.items.map((e) => (
                    <Fragment key={e.seq}>
                      <Table.Tr>
                        <Table.Td>{e.seq}</Table.Td>
                        <Table.Td className="nowrap">{formatDateTime(e.occurredAt, i18n.language)}</Table.Td>
                        <Table.Td>
                          <Code>{e.action}</Code>
                        </Table.Td>
                        <Table.Td>
                          <Badge color={OUTCOME_COLORS[e.outcome]} variant="light">
                            {t(`outcome.${e.outcome}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td title={e.actorUserId ?? undefined}>
                          {e.actorName ?? short(e.actorUserId)}
                        </Table.Td>
                        <Table.Td title={e.targetId ?? undefined}>
                          {e.targetType ? `${e.targetType} ` : ''}
                          {short(e.targetId)}
                        </Table.Td>
                        <Table.Td>{e.ip ?? '—'}</Table.Td>
                        <Table.Td>
                          <UnstyledButton
                            className="link-button"
                            aria-expanded={open === e.seq}
                            onClick={() => setOpen(open === e.seq ? null : e.seq)}
                          >
                            {open === e.seq ? t('audit.hide') : t('audit.details')}
                          </UnstyledButton>
                        </Table.Td>
                      </Table.Tr>
                      {open === e.seq && (
                        <Table.Tr>
                          <Table.Td colSpan={8}>
                            <dl className="audit-details">
                              <dt>{t('audit.actor')}</dt>
                              <dd>{e.actorUserId ?? '—'}</dd>
                              <dt>{t('audit.target')}</dt>
                              <dd>{e.targetId ?? '—'}</dd>
                              <dt>{t('audit.requestId')}</dt>
                              <dd>{e.requestId ?? '—'}</dd>
                              <dt>{t('audit.hash')}</dt>
                              <dd className="break">{e.hash}</dd>
                            </dl>
                            <pre className="json">{JSON.stringify(e.data, null, 2)}</pre>
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
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

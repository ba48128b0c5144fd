import { ActionIcon, Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core'
import type { AgendaItem, AgendaLink, ItemRequest, MeetingDetail } from '@qalxan/contracts'
import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { formatDate, formatDateTime, localized } from '../../../lib/format.ts'
import { fileContentPath } from '../../reporting/api/reporting.ts'
import { useRemoveAgendaItem, useReorderAgenda } from '../api/meetings.ts'
import { localDay } from '../calendar.ts'
import { AgendaItemForm } from '../forms/agenda-item-form.tsx'
import { RequestReportsForm, SubmitReportForm } from '../forms/item-request-forms.tsx'
import { Dialog } from './dialog.tsx'

/** The item ids in their new order after moving one up (-1) or down (+1). */
export function moveItem(ids: readonly string[], id: string, by: -1 | 1): string[] {
  const i = ids.indexOf(id)
  const j = i + by
  if (i < 0 || j < 0 || j >= ids.length) return [...ids]
  const out = [...ids]
  ;[out[i], out[j]] = [out[j] as string, out[i] as string]
  return out
}

/** Where a link leads: the measure page (reports and evaluations open their measure), or the file. */
export function AgendaLinkView({ link }: { link: AgendaLink }) {
  const { t } = useTranslation()
  const kind = t(`coord:link.kind.${link.kind}`)
  if (link.kind === 'document')
    return (
      <>
        {kind}:{' '}
        <Anchor href={fileContentPath(link.targetId)} target="_blank" rel="noopener noreferrer">
          {link.label}
        </Anchor>
      </>
    )
  const measureId = link.kind === 'measure' ? (link.measureId ?? link.targetId) : link.measureId
  return (
    <>
      {kind}:{' '}
      {measureId ? (
        <Link to="/plan/measures/$measureId" params={{ measureId }}>
          {link.label}
        </Link>
      ) : (
        link.label
      )}
    </>
  )
}

function RequestsTable({
  requests,
  open,
  onSubmit,
}: {
  requests: ItemRequest[]
  /** Reports are received until the meeting begins. */
  open: boolean
  onSubmit: (r: ItemRequest) => void
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table>
        <caption className="visually-hidden">{t('coord:request.title')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('coord:assignment.org')}</Table.Th>
            <Table.Th scope="col">{t('coord:request.dueOn')}</Table.Th>
            <Table.Th scope="col">{t('common.status')}</Table.Th>
            <Table.Th scope="col">{t('coord:request.text')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {requests.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <strong>{r.orgCode}</strong> {localized(r.orgName, lang)}
              </Table.Td>
              <Table.Td className="nowrap">{formatDate(r.dueOn, lang)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={r.state === 'submitted' ? 'green' : 'orange'} tt="none">
                  {t(`coord:request.state.${r.state}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {r.text && (
                  <Text size="sm" className="pre-line">
                    {r.text}
                  </Text>
                )}
                {r.fileId && (
                  <Anchor
                    size="sm"
                    href={fileContentPath(r.fileId)}
                    target="_blank"
                    rel="noopener noreferrer"
                  >
                    {r.filename ?? t('coord:request.file')}
                  </Anchor>
                )}
                {r.submittedAt && (
                  <Text size="xs" c="dimmed">
                    {r.submittedBy ?? ''} · {formatDateTime(r.submittedAt, lang)}
                  </Text>
                )}
                {r.canSubmit && open && (
                  <Button size="compact-xs" mt={4} onClick={() => onSubmit(r)}>
                    {r.state === 'submitted' ? t('coord:request.resubmit') : t('coord:request.submit')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

type DialogState =
  | { kind: 'add' }
  | { kind: 'edit'; item: AgendaItem }
  | { kind: 'remove'; item: AgendaItem }
  | { kind: 'request'; item: AgendaItem }
  | { kind: 'submit'; request: ItemRequest }
  | null

/** The agenda in order, with each item's links and report requests; editable by the body's managers. */
export function AgendaPanel({
  detail,
  memberOrgIds,
}: {
  detail: MeetingDetail
  memberOrgIds: readonly string[]
}) {
  const { t, i18n } = useTranslation()
  const m = detail.meeting
  const items = [...detail.agenda].sort((a, b) => a.position - b.position)
  const ids = items.map((i) => i.id)
  const [dialog, setDialog] = useState<DialogState>(null)
  const reorder = useReorderAgenda(m.id)
  const remove = useRemoveAgendaItem()
  const close = () => {
    setDialog(null)
    remove.reset()
  }
  // Items may change until the minutes are approved; removed only before the meeting begins.
  const editable = m.canManage && m.state !== 'cancelled' && detail.minutes.state !== 'approved'
  const beforeMeeting = Date.parse(m.startsAt) > Date.now()
  const lang = i18n.language
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('coord:agenda.title')}
          </Title>
          {editable && (
            <Button size="xs" onClick={() => setDialog({ kind: 'add' })}>
              {t('coord:agenda.add')}
            </Button>
          )}
        </Group>
        <ErrorAlert error={reorder.error} />
        {items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('coord:agenda.empty')}
          </Text>
        )}
        <ol className="qx-agenda">
          {items.map((item, index) => {
            const title = localized(item.title, lang)
            return (
              <li key={item.id}>
                <Card withBorder padding="sm">
                  <Stack gap={6}>
                    <Group justify="space-between" align="flex-start" wrap="nowrap">
                      <div className="qx-grow">
                        <Text fw={600}>
                          {index + 1}. {title}
                        </Text>
                        {item.presenterOrgCode && (
                          <Text size="xs" c="dimmed">
                            {t('coord:agenda.presenter')}: {item.presenterOrgCode}
                          </Text>
                        )}
                      </div>
                      {editable && (
                        <Group gap={4} wrap="nowrap">
                          <ActionIcon
                            variant="default"
                            size="sm"
                            disabled={index === 0 || reorder.isPending}
                            onClick={() => reorder.mutate(moveItem(ids, item.id, -1))}
                            aria-label={t('coord:agenda.moveUp', { title })}
                          >
                            ↑
                          </ActionIcon>
                          <ActionIcon
                            variant="default"
                            size="sm"
                            disabled={index === items.length - 1 || reorder.isPending}
                            onClick={() => reorder.mutate(moveItem(ids, item.id, 1))}
                            aria-label={t('coord:agenda.moveDown', { title })}
                          >
                            ↓
                          </ActionIcon>
                        </Group>
                      )}
                    </Group>
                    {item.description && (
                      <Text size="sm" className="pre-line">
                        {item.description}
                      </Text>
                    )}
                    {item.links.length > 0 && (
                      <ul className="plain-list">
                        {item.links.map((l) => (
                          <li key={`${l.kind}-${l.targetId}`}>
                            <Text size="sm">
                              <AgendaLinkView link={l} />
                            </Text>
                          </li>
                        ))}
                      </ul>
                    )}
                    {item.requests.length > 0 && (
                      <RequestsTable
                        requests={item.requests}
                        open={beforeMeeting && m.state !== 'cancelled'}
                        onSubmit={(request) => setDialog({ kind: 'submit', request })}
                      />
                    )}
                    {editable && (
                      <Group gap="xs">
                        <Button
                          size="compact-xs"
                          variant="default"
                          onClick={() => setDialog({ kind: 'edit', item })}
                        >
                          {t('common.edit')}
                          <span className="visually-hidden"> {title}</span>
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="default"
                          onClick={() => setDialog({ kind: 'request', item })}
                        >
                          {t('coord:request.ask')}
                          <span className="visually-hidden"> {title}</span>
                        </Button>
                        {beforeMeeting && (
                          <Button
                            size="compact-xs"
                            variant="default"
                            color="red"
                            onClick={() => setDialog({ kind: 'remove', item })}
                          >
                            {t('coord:agenda.remove')}
                            <span className="visually-hidden"> {title}</span>
                          </Button>
                        )}
                      </Group>
                    )}
                  </Stack>
                </Card>
              </li>
            )
          })}
        </ol>
      </Stack>
      <Dialog
        opened={dialog?.kind === 'add' || dialog?.kind === 'edit'}
        onClose={close}
        title={dialog?.kind === 'edit' ? t('coord:agenda.edit') : t('coord:agenda.add')}
        size="xl"
      >
        {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
          <AgendaItemForm
            meetingId={m.id}
            item={dialog.kind === 'edit' ? dialog.item : undefined}
            documents={detail.documents}
            onDone={close}
          />
        )}
      </Dialog>
      <Dialog opened={dialog?.kind === 'request'} onClose={close} title={t('coord:request.ask')} size="lg">
        {dialog?.kind === 'request' && (
          <RequestReportsForm
            itemId={dialog.item.id}
            dueBy={localDay(m.startsAt)}
            suggested={memberOrgIds}
            onDone={close}
          />
        )}
      </Dialog>
      <Dialog opened={dialog?.kind === 'submit'} onClose={close} title={t('coord:request.submit')} size="lg">
        {dialog?.kind === 'submit' && <SubmitReportForm request={dialog.request} onDone={close} />}
      </Dialog>
      <Dialog opened={dialog?.kind === 'remove'} onClose={close} title={t('coord:agenda.remove')}>
        {dialog?.kind === 'remove' && (
          <Stack>
            <Text size="sm">
              {t('coord:agenda.removeText', { title: localized(dialog.item.title, lang) })}
            </Text>
            <ErrorAlert error={remove.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                loading={remove.isPending}
                onClick={async () => {
                  try {
                    await remove.mutateAsync(dialog.item.id)
                    close()
                  } catch {
                    // Shown in the dialog.
                  }
                }}
              >
                {t('coord:agenda.remove')}
              </Button>
            </Group>
          </Stack>
        )}
      </Dialog>
    </Card>
  )
}

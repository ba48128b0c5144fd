import { Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import type { Body, Member } from '@qalxan/contracts'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EmptyRow, QueryState } from '../../../components/page.tsx'
import { formatDate, localized } from '../../../lib/format.ts'
import { memberHistoryQuery, membersQuery } from '../api/bodies.ts'
import { localDay } from '../calendar.ts'
import { EndSeatForm, MemberForm } from '../forms/member-form.tsx'
import { ProposeMembers } from '../forms/propose-members.tsx'
import { RoleBadge } from './badges.tsx'
import { Dialog } from './dialog.tsx'

const ROLE_ORDER = { chair: 0, deputy_chair: 1, secretary: 2, member: 3 } as const

/** Chair, deputy chair and secretary first, then the members by organisation code. */
export const byRole = (members: readonly Member[]) =>
  [...members].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.orgCode.localeCompare(b.orgCode))

export function MembersTable({
  members,
  caption,
  showDates,
  onEnd,
}: {
  members: readonly Member[]
  caption: string
  showDates?: boolean
  onEnd?: (m: Member) => void
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const cols = 3 + (showDates ? 2 : 0) + (onEnd ? 1 : 0)
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped>
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('coord:member.org')}</Table.Th>
            <Table.Th scope="col">{t('coord:member.person')}</Table.Th>
            <Table.Th scope="col">{t('coord:member.role')}</Table.Th>
            {showDates && <Table.Th scope="col">{t('coord:member.validFrom')}</Table.Th>}
            {showDates && <Table.Th scope="col">{t('coord:member.validTo')}</Table.Th>}
            {onEnd && (
              <Table.Th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.length === 0 && <EmptyRow colSpan={cols} text={t('coord:member.none')} />}
          {members.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                <strong>{m.orgCode}</strong> {localized(m.orgName, lang)}
              </Table.Td>
              <Table.Td>
                {m.userName ?? '—'}
                {m.note && (
                  <Text size="xs" c="dimmed">
                    {m.note}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <RoleBadge role={m.role} />
              </Table.Td>
              {showDates && <Table.Td className="nowrap">{formatDate(m.validFrom, lang)}</Table.Td>}
              {showDates && (
                <Table.Td className="nowrap">
                  {m.validTo ? formatDate(m.validTo, lang) : t('coord:member.ongoing')}
                </Table.Td>
              )}
              {onEnd && (
                <Table.Td>
                  {!m.validTo && (
                    <Button size="compact-xs" variant="default" onClick={() => onEnd(m)}>
                      {t('coord:member.end')}
                      <span className="visually-hidden"> {m.orgCode}</span>
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/** The body's composition on a chosen day, its seat history, and (for the secretariat) changes. */
export function MembersPanel({ body, canEdit }: { body: Body; canEdit: boolean }) {
  const { t, i18n } = useTranslation()
  const today = localDay(new Date())
  const [on, setOn] = useState(today)
  const [dialog, setDialog] = useState<'add' | 'propose' | null>(null)
  const [ending, setEnding] = useState<Member | null>(null)
  const [showHistory, setShowHistory] = useState(false)
  const validDay = /^\d{4}-\d{2}-\d{2}$/.test(on)
  const members = useQuery({ ...membersQuery(body.id, on === today ? undefined : on), enabled: validDay })
  const history = useQuery({ ...memberHistoryQuery(body.id), enabled: showHistory })
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Title order={2} size="h4">
            {on === today
              ? t('coord:member.now')
              : t('coord:member.onDate', { date: formatDate(on, i18n.language) })}
          </Title>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              type="date"
              label={t('coord:member.compositionOn')}
              value={on}
              onChange={(e) => setOn(e.currentTarget.value || today)}
              w={180}
            />
            {canEdit && (
              <>
                <Button variant="default" onClick={() => setDialog('propose')}>
                  {t('coord:member.propose')}
                </Button>
                <Button onClick={() => setDialog('add')}>{t('coord:member.add')}</Button>
              </>
            )}
          </Group>
        </Group>
        <QueryState isPending={members.isPending && validDay} error={members.error} />
        {members.data && (
          <MembersTable
            members={byRole(members.data)}
            caption={t('coord:member.now')}
            onEnd={canEdit && on === today ? setEnding : undefined}
          />
        )}
        <Group>
          <Button
            variant="subtle"
            size="xs"
            onClick={() => setShowHistory((s) => !s)}
            aria-expanded={showHistory}
          >
            {showHistory ? t('coord:member.hideHistory') : t('coord:member.history')}
          </Button>
        </Group>
        {showHistory && (
          <>
            <QueryState isPending={history.isPending} error={history.error} />
            {history.data && (
              <MembersTable members={history.data} caption={t('coord:member.history')} showDates />
            )}
          </>
        )}
      </Stack>
      <Dialog
        opened={dialog === 'add'}
        onClose={() => setDialog(null)}
        title={t('coord:member.add')}
        size="lg"
      >
        <MemberForm bodyId={body.id} onDone={() => setDialog(null)} />
      </Dialog>
      <Dialog
        opened={dialog === 'propose'}
        onClose={() => setDialog(null)}
        title={t('coord:member.propose')}
        size="xl"
      >
        <ProposeMembers body={body} onDone={() => setDialog(null)} />
      </Dialog>
      <Dialog
        opened={ending !== null}
        onClose={() => setEnding(null)}
        title={ending ? t('coord:member.endOf', { org: ending.orgCode }) : ''}
      >
        {ending && <EndSeatForm member={ending} onDone={() => setEnding(null)} />}
      </Dialog>
    </Card>
  )
}

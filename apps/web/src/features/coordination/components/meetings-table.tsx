import { Table } from '@mantine/core'
import type { Meeting } from '@qalxan/contracts'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { EmptyRow } from '../../../components/page.tsx'
import { formatDateTime, localized } from '../../../lib/format.ts'
import { MeetingStateBadge, MinutesStateBadge } from './badges.tsx'

/** Meetings newest first, each linking to its page. */
export function MeetingsTable({ meetings }: { meetings: readonly Meeting[] }) {
  const { t, i18n } = useTranslation()
  const sorted = [...meetings].sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt))
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('coord:meeting.number')}</Table.Th>
            <Table.Th scope="col">{t('coord:meeting.when')}</Table.Th>
            <Table.Th scope="col">{t('coord:meeting.titleLabel')}</Table.Th>
            <Table.Th scope="col">{t('common.status')}</Table.Th>
            <Table.Th scope="col">{t('coord:minutes.title')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.length === 0 && <EmptyRow colSpan={5} text={t('coord:meeting.none')} />}
          {sorted.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td className="nowrap">
                <Link to="/coordination/meetings/$meetingId" params={{ meetingId: m.id }}>
                  №{m.number}
                </Link>
              </Table.Td>
              <Table.Td className="nowrap">{formatDateTime(m.startsAt, i18n.language)}</Table.Td>
              <Table.Td>{localized(m.title, i18n.language)}</Table.Td>
              <Table.Td>
                <MeetingStateBadge state={m.state} />
              </Table.Td>
              <Table.Td>
                <MinutesStateBadge state={m.minutesState} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

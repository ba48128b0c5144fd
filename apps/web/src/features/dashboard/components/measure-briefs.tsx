import { Table } from '@mantine/core'
import type { MeasureBrief } from '@qalxan/contracts'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { EmptyRow } from '../../../components/page.tsx'
import { localized } from '../../../lib/format.ts'
import { CompletionBadge, TimelinessBadge } from '../../reporting/components/badges.tsx'

/** Overdue or at-risk measures, each linking to its page (for the period shown). */
export function MeasureBriefs({ items, periodId }: { items: MeasureBrief[]; periodId?: string }) {
  const { t, i18n } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('plan.measure')}</Table.Th>
            <Table.Th scope="col">{t('plan.deadline.title')}</Table.Th>
            <Table.Th scope="col">{t('plan.role.lead')}</Table.Th>
            <Table.Th scope="col">{t('common.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && <EmptyRow colSpan={4} text={t('dashboard.noneHere')} />}
          {items.map((m) => (
            <Table.Tr key={m.measureId}>
              <Table.Td>
                <Link
                  to="/plan/measures/$measureId"
                  params={{ measureId: m.measureId }}
                  search={periodId ? { period: periodId } : {}}
                >
                  {m.code}
                </Link>{' '}
                {localized(m.title, i18n.language)}
              </Table.Td>
              <Table.Td className="nowrap">
                {m.deadline === 'ongoing' ? t('plan.deadline.ongoing') : m.deadline}
              </Table.Td>
              <Table.Td>{m.leads.join(', ')}</Table.Td>
              <Table.Td>
                <div>
                  <TimelinessBadge value={m.timeliness} />
                </div>
                <div>
                  <CompletionBadge value={m.completion} />
                </div>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

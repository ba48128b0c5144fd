import { Button, Table, Text } from '@mantine/core'
import type { Assignment } from '@qalxan/contracts'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { EmptyRow } from '../../../components/page.tsx'
import { formatDate, localized } from '../../../lib/format.ts'
import { AssignmentStateBadge } from './badges.tsx'

/**
 * Assignments with organisation, responsible person, due date, state and linked measure. With
 * `onOpen`, each row has a button that opens its reports; `withDecision` adds the decision and
 * meeting column (lists that mix decisions).
 */
export function AssignmentsTable({
  assignments,
  onOpen,
  withDecision,
  emptyText,
}: {
  assignments: readonly Assignment[]
  onOpen?: (a: Assignment) => void
  withDecision?: boolean
  emptyText?: string
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const cols = 5 + (withDecision ? 1 : 0) + (onOpen ? 1 : 0)
  return (
    <Table.ScrollContainer minWidth={withDecision ? 860 : 720}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            {withDecision && <Table.Th scope="col">{t('coord:decision.one')}</Table.Th>}
            <Table.Th scope="col">{t('coord:assignment.org')}</Table.Th>
            <Table.Th scope="col">{t('coord:assignment.task')}</Table.Th>
            <Table.Th scope="col">{t('coord:assignment.dueOn')}</Table.Th>
            <Table.Th scope="col">{t('common.status')}</Table.Th>
            <Table.Th scope="col">{t('coord:assignment.measure')}</Table.Th>
            {onOpen && (
              <Table.Th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {assignments.length === 0 && (
            <EmptyRow colSpan={cols} text={emptyText ?? t('coord:assignment.none')} />
          )}
          {assignments.map((a) => (
            <Table.Tr key={a.id}>
              {withDecision && (
                <Table.Td className="nowrap">
                  <Link to="/coordination/meetings/$meetingId" params={{ meetingId: a.meetingId }}>
                    {a.bodyCode} №{a.meetingNumber}
                  </Link>
                  <Text size="xs" c="dimmed">
                    {t('coord:decision.numbered', { number: a.decisionNumber })}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <strong>{a.orgCode}</strong> {localized(a.orgName, lang)}
                {a.responsibleName && (
                  <Text size="xs" c="dimmed">
                    {t('coord:assignment.responsible')}: {a.responsibleName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" className="pre-line">
                  {a.task || '—'}
                </Text>
              </Table.Td>
              <Table.Td className="nowrap">
                {formatDate(a.dueOn, lang)}
                {a.completedOn && (
                  <Text size="xs" c="dimmed">
                    {t('coord:assignment.completedOn', { date: formatDate(a.completedOn, lang) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <AssignmentStateBadge state={a.state} overdue={a.overdue} />
              </Table.Td>
              <Table.Td className="nowrap">
                {a.measureId && a.measureCode ? (
                  <Link to="/plan/measures/$measureId" params={{ measureId: a.measureId }}>
                    {a.measureCode}
                  </Link>
                ) : (
                  '—'
                )}
              </Table.Td>
              {onOpen && (
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant={a.canReport || a.canReview ? 'filled' : 'default'}
                    onClick={() => onOpen(a)}
                  >
                    {a.canReview && a.state === 'reported'
                      ? t('coord:assignment.review')
                      : a.canReport && (a.state === 'open' || a.state === 'reported')
                        ? t('coord:assignment.report')
                        : t('coord:assignment.reports', { count: a.reports.length })}
                    <span className="visually-hidden">
                      {' '}
                      {t('coord:assignment.of', { org: a.orgCode, number: a.decisionNumber })}
                    </span>
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

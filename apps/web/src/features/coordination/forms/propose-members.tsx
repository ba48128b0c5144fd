import { Button, Checkbox, Group, Stack, Table, Text, TextInput } from '@mantine/core'
import type { Body, ProposedMember } from '@qalxan/contracts'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { EmptyRow, QueryState } from '../../../components/page.tsx'
import { localized } from '../../../lib/format.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { proposedMembersQuery, useSeatMembers } from '../api/bodies.ts'
import { localDay } from '../calendar.ts'

/** Measure codes an organisation leads and co-executes, shortened for a table cell. */
export function measureCodes(p: Pick<ProposedMember, 'lead' | 'co'>, t: (k: string) => string): string {
  const short = (codes: string[]) =>
    codes.length > 6 ? `${codes.slice(0, 6).join(', ')} …` : codes.join(', ')
  return [
    p.lead.length ? `${t('coord:member.leads')}: ${short(p.lead)}` : '',
    p.co.length ? `${t('coord:member.coExecutes')}: ${short(p.co)}` : '',
  ]
    .filter(Boolean)
    .join(' · ')
}

/**
 * The organisations the Action Plan suggests for the body (lead and co-executors of its direction's
 * measures); the ticked ones are seated as members in one request.
 */
export function ProposeMembers({ body, onDone }: { body: Body; onDone: () => void }) {
  const { t, i18n } = useTranslation()
  const proposed = useQuery(proposedMembersQuery(body.id, body.strategyId ?? undefined))
  const seat = useSeatMembers(body.id)
  const [ticked, setTicked] = useState<Set<string>>(new Set())
  const [validFrom, setValidFrom] = useState(localDay(new Date()))
  const [error, setError] = useState<unknown>(null)
  const rows = proposed.data ?? []
  const open = rows.filter((p) => !p.alreadyMember)
  const toggle = (id: string) =>
    setTicked((s) => {
      const next = new Set(s)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  const allTicked = open.length > 0 && open.every((p) => ticked.has(p.orgId))
  const submit = async () => {
    setError(null)
    try {
      await seat.mutateAsync(
        rows
          .filter((p) => ticked.has(p.orgId))
          .map((p) => ({ orgId: p.orgId, userId: p.userId, role: 'member' as const, validFrom, note: '' })),
      )
      notifySuccess(t('coord:member.seatedMany', { count: ticked.size }))
      onDone()
    } catch (e) {
      setError(e)
    }
  }
  return (
    <Stack>
      <Text size="sm">{t('coord:member.proposeHint')}</Text>
      <ErrorAlert error={error} />
      <QueryState isPending={proposed.isPending} error={proposed.error} />
      {proposed.data && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1)
        <section className="qx-scroll-y" aria-label={t('coord:member.propose')} tabIndex={0}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  <Checkbox
                    aria-label={t('coord:member.tickAll')}
                    checked={allTicked}
                    indeterminate={!allTicked && ticked.size > 0}
                    disabled={open.length === 0}
                    onChange={() => setTicked(allTicked ? new Set() : new Set(open.map((p) => p.orgId)))}
                  />
                </Table.Th>
                <Table.Th scope="col">{t('coord:member.org')}</Table.Th>
                <Table.Th scope="col">{t('coord:member.measures')}</Table.Th>
                <Table.Th scope="col">{t('coord:member.person')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.length === 0 && <EmptyRow colSpan={4} text={t('coord:member.noneProposed')} />}
              {rows.map((p) => {
                const name = localized(p.orgName, i18n.language)
                return (
                  <Table.Tr key={p.orgId}>
                    <Table.Td>
                      <Checkbox
                        aria-label={name}
                        checked={p.alreadyMember || ticked.has(p.orgId)}
                        disabled={p.alreadyMember}
                        onChange={() => toggle(p.orgId)}
                      />
                    </Table.Td>
                    <Table.Td>
                      {name}
                      {p.alreadyMember && (
                        <Text size="xs" c="dimmed">
                          {t('coord:member.alreadyMember')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{measureCodes(p, t)}</Text>
                    </Table.Td>
                    <Table.Td>{p.userName ?? '—'}</Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </section>
      )}
      <Group align="flex-end" justify="space-between" wrap="wrap">
        <TextInput
          type="date"
          label={t('coord:member.validFrom')}
          required
          value={validFrom}
          onChange={(e) => setValidFrom(e.currentTarget.value)}
          w={200}
        />
        <Group>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} disabled={ticked.size === 0 || !validFrom} loading={seat.isPending}>
            {t('coord:member.seatTicked', { count: ticked.size })}
          </Button>
        </Group>
      </Group>
    </Stack>
  )
}

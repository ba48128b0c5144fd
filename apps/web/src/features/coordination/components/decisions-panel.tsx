import { Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import type { Assignment, Decision, MeetingDetail, Member } from '@qalxan/contracts'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime, localized } from '../../../lib/format.ts'
import { AddAssignmentForm, DecisionForm } from '../forms/decision-form.tsx'
import { hasBegun } from '../labels.ts'
import { AssignmentDialog } from './assignment-dialog.tsx'
import { AssignmentsTable } from './assignments-table.tsx'
import { Dialog } from './dialog.tsx'

/** The decisions adopted at the meeting, each with its assignments and their state. */
export function DecisionsPanel({ detail, members }: { detail: MeetingDetail; members: readonly Member[] }) {
  const { t, i18n } = useTranslation()
  const m = detail.meeting
  const [recording, setRecording] = useState(false)
  const [adding, setAdding] = useState<Decision | null>(null)
  const [open, setOpen] = useState<Assignment | null>(null)
  const begun = hasBegun(m)
  const editable = m.canManage && m.state !== 'cancelled' && begun && detail.minutes.state !== 'approved'
  const lang = i18n.language
  const agendaTitle = (id: string | null) => {
    const i = detail.agenda.find((a) => a.id === id)
    return i ? localized(i.title, lang) : null
  }
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('coord:decision.title')}
          </Title>
          {editable && (
            <Button size="xs" onClick={() => setRecording(true)}>
              {t('coord:decision.record')}
            </Button>
          )}
        </Group>
        {detail.decisions.length === 0 && (
          <Text size="sm" c="dimmed">
            {m.canManage && !begun ? t('coord:decision.notYet') : t('coord:decision.none')}
          </Text>
        )}
        {detail.decisions.map((d) => (
          <Card key={d.id} withBorder padding="sm">
            <Stack gap="xs">
              <Group justify="space-between" align="flex-start">
                <div className="qx-grow">
                  <Title order={3} size="h5">
                    {t('coord:decision.numbered', { number: d.number })}
                  </Title>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(d.createdAt, lang)}
                    {agendaTitle(d.agendaItemId) &&
                      ` · ${t('coord:decision.onItem', { title: agendaTitle(d.agendaItemId) })}`}
                  </Text>
                </div>
                {editable && (
                  <Button size="compact-xs" variant="default" onClick={() => setAdding(d)}>
                    {t('coord:assignment.add')}
                    <span className="visually-hidden">
                      {' '}
                      {t('coord:decision.numbered', { number: d.number })}
                    </span>
                  </Button>
                )}
              </Group>
              <Text size="sm" className="pre-line">
                {localized(d.text, lang)}
              </Text>
              {d.assignments.length > 0 && <AssignmentsTable assignments={d.assignments} onOpen={setOpen} />}
            </Stack>
          </Card>
        ))}
      </Stack>
      <Dialog
        opened={recording}
        onClose={() => setRecording(false)}
        title={t('coord:decision.record')}
        size="xl"
      >
        <DecisionForm
          meetingId={m.id}
          agenda={detail.agenda}
          members={members}
          nextNumber={String(detail.decisions.length + 1)}
          onDone={() => setRecording(false)}
        />
      </Dialog>
      <Dialog
        opened={adding !== null}
        onClose={() => setAdding(null)}
        title={
          adding
            ? `${t('coord:assignment.add')} · ${t('coord:decision.numbered', { number: adding.number })}`
            : ''
        }
        size="xl"
      >
        {adding && (
          <AddAssignmentForm decisionId={adding.id} members={members} onDone={() => setAdding(null)} />
        )}
      </Dialog>
      <AssignmentDialog assignment={open} onClose={() => setOpen(null)} />
    </Card>
  )
}

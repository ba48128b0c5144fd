import { Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core'
import type { Meeting } from '@qalxan/contracts'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Page, PageHeader, QueryState } from '../../../components/page.tsx'
import { formatDateTime, localized } from '../../../lib/format.ts'
import { bodiesQuery } from '../api/bodies.ts'
import { calendarQuery } from '../api/meetings.ts'
import { addDays, gridRange, localDay, localMonth, monthGrid, monthTitle, shiftMonth } from '../calendar.ts'
import { MeetingForm } from '../forms/meeting-form.tsx'
import { managedBodies } from '../labels.ts'
import { MonthGrid, useCalendarNames } from './month-grid.tsx'
import '../i18n.ts'
import '../coordination.css'
import { Dialog } from './dialog.tsx'

/** How far ahead the list of upcoming meetings looks. */
const UPCOMING_DAYS = 120
const UPCOMING_SHOWN = 8

export function UpcomingMeetings({
  meetings,
  now = Date.now(),
}: {
  meetings: readonly Meeting[]
  now?: number
}) {
  const { t, i18n } = useTranslation()
  const upcoming = meetings
    .filter((m) => m.state === 'scheduled' && Date.parse(m.endsAt) >= now)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
    .slice(0, UPCOMING_SHOWN)
  if (upcoming.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('coord:calendar.noUpcoming')}
      </Text>
    )
  return (
    <ul className="plain-list">
      {upcoming.map((m) => (
        <li key={m.id}>
          <Text size="sm" fw={600}>
            <Link to="/coordination/meetings/$meetingId" params={{ meetingId: m.id }}>
              {m.bodyCode} №{m.number} · {localized(m.title, i18n.language)}
            </Link>
          </Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(m.startsAt, i18n.language)}
            {m.location ? ` · ${m.location}` : ''}
          </Text>
        </li>
      ))}
    </ul>
  )
}

/** The meetings calendar: a month of weeks, a body filter and the next meetings. */
export function CalendarPage({ month: chosen, bodyId }: { month?: string; bodyId?: string }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const month = chosen ?? localMonth()
  const range = gridRange(monthGrid(month))
  const today = localDay(new Date())
  const bodies = useQuery(bodiesQuery())
  const meetings = useQuery(calendarQuery(range.from, range.to, bodyId))
  const upcoming = useQuery(calendarQuery(today, addDays(today, UPCOMING_DAYS), bodyId))
  const [scheduling, setScheduling] = useState(false)
  const managed = managedBodies(bodies.data ?? [])
  const go = (patch: { month?: string; body?: string }) =>
    void navigate({
      to: '/coordination',
      search: { month: 'month' in patch ? patch.month : chosen, body: 'body' in patch ? patch.body : bodyId },
    })
  const names = useCalendarNames()

  return (
    <Page>
      <PageHeader
        title={t('coord:calendar.title')}
        description={t('coord:calendar.description')}
        actions={
          managed.length > 0 && (
            <Button onClick={() => setScheduling(true)}>{t('coord:meeting.schedule')}</Button>
          )
        }
      />
      <div className="qx-cal-layout">
        <Card withBorder>
          <Stack>
            <Group justify="space-between" wrap="wrap" align="flex-end">
              <Group gap="xs" align="center">
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => go({ month: shiftMonth(month, -1) })}
                  aria-label={t('coord:calendar.previous')}
                >
                  ←
                </Button>
                <Title order={2} size="h4" miw={170} ta="center" aria-live="polite">
                  {monthTitle(month, names)}
                </Title>
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => go({ month: shiftMonth(month, 1) })}
                  aria-label={t('coord:calendar.next')}
                >
                  →
                </Button>
                {month !== localMonth() && (
                  <Button variant="subtle" size="xs" onClick={() => go({ month: undefined })}>
                    {t('coord:calendar.thisMonth')}
                  </Button>
                )}
              </Group>
              <Select
                label={t('coord:body.filter')}
                placeholder={t('coord:body.all')}
                clearable
                searchable
                nothingFoundMessage={t('common.nothingFound')}
                data={(bodies.data ?? []).map((b) => ({
                  value: b.id,
                  label: `${b.code} · ${localized(b.name, i18n.language)}`,
                }))}
                value={bodyId ?? null}
                onChange={(v) => go({ body: v ?? undefined })}
                w={280}
              />
            </Group>
            <QueryState isPending={meetings.isPending} error={meetings.error} />
            {meetings.data && <MonthGrid month={month} meetings={meetings.data} today={today} />}
          </Stack>
        </Card>
        <Card withBorder>
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('coord:calendar.upcoming')}
            </Title>
            <QueryState isPending={upcoming.isPending} error={upcoming.error} />
            {upcoming.data && <UpcomingMeetings meetings={upcoming.data} />}
            <Text size="sm" mt="sm">
              <Link to="/coordination/bodies">{t('coord:body.allBodies')}</Link>
            </Text>
          </Stack>
        </Card>
      </div>
      <Dialog
        opened={scheduling}
        onClose={() => setScheduling(false)}
        title={t('coord:meeting.schedule')}
        size="lg"
      >
        <MeetingForm
          bodies={managed}
          bodyId={bodyId && managed.some((b) => b.id === bodyId) ? bodyId : undefined}
          onCancel={() => setScheduling(false)}
          onDone={(m) => {
            setScheduling(false)
            void navigate({ to: '/coordination/meetings/$meetingId', params: { meetingId: m.id } })
          }}
        />
      </Dialog>
    </Page>
  )
}

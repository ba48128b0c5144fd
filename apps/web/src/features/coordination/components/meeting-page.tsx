import { Card, Stack, Tabs, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Page, PageHeader, QueryState } from '../../../components/page.tsx'
import { localized } from '../../../lib/format.ts'
import { bodiesQuery, membersQuery } from '../api/bodies.ts'
import { meetingQuery } from '../api/meetings.ts'
import { localDay } from '../calendar.ts'
import { managedBodies } from '../labels.ts'
import { AgendaPanel } from './agenda-panel.tsx'
import { AttendancePanel } from './attendance-panel.tsx'
import { DecisionsPanel } from './decisions-panel.tsx'
import { DocumentsPanel } from './documents-panel.tsx'
import { MeetingActions, MeetingDownloads, MeetingFacts } from './meeting-header.tsx'
import { MinutesPanel } from './minutes-panel.tsx'
import '../i18n.ts'
import '../coordination.css'

const TABS = ['agenda', 'attendance', 'minutes', 'documents', 'decisions'] as const
type Tab = (typeof TABS)[number]

/** Everything about one meeting: its agenda, who came, the minutes, documents and decisions. */
export function MeetingPage({ meetingId }: { meetingId: string }) {
  const { t, i18n } = useTranslation()
  const detail = useQuery(meetingQuery(meetingId))
  const d = detail.data
  const day = d ? localDay(d.meeting.startsAt) : ''
  // The body's composition on the meeting's day: attendance, report requests and assignees.
  const members = useQuery({ ...membersQuery(d?.body.id ?? '', day), enabled: !!d })
  const bodies = useQuery({ ...bodiesQuery(), enabled: !!d?.meeting.canManage })
  const [tab, setTab] = useState<Tab>('agenda')
  if (!d)
    return (
      <Page>
        <QueryState isPending={detail.isPending} error={detail.error} />
      </Page>
    )
  const m = d.meeting
  const lang = i18n.language
  const seated = members.data ?? []
  const count = (k: Tab) =>
    k === 'agenda'
      ? d.agenda.length
      : k === 'documents'
        ? d.documents.length
        : k === 'decisions'
          ? d.decisions.length
          : null
  return (
    <Page>
      <Text size="sm">
        <Link to="/coordination/bodies/$bodyId" params={{ bodyId: d.body.id }}>
          ← {d.body.code} · {localized(d.body.name, lang)}
        </Link>
      </Text>
      <PageHeader
        title={`${d.body.code} №${m.number} · ${localized(m.title, lang)}`}
        actions={<MeetingActions detail={d} bodies={managedBodies(bodies.data ?? [])} />}
      />
      <div className="qx-chart-pair">
        <Card withBorder>
          <MeetingFacts detail={d} />
        </Card>
        <MeetingDownloads detail={d} />
      </div>
      <QueryState isPending={members.isPending} error={members.error} />
      <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
        <Tabs.List>
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`coord:tab.${k}`)}
              {count(k) ? ` (${count(k)})` : ''}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Stack pt="md">
          <Tabs.Panel value="agenda">
            <AgendaPanel detail={d} memberOrgIds={seated.map((s) => s.orgId)} />
          </Tabs.Panel>
          <Tabs.Panel value="attendance">
            {members.data && <AttendancePanel key={m.id} detail={d} members={seated} />}
          </Tabs.Panel>
          <Tabs.Panel value="minutes">
            <MinutesPanel detail={d} onReload={() => void detail.refetch()} />
          </Tabs.Panel>
          <Tabs.Panel value="documents">
            <DocumentsPanel detail={d} />
          </Tabs.Panel>
          <Tabs.Panel value="decisions">
            <DecisionsPanel detail={d} members={seated} />
          </Tabs.Panel>
        </Stack>
      </Tabs>
    </Page>
  )
}

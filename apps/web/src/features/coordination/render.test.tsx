import { MantineProvider } from '@mantine/core'
import type {
  AgendaItem,
  Assignment,
  Body,
  ExecutionSummary,
  Me,
  Meeting,
  MeetingDetail,
  Member,
} from '@qalxan/contracts'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router'
import type { ReactNode } from 'react'
import { renderToString } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { initI18n } from '../../i18n/index.ts'
import { meKeys } from '../me/api/me.ts'
import { assignmentsQuery, downloadExecutionReport, summaryQuery } from './api/assignments.ts'
import { bodiesQuery, membersQuery } from './api/bodies.ts'
import { calendarQuery, downloadMeetingFile, meetingQuery } from './api/meetings.ts'
import { addDays, gridRange, localDay, monthGrid } from './calendar.ts'
import { AssignmentView } from './components/assignment-dialog.tsx'
import { AssignmentsPage, assignmentQueryFor } from './components/assignments-page.tsx'
import { BodiesTable } from './components/bodies-page.tsx'
import { CalendarPage } from './components/calendar-page.tsx'
import { MeetingPage } from './components/meeting-page.tsx'
import { MinutesPanel } from './components/minutes-panel.tsx'
import { ExecutionTable } from './components/summary-page.tsx'

const i18n = initI18n('az')

const BODY = '11111111-1111-4111-8111-111111111111'
const MEETING = '22222222-2222-4222-8222-222222222222'
const ORG = '33333333-3333-4333-8333-333333333333'
const MEASURE = '44444444-4444-4444-8444-444444444444'
const FILE = '55555555-5555-4555-8555-555555555555'

const me = (roles: Me['grants'][number]['role'][] = ['secretariat']): Me => ({
  user: {
    id: 'u1',
    name: 'Aynur Məmmədova',
    email: 'a@x.az',
    locale: 'az',
    clearance: 'internal',
    twoFactorEnabled: true,
    hasPasskey: false,
  },
  organization: { id: ORG, name: 'XRİTDX' },
  grants: roles.map((role) => ({ role, orgId: ORG })),
  permissions: ['coord.read', 'coord.manage'],
  mfaSetupRequired: false,
  mfaVerifiedAt: null,
  authMethod: 'session',
})

const body = (over: Partial<Body> = {}): Body => ({
  id: BODY,
  kind: 'commission',
  code: 'KK',
  name: { az: 'Koordinasiya Komissiyası', en: 'Coordination Commission' },
  mandate: '',
  parentId: null,
  parentCode: null,
  strategyId: null,
  directionId: null,
  directionCode: null,
  establishedBy: '',
  establishedOn: null,
  archivedAt: null,
  memberCount: 2,
  myRole: 'secretary',
  canManage: true,
  ...over,
})

/** A meeting at 10:00 local time on 2025-03-10, so the test reads the same in every time zone. */
const STARTS = new Date(2025, 2, 10, 10, 0).toISOString()
const ENDS = new Date(2025, 2, 10, 12, 0).toISOString()
/** A meeting still to come, whenever the test runs. */
const SOON = new Date(Date.now() + 7 * 86_400_000)
SOON.setHours(10, 0, 0, 0)
const SOON_ENDS = new Date(SOON.getTime() + 2 * 3_600_000)

const meeting = (over: Partial<Meeting> = {}): Meeting => ({
  id: MEETING,
  bodyId: BODY,
  bodyCode: 'KK',
  bodyName: body().name,
  number: '3',
  title: { az: 'Fəaliyyət Planının icrası' },
  startsAt: STARTS,
  endsAt: ENDS,
  location: 'Bakı, 1-ci zal',
  onlineUrl: 'https://meet.example.az/kk-3',
  state: 'scheduled',
  cancelReason: null,
  minutesState: 'draft',
  minutesApprovedAt: null,
  minutesApprovedIn: null,
  sequence: 0,
  invitationsSentAt: null,
  canManage: true,
  ...over,
})

const member = (over: Partial<Member> = {}): Member => ({
  id: 'seat-1',
  bodyId: BODY,
  orgId: ORG,
  orgCode: 'XRİTDX',
  orgName: { az: 'Xüsusi Rabitə və İnformasiya Təhlükəsizliyi Dövlət Xidməti' },
  userId: 'u1',
  userName: 'Aynur Məmmədova',
  email: 'a@x.az',
  role: 'chair',
  validFrom: '2024-01-01',
  validTo: null,
  note: '',
  ...over,
})

const item: AgendaItem = {
  id: 'item-1',
  meetingId: MEETING,
  position: 1,
  title: { az: 'Tədbirlərin icrası barədə' },
  description: '',
  presenterOrgId: ORG,
  presenterOrgCode: 'XRİTDX',
  links: [
    { kind: 'measure', targetId: MEASURE, label: '1.2.3', measureId: MEASURE },
    { kind: 'report', targetId: 'rep-1', label: 'P-2024 · 1.2.3', measureId: MEASURE },
    { kind: 'document', targetId: FILE, label: 'arayis.pdf', measureId: null },
  ],
  requests: [
    {
      id: 'req-1',
      itemId: 'item-1',
      orgId: ORG,
      orgCode: 'XRİTDX',
      orgName: { az: 'XRİTDX' },
      dueOn: '2025-03-07',
      state: 'requested',
      text: null,
      fileId: null,
      filename: null,
      submittedAt: null,
      submittedBy: null,
      canSubmit: true,
    },
  ],
}

const assignment = (over: Partial<Assignment> = {}): Assignment => ({
  id: 'asg-1',
  decisionId: 'dec-1',
  decisionNumber: '1',
  meetingId: MEETING,
  meetingNumber: '3',
  bodyId: BODY,
  bodyCode: 'KK',
  orgId: ORG,
  orgCode: 'XRİTDX',
  orgName: { az: 'XRİTDX' },
  responsibleUserId: 'u1',
  responsibleName: 'Aynur Məmmədova',
  task: 'Hesabatı hazırlamaq',
  dueOn: '2025-04-01',
  measureId: MEASURE,
  measureCode: '1.2.3',
  changeRequestId: null,
  state: 'open',
  overdue: true,
  completedOn: null,
  reports: [],
  canReport: true,
  canReview: false,
  ...over,
})

const detail = (over: Partial<MeetingDetail> = {}): MeetingDetail => ({
  meeting: meeting(),
  body: body(),
  agenda: [item],
  attendance: [],
  minutes: {
    state: 'draft',
    text: 'İclası sədr açdı.',
    updatedAt: '2025-03-10T12:00:00Z',
    updatedBy: 'Aynur',
  },
  documents: [],
  decisions: [],
  minutesToApprove: [{ id: 'earlier', number: '2', startsAt: '2024-12-10T06:00:00Z' }],
  ...over,
})

/** Renders inside the providers the app has, with a router so links get their addresses. */
async function render(node: ReactNode, queryClient = new QueryClient()) {
  const router = createRouter({
    routeTree: createRootRoute({ component: () => node }),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  })
  await router.load()
  return renderToString(
    <I18nextProvider i18n={i18n}>
      <MantineProvider withCssVariables={false} withGlobalClasses={false}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>,
  )
}

/** A fetch that answers each path with its fixture and records what was asked. */
function mockFetch(routes: Record<string, unknown>) {
  const calls: string[] = []
  const fn = vi.fn(async (input: string | URL | Request) => {
    const url = String(input)
    calls.push(url)
    const path = url.split('?')[0] ?? ''
    if (!(path in routes))
      return new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'no', requestId: 'r' } }), {
        status: 404,
        headers: { 'content-type': 'application/json' },
      })
    const body = routes[path]
    if (body instanceof Blob) return new Response(body, { status: 200 })
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    })
  })
  vi.stubGlobal('fetch', fn)
  return calls
}

function clientWithMe(m: Me = me()) {
  const qc = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY } },
  })
  qc.setQueryData(meKeys.me(), m)
  return qc
}

beforeEach(() => {
  void i18n.changeLanguage('az')
})
afterEach(() => {
  vi.unstubAllGlobals()
})

describe('coordination pages rendered on the server', () => {
  it('draw the month Monday first, with each meeting as a link and the schedule button', async () => {
    const weeks = monthGrid('2025-03')
    const { from, to } = gridRange(weeks)
    const today = localDay(new Date())
    const calls = mockFetch({ '/api/bodies': [body()], '/api/meetings': [meeting()] })
    const qc = clientWithMe()
    await qc.prefetchQuery(bodiesQuery())
    await qc.prefetchQuery(calendarQuery(from, to))
    await qc.prefetchQuery(calendarQuery(today, addDays(today, 120)))
    expect(calls).toContain(`/api/meetings?from=${from}&to=${to}`)
    const html = await render(<CalendarPage month="2025-03" />, qc)
    expect(html).toContain('İclas təqvimi')
    expect(html).toContain('İclas təyin et')
    // Monday first: Azerbaijani "bazar ertəsi" heads the first column.
    expect(html).toMatch(/<thead><tr><th scope="col" abbr="bazar ertəsi"/)
    expect(html).toContain(`href="/coordination/meetings/${MEETING}"`)
    expect(html).toContain('10:00 KK №3 · Fəaliyyət Planının icrası')
    expect(html).toContain('aria-label="Əvvəlki ay"')
    expect(html).not.toContain('<style')
  })

  it('show a meeting: state, minutes badge, place, online link, agenda links and tabs', async () => {
    const d = detail({ meeting: meeting({ startsAt: SOON.toISOString(), endsAt: SOON_ENDS.toISOString() }) })
    mockFetch({
      [`/api/meetings/${MEETING}`]: d,
      [`/api/bodies/${BODY}/members`]: [member()],
      '/api/bodies': [body()],
    })
    const qc = clientWithMe()
    await qc.prefetchQuery(meetingQuery(MEETING))
    await qc.prefetchQuery(membersQuery(BODY, localDay(SOON)))
    await qc.prefetchQuery(bodiesQuery())
    const html = await render(<MeetingPage meetingId={MEETING} />, qc)
    expect(html).toContain('KK №3 · Fəaliyyət Planının icrası')
    expect(html).toContain('Təyin edilib')
    expect(html).toContain('Protokol layihəsi')
    expect(html).toContain('href="https://meet.example.az/kk-3"')
    expect(html).toContain('rel="noopener noreferrer"')
    for (const tab of ['Gündəlik', 'İştirak', 'Protokol', 'Sənədlər', 'Qərarlar']) expect(html).toContain(tab)
    expect(html).toContain('role="tablist"')
    expect(html).toContain('Tədbirlərin icrası barədə')
    // A measure and a report open the measure page; a document opens the file.
    expect(html.match(new RegExp(`href="/plan/measures/${MEASURE}"`, 'g'))).toHaveLength(2)
    expect(html).toContain(`href="/api/files/${FILE}/content"`)
    expect(html).toContain('Məlumat göndər')
    expect(html).toContain('Dəvət göndər')
    expect(html).toContain('Redaktə et və ya vaxtını dəyiş')
    expect(html).not.toContain('<style')
  })

  it('hide the managers’ actions from a member who only reads', async () => {
    const d = detail({ meeting: meeting({ canManage: false }) })
    const qc = clientWithMe(me(['focal_point']))
    qc.setQueryData(meetingQuery(MEETING).queryKey, d)
    qc.setQueryData(membersQuery(BODY, localDay(STARTS)).queryKey, [member()])
    const html = await render(<MeetingPage meetingId={MEETING} />, qc)
    expect(html).not.toContain('Dəvət göndər')
    expect(html).not.toContain('Məsələ əlavə et')
    expect(html).toContain('Dəvət (.ics)')
    // The meeting has begun: reports for its agenda are closed, even for the organisation asked.
    expect(html).toContain('Gözlənilir')
    expect(html).not.toContain('Məlumat göndər')
  })

  it('lock approved minutes and say where they were approved', async () => {
    const d = detail({
      meeting: meeting({
        state: 'held',
        minutesState: 'approved',
        minutesApprovedAt: '2025-04-14T10:00:00Z',
        minutesApprovedIn: { id: 'later', number: '4' },
      }),
      minutes: {
        state: 'approved',
        text: 'Təsdiqlənmiş mətn',
        updatedAt: '2025-03-11T09:00:00Z',
        updatedBy: 'A',
      },
    })
    const html = await render(<MinutesPanel detail={d} onReload={() => undefined} />)
    expect(html).toContain('Təsdiqlənib: dəyişdirilə bilməz')
    expect(html).toContain('№4 iclasda 14.04.2025 tarixində təsdiqlənib.')
    expect(html).toContain('href="/coordination/meetings/later"')
    expect(html).toContain('Təsdiqlənmiş mətn')
    expect(html).not.toContain('<textarea')
  })

  it('let the managers edit draft minutes and approve an earlier meeting’s', async () => {
    const html = await render(<MinutesPanel detail={detail()} onReload={() => undefined} />)
    expect(html).toContain('<textarea')
    expect(html).toContain('Protokolun mətni')
    expect(html).toContain('Əvvəlki iclasın protokolunu təsdiqlə')
  })

  it('wait for the meeting to begin before minutes can be written', async () => {
    const d = detail({
      meeting: meeting({
        startsAt: SOON.toISOString(),
        endsAt: SOON_ENDS.toISOString(),
        minutesState: 'none',
      }),
      minutes: { state: 'none', text: '', updatedAt: null, updatedBy: null },
    })
    const html = await render(<MinutesPanel detail={d} onReload={() => undefined} />)
    expect(html).not.toContain('<textarea')
    expect(html).toContain('Protokol iclas başlayandan sonra yazılır.')
    expect(html).not.toContain('Əvvəlki iclasın protokolunu təsdiqlə')
  })

  it('list bodies with kind, members and the reader’s role', async () => {
    const html = await render(
      <BodiesTable
        bodies={[
          body(),
          body({
            id: 'wg',
            kind: 'working_group',
            code: 'IQ',
            name: { az: 'İşçi qrup' },
            parentId: BODY,
            myRole: null,
            memberCount: 14,
          }),
        ]}
      />,
    )
    expect(html).toContain('Komissiya')
    expect(html).toContain('Katib')
    expect(html).toContain('href="/coordination/bodies/wg"')
    expect(html.indexOf('KK')).toBeLessThan(html.indexOf('IQ'))
    expect(html).toContain('>14<')
  })

  it('show an assignment with its overdue flag and the report form for its organisation', async () => {
    const html = await render(<AssignmentView assignment={assignment()} onDone={() => undefined} />)
    expect(html).toContain('Müddəti keçib')
    expect(html).toContain('İcrada')
    expect(html).toContain(`href="/plan/measures/${MEASURE}"`)
    expect(html).toContain('Nə edilib')
    expect(html).toContain('Tapşırıq icra edilib')
    expect(html).not.toContain('Qəbul et')
  })

  it('offer the review of a reported completion to the secretariat', async () => {
    const a = assignment({
      state: 'reported',
      canReport: false,
      canReview: true,
      reports: [
        {
          id: 'r',
          text: 'Edildi',
          done: true,
          fileId: null,
          filename: null,
          by: 'Focal',
          at: '2025-03-20T10:00:00Z',
          review: null,
        },
      ],
    })
    const html = await render(<AssignmentView assignment={a} onDone={() => undefined} />)
    expect(html).toContain('Qəbul et')
    expect(html).toContain('Geri qaytar')
    expect(html).toContain('Edildi')
    expect(html).not.toContain('Nə edilib')
  })

  it('start a focal point on the own organisation’s open assignments', async () => {
    const focal = me(['focal_point'])
    expect(assignmentQueryFor({}, focal)).toEqual({ orgId: ORG, state: 'open' })
    expect(assignmentQueryFor({ state: 'any', org: 'any' }, focal)).toEqual({})
    expect(assignmentQueryFor({}, me(['secretariat']))).toEqual({})
    const calls = mockFetch({
      '/api/assignments': { items: [assignment()], total: 1 },
      '/api/bodies': [body()],
    })
    const qc = clientWithMe(focal)
    await qc.prefetchQuery(assignmentsQuery({ orgId: ORG, state: 'open' }))
    expect(calls[0]).toBe(`/api/assignments?orgId=${ORG}&state=open&limit=200`)
    const html = await render(<AssignmentsPage search={{}} />, qc)
    expect(html).toContain('Tapşırıqlar')
    expect(html).toContain('İcra barədə məlumat ver')
    expect(html).toContain('İcra hesabatı (XLSX)')
  })

  it('give the execution numbers in a table beside each chart', async () => {
    const summary: ExecutionSummary = {
      asOf: '2025-03-31',
      byBody: [
        {
          bodyId: BODY,
          code: 'KK',
          name: { az: 'Komissiya' },
          total: 5,
          open: 1,
          reported: 1,
          done: 2,
          cancelled: 1,
          overdue: 1,
          doneLate: 1,
        },
      ],
      byOrg: [],
    }
    const calls = mockFetch({ '/api/coordination/summary': summary })
    const qc = clientWithMe()
    await qc.prefetchQuery(summaryQuery({ bodyId: BODY }))
    expect(calls[0]).toBe(`/api/coordination/summary?bodyId=${BODY}`)
    const html = await render(<ExecutionTable rows={summary.byBody} caption="Orqanlar üzrə" />)
    expect(html).toMatch(/<th[^>]*scope="row"[^>]*><strong>KK<\/strong> (<!-- -->)?Komissiya<\/th>/)
    expect(html).toContain('Gecikmə ilə')
    expect(html).toContain('<caption class="visually-hidden">Orqanlar üzrə</caption>')
  })
})

describe('coordination downloads', () => {
  it('ask for the agenda, minutes and execution report in the chosen language', async () => {
    const calls = mockFetch({
      [`/api/meetings/${MEETING}/agenda.pdf`]: new Blob(['%PDF']),
      [`/api/meetings/${MEETING}/minutes.docx`]: new Blob(['PK']),
      '/api/assignments/export.xlsx': new Blob(['PK']),
    })
    await downloadMeetingFile(MEETING, 'agenda', 'pdf', 'ru')
    await downloadMeetingFile(MEETING, 'minutes', 'docx', 'en')
    await downloadExecutionReport({ bodyId: BODY }, 'az')
    expect(calls).toEqual([
      `/api/meetings/${MEETING}/agenda.pdf?lang=ru`,
      `/api/meetings/${MEETING}/minutes.docx?lang=en`,
      `/api/assignments/export.xlsx?bodyId=${BODY}&lang=az`,
    ])
  })
})

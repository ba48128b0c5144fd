import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import {
  ATTENDANCE_STATUSES,
  type Attendance,
  type AttendanceInput,
  type AttendanceStatus,
  type MeetingDetail,
  type Member,
} from '@qalxan/contracts'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { EmptyRow } from '../../../components/page.tsx'
import { localized } from '../../../lib/format.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { OrgSelect } from '../../organizations/components/org-select.tsx'
import { useSaveAttendance } from '../api/meetings.ts'
import { ATTENDANCE_COLORS, hasBegun } from '../labels.ts'
import { RoleBadge } from './badges.tsx'
import { byRole } from './members-panel.tsx'

interface Guest {
  key: number
  name: string
  orgId: string | null
  status: AttendanceStatus
}

/**
 * The recorded status of each member seated on the meeting's day; members nobody recorded yet
 * count as present, which is what the secretary usually marks.
 */
export function attendanceDraft(members: readonly Member[], recorded: readonly Attendance[]) {
  const byMember = new Map(recorded.filter((a) => a.memberId).map((a) => [a.memberId as string, a.status]))
  return Object.fromEntries(members.map((m) => [m.id, byMember.get(m.id) ?? 'present'])) as Record<
    string,
    AttendanceStatus
  >
}

function StatusBadge({ status }: { status: AttendanceStatus }) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color={ATTENDANCE_COLORS[status]} tt="none">
      {t(`coord:attendance.${status}`)}
    </Badge>
  )
}

/** Who attended: the members on the meeting's day and the guests. */
export function AttendancePanel({ detail, members }: { detail: MeetingDetail; members: readonly Member[] }) {
  const { t, i18n } = useTranslation()
  const m = detail.meeting
  const save = useSaveAttendance(m.id)
  const begun = hasBegun(m)
  const editable = m.canManage && m.state !== 'cancelled' && begun && detail.minutes.state !== 'approved'
  const [statuses, setStatuses] = useState(() => attendanceDraft(members, detail.attendance))
  const [guests, setGuests] = useState<Guest[]>(() =>
    detail.attendance
      .filter((a) => !a.memberId)
      .map((a, i) => ({ key: i, name: a.name, orgId: a.orgId, status: a.status })),
  )
  const [editing, setEditing] = useState(false)
  const [touched, setTouched] = useState(false)
  const recorded = detail.attendance.length > 0
  const seated = byRole(members)
  const lang = i18n.language

  const start = () => {
    setStatuses(attendanceDraft(members, detail.attendance))
    setGuests(
      detail.attendance
        .filter((a) => !a.memberId)
        .map((a, i) => ({ key: i, name: a.name, orgId: a.orgId, status: a.status })),
    )
    setTouched(false)
    setEditing(true)
  }
  const submit = async () => {
    setTouched(true)
    if (guests.some((g) => !g.name.trim())) return
    const input: AttendanceInput = {
      members: seated.map((s) => ({ memberId: s.id, status: statuses[s.id] ?? 'present' })),
      guests: guests.map((g) => ({ name: g.name.trim(), orgId: g.orgId, status: g.status })),
    }
    try {
      await save.mutateAsync(input)
      notifySuccess(t('coord:attendance.saved'))
      setEditing(false)
    } catch {
      // Shown above the table.
    }
  }
  const statusOf = (id: string): AttendanceStatus =>
    editing
      ? (statuses[id] ?? 'present')
      : (detail.attendance.find((a) => a.memberId === id)?.status ?? 'present')
  const statusControl = (value: AttendanceStatus, onChange: (s: AttendanceStatus) => void, label: string) => (
    <SegmentedControl
      size="xs"
      value={value}
      onChange={(v) => onChange(v as AttendanceStatus)}
      data={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: t(`coord:attendance.${s}`) }))}
      aria-label={label}
    />
  )
  const shownGuests = editing
    ? guests
    : detail.attendance
        .filter((a) => !a.memberId)
        .map((a, i) => ({ key: i, name: a.name, orgId: a.orgId, status: a.status }))

  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('coord:attendance.title')}
          </Title>
          {editable && !editing && (
            <Button size="xs" onClick={start}>
              {recorded ? t('coord:attendance.edit') : t('coord:attendance.record')}
            </Button>
          )}
        </Group>
        {!recorded && !editing && (
          <Text size="sm" c="dimmed">
            {m.canManage && !begun ? t('coord:attendance.notYet') : t('coord:attendance.notRecorded')}
          </Text>
        )}
        <ErrorAlert error={save.error} />
        <Table.ScrollContainer minWidth={620}>
          <Table striped>
            <caption className="visually-hidden">{t('coord:attendance.members')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('coord:member.org')}</Table.Th>
                <Table.Th scope="col">{t('coord:member.person')}</Table.Th>
                <Table.Th scope="col">{t('coord:member.role')}</Table.Th>
                <Table.Th scope="col">{t('coord:attendance.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {seated.length === 0 && <EmptyRow colSpan={4} text={t('coord:member.none')} />}
              {seated.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Th scope="row" fw={400}>
                    <strong>{s.orgCode}</strong> {localized(s.orgName, lang)}
                  </Table.Th>
                  <Table.Td>{s.userName ?? '—'}</Table.Td>
                  <Table.Td>
                    <RoleBadge role={s.role} />
                  </Table.Td>
                  <Table.Td>
                    {editing ? (
                      statusControl(
                        statusOf(s.id),
                        (v) => setStatuses((x) => ({ ...x, [s.id]: v })),
                        t('coord:attendance.statusOf', { name: s.userName ?? s.orgCode }),
                      )
                    ) : recorded ? (
                      <StatusBadge status={statusOf(s.id)} />
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Title order={3} size="h5">
          {t('coord:attendance.guests')}
        </Title>
        {shownGuests.length === 0 && !editing && (
          <Text size="sm" c="dimmed">
            {t('coord:attendance.noGuests')}
          </Text>
        )}
        {!editing && shownGuests.length > 0 && (
          <ul className="plain-list">
            {shownGuests.map((g) => (
              <li key={g.key}>
                <Group gap="xs">
                  <Text size="sm">{g.name}</Text>
                  <StatusBadge status={g.status} />
                </Group>
              </li>
            ))}
          </ul>
        )}
        {editing && (
          <Stack gap="xs">
            {guests.map((g, i) => (
              <Group key={g.key} align="flex-end" wrap="wrap" gap="xs">
                <TextInput
                  label={t('coord:attendance.guestName', { n: i + 1 })}
                  required
                  value={g.name}
                  onChange={(e) => {
                    const name = e.currentTarget.value
                    setGuests((list) => list.map((x) => (x.key === g.key ? { ...x, name } : x)))
                  }}
                  error={touched && !g.name.trim() ? t('validation.required') : undefined}
                  w={240}
                />
                <OrgSelect
                  label={t('coord:attendance.guestOrg', { n: i + 1 })}
                  clearable
                  value={g.orgId}
                  onChange={(orgId) =>
                    setGuests((list) => list.map((x) => (x.key === g.key ? { ...x, orgId } : x)))
                  }
                  w={260}
                />
                {statusControl(
                  g.status,
                  (status) => setGuests((list) => list.map((x) => (x.key === g.key ? { ...x, status } : x))),
                  t('coord:attendance.statusOf', {
                    name: g.name || t('coord:attendance.guestName', { n: i + 1 }),
                  }),
                )}
                <ActionIcon
                  variant="subtle"
                  color="red"
                  onClick={() => setGuests((list) => list.filter((x) => x.key !== g.key))}
                  aria-label={t('coord:attendance.removeGuest', { n: i + 1 })}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                size="xs"
                variant="default"
                onClick={() =>
                  setGuests((list) => [
                    ...list,
                    {
                      key: Math.max(0, ...list.map((x) => x.key)) + 1,
                      name: '',
                      orgId: null,
                      status: 'present',
                    },
                  ])
                }
              >
                {t('coord:attendance.addGuest')}
              </Button>
            </Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </Button>
              <Button onClick={submit} loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  )
}

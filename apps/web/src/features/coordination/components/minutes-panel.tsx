import { Alert, Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core'
import type { MeetingDetail } from '@qalxan/contracts'
import { Link } from '@tanstack/react-router'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { isApiError } from '../../../lib/api-client.ts'
import { formatDate, formatDateTime } from '../../../lib/format.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { useApproveMinutes, useSaveMinutes } from '../api/meetings.ts'
import { hasBegun } from '../labels.ts'
import { MinutesStateBadge } from './badges.tsx'

/** A save over text someone else saved after the writer started is refused with 409. */
export const isStaleSave = (e: unknown) => isApiError(e) && e.code === 'CONFLICT'

/**
 * The minutes, written in the portal. Each save names the version it started from; once the
 * minutes are approved at a later meeting they are shown locked.
 */
export function MinutesPanel({ detail, onReload }: { detail: MeetingDetail; onReload: () => void }) {
  const { t, i18n } = useTranslation()
  const m = detail.meeting
  const minutes = detail.minutes
  const save = useSaveMinutes(m.id)
  const approved = minutes.state === 'approved'
  const begun = hasBegun(m)
  const editable = m.canManage && !approved && m.state !== 'cancelled' && begun
  const [text, setText] = useState(minutes.text)
  const [base, setBase] = useState(minutes.updatedAt)
  const [loaded, setLoaded] = useState(minutes.text)
  const [stale, setStale] = useState(false)
  const dirty = text !== loaded
  const lang = i18n.language

  // Newer minutes from the server replace the editor's text only while nobody is typing in it.
  useEffect(() => {
    if (minutes.updatedAt === base) return
    if (!dirty) {
      setText(minutes.text)
      setLoaded(minutes.text)
      setBase(minutes.updatedAt)
      setStale(false)
    }
  }, [minutes.updatedAt, minutes.text, base, dirty])

  const submit = async () => {
    setStale(false)
    try {
      const saved = await save.mutateAsync({ text, baseUpdatedAt: base })
      setLoaded(text)
      if (saved?.updatedAt) setBase(saved.updatedAt)
      notifySuccess(t('coord:minutes.saved'))
    } catch (e) {
      if (isStaleSave(e)) setStale(true)
    }
  }
  const takeTheirs = () => {
    setText(minutes.text)
    setLoaded(minutes.text)
    setBase(minutes.updatedAt)
    setStale(false)
    save.reset()
    onReload()
  }

  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={2} size="h4">
              {t('coord:minutes.title')}
            </Title>
            <MinutesStateBadge state={minutes.state} />
          </Group>
          {minutes.updatedAt && (
            <Text size="xs" c="dimmed">
              {t('coord:minutes.lastSaved', {
                date: formatDateTime(minutes.updatedAt, lang),
                name: minutes.updatedBy ?? '—',
              })}
            </Text>
          )}
        </Group>
        {approved && (
          <Alert color="green" title={t('coord:minutes.locked')}>
            {m.minutesApprovedIn ? (
              <>
                {t('coord:minutes.approvedAt', {
                  number: m.minutesApprovedIn.number,
                  date: formatDate(m.minutesApprovedAt, lang),
                })}{' '}
                <Link to="/coordination/meetings/$meetingId" params={{ meetingId: m.minutesApprovedIn.id }}>
                  {t('coord:minutes.openMeeting')}
                </Link>
              </>
            ) : (
              t('coord:minutes.approvedOn', { date: formatDate(m.minutesApprovedAt, lang) })
            )}
          </Alert>
        )}
        {stale && (
          <Alert color="orange" title={t('coord:minutes.staleTitle')} role="alert">
            <Stack gap="xs">
              <Text size="sm">{t('coord:minutes.staleText')}</Text>
              <Group>
                <Button size="xs" variant="default" onClick={takeTheirs}>
                  {t('coord:minutes.loadTheirs')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {!stale && <ErrorAlert error={save.error} />}
        {editable ? (
          <>
            <Textarea
              label={t('coord:minutes.text')}
              description={t('coord:minutes.hint')}
              autosize
              minRows={10}
              maxRows={30}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <Group justify="flex-end">
              {dirty && (
                <Button variant="default" onClick={() => setText(loaded)}>
                  {t('common.undo')}
                </Button>
              )}
              <Button onClick={submit} loading={save.isPending} disabled={!text.trim() || (!dirty && !!base)}>
                {t('coord:minutes.save')}
              </Button>
            </Group>
          </>
        ) : minutes.text ? (
          <pre className="qx-minutes">{minutes.text}</pre>
        ) : (
          <Text size="sm" c="dimmed">
            {m.canManage && !begun ? t('coord:minutes.notYet') : t('coord:minutes.none')}
          </Text>
        )}
        {m.canManage && begun && m.state !== 'cancelled' && <ApproveEarlier detail={detail} />}
      </Stack>
    </Card>
  )
}

/** At this meeting, approve the draft minutes of one of the body's earlier meetings. */
function ApproveEarlier({ detail }: { detail: MeetingDetail }) {
  const { t, i18n } = useTranslation()
  const approve = useApproveMinutes(detail.meeting.id)
  const [chosen, setChosen] = useState<string | null>(null)
  const options = detail.minutesToApprove.map((x) => ({
    value: x.id,
    label: `№${x.number} · ${formatDate(x.startsAt, i18n.language)}`,
  }))
  if (options.length === 0) return null
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('coord:minutes.approveEarlier')}
      </Title>
      <Text size="sm">{t('coord:minutes.approveHint')}</Text>
      <ErrorAlert error={approve.error} />
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('coord:minutes.earlierMeeting')}
          data={options}
          value={chosen}
          onChange={setChosen}
          w={280}
        />
        <Button
          color="green"
          className="qx-green"
          disabled={!chosen}
          loading={approve.isPending}
          onClick={async () => {
            if (!chosen) return
            try {
              await approve.mutateAsync(chosen)
              notifySuccess(t('coord:minutes.approvedDone'))
              setChosen(null)
            } catch {
              // Shown above.
            }
          }}
        >
          {t('coord:minutes.approve')}
        </Button>
      </Group>
    </Stack>
  )
}

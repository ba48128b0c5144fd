import { Alert, Anchor, Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import type { Body, MeetingDetail } from '@qalxan/contracts'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { saveBlob } from '../../../lib/api.ts'
import { formatDateTime } from '../../../lib/format.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import {
  downloadInvitation,
  downloadMeetingFile,
  type FileFormat,
  type MeetingFile,
  useMarkHeld,
} from '../api/meetings.ts'
import { localDay, localTime } from '../calendar.ts'
import { CancelMeetingForm } from '../forms/cancel-meeting-form.tsx'
import { InvitationsForm } from '../forms/invitations-form.tsx'
import { MeetingForm } from '../forms/meeting-form.tsx'
import { MeetingStateBadge, MinutesStateBadge } from './badges.tsx'
import { Dialog } from './dialog.tsx'

/** "10.03.2025 10:00–12:00", or both full stamps when the meeting runs past midnight. */
export function meetingWhen(startsAt: string, endsAt: string, lang: string): string {
  return localDay(startsAt) === localDay(endsAt)
    ? `${formatDateTime(startsAt, lang)}–${localTime(endsAt)}`
    : `${formatDateTime(startsAt, lang)} – ${formatDateTime(endsAt, lang)}`
}

/** State, time, place, link, and what has been sent. */
export function MeetingFacts({ detail }: { detail: MeetingDetail }) {
  const { t, i18n } = useTranslation()
  const m = detail.meeting
  const lang = i18n.language
  return (
    <Stack gap="sm">
      <Group gap={6}>
        <MeetingStateBadge state={m.state} />
        <MinutesStateBadge state={m.minutesState} />
      </Group>
      {m.state === 'cancelled' && (
        <Alert color="gray" title={t('coord:meetingState.cancelled')}>
          {m.cancelReason}
        </Alert>
      )}
      <dl className="qx-facts">
        <dt>{t('coord:meeting.when')}</dt>
        <dd>{meetingWhen(m.startsAt, m.endsAt, lang)}</dd>
        <dt>{t('coord:meeting.location')}</dt>
        <dd>{m.location || '—'}</dd>
        <dt>{t('coord:meeting.onlineUrl')}</dt>
        <dd>
          {m.onlineUrl ? (
            <Anchor href={m.onlineUrl} target="_blank" rel="noopener noreferrer" className="break">
              {m.onlineUrl}
            </Anchor>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('coord:invite.title')}</dt>
        <dd>
          {m.invitationsSentAt
            ? t('coord:invite.sentAt', { date: formatDateTime(m.invitationsSentAt, lang) })
            : t('coord:invite.notSent')}
        </dd>
      </dl>
    </Stack>
  )
}

type DialogState = 'edit' | 'cancel' | 'held' | 'invite' | null

/** What the people who run the body's meetings may do with this one. */
export function MeetingActions({ detail, bodies }: { detail: MeetingDetail; bodies: readonly Body[] }) {
  const { t, i18n } = useTranslation()
  const m = detail.meeting
  const [dialog, setDialog] = useState<DialogState>(null)
  const held = useMarkHeld(m.id)
  const [icsError, setIcsError] = useState<unknown>(null)
  const close = () => setDialog(null)
  const started = Date.parse(m.startsAt) <= Date.now()
  const scheduled = m.state === 'scheduled'

  const ics = async () => {
    setIcsError(null)
    try {
      const { blob, filename } = await downloadInvitation(m.id, i18n.language)
      saveBlob(blob, filename ?? `${detail.body.code}-${m.number}.ics`)
    } catch (e) {
      setIcsError(e)
    }
  }
  return (
    <>
      <Group gap="xs" wrap="wrap">
        {m.canManage && scheduled && (
          <>
            <Button size="xs" variant="default" onClick={() => setDialog('edit')}>
              {t('coord:meeting.edit')}
            </Button>
            <Button size="xs" onClick={() => setDialog('invite')}>
              {t('coord:invite.send')}
            </Button>
            {started && (
              <Button size="xs" color="green" className="qx-green" onClick={() => setDialog('held')}>
                {t('coord:meeting.markHeld')}
              </Button>
            )}
            <Button size="xs" variant="default" color="red" onClick={() => setDialog('cancel')}>
              {t('coord:meeting.cancel')}
            </Button>
          </>
        )}
        <Button size="xs" variant="default" onClick={ics}>
          {t('coord:invite.ics')}
        </Button>
      </Group>
      <ErrorAlert error={icsError} />
      <Dialog opened={dialog === 'edit'} onClose={close} title={t('coord:meeting.edit')} size="lg">
        <MeetingForm
          bodies={bodies.length ? bodies : [detail.body]}
          meeting={m}
          onCancel={close}
          onDone={close}
        />
      </Dialog>
      <Dialog opened={dialog === 'cancel'} onClose={close} title={t('coord:meeting.cancel')}>
        <CancelMeetingForm meetingId={m.id} onDone={close} />
      </Dialog>
      <Dialog opened={dialog === 'invite'} onClose={close} title={t('coord:invite.send')} size="lg">
        <InvitationsForm meetingId={m.id} sentAt={m.invitationsSentAt} onDone={close} />
      </Dialog>
      <Dialog opened={dialog === 'held'} onClose={close} title={t('coord:meeting.markHeld')}>
        <Stack>
          <Text size="sm">{t('coord:meeting.heldText')}</Text>
          <ErrorAlert error={held.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              color="green"
              loading={held.isPending}
              onClick={async () => {
                try {
                  await held.mutateAsync()
                  notifySuccess(t('coord:meeting.heldDone'))
                  close()
                } catch {
                  // Shown in the dialog.
                }
              }}
            >
              {t('coord:meeting.markHeld')}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </>
  )
}

/** The agenda and the minutes as PDF or DOCX, in the language of the interface. */
export function MeetingDownloads({ detail }: { detail: MeetingDetail }) {
  const { t, i18n } = useTranslation()
  const m = detail.meeting
  const [format, setFormat] = useState<FileFormat>('pdf')
  const [busy, setBusy] = useState<MeetingFile | null>(null)
  const [error, setError] = useState<unknown>(null)
  const get = async (file: MeetingFile) => {
    setBusy(file)
    setError(null)
    try {
      const { blob, filename } = await downloadMeetingFile(m.id, file, format, i18n.language)
      saveBlob(blob, filename ?? `${detail.body.code}-${m.number}-${file}-${i18n.language}.${format}`)
    } catch (e) {
      setError(e)
    } finally {
      setBusy(null)
    }
  }
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} size="h5">
          {t('coord:download.title')}
        </Title>
        <Group gap="xs" wrap="wrap">
          <SegmentedControl
            size="xs"
            value={format}
            onChange={(v) => setFormat(v as FileFormat)}
            data={[
              { value: 'pdf', label: 'PDF' },
              { value: 'docx', label: 'DOCX' },
            ]}
            aria-label={t('coord:download.format')}
          />
          <Button size="xs" variant="default" onClick={() => get('agenda')} loading={busy === 'agenda'}>
            {t('coord:download.agenda')}
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() => get('minutes')}
            loading={busy === 'minutes'}
            disabled={m.minutesState === 'none'}
          >
            {t('coord:download.minutes')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('coord:download.hint', { language: t(`language.${i18n.language}`) })}
        </Text>
        <ErrorAlert error={error} />
      </Stack>
    </Card>
  )
}

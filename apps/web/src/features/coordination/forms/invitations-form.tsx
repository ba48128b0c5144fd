import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core'
import { InvitationInputSchema } from '@qalxan/contracts'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { type InvitationResult, useSendInvitations } from '../api/meetings.ts'

/** Addresses typed one a line, or separated by commas or spaces. */
export const splitAddresses = (text: string): string[] => [
  ...new Set(
    text
      .split(/[\s,;]+/)
      .map((s) => s.trim())
      .filter(Boolean),
  ),
]

/** What the invitation reached: the addresses, and the members who have none. */
export function InvitationReport({ result }: { result: InvitationResult }) {
  const { t } = useTranslation()
  return (
    <Stack gap="xs">
      <Alert color="green" title={t('coord:invite.sent', { count: result.sent })}>
        {result.recipients.length > 0 && (
          <ul className="plain-list">
            {result.recipients.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
      </Alert>
      {result.withoutAddress.length > 0 && (
        <Alert color="orange" title={t('coord:invite.withoutAddress')}>
          <ul className="plain-list">
            {result.withoutAddress.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </Alert>
      )}
    </Stack>
  )
}

/** E-mails the invitation (with its .ics) to the members on the meeting's day, and extra addresses. */
export function InvitationsForm({
  meetingId,
  sentAt,
  onDone,
}: {
  meetingId: string
  sentAt: string | null
  onDone: () => void
}) {
  const { t } = useTranslation()
  const send = useSendInvitations(meetingId)
  const [text, setText] = useState('')
  const [invalid, setInvalid] = useState<string[]>([])
  const [result, setResult] = useState<InvitationResult | null>(null)
  const submit = async () => {
    const parsed = InvitationInputSchema.safeParse({ extra: splitAddresses(text) })
    if (!parsed.success) {
      const bad = parsed.error.issues
        .map((i) => splitAddresses(text)[Number(i.path[1])] ?? '')
        .filter(Boolean)
      setInvalid(bad.length ? bad : [t('validation.email')])
      return
    }
    setInvalid([])
    try {
      setResult(await send.mutateAsync(parsed.data.extra))
    } catch {
      // Shown below from the mutation's error.
    }
  }
  if (result)
    return (
      <Stack>
        <InvitationReport result={result} />
        <Group justify="flex-end">
          <Button onClick={onDone}>{t('common.close')}</Button>
        </Group>
      </Stack>
    )
  return (
    <Stack>
      <Text size="sm">{sentAt ? t('coord:invite.again') : t('coord:invite.text')}</Text>
      <ErrorAlert error={send.error} />
      <Textarea
        label={t('coord:invite.extra')}
        description={t('coord:invite.extraHint')}
        autosize
        minRows={2}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={invalid.length ? `${t('validation.email')} ${invalid.join(', ')}` : undefined}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button onClick={submit} loading={send.isPending}>
          {t('coord:invite.send')}
        </Button>
      </Group>
    </Stack>
  )
}

import { Anchor, Button, Card, FileInput, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import type { MeetingDetail, MeetingDocument } from '@qalxan/contracts'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { EmptyRow } from '../../../components/page.tsx'
import { formatDateTime } from '../../../lib/format.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { fileContentPath, uploadFile } from '../../reporting/api/reporting.ts'
import { useAttachDocument, useRemoveDocument } from '../api/meetings.ts'

export const fileSize = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${Math.round(bytes / 1024)} KB`
      : `${(bytes / 1048576).toFixed(1)} MB`

function AttachForm({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation()
  const attach = useAttachDocument(meetingId)
  const [file, setFile] = useState<File | null>(null)
  const [title, setTitle] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const add = async () => {
    if (!file) return
    setBusy(true)
    setError(null)
    try {
      const stored = await uploadFile(file)
      await attach.mutateAsync({ fileId: stored.id, title: title.trim() || file.name })
      notifySuccess(t('coord:document.attached'))
      setFile(null)
      setTitle('')
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Stack gap="xs">
      <ErrorAlert error={error} />
      <Group align="flex-end" wrap="wrap">
        <FileInput
          label={t('coord:document.file')}
          value={file}
          onChange={setFile}
          clearable
          clearButtonProps={{ 'aria-label': t('import.removeFile') }}
          w={280}
        />
        <TextInput
          label={t('coord:document.titleOptional')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          w={280}
        />
        <Button onClick={add} disabled={!file} loading={busy}>
          {t('coord:document.attach')}
        </Button>
      </Group>
    </Stack>
  )
}

/** The meeting's documents; attached and detached by its managers until the minutes are approved. */
export function DocumentsPanel({ detail }: { detail: MeetingDetail }) {
  const { t, i18n } = useTranslation()
  const m = detail.meeting
  const remove = useRemoveDocument()
  const [removing, setRemoving] = useState<string | null>(null)
  const editable = m.canManage && detail.minutes.state !== 'approved'
  const detach = async (d: MeetingDocument) => {
    setRemoving(d.id)
    try {
      await remove.mutateAsync(d.id)
    } catch {
      // Shown above the table.
    } finally {
      setRemoving(null)
    }
  }
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h4">
          {t('coord:document.title')}
        </Title>
        <ErrorAlert error={remove.error} />
        <Table.ScrollContainer minWidth={520}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('coord:document.name')}</Table.Th>
                <Table.Th scope="col">{t('coord:document.size')}</Table.Th>
                <Table.Th scope="col">{t('coord:document.added')}</Table.Th>
                {editable && (
                  <Table.Th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {detail.documents.length === 0 && (
                <EmptyRow colSpan={editable ? 4 : 3} text={t('coord:document.none')} />
              )}
              {detail.documents.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Anchor href={fileContentPath(d.fileId)} target="_blank" rel="noopener noreferrer">
                      {d.title || d.filename}
                    </Anchor>
                    {d.title && d.title !== d.filename && (
                      <Text size="xs" c="dimmed">
                        {d.filename}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td className="nowrap">{fileSize(d.size)}</Table.Td>
                  <Table.Td className="nowrap">{formatDateTime(d.createdAt, i18n.language)}</Table.Td>
                  {editable && (
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="default"
                        color="red"
                        loading={removing === d.id}
                        onClick={() => detach(d)}
                      >
                        {t('coord:document.remove')}
                        <span className="visually-hidden"> {d.title || d.filename}</span>
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {editable && <AttachForm meetingId={m.id} />}
        {!editable && detail.minutes.state === 'approved' && m.canManage && (
          <Text size="xs" c="dimmed">
            {t('coord:document.lockedHint')}
          </Text>
        )}
      </Stack>
    </Card>
  )
}

import { Button, FileInput, Group, MultiSelect, Stack, Textarea, TextInput } from '@mantine/core'
import type { ItemRequest } from '@qalxan/contracts'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { localized } from '../../../lib/format.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { useOrganizationTree } from '../../organizations/api/organizations.ts'
import { uploadFile } from '../../reporting/api/reporting.ts'
import { useRequestItemReports, useSubmitItemReport } from '../api/meetings.ts'
import { localDay } from '../calendar.ts'

/** Asks organisations for a short report on an agenda item, due before the meeting. */
export function RequestReportsForm({
  itemId,
  dueBy,
  suggested,
  onDone,
}: {
  itemId: string
  /** The meeting's day: the default and the latest sensible due date. */
  dueBy: string
  /** Organisations to list first (the body's members). */
  suggested: readonly string[]
  onDone: () => void
}) {
  const { t, i18n } = useTranslation()
  const tree = useOrganizationTree()
  const request = useRequestItemReports()
  const [orgIds, setOrgIds] = useState<string[]>([])
  const [dueOn, setDueOn] = useState(dueBy)
  const [touched, setTouched] = useState(false)
  const first = new Set(suggested)
  const data = (tree.data ?? [])
    .filter((o) => !o.archivedAt)
    .map((o) => ({ value: o.id, label: `${o.code} · ${localized(o.name, i18n.language)}` }))
    .sort((a, b) => Number(first.has(b.value)) - Number(first.has(a.value)) || a.label.localeCompare(b.label))
  const missingOrgs = touched && orgIds.length === 0
  const missingDue = touched && !/^\d{4}-\d{2}-\d{2}$/.test(dueOn)
  const submit = async () => {
    setTouched(true)
    if (orgIds.length === 0 || !/^\d{4}-\d{2}-\d{2}$/.test(dueOn)) return
    try {
      await request.mutateAsync({ itemId, orgIds, dueOn })
      notifySuccess(t('coord:request.sent'))
      onDone()
    } catch {
      // Shown from the mutation's error.
    }
  }
  return (
    <Stack>
      <ErrorAlert error={request.error} />
      <MultiSelect
        label={t('coord:request.orgs')}
        required
        searchable
        nothingFoundMessage={t('common.nothingFound')}
        data={data}
        value={orgIds}
        onChange={setOrgIds}
        error={missingOrgs ? t('validation.chooseAtLeast', { min: 1 }) : undefined}
      />
      <TextInput
        type="date"
        label={t('coord:request.dueOn')}
        required
        min={localDay(new Date())}
        value={dueOn}
        onChange={(e) => setDueOn(e.currentTarget.value)}
        error={missingDue ? t('validation.date') : undefined}
        w={200}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button onClick={submit} loading={request.isPending}>
          {t('coord:request.send')}
        </Button>
      </Group>
    </Stack>
  )
}

/** The organisation's short report on an agenda item: text and an optional file. */
export function SubmitReportForm({ request, onDone }: { request: ItemRequest; onDone: () => void }) {
  const { t } = useTranslation()
  const submitReport = useSubmitItemReport()
  const [text, setText] = useState(request.text ?? '')
  const [file, setFile] = useState<File | null>(null)
  const [touched, setTouched] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    setTouched(true)
    if (!text.trim()) return
    setBusy(true)
    setError(null)
    try {
      const fileId = file ? (await uploadFile(file)).id : request.fileId
      await submitReport.mutateAsync({ id: request.id, text: text.trim(), fileId })
      notifySuccess(t('coord:request.submitted'))
      onDone()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Stack>
      <ErrorAlert error={error} />
      <Textarea
        label={t('coord:request.text')}
        required
        autosize
        minRows={4}
        maxRows={14}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={touched && !text.trim() ? t('validation.required') : undefined}
        data-autofocus
      />
      <FileInput
        label={t('coord:request.file')}
        description={request.filename ? t('coord:request.fileKept', { name: request.filename }) : undefined}
        value={file}
        onChange={setFile}
        clearable
        clearButtonProps={{ 'aria-label': t('import.removeFile') }}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button onClick={submit} loading={busy}>
          {t('coord:request.submit')}
        </Button>
      </Group>
    </Stack>
  )
}

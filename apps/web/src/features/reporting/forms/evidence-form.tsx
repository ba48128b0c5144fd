import { Button, FileInput, Group, SegmentedControl, Stack, TextInput } from '@mantine/core'
import { type EvidenceInput, EvidenceInputSchema } from '@qalxan/contracts'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { applyServerErrors, formResolver } from '../../../lib/form-errors.ts'
import { uploadFile } from '../api/reporting.ts'

type Kind = EvidenceInput['kind']
/** The contract's union, one branch per kind. */
const [, LinkSchema, ActSchema] = EvidenceInputSchema.options

function FileEvidence({ onAdd }: { onAdd: (input: EvidenceInput) => Promise<unknown> }) {
  const { t } = useTranslation()
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
      await onAdd({ kind: 'file', fileId: stored.id, title: title.trim() || undefined })
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
      <FileInput
        label={t('reporting.evidence.file')}
        description={t('reporting.evidence.fileHint')}
        value={file}
        onChange={setFile}
        clearable
        clearButtonProps={{ 'aria-label': t('import.removeFile') }}
        maw={480}
      />
      <TextInput
        label={t('reporting.evidence.titleOptional')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        maw={480}
      />
      <Group>
        <Button size="xs" onClick={add} disabled={!file} loading={busy}>
          {t('reporting.evidence.add')}
        </Button>
      </Group>
    </Stack>
  )
}

function LinkEvidence({ onAdd }: { onAdd: (input: EvidenceInput) => Promise<unknown> }) {
  const { t } = useTranslation()
  const [error, setError] = useState<unknown>(null)
  const [extra, setExtra] = useState<string[]>([])
  const form = useForm({
    resolver: formResolver(LinkSchema, t),
    defaultValues: { kind: 'link' as const, title: '', url: 'https://' },
  })
  const errors = form.formState.errors
  const submit = form.handleSubmit(async (v) => {
    setError(null)
    try {
      await onAdd(v)
      form.reset()
    } catch (e) {
      setError(e)
      setExtra(applyServerErrors(e, form.setError, ['title', 'url']))
    }
  })
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <ErrorAlert error={error} extra={extra} />
        <TextInput
          label={t('reporting.evidence.name')}
          required
          error={errors.title?.message}
          {...form.register('title')}
          maw={480}
        />
        <TextInput
          label={t('reporting.evidence.url')}
          required
          type="url"
          error={errors.url ? t('reporting.evidence.urlHint') : undefined}
          {...form.register('url')}
          maw={480}
        />
        <Group>
          <Button size="xs" type="submit" loading={form.formState.isSubmitting}>
            {t('reporting.evidence.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function ActEvidence({ onAdd }: { onAdd: (input: EvidenceInput) => Promise<unknown> }) {
  const { t } = useTranslation()
  const [error, setError] = useState<unknown>(null)
  const [extra, setExtra] = useState<string[]>([])
  const form = useForm({
    resolver: formResolver(ActSchema, t),
    defaultValues: { kind: 'legal_act' as const, title: '', actType: '', actNumber: '', actDate: '' },
  })
  const errors = form.formState.errors
  const submit = form.handleSubmit(async (v) => {
    setError(null)
    try {
      await onAdd(v)
      form.reset()
    } catch (e) {
      setError(e)
      setExtra(applyServerErrors(e, form.setError, ['title', 'actType', 'actNumber', 'actDate']))
    }
  })
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <ErrorAlert error={error} extra={extra} />
        <TextInput
          label={t('reporting.evidence.actTitle')}
          required
          error={errors.title?.message}
          {...form.register('title')}
        />
        <Group grow className="form-row">
          <TextInput
            label={t('plan.actType')}
            required
            error={errors.actType?.message}
            {...form.register('actType')}
          />
          <TextInput
            label={t('plan.actNumber')}
            required
            error={errors.actNumber?.message}
            {...form.register('actNumber')}
          />
          <TextInput
            label={t('plan.actDate')}
            type="date"
            required
            error={errors.actDate?.message}
            {...form.register('actDate')}
          />
        </Group>
        <Group>
          <Button size="xs" type="submit" loading={form.formState.isSubmitting}>
            {t('reporting.evidence.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

/** Adds one piece of evidence: an uploaded file, a link or a legal act. */
export function EvidenceForm({ onAdd }: { onAdd: (input: EvidenceInput) => Promise<unknown> }) {
  const { t } = useTranslation()
  const [kind, setKind] = useState<Kind>('file')
  return (
    <Stack gap="xs">
      <SegmentedControl
        value={kind}
        onChange={(v) => setKind(v as Kind)}
        data={(['file', 'link', 'legal_act'] as const).map((k) => ({
          value: k,
          label: t(`reporting.evidence.kind.${k}`),
        }))}
        aria-label={t('reporting.evidence.kindLabel')}
        w="fit-content"
      />
      {kind === 'file' && <FileEvidence onAdd={onAdd} />}
      {kind === 'link' && <LinkEvidence onAdd={onAdd} />}
      {kind === 'legal_act' && <ActEvidence onAdd={onAdd} />}
    </Stack>
  )
}

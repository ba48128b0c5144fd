import { Button, Group, Stack, Textarea } from '@mantine/core'
import {
  type AgendaItem,
  type AgendaItemInput,
  AgendaItemInputSchema,
  type MeetingDocument,
} from '@qalxan/contracts'
import { useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { applyServerErrors, formResolver } from '../../../lib/form-errors.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { OrgSelect } from '../../organizations/components/org-select.tsx'
import { useAddAgendaItem, useUpdateAgendaItem } from '../api/meetings.ts'
import { cleanI18n, I18nFields } from './fields.tsx'
import { type DraftLink, LinkPicker } from './link-picker.tsx'

type FormIn = z.input<typeof AgendaItemInputSchema>
const FIELDS = ['title', 'description', 'presenterOrgId', 'links'] as const

/** Adds a point to the agenda, or changes one, with its links to measures, reports and documents. */
export function AgendaItemForm({
  meetingId,
  item,
  documents,
  onDone,
}: {
  meetingId: string
  item?: AgendaItem
  documents: readonly MeetingDocument[]
  onDone: () => void
}) {
  const { t } = useTranslation()
  const add = useAddAgendaItem(meetingId)
  const update = useUpdateAgendaItem()
  const [links, setLinks] = useState<DraftLink[]>(
    item?.links.map((l) => ({ kind: l.kind, targetId: l.targetId, label: l.label })) ?? [],
  )
  const [error, setError] = useState<unknown>(null)
  const [extra, setExtra] = useState<string[]>([])
  const form = useForm<FormIn, unknown, AgendaItemInput>({
    resolver: formResolver(AgendaItemInputSchema, t),
    defaultValues: {
      title: { az: item?.title.az ?? '', en: item?.title.en ?? '', ru: item?.title.ru ?? '' },
      description: item?.description ?? '',
      presenterOrgId: item?.presenterOrgId ?? null,
      links: [],
    },
  })
  const errors = form.formState.errors
  const submit = form.handleSubmit(async (v) => {
    setError(null)
    setExtra([])
    const input: AgendaItemInput = {
      ...v,
      title: cleanI18n(v.title),
      links: links.map((l) => ({ kind: l.kind, targetId: l.targetId })),
    }
    try {
      if (item) await update.mutateAsync({ id: item.id, input })
      else await add.mutateAsync(input)
      notifySuccess(item ? t('common.saved') : t('coord:agenda.added'))
      onDone()
    } catch (e) {
      setError(e)
      setExtra(applyServerErrors(e, form.setError, FIELDS))
    }
  })
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={error} extra={extra} />
        <I18nFields
          label={t('coord:agenda.itemTitle')}
          register={(l) => form.register(`title.${l}`)}
          error={errors.title?.az?.message}
        />
        <Textarea
          label={t('coord:agenda.itemDescription')}
          autosize
          minRows={2}
          maxRows={8}
          error={errors.description?.message}
          {...form.register('description')}
        />
        <Controller
          control={form.control}
          name="presenterOrgId"
          render={({ field }) => (
            <OrgSelect
              label={t('coord:agenda.presenter')}
              clearable
              value={field.value}
              onChange={(v) => field.onChange(v ?? null)}
              error={errors.presenterOrgId?.message}
            />
          )}
        />
        <LinkPicker links={links} documents={documents} onChange={setLinks} />
        {errors.links?.message && (
          <div className="form-error" role="alert">
            {errors.links.message}
          </div>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting}>
            {item ? t('common.save') : t('coord:agenda.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

import { Button, Group, Select, Stack, TextInput } from '@mantine/core'
import {
  type Body,
  MAX_MEETING_HOURS,
  type Meeting,
  type MeetingInput,
  MeetingInputSchema,
} from '@qalxan/contracts'
import { useState } from 'react'
import { Controller, type Resolver, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { isApiError } from '../../../lib/api-client.ts'
import { applyServerErrors, formErrorMap, formResolver } from '../../../lib/form-errors.ts'
import { localized } from '../../../lib/format.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { useScheduleMeeting, useUpdateMeeting } from '../api/meetings.ts'
import { fromLocalInput, toLocalInput } from '../calendar.ts'
import { cleanI18n, I18nFields } from './fields.tsx'

/** What the form holds: times on the reader's wall clock, the link as typed. */
export interface MeetingFormValues {
  bodyId: string
  number: string
  title: { az: string; en: string; ru: string }
  startsAt: string
  endsAt: string
  location: string
  onlineUrl: string
}

const FIELDS = ['bodyId', 'number', 'title', 'startsAt', 'endsAt', 'location', 'onlineUrl'] as const

/** The form's values as the contract's input: instants with the reader's offset, no empty link. */
export function toMeetingInput(v: MeetingFormValues): MeetingInput {
  return {
    bodyId: v.bodyId,
    number: v.number,
    title: cleanI18n(v.title),
    startsAt: fromLocalInput(v.startsAt),
    endsAt: fromLocalInput(v.endsAt),
    location: v.location,
    onlineUrl: v.onlineUrl.trim() ? v.onlineUrl.trim() : null,
  }
}

export function meetingFormValues(meeting?: Meeting, bodyId?: string): MeetingFormValues {
  return {
    bodyId: meeting?.bodyId ?? bodyId ?? '',
    number: meeting?.number ?? '',
    title: { az: meeting?.title.az ?? '', en: meeting?.title.en ?? '', ru: meeting?.title.ru ?? '' },
    startsAt: toLocalInput(meeting?.startsAt),
    endsAt: toLocalInput(meeting?.endsAt),
    location: meeting?.location ?? '',
    onlineUrl: meeting?.onlineUrl ?? '',
  }
}

/**
 * Schedules a meeting, or reschedules and retitles one. The server refuses a time that overlaps
 * another meeting of the body (CONFLICT) and a start in the past (422 on `startsAt`).
 */
export function MeetingForm({
  bodies,
  bodyId,
  meeting,
  onDone,
  onCancel,
}: {
  bodies: readonly Body[]
  bodyId?: string
  meeting?: Meeting
  onDone: (meeting: Meeting) => void
  onCancel: () => void
}) {
  const { t, i18n } = useTranslation()
  const schedule = useScheduleMeeting()
  const update = useUpdateMeeting(meeting?.id ?? '')
  const [error, setError] = useState<unknown>(null)
  const [extra, setExtra] = useState<string[]>([])
  const form = useForm<MeetingFormValues, unknown, MeetingInput>({
    resolver: meetingResolver(t),
    defaultValues: meetingFormValues(meeting, bodyId ?? (bodies.length === 1 ? bodies[0]?.id : undefined)),
  })
  const errors = form.formState.errors
  const submit = form.handleSubmit(async (input) => {
    setError(null)
    setExtra([])
    try {
      const { bodyId: _b, ...changes } = input
      const saved = meeting ? await update.mutateAsync(changes) : await schedule.mutateAsync(input)
      notifySuccess(meeting ? t('common.saved') : t('coord:meeting.scheduled'))
      onDone(saved)
    } catch (e) {
      setError(e)
      const rest = applyServerErrors(e, form.setError, FIELDS)
      setExtra(isApiError(e) && e.code === 'CONFLICT' ? [t('coord:meeting.overlapHint'), ...rest] : rest)
    }
  })
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={error} extra={extra} />
        <Controller
          control={form.control}
          name="bodyId"
          render={({ field }) => (
            <Select
              label={t('coord:body.one')}
              required
              disabled={!!meeting}
              allowDeselect={false}
              searchable
              nothingFoundMessage={t('common.nothingFound')}
              data={bodies.map((b) => ({
                value: b.id,
                label: `${b.code} · ${localized(b.name, i18n.language)}`,
              }))}
              value={field.value || null}
              onChange={(v) => field.onChange(v ?? '')}
              error={errors.bodyId?.message}
            />
          )}
        />
        <TextInput
          label={t('coord:meeting.number')}
          description={t('coord:meeting.numberHint')}
          required
          maw={240}
          error={errors.number?.message}
          {...form.register('number')}
        />
        <I18nFields
          label={t('coord:meeting.titleLabel')}
          register={(l) => form.register(`title.${l}`)}
          error={errors.title?.az?.message}
        />
        <Group grow className="form-row" align="flex-start">
          <TextInput
            type="datetime-local"
            label={t('coord:meeting.startsAt')}
            required
            error={errors.startsAt?.message}
            {...form.register('startsAt')}
          />
          <TextInput
            type="datetime-local"
            label={t('coord:meeting.endsAt')}
            required
            error={errors.endsAt?.message}
            {...form.register('endsAt')}
          />
        </Group>
        <TextInput
          label={t('coord:meeting.location')}
          error={errors.location?.message}
          {...form.register('location')}
        />
        <TextInput
          type="url"
          label={t('coord:meeting.onlineUrl')}
          description={t('coord:meeting.onlineUrlHint')}
          placeholder="https://"
          error={errors.onlineUrl?.message}
          {...form.register('onlineUrl')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting}>
            {meeting ? t('common.save') : t('coord:meeting.schedule')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

type T = ReturnType<typeof useTranslation>['t']

/**
 * The contract's schema checks the converted values (a rescheduled meeting keeps its body, so the
 * same schema serves both). Its own two rules (end after start, at most twelve hours) carry English
 * messages, so they are worded here from the values.
 */
export function meetingResolver(t: T): Resolver<MeetingFormValues, unknown, MeetingInput> {
  const inner = formResolver(MeetingInputSchema, t, (issue) =>
    issue.format === 'url' ? t('coord:meeting.httpsOnly') : formErrorMap(t)(issue),
  )
  return async (values, context, options) => {
    const input = toMeetingInput(values)
    const result = (await inner(input as never, context, options as never)) as unknown as Awaited<
      ReturnType<Resolver<MeetingFormValues, unknown, MeetingInput>>
    >
    const endsAt = result.errors.endsAt
    if (endsAt && endsAt.type === 'custom') {
      const tooLong = Date.parse(input.endsAt) > Date.parse(input.startsAt)
      endsAt.message = tooLong
        ? t('coord:meeting.tooLong', { hours: MAX_MEETING_HOURS })
        : t('coord:meeting.endAfterStart')
    }
    return result
  }
}

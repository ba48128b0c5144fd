import { Button, Group, Select, Stack, TextInput } from '@mantine/core'
import {
  type AgendaItem,
  type AssignmentInput,
  AssignmentInputSchema,
  type DecisionInput,
  DecisionInputSchema,
  type Member,
} from '@qalxan/contracts'
import { useState } from 'react'
import { Controller, type UseFormReturn, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { applyServerErrors, formResolver } from '../../../lib/form-errors.ts'
import { localized } from '../../../lib/format.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { useAddAssignment, useRecordDecision } from '../api/meetings.ts'
import { AssignmentFields, emptyAssignment, type WithAssignments } from './assignment-fields.tsx'
import { cleanI18n, I18nFields } from './fields.tsx'
import { remapIssues } from './server-errors.ts'

type FormIn = z.input<typeof DecisionInputSchema>
const FIELDS = ['number', 'text', 'agendaItemId', 'assignments'] as const

/** Records a decision of the meeting, with the assignments that carry it out. */
export function DecisionForm({
  meetingId,
  agenda,
  members,
  nextNumber,
  onDone,
}: {
  meetingId: string
  agenda: readonly AgendaItem[]
  members: readonly Member[]
  nextNumber: string
  onDone: () => void
}) {
  const { t, i18n } = useTranslation()
  const record = useRecordDecision(meetingId)
  const [error, setError] = useState<unknown>(null)
  const [extra, setExtra] = useState<string[]>([])
  const form = useForm<FormIn, unknown, DecisionInput>({
    resolver: formResolver(DecisionInputSchema, t),
    defaultValues: {
      number: nextNumber,
      text: { az: '', en: '', ru: '' },
      agendaItemId: null,
      assignments: [],
    },
  })
  // Row keys for React; the values live in the form (useFieldArray would add its code to the first screen).
  const [rows, setRows] = useState<number[]>([])
  const addRow = () => {
    form.setValue('assignments', [...(form.getValues('assignments') ?? []), emptyAssignment()])
    setRows((r) => [...r, Math.max(0, ...r) + 1])
  }
  const removeRow = (i: number) => {
    form.setValue(
      'assignments',
      (form.getValues('assignments') ?? []).filter((_, j) => j !== i),
    )
    form.clearErrors('assignments')
    setRows((r) => r.filter((_, j) => j !== i))
  }
  const errors = form.formState.errors
  const submit = form.handleSubmit(async (v) => {
    setError(null)
    setExtra([])
    try {
      await record.mutateAsync({ ...v, text: cleanI18n(v.text) })
      notifySuccess(t('coord:decision.recorded', { number: v.number }))
      onDone()
    } catch (e) {
      setError(e)
      setExtra(applyServerErrors(e, form.setError, FIELDS))
    }
  })
  // The rows edit only the assignments part of this form.
  const rowsForm = form as unknown as UseFormReturn<WithAssignments>
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={error} extra={extra} />
        <Group grow className="form-row" align="flex-start">
          <TextInput
            label={t('coord:decision.number')}
            required
            error={errors.number?.message}
            {...form.register('number')}
          />
          <Controller
            control={form.control}
            name="agendaItemId"
            render={({ field }) => (
              <Select
                label={t('coord:decision.agendaItem')}
                clearable
                data={[...agenda]
                  .sort((a, b) => a.position - b.position)
                  .map((a, i) => ({ value: a.id, label: `${i + 1}. ${localized(a.title, i18n.language)}` }))}
                value={field.value ?? null}
                onChange={(v) => field.onChange(v ?? null)}
                error={errors.agendaItemId?.message}
              />
            )}
          />
        </Group>
        <I18nFields
          label={t('coord:decision.text')}
          register={(l) => form.register(`text.${l}`)}
          error={errors.text?.az?.message}
          long
        />
        {rows.map((key, i) => (
          <AssignmentFields
            key={key}
            form={rowsForm}
            index={i}
            members={members}
            onRemove={() => removeRow(i)}
          />
        ))}
        <Group justify="space-between" wrap="wrap">
          <Button variant="default" size="xs" onClick={addRow}>
            {t('coord:assignment.add')}
          </Button>
          <Group>
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {t('coord:decision.record')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  )
}

const OneAssignmentSchema = z.object({ assignments: z.array(AssignmentInputSchema).length(1) })

/** Adds one more assignment to a decision already recorded. */
export function AddAssignmentForm({
  decisionId,
  members,
  onDone,
}: {
  decisionId: string
  members: readonly Member[]
  onDone: () => void
}) {
  const { t } = useTranslation()
  const add = useAddAssignment()
  const [error, setError] = useState<unknown>(null)
  const [extra, setExtra] = useState<string[]>([])
  const form = useForm<WithAssignments, unknown, { assignments: AssignmentInput[] }>({
    resolver: formResolver(OneAssignmentSchema, t),
    defaultValues: { assignments: [emptyAssignment()] },
  })
  const submit = form.handleSubmit(async (v) => {
    const input = v.assignments[0]
    if (!input) return
    setError(null)
    setExtra([])
    try {
      await add.mutateAsync({ decisionId, input })
      notifySuccess(t('coord:assignment.added'))
      onDone()
    } catch (e) {
      setError(e)
      // The server names the assignment's own fields; the form holds it as row 0.
      setExtra(
        applyServerErrors(
          remapIssues(e, (p) => (p ? `assignments.0.${p}` : p)),
          form.setError,
          ['assignments.0'],
        ),
      )
    }
  })
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={error} extra={extra} />
        <AssignmentFields form={form} index={0} members={members} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('coord:assignment.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

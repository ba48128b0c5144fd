import { ActionIcon, Card, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core'
import type { AssignmentInputSchema, Member } from '@qalxan/contracts'
import { useState } from 'react'
import { Controller, type UseFormReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { localized } from '../../../lib/format.ts'
import { MeasurePicker, type PickedMeasure } from './measure-picker.tsx'
import { PersonSelect } from './person-select.tsx'

export type AssignmentIn = z.input<typeof AssignmentInputSchema>
/** The part of a form that lists assignments (a decision's, or one added later). */
export type WithAssignments = { assignments: AssignmentIn[] }

export const emptyAssignment = (dueOn = ''): AssignmentIn => ({
  orgId: '',
  responsibleUserId: null,
  task: '',
  dueOn,
  measureId: null,
  changeRequestId: null,
})

/** The organisations seated on the meeting's day, once each, with the person holding the seat. */
export function memberOrgs(members: readonly Member[]) {
  const out = new Map<
    string,
    { orgId: string; code: string; name: Member['orgName']; people: { id: string; name: string }[] }
  >()
  for (const m of members) {
    const o = out.get(m.orgId) ?? { orgId: m.orgId, code: m.orgCode, name: m.orgName, people: [] }
    if (m.userId && m.userName && !o.people.some((p) => p.id === m.userId))
      o.people.push({ id: m.userId, name: m.userName })
    out.set(m.orgId, o)
  }
  return [...out.values()].sort((a, b) => a.code.localeCompare(b.code))
}

/**
 * One assignment: an organisation among the body's members on the meeting's day, the person
 * responsible there, the due date, the task and the measure it serves.
 */
export function AssignmentFields({
  form,
  index,
  members,
  onRemove,
}: {
  form: UseFormReturn<WithAssignments>
  index: number
  members: readonly Member[]
  onRemove?: () => void
}) {
  const { t, i18n } = useTranslation()
  const [measure, setMeasure] = useState<PickedMeasure | null>(null)
  const orgs = memberOrgs(members)
  const orgId = form.watch(`assignments.${index}.orgId`)
  const errors = form.formState.errors.assignments?.[index]
  const n = index + 1
  return (
    <Card withBorder padding="sm">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text size="sm" fw={600}>
            {t('coord:assignment.numbered', { n })}
          </Text>
          {onRemove && (
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={onRemove}
              aria-label={t('coord:assignment.remove', { n })}
            >
              ×
            </ActionIcon>
          )}
        </Group>
        <Group grow className="form-row" align="flex-start">
          <Controller
            control={form.control}
            name={`assignments.${index}.orgId`}
            render={({ field }) => (
              <Select
                label={t('coord:assignment.org')}
                description={t('coord:assignment.orgHint')}
                required
                searchable
                nothingFoundMessage={t('common.nothingFound')}
                data={orgs.map((o) => ({
                  value: o.orgId,
                  label: `${o.code} · ${localized(o.name, i18n.language)}`,
                }))}
                value={field.value || null}
                onChange={(v) => {
                  field.onChange(v ?? '')
                  form.setValue(`assignments.${index}.responsibleUserId`, null)
                }}
                error={errors?.orgId?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name={`assignments.${index}.responsibleUserId`}
            render={({ field }) => (
              <PersonSelect
                label={t('coord:assignment.responsible')}
                orgId={orgId || null}
                known={orgs.find((o) => o.orgId === orgId)?.people}
                value={field.value ?? null}
                onChange={field.onChange}
                error={errors?.responsibleUserId?.message}
              />
            )}
          />
        </Group>
        {/* Controlled, so a row that moves up after a removal shows its own values. */}
        <Controller
          control={form.control}
          name={`assignments.${index}.task`}
          render={({ field }) => (
            <Textarea
              label={t('coord:assignment.task')}
              autosize
              minRows={2}
              value={field.value ?? ''}
              onChange={(e) => field.onChange(e.currentTarget.value)}
              onBlur={field.onBlur}
              error={errors?.task?.message}
            />
          )}
        />
        <Group grow className="form-row" align="flex-start">
          <Controller
            control={form.control}
            name={`assignments.${index}.dueOn`}
            render={({ field }) => (
              <TextInput
                type="date"
                label={t('coord:assignment.dueOn')}
                required
                value={field.value ?? ''}
                onChange={(e) => field.onChange(e.currentTarget.value)}
                onBlur={field.onBlur}
                error={errors?.dueOn?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name={`assignments.${index}.measureId`}
            render={({ field }) => (
              <MeasurePicker
                label={t('coord:assignment.measure')}
                value={measure}
                onChange={(m) => {
                  setMeasure(m)
                  field.onChange(m?.id ?? null)
                }}
                error={errors?.measureId?.message}
              />
            )}
          />
        </Group>
      </Stack>
    </Card>
  )
}

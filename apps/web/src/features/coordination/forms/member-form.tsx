import { Button, Group, Select, Stack, TextInput } from '@mantine/core'
import {
  EndMemberInputSchema,
  MEMBER_ROLES,
  type Member,
  type MemberInput,
  MemberInputSchema,
} from '@qalxan/contracts'
import { useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { applyServerErrors, formResolver } from '../../../lib/form-errors.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { OrgSelect } from '../../organizations/components/org-select.tsx'
import { useEndSeat, useSeatMembers } from '../api/bodies.ts'
import { localDay } from '../calendar.ts'
import { PersonSelect } from './person-select.tsx'
import { withoutPrefix } from './server-errors.ts'

type FormIn = z.input<typeof MemberInputSchema>
const FIELDS = ['orgId', 'userId', 'role', 'validFrom', 'note'] as const

/** Seats an organisation in the body, with the person who represents it, from a date. */
export function MemberForm({ bodyId, onDone }: { bodyId: string; onDone: () => void }) {
  const { t } = useTranslation()
  const seat = useSeatMembers(bodyId)
  const [error, setError] = useState<unknown>(null)
  const [extra, setExtra] = useState<string[]>([])
  const form = useForm<FormIn, unknown, MemberInput>({
    resolver: formResolver(MemberInputSchema, t),
    defaultValues: { orgId: '', userId: null, role: 'member', validFrom: localDay(new Date()), note: '' },
  })
  const errors = form.formState.errors
  const orgId = form.watch('orgId')
  const submit = form.handleSubmit(async (v) => {
    setError(null)
    setExtra([])
    try {
      await seat.mutateAsync([v])
      notifySuccess(t('coord:member.seated'))
      onDone()
    } catch (e) {
      setError(e)
      // The server names the row: members.0.orgId.
      setExtra(applyServerErrors(withoutPrefix(e, /^members\.\d+\./), form.setError, FIELDS))
    }
  })
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={error} extra={extra} />
        <Controller
          control={form.control}
          name="orgId"
          render={({ field }) => (
            <OrgSelect
              label={t('coord:member.org')}
              required
              value={field.value || null}
              onChange={(v) => {
                field.onChange(v ?? '')
                form.setValue('userId', null)
              }}
              error={errors.orgId?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="userId"
          render={({ field }) => (
            <PersonSelect
              label={t('coord:member.person')}
              orgId={orgId || null}
              value={field.value}
              onChange={field.onChange}
              error={errors.userId?.message}
            />
          )}
        />
        <Group grow className="form-row" align="flex-start">
          <Controller
            control={form.control}
            name="role"
            render={({ field }) => (
              <Select
                label={t('coord:member.role')}
                required
                allowDeselect={false}
                data={MEMBER_ROLES.map((r) => ({ value: r, label: t(`coord:role.${r}`) }))}
                value={field.value ?? 'member'}
                onChange={(v) => field.onChange(v)}
                error={errors.role?.message}
              />
            )}
          />
          <TextInput
            type="date"
            label={t('coord:member.validFrom')}
            required
            error={errors.validFrom?.message}
            {...form.register('validFrom')}
          />
        </Group>
        <TextInput label={t('coord:member.note')} error={errors.note?.message} {...form.register('note')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={seat.isPending}>
            {t('coord:member.seat')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

type EndIn = z.input<typeof EndMemberInputSchema>

/** Ends a seat on its last day (inclusive). */
export function EndSeatForm({ member, onDone }: { member: Member; onDone: () => void }) {
  const { t } = useTranslation()
  const end = useEndSeat()
  const [error, setError] = useState<unknown>(null)
  const [extra, setExtra] = useState<string[]>([])
  const form = useForm<EndIn, unknown, z.output<typeof EndMemberInputSchema>>({
    resolver: formResolver(EndMemberInputSchema, t),
    defaultValues: { validTo: localDay(new Date()), note: '' },
  })
  const errors = form.formState.errors
  const submit = form.handleSubmit(async (v) => {
    setError(null)
    setExtra([])
    try {
      await end.mutateAsync({ id: member.id, validTo: v.validTo, note: v.note || undefined })
      notifySuccess(t('coord:member.ended'))
      onDone()
    } catch (e) {
      setError(e)
      setExtra(applyServerErrors(e, form.setError, ['validTo', 'note']))
    }
  })
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={error} extra={extra} />
        <TextInput
          type="date"
          label={t('coord:member.validTo')}
          description={t('coord:member.validToHint')}
          required
          min={member.validFrom}
          error={errors.validTo?.message}
          {...form.register('validTo')}
        />
        <TextInput label={t('coord:member.note')} error={errors.note?.message} {...form.register('note')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={end.isPending}>
            {t('coord:member.end')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

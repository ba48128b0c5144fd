import { Button, Group, SegmentedControl, Stack, TextInput } from '@mantine/core'
import { DecisionRefSchema } from '@qalxan/contracts'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { applyServerErrors, formResolver } from '../../../lib/form-errors.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { useDecideChange } from '../api/plan.ts'

type FormIn = z.input<typeof DecisionRefSchema>
type FormOut = z.output<typeof DecisionRefSchema>

/** Records the Commission's decision on a change request: approved (a new baseline) or rejected. */
export function DecisionForm({ changeRequestId, onDone }: { changeRequestId: string; onDone: () => void }) {
  const { t } = useTranslation()
  const decide = useDecideChange()
  const [approve, setApprove] = useState(true)
  const [error, setError] = useState<unknown>(null)
  const [extra, setExtra] = useState<string[]>([])
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: formResolver(DecisionRefSchema, t),
    defaultValues: { body: t('plan.changes.defaultBody'), number: '', date: '' },
  })
  const errors = form.formState.errors
  const submit = form.handleSubmit(async (decision) => {
    setError(null)
    setExtra([])
    try {
      await decide.mutateAsync({ id: changeRequestId, approve, decision })
      notifySuccess(approve ? t('plan.changes.approvedDone') : t('plan.changes.rejectedDone'))
      onDone()
    } catch (e) {
      setError(e)
      setExtra(applyServerErrors(e, form.setError, ['body', 'number', 'date']))
    }
  })
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={error} extra={extra} />
        <SegmentedControl
          value={approve ? 'approve' : 'reject'}
          onChange={(v) => setApprove(v === 'approve')}
          data={[
            { value: 'approve', label: t('plan.changes.approve') },
            { value: 'reject', label: t('plan.changes.reject') },
          ]}
          aria-label={t('plan.changes.decision')}
          w="fit-content"
        />
        <TextInput
          label={t('plan.changes.decisionBody')}
          required
          error={errors.body?.message}
          {...form.register('body')}
        />
        <Group grow className="form-row">
          <TextInput
            label={t('plan.changes.decisionNumber')}
            required
            error={errors.number?.message}
            {...form.register('number')}
          />
          <TextInput
            label={t('plan.changes.decisionDate')}
            type="date"
            required
            error={errors.date?.message}
            {...form.register('date')}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color={approve ? 'green' : 'red'} loading={decide.isPending}>
            {approve ? t('plan.changes.approve') : t('plan.changes.reject')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

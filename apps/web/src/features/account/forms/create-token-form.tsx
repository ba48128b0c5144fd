import { Button, Checkbox, Group, NumberInput, Stack, TextInput } from '@mantine/core'
import { CreateApiTokenSchema, TOKEN_SCOPES } from '@qalxan/contracts'
import { useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { applyServerErrors, formResolver } from '../../../lib/form-errors.ts'
import type { CreateApiTokenInput } from '../api/account.ts'

type Values = z.infer<typeof CreateApiTokenSchema>

export function CreateTokenForm({
  onSubmit,
}: {
  onSubmit: (input: CreateApiTokenInput) => Promise<unknown>
}) {
  const { t } = useTranslation()
  const [error, setError] = useState<unknown>(null)
  const form = useForm<Values>({
    resolver: formResolver(CreateApiTokenSchema, t),
    defaultValues: { name: '', scopes: ['read'], expiresInDays: 90 },
  })
  const errors = form.formState.errors
  const submit = form.handleSubmit(async (v) => {
    setError(null)
    try {
      await onSubmit(v)
      form.reset()
    } catch (e) {
      setError(e)
      applyServerErrors(e, form.setError, ['name', 'scopes', 'expiresInDays'])
    }
  })
  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={520}>
        <ErrorAlert error={error} />
        <TextInput
          label={t('tokens.name')}
          required
          error={errors.name?.message}
          {...form.register('name')}
        />
        <Controller
          control={form.control}
          name="scopes"
          render={({ field }) => (
            <Checkbox.Group
              label={t('tokens.scopes')}
              value={field.value}
              onChange={(v) => field.onChange(v)}
              error={errors.scopes?.message}
            >
              <Group mt={4}>
                {TOKEN_SCOPES.map((s) => (
                  <Checkbox key={s} value={s} label={t(`tokens.scope.${s}`)} />
                ))}
              </Group>
            </Checkbox.Group>
          )}
        />
        <Controller
          control={form.control}
          name="expiresInDays"
          render={({ field }) => (
            <NumberInput
              label={t('tokens.expiresInDays')}
              min={1}
              max={365}
              allowDecimal={false}
              value={field.value}
              onChange={(v) => field.onChange(typeof v === 'number' ? v : Number(v))}
              error={errors.expiresInDays?.message}
              w={200}
            />
          )}
        />
        <Group>
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('tokens.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

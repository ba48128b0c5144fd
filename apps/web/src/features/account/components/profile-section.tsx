import { Button, Group, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { applyServerErrors, formResolver } from '../../../lib/form-errors.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { useCurrentMe, useUpdateMe } from '../../me/api/me.ts'
import { LanguageSwitcher } from '../../shell/components/language-switcher.tsx'

const Schema = z.object({ name: z.string().trim().min(1).max(200) })

export function ProfileSection() {
  const { t } = useTranslation()
  const me = useCurrentMe()
  const update = useUpdateMe()
  const [error, setError] = useState<unknown>(null)
  const form = useForm<z.infer<typeof Schema>>({
    resolver: formResolver(Schema, t),
    defaultValues: { name: me.user.name },
  })
  const submit = form.handleSubmit(async (v) => {
    setError(null)
    try {
      await update.mutateAsync(v)
      notifySuccess(t('common.saved'))
    } catch (e) {
      setError(e)
      applyServerErrors(e, form.setError, ['name'])
    }
  })
  return (
    <Stack maw={520}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={error} />
          <TextInput
            label={t('users.name')}
            required
            error={form.formState.errors.name?.message}
            {...form.register('name')}
          />
          <TextInput label={t('users.email')} value={me.user.email} readOnly disabled />
          <TextInput label={t('home.organization')} value={me.organization?.name ?? '—'} readOnly disabled />
          <Group>
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <div>
        <Text size="sm" fw={500} mb={4}>
          {t('shell.language')}
        </Text>
        <LanguageSwitcher />
      </div>
    </Stack>
  )
}

import { Text } from '@mantine/core'
import { useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { Page, PageHeader } from '../../../components/page.tsx'
import { notifySuccess } from '../../../lib/notify.ts'
import { useCreateUser } from '../api/users.ts'
import { UserCreateForm } from '../forms/user-create-form.tsx'

export function UserCreatePage({ orgId }: { orgId?: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const create = useCreateUser()
  return (
    <Page>
      <PageHeader title={t('users.create')} />
      <Text size="sm">{t('users.inviteHint')}</Text>
      <UserCreateForm
        orgId={orgId}
        onCancel={() => void navigate({ to: '/users', search: orgId ? { orgId } : {} })}
        onSubmit={async (input) => {
          const user = await create.mutateAsync(input)
          notifySuccess(t('users.created', { email: user.email }))
          await navigate({ to: '/users', search: { orgId: input.orgId } })
        }}
      />
    </Page>
  )
}

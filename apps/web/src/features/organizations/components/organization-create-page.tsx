import { useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { Page, PageHeader } from '../../../components/page.tsx'
import { notifySuccess } from '../../../lib/notify.ts'
import { useCreateOrganization } from '../api/organizations.ts'
import { OrganizationForm } from '../forms/organization-form.tsx'

export function OrganizationCreatePage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const create = useCreateOrganization()
  return (
    <Page>
      <PageHeader title={t('organizations.create')} />
      <OrganizationForm
        submitLabel={t('common.create')}
        onCancel={() => void navigate({ to: '/organizations' })}
        onSubmit={async (input) => {
          const org = await create.mutateAsync(input)
          notifySuccess(t('organizations.created'))
          await navigate({ to: '/organizations/$orgId', params: { orgId: org.id } })
        }}
      />
    </Page>
  )
}

import { useTranslation } from 'react-i18next'
import { Page, PageHeader } from '../../../components/page.tsx'
import { ImportPanel } from '../../imports/components/import-panel.tsx'

export function OrganizationImportPage() {
  const { t } = useTranslation()
  return (
    <Page>
      <PageHeader title={t('import.organizationsTitle')} />
      <ImportPanel kind="organizations" />
    </Page>
  )
}

import { Group, Paper, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitcher } from '../features/shell/components/language-switcher.tsx'
import { ShieldMark } from './shield-mark.tsx'

/** Frame of the pages seen before sign-in. */
export function PublicLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <div className="public-page">
      <header className="public-header">
        <Group gap="xs">
          <ShieldMark />
          <Text fw={700}>{t('app.name')}</Text>
        </Group>
        <LanguageSwitcher persist={false} />
      </header>
      <main id="main" className="public-main">
        <Paper withBorder shadow="sm" p="xl" radius="md" className="public-card">
          <Title order={1} className="public-title">
            {title}
          </Title>
          <Text c="dimmed" size="sm" mb="md">
            {t('app.tagline')}
          </Text>
          {children}
        </Paper>
      </main>
    </div>
  )
}

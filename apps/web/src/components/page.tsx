import { Group, Loader, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from './error-alert.tsx'

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string
  description?: string
  actions?: ReactNode
}) {
  return (
    <Group justify="space-between" align="flex-start" className="page-header" wrap="wrap">
      <div>
        <Title order={1} className="page-title">
          {title}
        </Title>
        {description && (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        )}
      </div>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  )
}

export function Page({ children }: { children: ReactNode }) {
  return <Stack gap="md">{children}</Stack>
}

/** Loading and error states of a query, so pages only render their happy path. */
export function QueryState({ isPending, error }: { isPending: boolean; error: unknown }) {
  const { t } = useTranslation()
  if (error) return <ErrorAlert error={error} />
  if (isPending)
    return (
      <Group gap="xs" role="status" aria-live="polite">
        <Loader size="sm" />
        <Text size="sm">{t('common.loading')}</Text>
      </Group>
    )
  return null
}

export function EmptyRow({ colSpan, text }: { colSpan: number; text?: string }) {
  const { t } = useTranslation()
  return (
    <tr>
      <td colSpan={colSpan} className="empty-cell">
        {text ?? t('common.empty')}
      </td>
    </tr>
  )
}

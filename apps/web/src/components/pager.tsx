import { Group, Pagination, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

export function Pager({
  total,
  limit,
  offset,
  onOffset,
}: {
  total: number
  limit: number
  offset: number
  onOffset: (offset: number) => void
}) {
  const { t } = useTranslation()
  const pages = Math.max(1, Math.ceil(total / limit))
  const page = Math.floor(offset / limit) + 1
  return (
    <Group justify="space-between" wrap="wrap">
      <Text size="sm" c="dimmed">
        {t('common.totalRows', { count: total })}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={(p) => onOffset((p - 1) * limit)}
          getControlProps={(control) => ({
            'aria-label': control === 'previous' ? t('common.previousPage') : t('common.nextPage'),
          })}
          getItemProps={(p) => ({ 'aria-label': t('common.pageN', { page: p }) })}
        />
      )}
    </Group>
  )
}

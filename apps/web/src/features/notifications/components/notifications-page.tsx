import { Anchor, Button, Card, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Page, PageHeader, QueryState } from '../../../components/page.tsx'
import { formatDateTime } from '../../../lib/format.ts'
import { notifyError } from '../../../lib/notify.ts'
import { useMarkAllRead, useMarkRead, useNotifications } from '../api/notifications.ts'

/** Only links inside the portal are followed from a notification. */
const internal = (link: string | null) => (link?.startsWith('/') && !link.startsWith('//') ? link : null)

export function NotificationsPage() {
  const { t, i18n } = useTranslation()
  const list = useNotifications()
  const markRead = useMarkRead()
  const markAll = useMarkAllRead()
  return (
    <Page>
      <PageHeader
        title={t('notifications.title')}
        actions={
          (list.data?.unread ?? 0) > 0 && (
            <Button
              variant="default"
              loading={markAll.isPending}
              onClick={() => markAll.mutate(undefined, { onError: (e) => notifyError(t, e) })}
            >
              {t('notifications.markAllRead')}
            </Button>
          )
        }
      />
      <QueryState isPending={list.isPending} error={list.error} />
      {list.data && list.data.items.length === 0 && <Text c="dimmed">{t('notifications.none')}</Text>}
      <Stack gap="xs">
        {list.data?.items.map((n) => {
          const link = internal(n.link)
          return (
            <Card key={n.id} withBorder className={n.readAt ? 'notification' : 'notification unread'}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <div>
                  <Text fw={n.readAt ? 500 : 700}>
                    {!n.readAt && <span className="visually-hidden">{t('notifications.unread')}: </span>}
                    {n.title}
                  </Text>
                  <Text size="sm" className="pre-line">
                    {n.body}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(n.createdAt, i18n.language)}
                  </Text>
                  {link && (
                    <Anchor href={link} size="sm">
                      {t('notifications.open')}
                    </Anchor>
                  )}
                </div>
                {!n.readAt && (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => markRead.mutate(n.id, { onError: (e) => notifyError(t, e) })}
                  >
                    {t('notifications.markRead')}
                  </Button>
                )}
              </Group>
            </Card>
          )
        })}
      </Stack>
    </Page>
  )
}

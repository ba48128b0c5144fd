import { Badge, Button, Table } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { EmptyRow, QueryState } from '../../../components/page.tsx'
import { formatDateTime } from '../../../lib/format.ts'
import { notifyError, notifySuccess } from '../../../lib/notify.ts'
import { sessionsQuery, useRevokeSession } from '../api/account.ts'

/** A readable name for a browser's user-agent string. */
export function describeAgent(ua: string | null): string {
  if (!ua) return '—'
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : null
  const os = /Windows/.test(ua)
    ? 'Windows'
    : /Android/.test(ua)
      ? 'Android'
      : /iPhone|iPad/.test(ua)
        ? 'iOS'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : null
  return browser || os ? [browser, os].filter(Boolean).join(' · ') : ua.slice(0, 60)
}

export function SessionsSection() {
  const { t, i18n } = useTranslation()
  const sessions = useQuery(sessionsQuery())
  const revoke = useRevokeSession()
  if (!sessions.data) return <QueryState isPending={sessions.isPending} error={sessions.error} />
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('sessions.device')}</Table.Th>
            <Table.Th scope="col">{t('sessions.ip')}</Table.Th>
            <Table.Th scope="col">{t('sessions.started')}</Table.Th>
            <Table.Th scope="col">{t('sessions.expires')}</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.data.length === 0 && <EmptyRow colSpan={5} />}
          {sessions.data.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td title={s.userAgent ?? undefined}>
                {describeAgent(s.userAgent)}
                {s.current && (
                  <Badge variant="light" ml="xs" size="xs" color="green">
                    {t('sessions.current')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{s.ipAddress ?? '—'}</Table.Td>
              <Table.Td>{formatDateTime(s.createdAt, i18n.language)}</Table.Td>
              <Table.Td>{formatDateTime(s.expiresAt, i18n.language)}</Table.Td>
              <Table.Td>
                {!s.current && (
                  <Button
                    size="xs"
                    color="red"
                    variant="light"
                    loading={revoke.isPending && revoke.variables === s.id}
                    onClick={() =>
                      revoke.mutate(s.id, {
                        onSuccess: () => notifySuccess(t('sessions.revoked')),
                        onError: (e) => notifyError(t, e),
                      })
                    }
                  >
                    {t('sessions.revoke')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

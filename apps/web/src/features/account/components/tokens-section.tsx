import { Alert, Badge, Button, Code, CopyButton, Group, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EmptyRow, QueryState } from '../../../components/page.tsx'
import { formatDateTime } from '../../../lib/format.ts'
import { notifyError, notifySuccess } from '../../../lib/notify.ts'
import { type CreatedApiToken, tokensQuery, useCreateToken, useRevokeToken } from '../api/account.ts'
import { CreateTokenForm } from '../forms/create-token-form.tsx'

export function TokensSection() {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const tokens = useQuery(tokensQuery())
  const create = useCreateToken()
  const revoke = useRevokeToken()
  const [created, setCreated] = useState<CreatedApiToken | null>(null)

  return (
    <Stack>
      <Text size="sm">{t('tokens.hint')}</Text>
      {created && (
        <Alert color="yellow" title={t('tokens.secretTitle')} role="status">
          <Stack gap="xs">
            <Text size="sm">{t('tokens.secretOnce')}</Text>
            <Code block className="secret">
              {created.secret}
            </Code>
            <Group>
              <CopyButton value={created.secret}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {copied ? t('common.copied') : t('common.copy')}
                  </Button>
                )}
              </CopyButton>
              <Button size="xs" variant="subtle" onClick={() => setCreated(null)}>
                {t('tokens.secretSaved')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      <QueryState isPending={tokens.isPending} error={tokens.error} />
      {tokens.data && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('tokens.name')}</Table.Th>
                <Table.Th scope="col">{t('tokens.prefix')}</Table.Th>
                <Table.Th scope="col">{t('tokens.scopes')}</Table.Th>
                <Table.Th scope="col">{t('tokens.expires')}</Table.Th>
                <Table.Th scope="col">{t('tokens.lastUsed')}</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.length === 0 && <EmptyRow colSpan={6} text={t('tokens.none')} />}
              {tokens.data.map((tok) => (
                <Table.Tr key={tok.id}>
                  <Table.Td>{tok.name}</Table.Td>
                  <Table.Td>
                    <Code>{tok.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>{tok.scopes.map((s) => t(`tokens.scope.${s}`)).join(', ')}</Table.Td>
                  <Table.Td>{formatDateTime(tok.expiresAt, lang)}</Table.Td>
                  <Table.Td>{formatDateTime(tok.lastUsedAt, lang)}</Table.Td>
                  <Table.Td>
                    {tok.revokedAt ? (
                      <Badge variant="light" color="gray">
                        {t('tokens.revoked')}
                      </Badge>
                    ) : (
                      <Button
                        size="xs"
                        color="red"
                        variant="light"
                        loading={revoke.isPending && revoke.variables === tok.id}
                        onClick={() =>
                          revoke.mutate(tok.id, {
                            onSuccess: () => notifySuccess(t('tokens.revokedNotice')),
                            onError: (e) => notifyError(t, e),
                          })
                        }
                      >
                        {t('tokens.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Title order={3} size="h4">
        {t('tokens.new')}
      </Title>
      <CreateTokenForm
        onSubmit={async (input) => {
          setCreated(await create.mutateAsync(input))
        }}
      />
    </Stack>
  )
}

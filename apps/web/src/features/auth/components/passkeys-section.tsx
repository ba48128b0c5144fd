import { Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { EmptyRow, QueryState } from '../../../components/page.tsx'
import { isApiError } from '../../../lib/api-client.ts'
import { formatDateTime } from '../../../lib/format.ts'
import { notifyError, notifySuccess } from '../../../lib/notify.ts'
import {
  isWebAuthnCancel,
  passkeysQuery,
  passkeysSupported,
  useDeletePasskey,
  useRegisterPasskey,
} from '../api/passkeys.ts'

/** Server answers get the usual alert; a failure inside the browser's WebAuthn dialog gets one sentence. */
export function PasskeyError({ error }: { error: unknown }) {
  const { t } = useTranslation()
  if (!error) return null
  if (isApiError(error)) return <ErrorAlert error={error} />
  return (
    <div className="form-error" role="alert">
      {t('passkeys.failed')}
    </div>
  )
}

/** Adds a passkey; used on the account page and on the forced enrolment page. */
export function AddPasskeyForm({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation()
  const register = useRegisterPasskey()
  const [name, setName] = useState('')
  const [error, setError] = useState<unknown>(null)
  if (!passkeysSupported()) return <Text size="sm">{t('passkeys.unsupported')}</Text>
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    try {
      await register.mutateAsync(name.trim() || t('passkeys.defaultName'))
      setName('')
      notifySuccess(t('passkeys.added'))
      onDone?.()
    } catch (err) {
      if (isWebAuthnCancel(err)) setError(null)
      else setError(err)
    }
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={420} gap="xs">
        <PasskeyError error={error} />
        <TextInput
          label={t('passkeys.name')}
          description={t('passkeys.nameHint')}
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={register.isPending}>
            {t('passkeys.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

export function PasskeysSection() {
  const { t, i18n } = useTranslation()
  const list = useQuery(passkeysQuery())
  const remove = useDeletePasskey()
  return (
    <Stack>
      <Title order={3} size="h4">
        {t('passkeys.title')}
      </Title>
      <Text size="sm">{t('passkeys.hint')}</Text>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.data && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('passkeys.name')}</Table.Th>
              <Table.Th scope="col">{t('passkeys.created')}</Table.Th>
              <Table.Th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.length === 0 && <EmptyRow colSpan={3} text={t('passkeys.none')} />}
            {list.data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.name || t('passkeys.defaultName')}</Table.Td>
                <Table.Td>{formatDateTime(p.createdAt, i18n.language)}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    color="red"
                    variant="light"
                    loading={remove.isPending && remove.variables === p.id}
                    onClick={() =>
                      remove.mutate(p.id, {
                        onSuccess: () => notifySuccess(t('passkeys.removed')),
                        onError: (e) => notifyError(t, e),
                      })
                    }
                  >
                    {t('passkeys.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <AddPasskeyForm />
    </Stack>
  )
}

import { Select, type SelectProps } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { userListQuery } from '../../users/api/users.ts'

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  orgId: string | null | undefined
  value: string | null | undefined
  onChange: (value: string | null) => void
  /** People to offer even when the reader may not list the organisation's users (its seat holder). */
  known?: readonly { id: string; name: string }[]
}

/** A person of one organisation; optional. */
export function PersonSelect({ orgId, value, onChange, known = [], ...rest }: Props) {
  const { t } = useTranslation()
  const users = useQuery({
    ...userListQuery({ orgId: orgId ?? '', limit: 100, offset: 0 }),
    enabled: !!orgId,
    retry: false,
  })
  const options = new Map<string, string>()
  for (const k of known) options.set(k.id, k.name)
  for (const u of users.data?.items ?? [])
    if (!u.disabled) options.set(u.id, `${u.name}${u.position ? ` · ${u.position}` : ''}`)
  const data = [...options]
    .map(([v, label]) => ({ value: v, label }))
    .sort((a, b) => a.label.localeCompare(b.label))
  return (
    <Select
      clearable
      searchable
      nothingFoundMessage={t('common.nothingFound')}
      disabled={!orgId}
      placeholder={orgId ? t('coord:member.anyone') : t('coord:member.orgFirst')}
      data={data}
      value={value ?? null}
      onChange={(v) => onChange(v)}
      {...rest}
    />
  )
}

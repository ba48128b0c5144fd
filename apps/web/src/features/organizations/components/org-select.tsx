import { Select, type SelectProps } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { localized } from '../../../lib/format.ts'
import { unitsQuery, useOrganizationTree } from '../api/organizations.ts'

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null | undefined
  onChange: (value: string | null) => void
}

export function OrgSelect({ value, onChange, ...rest }: Props) {
  const { t, i18n } = useTranslation()
  const tree = useOrganizationTree()
  const data = (tree.data ?? [])
    .filter((o) => !o.archivedAt)
    .map((o) => ({ value: o.id, label: localized(o.name, i18n.language) }))
    .sort((a, b) => a.label.localeCompare(b.label))
  return (
    <Select
      searchable
      nothingFoundMessage={t('common.nothingFound')}
      data={data}
      value={value ?? null}
      onChange={(v) => onChange(v)}
      {...rest}
    />
  )
}

export function UnitSelect({
  orgId,
  value,
  onChange,
  ...rest
}: Props & { orgId: string | null | undefined }) {
  const { t, i18n } = useTranslation()
  const units = useQuery({ ...unitsQuery(orgId ?? ''), enabled: !!orgId })
  const data = (units.data ?? []).map((u) => ({ value: u.id, label: localized(u.name, i18n.language) }))
  return (
    <Select
      clearable
      searchable
      disabled={!orgId || data.length === 0}
      placeholder={orgId && data.length === 0 ? t('units.none') : undefined}
      data={data}
      value={value ?? null}
      onChange={(v) => onChange(v)}
      {...rest}
    />
  )
}

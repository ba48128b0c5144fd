import { Select, type SelectProps } from '@mantine/core'
import type { Measure } from '@qalxan/contracts'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { localized } from '../../../lib/format.ts'
import { useDebounced } from '../../../lib/use-debounced.ts'
import { measureListQuery } from '../../plan/api/plan.ts'
import { useActiveStrategy } from '../../plan/use-strategy.ts'

export interface PickedMeasure {
  id: string
  code: string
  title: string
}

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  value: PickedMeasure | null
  onChange: (m: PickedMeasure | null) => void
}

/** A measure of the current strategy, found by its code or title through the plan's measure list. */
export function MeasurePicker({ value, onChange, ...rest }: Props) {
  const { t, i18n } = useTranslation()
  const active = useActiveStrategy()
  const [search, setSearch] = useState(value?.code ?? '')
  const q = useDebounced(search.trim(), 250)
  const sid = active.strategy?.id ?? ''
  const list = useQuery({ ...measureListQuery(sid, { q: q || undefined }), enabled: !!sid && q.length > 0 })
  const found: Measure[] = q ? (list.data?.items ?? []) : []
  const label = (m: Pick<Measure, 'code' | 'title'>) => `${m.code} · ${localized(m.title, i18n.language)}`
  const data = found.map((m) => ({ value: m.id, label: label(m) }))
  if (value && !data.some((d) => d.value === value.id)) data.unshift({ value: value.id, label: value.title })
  return (
    <Select
      searchable
      clearable
      placeholder={t('coord:link.measureSearch')}
      nothingFoundMessage={q ? t('common.nothingFound') : t('coord:link.typeCode')}
      filter={({ options }) => options}
      data={data}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => {
        const m = found.find((x) => x.id === id)
        onChange(m ? { id: m.id, code: m.code, title: label(m) } : id && value?.id === id ? value : null)
      }}
      {...rest}
    />
  )
}

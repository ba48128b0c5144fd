import { Button, Group, Select, TextInput } from '@mantine/core'
import { CLEARANCES, EXECUTOR_ROLES, OUTPUT_TYPES, type Strategy } from '@qalxan/contracts'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { localized } from '../../../lib/format.ts'
import { useDebounced } from '../../../lib/use-debounced.ts'
import { OrgSelect } from '../../organizations/components/org-select.tsx'
import type { PlanTree } from '../api/plan.ts'
import { activeFilterCount, type MeasureFilters } from '../search.ts'

/** The measure list's filters; every change goes to the address at once (the text after a pause). */
export function MeasureFilterBar({
  filters,
  tree,
  strategy,
  onChange,
}: {
  filters: MeasureFilters
  tree: PlanTree | undefined
  strategy: Strategy
  onChange: (patch: Partial<MeasureFilters>) => void
}) {
  const { t, i18n } = useTranslation()
  const [q, setQ] = useState(filters.q ?? '')
  const debounced = useDebounced(q.trim(), 350)
  // Follow the address when it changes from outside (back button, a link, "clear").
  useEffect(() => setQ(filters.q ?? ''), [filters.q])
  useEffect(() => {
    // Only a settled value goes out, so clearing the box never brings back the previous text.
    if (debounced === q.trim() && debounced !== (filters.q ?? '')) onChange({ q: debounced || undefined })
  }, [debounced, q, filters.q, onChange])

  const any = t('plan.filter.any')
  const directions = (tree?.directions ?? []).map((d) => ({
    value: d.id,
    label: `${d.code} ${localized(d.title, i18n.language)}`,
  }))
  const goals = (tree?.directions ?? [])
    .filter((d) => !filters.directionId || d.id === filters.directionId)
    .flatMap((d) => d.goals)
    .map((g) => ({ value: g.id, label: `${g.code} ${localized(g.title, i18n.language)}` }))
  const years: string[] = []
  for (let y = strategy.periodStart; y <= strategy.periodEnd; y++) years.push(String(y))

  return (
    <form onSubmit={(e) => e.preventDefault()} aria-label={t('plan.filter.title')}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          type="search"
          label={t('common.search')}
          placeholder={t('plan.filter.qHint')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={240}
        />
        <Select
          label={t('plan.direction')}
          placeholder={any}
          clearable
          data={directions}
          value={filters.directionId ?? null}
          onChange={(v) => onChange({ directionId: v ?? undefined })}
          w={220}
        />
        <Select
          label={t('plan.goal')}
          placeholder={any}
          clearable
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          data={goals}
          value={filters.goalId ?? null}
          onChange={(v) => onChange({ goalId: v ?? undefined })}
          w={220}
        />
        <OrgSelect
          label={t('plan.filter.org')}
          placeholder={any}
          clearable
          value={filters.orgId}
          onChange={(v) => onChange({ orgId: v ?? undefined })}
          w={260}
        />
        <Select
          label={t('plan.filter.role')}
          placeholder={any}
          clearable
          data={EXECUTOR_ROLES.map((r) => ({ value: r, label: t(`plan.role.${r}`) }))}
          value={filters.executorRole ?? null}
          onChange={(v) => onChange({ executorRole: (v ?? undefined) as MeasureFilters['executorRole'] })}
          w={200}
        />
        <Select
          label={t('plan.outputType')}
          placeholder={any}
          clearable
          data={OUTPUT_TYPES.map((o) => ({ value: o, label: t(`plan.output.${o}`) }))}
          value={filters.outputType ?? null}
          onChange={(v) => onChange({ outputType: (v ?? undefined) as MeasureFilters['outputType'] })}
          w={200}
        />
        <Select
          label={t('plan.filter.deadlineYear')}
          placeholder={any}
          clearable
          data={years}
          value={filters.deadlineYear ? String(filters.deadlineYear) : null}
          onChange={(v) => onChange({ deadlineYear: v ? Number(v) : undefined })}
          w={130}
        />
        <Select
          label={t('plan.confidentiality')}
          placeholder={any}
          clearable
          data={CLEARANCES.map((c) => ({ value: c, label: t(`clearance.${c}`) }))}
          value={filters.confidentiality ?? null}
          onChange={(v) =>
            onChange({ confidentiality: (v ?? undefined) as MeasureFilters['confidentiality'] })
          }
          w={150}
        />
        {activeFilterCount(filters) > 0 && (
          <Button
            variant="subtle"
            onClick={() =>
              onChange({
                q: undefined,
                directionId: undefined,
                goalId: undefined,
                orgId: undefined,
                executorRole: undefined,
                outputType: undefined,
                deadlineYear: undefined,
                confidentiality: undefined,
              })
            }
          >
            {t('plan.filter.clear')}
          </Button>
        )}
      </Group>
    </form>
  )
}

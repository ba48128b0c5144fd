import { Badge, Card, Group, Select, Stack, Text, Title } from '@mantine/core'
import type { Strategy } from '@qalxan/contracts'
import { useTranslation } from 'react-i18next'
import { formatDate, localized } from '../../../lib/format.ts'

/** The strategy's approving act, period and baseline version. */
/** `frozen`: whether baseline v1 exists (undefined while unknown). */
export function StrategyHeader({ strategy, frozen }: { strategy: Strategy; frozen?: boolean }) {
  const { t, i18n } = useTranslation()
  return (
    <Card withBorder>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Title order={2} size="h3">
            {localized(strategy.title, i18n.language)}
          </Title>
          <Badge variant="light" color={frozen === false ? 'gray' : 'blue'} tt="none" size="lg">
            {frozen !== false
              ? t('plan.baselineVersion', { version: strategy.baselineVersion })
              : t('plan.baselineNone')}
          </Badge>
        </Group>
        <dl className="qx-facts">
          <dt>{t('plan.code')}</dt>
          <dd>{strategy.code}</dd>
          <dt>{t('plan.act')}</dt>
          <dd>
            {t('plan.actLine', {
              type: strategy.actType,
              number: strategy.actNumber,
              date: formatDate(strategy.actDate, i18n.language),
            })}
          </dd>
          <dt>{t('plan.period')}</dt>
          <dd>
            {strategy.periodStart}–{strategy.periodEnd}
          </dd>
        </dl>
      </Stack>
    </Card>
  )
}

/** Chooses among strategies; shown only when there is more than one. */
export function StrategyPicker({
  strategies,
  value,
  onChange,
}: {
  strategies: Strategy[]
  value: string | undefined
  onChange: (id: string) => void
}) {
  const { t, i18n } = useTranslation()
  if (strategies.length < 2) return null
  return (
    <Select
      label={t('plan.strategy')}
      allowDeselect={false}
      data={strategies.map((s) => ({
        value: s.id,
        label: `${s.code} · ${localized(s.title, i18n.language)}`,
      }))}
      value={value ?? null}
      onChange={(v) => v && onChange(v)}
      w={320}
    />
  )
}

export function NoStrategy() {
  const { t } = useTranslation()
  return (
    <Card withBorder>
      <Text>{t('plan.noStrategy')}</Text>
    </Card>
  )
}

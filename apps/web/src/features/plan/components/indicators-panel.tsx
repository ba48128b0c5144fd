import { Button, Card, Group, Modal, Table, Text, Title } from '@mantine/core'
import type { Indicator } from '@qalxan/contracts'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EmptyRow } from '../../../components/page.tsx'
import { localized } from '../../../lib/format.ts'
import { IndicatorForm } from '../forms/indicator-form.tsx'

/** The latest observed value of each year, as reported or recorded. */
export function valuesByYear(i: Pick<Indicator, 'values'>): { year: number; value: number }[] {
  const out = new Map<number, number>()
  for (const v of i.values) out.set(v.year, v.value)
  return [...out.entries()].sort((a, b) => a[0] - b[0]).map(([year, value]) => ({ year, value }))
}

export function IndicatorsTable({ indicators }: { indicators: Indicator[] }) {
  const { t, i18n } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('plan.indicator.name')}</Table.Th>
            <Table.Th scope="col">{t('plan.indicator.baseline')}</Table.Th>
            <Table.Th scope="col">{t('plan.indicator.targets')}</Table.Th>
            <Table.Th scope="col">{t('plan.indicator.values')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {indicators.length === 0 && <EmptyRow colSpan={4} text={t('plan.indicator.none')} />}
          {indicators.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>
                <strong>{i.code}</strong> {localized(i.name, i18n.language)}
                <div className="muted small">
                  {i.unit} · {t(`plan.indicator.${i.direction}`)}
                </div>
              </Table.Td>
              <Table.Td className="nowrap">
                {i.baseline ?? '—'}
                {i.baselineYear ? ` (${i.baselineYear})` : ''}
              </Table.Td>
              <Table.Td>{i.targets.map((x) => `${x.year}: ${x.value}`).join(' · ') || '—'}</Table.Td>
              <Table.Td>
                {valuesByYear(i)
                  .map((x) => `${x.year}: ${x.value}`)
                  .join(' · ') || '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

export function IndicatorsPanel({
  strategyId,
  measureId,
  indicators,
  canEdit,
}: {
  strategyId: string
  measureId: string
  indicators: Indicator[]
  canEdit: boolean
}) {
  const { t } = useTranslation()
  const [adding, setAdding] = useState(false)
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('plan.indicator.title')}
        </Title>
        {canEdit && (
          <Button size="xs" variant="light" onClick={() => setAdding(true)}>
            {t('plan.indicator.add')}
          </Button>
        )}
      </Group>
      {indicators.length === 0 && !canEdit ? (
        <Text size="sm" c="dimmed">
          {t('plan.indicator.none')}
        </Text>
      ) : (
        <IndicatorsTable indicators={indicators} />
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('plan.indicator.add')} size="lg">
        {adding && (
          <IndicatorForm strategyId={strategyId} measureId={measureId} onDone={() => setAdding(false)} />
        )}
      </Modal>
    </Card>
  )
}

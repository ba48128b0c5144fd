import { Card, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../../../lib/format.ts'
import type { TimelineItem } from '../timeline.ts'

/** Reports, evaluations, milestones and approved changes of the measure in date order. */
export function MeasureTimeline({ items }: { items: TimelineItem[] }) {
  const { t, i18n } = useTranslation()
  const values = (i: TimelineItem) => ({
    ...i.values,
    completion: i.values.completion ? t(`reporting.completion.${i.values.completion}`) : '',
    kind: i.values.kind ? t(`plan.changes.kind.${i.values.kind}`) : '',
    date: i.values.date ? formatDate(String(i.values.date), i18n.language) : '',
  })
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {t('plan.timeline.title')}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('plan.timeline.none')}
        </Text>
      ) : (
        <ol className="qx-timeline">
          {items.map((i) => (
            <li key={i.key} className={i.future ? 'future' : undefined}>
              <Text size="xs" c="dimmed">
                {formatDate(i.date, i18n.language)} · {t(`plan.timeline.kind.${i.kind}`)}
                {i.late ? ` · ${t('reporting.late')}` : ''}
              </Text>
              <Text size="sm">{t(i.text, values(i))}</Text>
              {i.note && (
                <Text size="xs" c="dimmed" className="pre-line">
                  {i.note}
                </Text>
              )}
            </li>
          ))}
        </ol>
      )}
    </Card>
  )
}

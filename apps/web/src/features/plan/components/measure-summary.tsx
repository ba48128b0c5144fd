import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core'
import type { Measure } from '@qalxan/contracts'
import { useTranslation } from 'react-i18next'
import { localized } from '../../../lib/format.ts'
import { executorsByRole } from '../labels.ts'
import { DeadlineText } from './badges.tsx'

function TextBlock({ title, text }: { title: string; text: string }) {
  if (!text.trim()) return null
  return (
    <div>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      <Text className="qx-text-block">{text}</Text>
    </div>
  )
}

/** What the plan says about the measure, in the reader's language (Azerbaijani when missing). */
export function MeasureSummary({ measure }: { measure: Measure }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  return (
    <Card withBorder>
      <Stack gap="sm">
        <TextBlock title={t('plan.descriptionField')} text={localized(measure.description, lang)} />
        <TextBlock title={t('plan.expectedResult')} text={localized(measure.expectedResult, lang)} />
        <dl className="qx-facts">
          <dt>{t('plan.direction')}</dt>
          <dd>{measure.directionCode}</dd>
          <dt>{t('plan.goal')}</dt>
          <dd>{measure.goalCode}</dd>
          <dt>{t('plan.outputType')}</dt>
          <dd>{t(`plan.output.${measure.outputType}`)}</dd>
          <dt>{t('plan.deadline.title')}</dt>
          <dd>
            <DeadlineText measure={measure} />{' '}
            <Text span size="xs" c="dimmed">
              ({t(`plan.deadline.${measure.deadline.kind}`)})
            </Text>
          </dd>
          <dt>{t('plan.weight')}</dt>
          <dd>{measure.weight}</dd>
          <dt>{t('plan.tags')}</dt>
          <dd>
            {measure.frameworkTags.length === 0 ? (
              '—'
            ) : (
              <Group gap={4}>
                {measure.frameworkTags.map((tag) => (
                  <Badge key={tag} variant="default" tt="none">
                    {tag}
                  </Badge>
                ))}
              </Group>
            )}
          </dd>
        </dl>
      </Stack>
    </Card>
  )
}

export function ExecutorsCard({ measure }: { measure: Measure }) {
  const { t, i18n } = useTranslation()
  const groups = executorsByRole(measure.executors)
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('plan.executors')}
      </Title>
      {groups.length === 0 && <Text c="dimmed">—</Text>}
      <Stack gap="xs">
        {groups.map((g) => (
          <div key={g.role}>
            <Text size="sm" fw={600}>
              {t(`plan.role.${g.role}`)}
            </Text>
            <ul className="plain-list">
              {g.executors.map((e) => (
                <li key={e.orgId}>
                  <Text size="sm">
                    {localized(e.name, i18n.language)}{' '}
                    <Text span size="xs" c="dimmed">
                      {e.code}
                    </Text>
                  </Text>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </Stack>
    </Card>
  )
}

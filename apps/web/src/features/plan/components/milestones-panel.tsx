import { Button, Card, Group, Modal, Stack, Stepper, Text, Title } from '@mantine/core'
import { type Measure, MILESTONE_STAGES, type Milestone } from '@qalxan/contracts'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate, localized } from '../../../lib/format.ts'
import { MilestoneForm } from '../forms/milestone-form.tsx'
import { stageStep } from '../labels.ts'

function MilestoneCard({ m, canEdit, onEdit }: { m: Milestone; canEdit: boolean; onEdit: () => void }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const revised = m.originalPlannedDate && m.plannedDate && m.originalPlannedDate !== m.plannedDate
  return (
    <Card withBorder padding="sm">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={600} size="sm">
            {localized(m.title, lang)}
          </Text>
          {canEdit && (
            <Button size="compact-xs" variant="subtle" onClick={onEdit}>
              {t('common.edit')}
            </Button>
          )}
        </Group>
        <dl className="qx-facts">
          <dt>{t('plan.milestone.planned')}</dt>
          <dd>
            {formatDate(m.plannedDate, lang)}
            {revised && (
              <Text span size="xs" c="dimmed" ml={6}>
                ({t('plan.deadline.original')}: <s>{formatDate(m.originalPlannedDate, lang)}</s>)
              </Text>
            )}
          </dd>
          <dt>{t('plan.milestone.actual')}</dt>
          <dd>{formatDate(m.actualDate, lang)}</dd>
          {m.actNumber && (
            <>
              <dt>{t('plan.act')}</dt>
              <dd>
                {t('plan.actLine', {
                  type: m.actType ?? '',
                  number: m.actNumber,
                  date: formatDate(m.actDate, lang),
                })}
              </dd>
            </>
          )}
        </dl>
        {m.stage && (
          <Stepper
            active={stageStep(m.stage)}
            size="xs"
            allowNextStepsSelect={false}
            aria-label={t('plan.milestone.stage')}
          >
            {MILESTONE_STAGES.map((s) => (
              <Stepper.Step key={s} label={t(`plan.stage.${s}`)} />
            ))}
          </Stepper>
        )}
      </Stack>
    </Card>
  )
}

export function MilestonesPanel({
  measure,
  milestones,
  canEdit,
}: {
  measure: Measure
  milestones: Milestone[]
  canEdit: boolean
}) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState<Milestone | 'new' | null>(null)
  const sorted = [...milestones].sort((a, b) => a.position - b.position)
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('plan.milestone.title')}
        </Title>
        {canEdit && (
          <Button size="xs" variant="light" onClick={() => setEditing('new')}>
            {t('plan.milestone.add')}
          </Button>
        )}
      </Group>
      {sorted.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('plan.milestone.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          {sorted.map((m) => (
            <MilestoneCard key={m.id} m={m} canEdit={canEdit} onEdit={() => setEditing(m)} />
          ))}
        </Stack>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('plan.milestone.add') : t('plan.milestone.edit')}
        size="lg"
      >
        {editing !== null && (
          <MilestoneForm
            measureId={measure.id}
            milestone={editing === 'new' ? undefined : editing}
            normativeAct={measure.outputType === 'normative_act'}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </Card>
  )
}

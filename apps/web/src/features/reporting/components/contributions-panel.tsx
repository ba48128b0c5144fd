import { Badge, Card, Divider, Group, Stack, Text, Title } from '@mantine/core'
import { can, type Measure, type Period } from '@qalxan/contracts'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { QueryState } from '../../../components/page.tsx'
import { formatDateTime, localized } from '../../../lib/format.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { useCurrentMe } from '../../me/api/me.ts'
import { contributionsQuery, useAddContributionEvidence } from '../api/reporting.ts'
import { ContributionForm } from '../forms/contribution-form.tsx'
import { EvidenceForm } from '../forms/evidence-form.tsx'
import { EvidenceList } from './evidence-list.tsx'

/**
 * Co-executors' contributions for the period. A co-executor (or recommended participant) who may
 * write for its organisation gets a form for its own contribution.
 */
export function ContributionsPanel({ measure, period }: { measure: Measure; period: Period }) {
  const { t, i18n } = useTranslation()
  const me = useCurrentMe()
  const list = useQuery(contributionsQuery(measure.id, period.id))
  const addEvidence = useAddContributionEvidence()
  const others = measure.executors.filter((e) => e.role !== 'lead')
  const mine = others.filter((e) => can(me.grants, 'report.write', e.orgId))
  const open = period.state === 'open'
  if (others.length === 0) return null
  const items = list.data ?? []
  const shown = items.filter((c) => !mine.some((m) => m.orgId === c.orgId))
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h4">
          {t('reporting.contribution.title')}
        </Title>
        {mine.map((e) => {
          const own = items.find((c) => c.orgId === e.orgId)
          return (
            <Stack key={e.orgId} gap="xs">
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  {t('reporting.contribution.yours', { org: localized(e.name, i18n.language) })}
                </Text>
                {own && (
                  <Badge variant="light" color={own.state === 'submitted' ? 'green' : 'gray'} tt="none">
                    {t(`reporting.contribution.state.${own.state}`)}
                  </Badge>
                )}
              </Group>
              {open || own ? (
                open ? (
                  <ContributionForm
                    key={own?.updatedAt ?? 'new'}
                    measureId={measure.id}
                    periodId={period.id}
                    orgId={e.orgId}
                    contribution={own}
                  />
                ) : (
                  <Text size="sm" className="pre-line">
                    {own?.text}
                  </Text>
                )
              ) : (
                <Text size="sm" c="dimmed">
                  {t('reporting.contribution.closed')}
                </Text>
              )}
              {own && (
                <>
                  <EvidenceList evidence={own.evidence} />
                  {open && (
                    <EvidenceForm
                      onAdd={async (input) => {
                        await addEvidence.mutateAsync({ contributionId: own.id, input })
                        notifySuccess(t('reporting.evidence.added'))
                      }}
                    />
                  )}
                </>
              )}
              <Divider />
            </Stack>
          )
        })}
        <QueryState isPending={list.isPending} error={list.error} />
        {list.data && shown.length === 0 && mine.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('reporting.contribution.none')}
          </Text>
        )}
        {shown.map((c) => (
          <Stack key={c.id} gap={4}>
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {c.orgName}
              </Text>
              <Badge variant="light" color={c.state === 'submitted' ? 'green' : 'gray'} tt="none">
                {t(`reporting.contribution.state.${c.state}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {formatDateTime(c.submittedAt ?? c.updatedAt, i18n.language)}
              </Text>
            </Group>
            <Text size="sm" className="pre-line">
              {c.text}
            </Text>
            {c.evidence.length > 0 && <EvidenceList evidence={c.evidence} />}
          </Stack>
        ))}
      </Stack>
    </Card>
  )
}

import { Badge, Button, Card, Group, Modal, Select, Stack, Text } from '@mantine/core'
import { canEverywhere, type Period } from '@qalxan/contracts'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate } from '@tanstack/react-router'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LinkButton } from '../../../components/link-button.tsx'
import { Page, PageHeader, QueryState } from '../../../components/page.tsx'
import { formatDate, localized, todayIso } from '../../../lib/format.ts'
import { useCurrentMe } from '../../me/api/me.ts'
import { useCan } from '../../me/use-can.ts'
import { evaluationsQuery, measureReportsQuery, periodsQuery } from '../../reporting/api/reporting.ts'
import { ContributionsPanel } from '../../reporting/components/contributions-panel.tsx'
import { EvaluationPanel } from '../../reporting/components/evaluation-panel.tsx'
import { ReportPanel } from '../../reporting/components/report-panel.tsx'
import { defaultPeriod, periodOption } from '../../reporting/periods.ts'
import { changeRequestsQuery, measurePageQuery, measureQuery } from '../api/plan.ts'
import { MeasureAttributesForm } from '../forms/measure-attributes-form.tsx'
import { buildTimeline } from '../timeline.ts'
import { ConfidentialityBadge } from './badges.tsx'
import { IndicatorsPanel } from './indicators-panel.tsx'
import { ExecutorsCard, MeasureSummary } from './measure-summary.tsx'
import { MeasureTimeline } from './measure-timeline.tsx'
import { MilestonesPanel } from './milestones-panel.tsx'
import '../plan.css'
import '../../reporting/reporting.css'

export function MeasurePage({ measureId, periodId }: { measureId: string; periodId?: string }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const me = useCurrentMe()
  const allowed = useCan()
  // One request for everything on first load; the queries below read its answer from the cache
  // and read again on their own after changes (the period chosen later, a saved report …).
  const [openedOn] = useState(periodId ?? null)
  const page = useQuery(measurePageQuery(measureId, openedOn))
  // While the page is (re)read, the parts wait for its answer instead of each asking on its own.
  const loaded = page.isSuccess && !page.isFetching
  const detail = useQuery({ ...measureQuery(measureId), enabled: loaded })
  const measure = detail.data?.measure
  const sid = measure?.strategyId ?? ''
  const periods = useQuery({ ...periodsQuery(sid), enabled: loaded && !!measure })
  const leadOrgs = measure?.executors.filter((e) => e.role === 'lead').map((e) => e.orgId) ?? []
  const allOrgs = measure?.executors.map((e) => e.orgId) ?? []
  // Display only: whether this person may read the measure's reports (the server decides).
  const readsReports =
    canEverywhere(me.grants, 'report.read') || allOrgs.some((o) => allowed('report.read', o))
  const readsEvaluations =
    canEverywhere(me.grants, 'evaluation.read') || leadOrgs.some((o) => allowed('evaluation.read', o))
  const reports = useQuery({
    ...measureReportsQuery(measureId),
    enabled: loaded && !!measure && readsReports,
  })
  const evaluations = useQuery({
    ...evaluationsQuery(measureId),
    enabled: loaded && !!measure && readsEvaluations,
  })
  const changes = useQuery({ ...changeRequestsQuery(sid, measureId), enabled: loaded && !!measure })
  const [editing, setEditing] = useState(false)

  const period: Period | null = useMemo(() => {
    const list = periods.data ?? []
    const shown = periodId ?? page.data?.periodId
    return list.find((p) => p.id === shown) ?? defaultPeriod(list, todayIso())
  }, [periods.data, periodId, page.data?.periodId])

  const timeline = useMemo(
    () =>
      buildTimeline(
        {
          reports: reports.data,
          evaluations: evaluations.data,
          milestones: detail.data?.milestones,
          changes: changes.data,
        },
        todayIso(),
        i18n.language,
      ),
    [reports.data, evaluations.data, detail.data, changes.data, i18n.language],
  )

  if (!detail.data || !measure)
    return (
      <Page>
        <QueryState isPending={page.isPending || detail.isPending} error={page.error ?? detail.error} />
      </Page>
    )

  const manage = allowed('plan.manage')
  const selectable = (periods.data ?? []).filter((p) => p.state !== 'planned' || p.id === period?.id)
  const evaluation = evaluations.data?.find((e) => e.periodId === period?.id)
  return (
    <Page>
      <Text size="sm">
        <Link to="/plan" search={{ strategy: measure.strategyId }}>
          ← {t('plan.backToPlan')}
        </Link>
      </Text>
      <PageHeader
        title={`${measure.code} ${localized(measure.title, i18n.language)}`}
        actions={
          <>
            {manage && (
              <Button variant="default" size="xs" onClick={() => setEditing(true)}>
                {t('plan.editAttributes')}
              </Button>
            )}
            {manage && (
              <LinkButton
                to="/plan/changes"
                search={{ strategy: measure.strategyId, measure: measure.id }}
                variant="default"
                size="xs"
              >
                {t('plan.changes.propose')}
              </LinkButton>
            )}
          </>
        }
      />
      <Group gap={6}>
        <Badge variant="light" color="blue" tt="none">
          {t(`plan.output.${measure.outputType}`)}
        </Badge>
        <ConfidentialityBadge value={measure.confidentiality} />
        {measure.state === 'cancelled' && (
          <Badge variant="light" color="red" tt="none">
            {t('plan.cancelled')}
          </Badge>
        )}
      </Group>
      <div className="qx-measure-grid">
        <Stack>
          <MeasureSummary measure={measure} />
          <MilestonesPanel measure={measure} milestones={detail.data.milestones} canEdit={manage} />
          <IndicatorsPanel
            strategyId={measure.strategyId}
            measureId={measure.id}
            indicators={detail.data.indicators}
            canEdit={manage}
          />
        </Stack>
        <Stack>
          <ExecutorsCard measure={measure} />
          <MeasureTimeline items={timeline} />
        </Stack>
      </div>

      {(readsReports || readsEvaluations) && (
        <Card withBorder>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label={t('reporting.period')}
              placeholder={t('reporting.noPeriods')}
              data={selectable.map((p) => periodOption(p, t))}
              value={period?.id ?? null}
              allowDeselect={false}
              onChange={(v) =>
                v &&
                void navigate({
                  to: '/plan/measures/$measureId',
                  params: { measureId },
                  search: { period: v },
                  replace: true,
                })
              }
              w={360}
            />
            {period && (
              <Text size="sm" c="dimmed">
                {t('reporting.dueOn', { date: formatDate(period.dueOn, i18n.language) })}
              </Text>
            )}
          </Group>
          <QueryState isPending={periods.isPending} error={periods.error} />
          {periods.data && periods.data.length === 0 && (
            <Text size="sm" c="dimmed" mt="xs">
              {t('reporting.noPeriods')}
            </Text>
          )}
        </Card>
      )}

      {period && readsReports && (
        <>
          <ReportPanel
            key={period.id}
            measure={measure}
            period={period}
            indicators={detail.data.indicators}
          />
          <ContributionsPanel key={`c-${period.id}`} measure={measure} period={period} />
        </>
      )}
      {!readsReports && (
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('reporting.report.notVisible')}
          </Text>
        </Card>
      )}
      {period && readsEvaluations && (
        <EvaluationPanel
          measureId={measure.id}
          period={period}
          evaluation={evaluation}
          canWrite={allowed('evaluation.write')}
        />
      )}
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('plan.editAttributes')}>
        {editing && <MeasureAttributesForm measure={measure} onDone={() => setEditing(false)} />}
      </Modal>
    </Page>
  )
}

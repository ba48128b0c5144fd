import { Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core'
import { COMPLETIONS } from '@qalxan/contracts'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { EmptyRow, QueryState } from '../../../components/page.tsx'
import { ShieldMark } from '../../../components/shield-mark.tsx'
import { formatDate, localized } from '../../../lib/format.ts'
import { Chart } from '../../dashboard/charts/chart.tsx'
import {
  COMPLETION_HEX,
  directionProgressOption,
  distributionOption,
} from '../../dashboard/charts/options.ts'
import { defaultStrategy } from '../../plan/use-strategy.ts'
import { CompletionBadge, RagBadge, TimelinessBadge } from '../../reporting/components/badges.tsx'
import { LanguageSwitcher } from '../../shell/components/language-switcher.tsx'
import { publicResultsQuery, publicStrategiesQuery } from '../api/public-results.ts'
import '../public-results.css'

function Results({ strategyId }: { strategyId: string }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const r = useQuery(publicResultsQuery(strategyId))
  if (r.isPending || r.error) return <QueryState isPending={r.isPending} error={r.error} />
  const res = r.data
  if (!res)
    return (
      <Card withBorder>
        <Text>{t('publicResults.nothingYet')}</Text>
      </Card>
    )
  return (
    <Stack>
      <Card withBorder>
        <Group justify="space-between" wrap="wrap">
          <div>
            <Text size="sm" c="dimmed">
              {t('publicResults.period', {
                label: res.period.label,
                from: formatDate(res.period.startsOn, lang),
                to: formatDate(res.period.endsOn, lang),
              })}
            </Text>
            {res.period.publishedAt && (
              <Text size="xs" c="dimmed">
                {t('publicResults.publishedOn', { date: formatDate(res.period.publishedAt, lang) })}
              </Text>
            )}
          </div>
          <Group gap="xs">
            <Text size="sm">{t('publicResults.overall')}</Text>
            <RagBadge rag={res.strategy.rag} score={res.strategy.score} />
          </Group>
        </Group>
      </Card>
      <div className="qx-public-grid">
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('dashboard.byDirection')}
          </Title>
          {res.directions.length > 0 && (
            <Chart
              label={t('dashboard.byDirection')}
              height={Math.max(180, res.directions.length * 44 + 40)}
              option={directionProgressOption(res.directions, (d) => localized(d.title, lang), t)}
            />
          )}
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('plan.direction')}</Table.Th>
                <Table.Th scope="col">{t('dashboard.progress')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {res.directions.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <strong>{d.code}</strong> {localized(d.title, lang)}
                  </Table.Td>
                  <Table.Td>
                    <RagBadge rag={d.rag} score={d.score} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('dashboard.completion')}
          </Title>
          <Chart
            label={t('dashboard.completion')}
            option={distributionOption(
              res.completionDistribution,
              [...COMPLETIONS, 'not_evaluated'],
              COMPLETION_HEX,
              (k) => t(`reporting.completion.${k}`),
            )}
          />
        </Card>
      </div>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('publicResults.measures')}
        </Title>
        <Table.ScrollContainer minWidth={720}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('plan.code')}</Table.Th>
                <Table.Th scope="col">{t('plan.measure')}</Table.Th>
                <Table.Th scope="col">{t('plan.deadline.title')}</Table.Th>
                <Table.Th scope="col">{t('plan.role.lead')}</Table.Th>
                <Table.Th scope="col">{t('common.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {res.measures.length === 0 && <EmptyRow colSpan={5} />}
              {res.measures.map((m) => (
                <Table.Tr key={m.code}>
                  <Table.Td className="nowrap">{m.code}</Table.Td>
                  <Table.Td>{localized(m.title, lang)}</Table.Td>
                  <Table.Td className="nowrap">
                    {m.deadline === 'ongoing' ? t('plan.deadline.ongoing') : m.deadline}
                  </Table.Td>
                  <Table.Td>{m.leads.join(', ')}</Table.Td>
                  <Table.Td>
                    <div>
                      <CompletionBadge value={m.completion} />
                    </div>
                    <div>
                      <TimelinessBadge value={m.timeliness} />
                    </div>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </Stack>
  )
}

/** Published, public results of the strategy, for anyone: no sign-in. */
export function PublicResultsPage({ strategyId }: { strategyId?: string }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const list = useQuery(publicStrategiesQuery())
  const strategies = list.data ?? []
  const strategy =
    strategies.find((s) => s.id === strategyId) ??
    defaultStrategy(strategies, new Date().getFullYear()) ??
    undefined
  return (
    <div className="public-page">
      <header className="public-header">
        <Link to="/public/results" className="brand">
          <ShieldMark />
          <Text fw={700} component="span">
            {t('app.name')}
          </Text>
        </Link>
        <Group gap="sm">
          <Text size="sm">
            <Link to="/sign-in">{t('publicResults.signIn')}</Link>
          </Text>
          <LanguageSwitcher persist={false} />
        </Group>
      </header>
      <main id="main" className="qx-public-main">
        <Stack>
          <div>
            <Title order={1} className="page-title">
              {t('publicResults.title')}
            </Title>
            <Text c="dimmed" size="sm">
              {strategy ? localized(strategy.title, i18n.language) : t('publicResults.description')}
            </Text>
          </div>
          {strategies.length > 1 && (
            <Select
              label={t('plan.strategy')}
              allowDeselect={false}
              data={strategies.map((s) => ({
                value: s.id,
                label: `${s.code} · ${localized(s.title, i18n.language)}`,
              }))}
              value={strategy?.id ?? null}
              onChange={(v) => v && void navigate({ to: '/public/results', search: { strategy: v } })}
              w={360}
            />
          )}
          {list.error ? (
            <ErrorAlert error={list.error} />
          ) : (
            <QueryState isPending={list.isPending} error={null} />
          )}
          {list.data && !strategy && (
            <Card withBorder>
              <Text>{t('publicResults.nothingYet')}</Text>
            </Card>
          )}
          {strategy && <Results strategyId={strategy.id} />}
        </Stack>
      </main>
      <footer className="qx-public-footer">{t('publicResults.footer')}</footer>
    </div>
  )
}

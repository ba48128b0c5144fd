import { Alert, Button, Card, FileInput, Group, Select, Stack, Table, Text, Title } from '@mantine/core'
import { LOCALES } from '@qalxan/contracts'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { Page, PageHeader, QueryState } from '../../../components/page.tsx'
import { saveBlob } from '../../../lib/api.ts'
import { localized } from '../../../lib/format.ts'
import { exportPlan, planKeys, versionsQuery } from '../api/plan.ts'
import { downloadPlanTemplate, importPlan, type PlanImportReport } from '../api/plan-import.ts'
import { StrategyForm } from '../forms/strategy-form.tsx'
import { useActiveStrategy } from '../use-strategy.ts'
import { StrategyPicker } from './strategy-header.tsx'

const MAX_BYTES = 10 * 1024 * 1024

function Counts({ report }: { report: PlanImportReport }) {
  const { t } = useTranslation()
  const c = report.counts
  return (
    <Text size="sm">
      {t('plan.import.counts', {
        directions: c.directions,
        goals: c.goals,
        measures: c.measures,
        indicators: c.indicators,
      })}
    </Text>
  )
}

/**
 * The secretariat's import of the Action Plan from the portal's XLSX template: a dry run lists
 * every problem by sheet, row and column; only a clean file is then written.
 */
export function PlanImportPage({ strategyId }: { strategyId?: string }) {
  const { t, i18n } = useTranslation()
  const qc = useQueryClient()
  const navigate = useNavigate()
  const active = useActiveStrategy(strategyId)
  const strategy = active.strategy
  const [lang, setLang] = useState<string>(i18n.language)
  const [file, setFile] = useState<File | null>(null)
  const [report, setReport] = useState<PlanImportReport | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState<'check' | 'import' | 'template' | 'export' | null>(null)
  // A further strategy (the next one, or Nakhchivan AR's) starts here too.
  const [creating, setCreating] = useState(false)
  const tooBig = !!file && file.size > MAX_BYTES

  const run = async (dryRun: boolean) => {
    if (!file || !strategy) return
    setBusy(dryRun ? 'check' : 'import')
    setError(null)
    try {
      const r = await importPlan(strategy.id, file, dryRun)
      setReport(r)
      if (r.written) await qc.invalidateQueries({ queryKey: planKeys.all })
    } catch (e) {
      setError(e)
      setReport(null)
    } finally {
      setBusy(null)
    }
  }
  const download = async (which: 'template' | 'export') => {
    if (!strategy) return
    setBusy(which)
    setError(null)
    try {
      const { blob, filename } =
        which === 'template'
          ? await downloadPlanTemplate(strategy.id, lang)
          : await exportPlan(strategy.id, lang)
      saveBlob(blob, filename ?? `${strategy.code}-plan-${which}-${lang}.xlsx`)
    } catch (e) {
      setError(e)
    } finally {
      setBusy(null)
    }
  }
  const clean = report?.dryRun && report.issues.length === 0
  // Once the approved plan is frozen as baseline v1 it changes only through change requests.
  // (The strategy's baselineVersion starts at 1 before anything is frozen: the versions tell.)
  const versions = useQuery({ ...versionsQuery(strategy?.id ?? ''), enabled: !!strategy })
  const frozen = (versions.data?.length ?? 0) > 0

  return (
    <Page>
      <Text size="sm">
        <Link to="/plan" search={strategy ? { strategy: strategy.id } : {}}>
          ← {t('plan.backToPlan')}
        </Link>
      </Text>
      <PageHeader
        title={t('plan.import.title')}
        description={strategy ? localized(strategy.title, i18n.language) : undefined}
        actions={
          <Group align="flex-end">
            <StrategyPicker
              strategies={active.strategies}
              value={strategy?.id}
              onChange={(id) => void navigate({ to: '/plan/import', search: { strategy: id } })}
            />
            {strategy && !creating && (
              <Button variant="default" onClick={() => setCreating(true)}>
                {t('plan.createStrategy')}
              </Button>
            )}
          </Group>
        }
      />
      <QueryState isPending={active.isPending} error={active.error} />
      {active.isSuccess && (!strategy || creating) && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('plan.createStrategy')}
          </Title>
          <Text size="sm" mb="md">
            {t('plan.import.noStrategy')}
          </Text>
          <StrategyForm
            onCreated={(id) => {
              setCreating(false)
              setReport(null)
              void navigate({ to: '/plan/import', search: { strategy: id } })
            }}
          />
        </Card>
      )}
      {strategy && (
        <Card withBorder>
          <Stack>
            <Text size="sm">{t('plan.import.hint')}</Text>
            {frozen && strategy && (
              <Alert color="blue" role="status" title={t('plan.import.frozenTitle')}>
                <Text size="sm">{t('plan.import.frozenText')}</Text>
                <Text size="sm">
                  <Link to="/plan/changes" search={{ strategy: strategy.id }}>
                    {t('plan.changes.title')}
                  </Link>
                </Text>
              </Alert>
            )}
            <Group align="flex-end">
              <Select
                label={t('plan.import.templateLanguage')}
                allowDeselect={false}
                data={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
                value={lang}
                onChange={(v) => v && setLang(v)}
                w={200}
              />
              <Button variant="default" onClick={() => download('template')} loading={busy === 'template'}>
                {t('import.downloadTemplate')}
              </Button>
              <Button variant="subtle" onClick={() => download('export')} loading={busy === 'export'}>
                {t('plan.import.exportPlan')}
              </Button>
            </Group>
            <FileInput
              label={t('import.file')}
              description={t('plan.import.fileHint')}
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={(f) => {
                setFile(f)
                setReport(null)
                setError(null)
              }}
              clearable
              clearButtonProps={{ 'aria-label': t('import.removeFile') }}
              maw={480}
              error={tooBig ? t('import.tooBig') : undefined}
            />
            <Group>
              <Button
                onClick={() => run(true)}
                disabled={!file || tooBig || frozen}
                loading={busy === 'check'}
              >
                {t('import.check')}
              </Button>
              <Button
                color="green"
                onClick={() => run(false)}
                disabled={!clean || tooBig || frozen}
                loading={busy === 'import'}
              >
                {t('import.run')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      <ErrorAlert error={error} />
      {report && (
        <Card withBorder>
          <Stack>
            <Title order={2} size="h4">
              {report.dryRun ? t('import.checkReport') : t('import.result')}
            </Title>
            {report.written ? (
              <Alert color="green" role="status" title={t('plan.import.done')}>
                <Counts report={report} />
                <Text size="sm">
                  <Link to="/plan" search={{ strategy: strategy?.id }}>
                    {t('plan.import.openPlan')}
                  </Link>
                </Text>
              </Alert>
            ) : report.issues.length === 0 ? (
              <Alert color="green" role="status" title={t('plan.import.clean')}>
                <Counts report={report} />
              </Alert>
            ) : (
              <Alert color="red" role="alert" title={t('plan.import.issues', { n: report.issues.length })}>
                {t('plan.import.nothingWritten')}
              </Alert>
            )}
            {report.issues.length > 0 && (
              <Table.ScrollContainer minWidth={560}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('plan.import.sheet')}</Table.Th>
                      <Table.Th scope="col">{t('import.row')}</Table.Th>
                      <Table.Th scope="col">{t('import.column')}</Table.Th>
                      <Table.Th scope="col">{t('import.problem')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {report.issues.map((issue, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity; order is stable
                      <Table.Tr key={i}>
                        <Table.Td>{issue.sheet}</Table.Td>
                        <Table.Td>{issue.row}</Table.Td>
                        <Table.Td>{issue.column}</Table.Td>
                        <Table.Td>{issue.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        </Card>
      )}
    </Page>
  )
}

import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core'
import type { ChangeRequest } from '@qalxan/contracts'
import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { EmptyRow, Page, PageHeader, QueryState } from '../../../components/page.tsx'
import { formatDate, formatDateTime, localized } from '../../../lib/format.ts'
import { notifySuccess } from '../../../lib/notify.ts'
import { useDebounced } from '../../../lib/use-debounced.ts'
import { useCan } from '../../me/use-can.ts'
import { CompareTable } from '../../reporting/components/compare-table.tsx'
import {
  changeRequestsQuery,
  measureListQuery,
  measureQuery,
  useApproveBaseline,
  versionQuery,
  versionsQuery,
} from '../api/plan.ts'
import { compareChange } from '../changes.ts'
import { ChangeRequestForm } from '../forms/change-request-form.tsx'
import { DecisionForm } from '../forms/decision-form.tsx'
import { useActiveStrategy } from '../use-strategy.ts'
import { NoStrategy } from './strategy-header.tsx'
import '../plan.css'
import '../../reporting/reporting.css'

const STATE_COLORS: Record<ChangeRequest['state'], string> = {
  proposed: 'blue',
  approved: 'green',
  rejected: 'gray',
}

function ChangeCard({
  cr,
  canDecide,
  onDecide,
}: {
  cr: ChangeRequest
  canDecide: boolean
  onDecide: () => void
}) {
  const { t, i18n } = useTranslation()
  const rows = compareChange(cr, t, i18n.language)
  return (
    <Card withBorder padding="sm">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Text fw={600}>
              <Link to="/plan/measures/$measureId" params={{ measureId: cr.measureId }}>
                {cr.measureCode}
              </Link>
            </Text>
            <Badge variant="light" color="gray" tt="none">
              {t(`plan.changes.kind.${cr.kind}`)}
            </Badge>
            <Badge variant="light" color={STATE_COLORS[cr.state]} tt="none">
              {t(`plan.changes.state.${cr.state}`)}
            </Badge>
          </Group>
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              {formatDateTime(cr.createdAt, i18n.language)}
            </Text>
            {canDecide && cr.state === 'proposed' && (
              <Button size="xs" onClick={onDecide}>
                {t('plan.changes.decide')}
              </Button>
            )}
          </Group>
        </Group>
        <CompareTable
          caption={t('plan.changes.compare')}
          headers={[
            t('reporting.revisions.field'),
            t('plan.changes.current'),
            t('plan.changes.proposedValue'),
          ]}
          lines={rows.map((r) => ({
            field: r.field,
            label: r.label,
            before: r.current,
            after: r.proposed,
            changed: r.changed,
          }))}
        />
        <Text size="sm" className="pre-line">
          <strong>{t('plan.changes.justification')}:</strong> {cr.justification}
        </Text>
        {cr.decision && (
          <Text size="sm">
            <strong>{t('plan.changes.decision')}:</strong>{' '}
            {t('plan.changes.decisionLine', {
              body: cr.decision.body,
              number: cr.decision.number,
              date: formatDate(cr.decision.date, i18n.language),
            })}
            {cr.resultingVersion ? ` · ${t('plan.baselineVersion', { version: cr.resultingVersion })}` : ''}
          </Text>
        )}
      </Stack>
    </Card>
  )
}

/** Chooses the measure a change is proposed for: typed code or words, answered by the list endpoint. */
function MeasurePicker({ strategyId, onPick }: { strategyId: string; onPick: (id: string) => void }) {
  const { t, i18n } = useTranslation()
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim(), 300)
  const list = useQuery(measureListQuery(strategyId, { q: q || undefined }))
  return (
    <Select
      label={t('plan.measure')}
      placeholder={t('plan.filter.qHint')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={t('common.nothingFound')}
      data={(list.data?.items ?? []).map((m) => ({
        value: m.id,
        label: `${m.code} ${localized(m.title, i18n.language)}`,
      }))}
      onChange={(v) => v && onPick(v)}
    />
  )
}

function ProposeDialog({
  strategyId,
  initialMeasureId,
  opened,
  onClose,
}: {
  strategyId: string
  initialMeasureId?: string
  opened: boolean
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [measureId, setMeasureId] = useState<string | undefined>(initialMeasureId)
  const measure = useQuery({ ...measureQuery(measureId ?? ''), enabled: !!measureId })
  return (
    <Modal opened={opened} onClose={onClose} title={t('plan.changes.propose')} size="lg">
      <Stack>
        {!measureId && <MeasurePicker strategyId={strategyId} onPick={setMeasureId} />}
        <QueryState isPending={!!measureId && measure.isPending} error={measure.error} />
        {measure.data && (
          <ChangeRequestForm
            key={measure.data.measure.id}
            measure={measure.data.measure}
            onDone={() => {
              setMeasureId(undefined)
              onClose()
            }}
          />
        )}
      </Stack>
    </Modal>
  )
}

function VersionView({ strategyId, version }: { strategyId: string; version: number }) {
  const { t, i18n } = useTranslation()
  const v = useQuery(versionQuery(strategyId, version))
  if (!v.data) return <QueryState isPending={v.isPending} error={v.error} />
  const measures = (v.data.snapshot.measures ?? []) as {
    code: string
    deadline: string
    title: { az: string; en?: string; ru?: string }
    leadExecutors: string[]
    state: string
  }[]
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('plan.code')}</Table.Th>
            <Table.Th scope="col">{t('plan.measure')}</Table.Th>
            <Table.Th scope="col">{t('plan.deadline.title')}</Table.Th>
            <Table.Th scope="col">{t('plan.role.lead')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {measures.length === 0 && <EmptyRow colSpan={4} />}
          {measures.map((m) => (
            <Table.Tr key={m.code} className={m.state === 'cancelled' ? 'qx-cancelled' : undefined}>
              <Table.Td>{m.code}</Table.Td>
              <Table.Td>{localized(m.title, i18n.language)}</Table.Td>
              <Table.Td>{m.deadline === 'ongoing' ? t('plan.deadline.ongoing') : m.deadline}</Table.Td>
              <Table.Td>{m.leadExecutors.join(', ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

function VersionsPanel({ strategyId, canManage }: { strategyId: string; canManage: boolean }) {
  const { t, i18n } = useTranslation()
  const versions = useQuery(versionsQuery(strategyId))
  const freeze = useApproveBaseline(strategyId)
  const [open, setOpen] = useState<number | null>(null)
  const [note, setNote] = useState('')
  return (
    <Stack>
      <QueryState isPending={versions.isPending} error={versions.error} />
      {versions.data && versions.data.length === 0 && canManage && (
        <Card withBorder>
          <Stack gap="xs">
            <Text size="sm">{t('plan.versions.freezeHint')}</Text>
            <Group align="flex-end">
              <TextInput
                label={t('plan.versions.note')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                w={360}
              />
              <Button
                disabled={!note.trim()}
                loading={freeze.isPending}
                onClick={() =>
                  freeze.mutate(note.trim(), { onSuccess: () => notifySuccess(t('plan.versions.frozen')) })
                }
              >
                {t('plan.versions.freeze')}
              </Button>
            </Group>
            <ErrorAlert error={freeze.error} />
          </Stack>
        </Card>
      )}
      {versions.data && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('plan.versions.version')}</Table.Th>
                <Table.Th scope="col">{t('plan.versions.when')}</Table.Th>
                <Table.Th scope="col">{t('plan.versions.note')}</Table.Th>
                <Table.Th scope="col">{t('plan.changes.decision')}</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.data.length === 0 && <EmptyRow colSpan={5} text={t('plan.versions.none')} />}
              {versions.data.map((v) => (
                <Table.Tr key={v.version}>
                  <Table.Td>v{v.version}</Table.Td>
                  <Table.Td className="nowrap">{formatDateTime(v.createdAt, i18n.language)}</Table.Td>
                  <Table.Td>{v.note}</Table.Td>
                  <Table.Td>
                    {v.decision
                      ? t('plan.changes.decisionLine', {
                          body: v.decision.body,
                          number: v.decision.number,
                          date: formatDate(v.decision.date, i18n.language),
                        })
                      : '—'}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setOpen(open === v.version ? null : v.version)}
                    >
                      {open === v.version ? t('plan.versions.hide') : t('plan.versions.show')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {open !== null && (
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('plan.versions.contents', { version: open })}
          </Text>
          <VersionView strategyId={strategyId} version={open} />
        </Card>
      )}
    </Stack>
  )
}

export function ChangesPage({ strategyId, measureId }: { strategyId?: string; measureId?: string }) {
  const { t } = useTranslation()
  const allowed = useCan()
  const active = useActiveStrategy(strategyId)
  const strategy = active.strategy
  const sid = strategy?.id ?? ''
  const changes = useQuery({ ...changeRequestsQuery(sid), enabled: !!strategy })
  const [state, setState] = useState<'proposed' | 'all'>('all')
  const [proposing, setProposing] = useState(!!measureId)
  const [deciding, setDeciding] = useState<string | null>(null)
  const manage = allowed('plan.manage')
  const shown = (changes.data ?? [])
    .filter((c) => state === 'all' || c.state === 'proposed')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  return (
    <Page>
      <Text size="sm">
        <Link to="/plan" search={strategy ? { strategy: strategy.id } : {}}>
          ← {t('plan.backToPlan')}
        </Link>
      </Text>
      <PageHeader
        title={t('plan.changes.title')}
        description={t('plan.changes.description')}
        actions={
          manage &&
          strategy && <Button onClick={() => setProposing(true)}>{t('plan.changes.propose')}</Button>
        }
      />
      <QueryState isPending={active.isPending} error={active.error} />
      {active.isSuccess && !strategy && <NoStrategy />}
      {strategy && (
        <Tabs defaultValue="changes" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="changes">{t('plan.changes.requests')}</Tabs.Tab>
            <Tabs.Tab value="versions">{t('plan.versions.title')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="changes" pt="md">
            <Stack>
              <SegmentedControl
                value={state}
                onChange={(v) => setState(v as 'proposed' | 'all')}
                data={[
                  { value: 'all', label: t('plan.changes.all') },
                  { value: 'proposed', label: t('plan.changes.open') },
                ]}
                aria-label={t('plan.changes.requests')}
                w="fit-content"
              />
              <QueryState isPending={changes.isPending} error={changes.error} />
              {changes.data && shown.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('plan.changes.none')}
                </Text>
              )}
              {shown.map((cr) => (
                <ChangeCard key={cr.id} cr={cr} canDecide={manage} onDecide={() => setDeciding(cr.id)} />
              ))}
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="versions" pt="md">
            <VersionsPanel strategyId={strategy.id} canManage={manage} />
          </Tabs.Panel>
        </Tabs>
      )}
      {strategy && manage && (
        <ProposeDialog
          strategyId={strategy.id}
          initialMeasureId={measureId}
          opened={proposing}
          onClose={() => setProposing(false)}
        />
      )}
      <Modal opened={deciding !== null} onClose={() => setDeciding(null)} title={t('plan.changes.decide')}>
        {deciding && <DecisionForm changeRequestId={deciding} onDone={() => setDeciding(null)} />}
      </Modal>
    </Page>
  )
}

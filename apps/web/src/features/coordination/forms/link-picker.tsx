import { ActionIcon, Button, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core'
import { AGENDA_LINK_KINDS, type AgendaLinkKind, type MeetingDocument } from '@qalxan/contracts'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../../../lib/format.ts'
import { evaluationsQuery, measureReportsQuery } from '../../reporting/api/reporting.ts'
import { MeasurePicker, type PickedMeasure } from './measure-picker.tsx'

/** A link of an agenda item being edited: what it points at and what it shows. */
export interface DraftLink {
  kind: AgendaLinkKind
  targetId: string
  label: string
}

/**
 * Picks the links of an agenda item: a measure (by code), the measure's report or evaluation of a
 * period, or one of the meeting's documents.
 */
export function LinkPicker({
  links,
  documents,
  onChange,
}: {
  links: readonly DraftLink[]
  documents: readonly MeetingDocument[]
  onChange: (links: DraftLink[]) => void
}) {
  const { t, i18n } = useTranslation()
  const [kind, setKind] = useState<AgendaLinkKind>('measure')
  const [measure, setMeasure] = useState<PickedMeasure | null>(null)
  const [target, setTarget] = useState<string | null>(null)
  const reports = useQuery({
    ...measureReportsQuery(measure?.id ?? ''),
    enabled: kind === 'report' && !!measure,
  })
  const evaluations = useQuery({
    ...evaluationsQuery(measure?.id ?? ''),
    enabled: kind === 'evaluation' && !!measure,
  })

  const options: { value: string; label: string }[] =
    kind === 'report'
      ? [...(reports.data ?? [])]
          .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
          .map((r) => ({
            value: r.id,
            label: `${r.periodLabel} · ${t(`reporting.state.${r.state}`)} · ${formatDate(r.updatedAt, i18n.language)}`,
          }))
      : kind === 'evaluation'
        ? [...(evaluations.data ?? [])]
            .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
            .map((e) => ({
              value: e.id,
              label: `${e.periodLabel} · ${t(`reporting.completion.${e.completion}`)}`,
            }))
        : kind === 'document'
          ? documents.map((d) => ({ value: d.fileId, label: d.title || d.filename }))
          : []

  const pending: DraftLink | null =
    kind === 'measure'
      ? measure && { kind, targetId: measure.id, label: measure.code }
      : target
        ? {
            kind,
            targetId: target,
            label:
              kind === 'document'
                ? (options.find((o) => o.value === target)?.label ?? '')
                : `${measure?.code ?? ''} · ${options.find((o) => o.value === target)?.label.split(' · ')[0] ?? ''}`,
          }
        : null
  const duplicate = !!pending && links.some((l) => l.kind === pending.kind && l.targetId === pending.targetId)

  const add = () => {
    if (!pending || duplicate) return
    onChange([...links, pending])
    setTarget(null)
    if (kind === 'measure') setMeasure(null)
  }

  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('coord:link.title')}
      </Text>
      {links.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('coord:link.none')}
        </Text>
      ) : (
        <ul className="plain-list">
          {links.map((l, i) => (
            <li key={`${l.kind}-${l.targetId}`}>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" className="qx-grow">
                  {t(`coord:link.kind.${l.kind}`)}: {l.label}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="sm"
                  onClick={() => onChange(links.filter((_, j) => j !== i))}
                  aria-label={t('coord:link.remove', { label: l.label })}
                >
                  ×
                </ActionIcon>
              </Group>
            </li>
          ))}
        </ul>
      )}
      <SegmentedControl
        size="xs"
        value={kind}
        onChange={(v) => {
          setKind(v as AgendaLinkKind)
          setTarget(null)
        }}
        data={AGENDA_LINK_KINDS.map((k) => ({ value: k, label: t(`coord:link.kind.${k}`) }))}
        aria-label={t('coord:link.kindLabel')}
        w="fit-content"
      />
      <Group align="flex-end" wrap="wrap">
        {kind !== 'document' && (
          <MeasurePicker
            label={t('coord:link.measure')}
            value={measure}
            onChange={(m) => {
              setMeasure(m)
              setTarget(null)
            }}
            w={320}
          />
        )}
        {kind !== 'measure' && (
          <Select
            label={t(`coord:link.pick.${kind}`)}
            data={options}
            value={target}
            onChange={setTarget}
            disabled={kind !== 'document' && !measure}
            placeholder={
              kind === 'document' && documents.length === 0 ? t('coord:link.noDocuments') : undefined
            }
            nothingFoundMessage={t('common.nothingFound')}
            w={300}
          />
        )}
        <Button size="sm" variant="default" onClick={add} disabled={!pending || duplicate}>
          {t('coord:link.add')}
        </Button>
      </Group>
    </Stack>
  )
}

import { Anchor, Badge, Button, Group, Modal, Stack, Text } from '@mantine/core'
import type { Evidence } from '@qalxan/contracts'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../../../lib/format.ts'
import { fileContentPath } from '../api/reporting.ts'

const kb = (size: number | null) =>
  size === null
    ? ''
    : size < 1024 * 1024
      ? `${Math.max(1, Math.round(size / 1024))} KB`
      : `${(size / 1048576).toFixed(1)} MB`

function EvidenceLine({ e }: { e: Evidence }) {
  const { t, i18n } = useTranslation()
  if (e.kind === 'file' && e.fileId)
    return (
      <span>
        <Anchor href={fileContentPath(e.fileId)} download={e.filename ?? undefined} size="sm">
          {e.title}
        </Anchor>{' '}
        <Text span size="xs" c="dimmed">
          {[e.filename !== e.title ? e.filename : null, kb(e.size)].filter(Boolean).join(' · ')}
        </Text>
      </span>
    )
  if (e.kind === 'link' && e.url)
    return (
      <span>
        <Anchor href={e.url} target="_blank" rel="noopener noreferrer" size="sm">
          {e.title}
        </Anchor>{' '}
        <Text span size="xs" c="dimmed" className="break">
          {e.url}
        </Text>
      </span>
    )
  return (
    <span>
      <Text span size="sm">
        {e.title}
      </Text>{' '}
      <Text span size="xs" c="dimmed">
        {t('plan.actLine', {
          type: e.actType ?? '',
          number: e.actNumber ?? '',
          date: formatDate(e.actDate, i18n.language),
        })}
      </Text>
    </span>
  )
}

/** Files, links and legal acts attached to a report or contribution; removable while it is editable. */
export function EvidenceList({
  evidence,
  onRemove,
}: {
  evidence: Evidence[]
  onRemove?: (e: Evidence) => Promise<unknown>
}) {
  const { t } = useTranslation()
  const [removing, setRemoving] = useState<Evidence | null>(null)
  const [busy, setBusy] = useState(false)
  if (evidence.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('reporting.evidence.none')}
      </Text>
    )
  return (
    <>
      <ul className="plain-list">
        {evidence.map((e) => (
          <li key={e.id}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Badge variant="light" color="gray" tt="none" size="sm">
                {t(`reporting.evidence.kind.${e.kind}`)}
              </Badge>
              <div className="qx-grow">
                <EvidenceLine e={e} />
              </div>
              {onRemove && (
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRemoving(e)}>
                  {t('reporting.evidence.remove')}
                </Button>
              )}
            </Group>
          </li>
        ))}
      </ul>
      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('reporting.evidence.removeTitle')}
      >
        <Stack>
          <Text size="sm">{t('reporting.evidence.removeText', { title: removing?.title ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={busy}
              onClick={async () => {
                if (!removing || !onRemove) return
                setBusy(true)
                try {
                  await onRemove(removing)
                  setRemoving(null)
                } finally {
                  setBusy(false)
                }
              }}
            >
              {t('reporting.evidence.remove')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}

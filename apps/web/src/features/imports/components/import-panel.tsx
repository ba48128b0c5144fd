import { Alert, Button, Card, FileInput, Group, Stack, Table, Text, Title } from '@mantine/core'
import type { ImportReport } from '@qalxan/contracts'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { api, saveBlob } from '../../../lib/api.ts'
import { type ImportKind, importFile, templatePath } from '../api/imports.ts'

const MAX_BYTES = 10 * 1024 * 1024

/**
 * Two-step import: a dry run reports every problem per row and column; only a clean file can then
 * be imported for real (the server writes nothing when any row is invalid).
 */
export function ImportPanel({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const [file, setFile] = useState<File | null>(null)
  const [report, setReport] = useState<ImportReport | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState<'check' | 'import' | 'template' | null>(null)
  const tooBig = !!file && file.size > MAX_BYTES

  const run = async (dryRun: boolean) => {
    if (!file) return
    setBusy(dryRun ? 'check' : 'import')
    setError(null)
    try {
      const result = await importFile(kind, file, dryRun)
      setReport(result)
      if (!dryRun) await qc.invalidateQueries({ queryKey: [kind] })
    } catch (e) {
      setError(e)
      setReport(null)
    } finally {
      setBusy(null)
    }
  }

  const template = async () => {
    setBusy('template')
    setError(null)
    try {
      const { blob, filename } = await api.download(templatePath(kind))
      saveBlob(blob, filename ?? `${kind}-template.xlsx`)
    } catch (e) {
      setError(e)
    } finally {
      setBusy(null)
    }
  }

  const imported = report && !report.dryRun && report.issues.length === 0
  const clean = report?.dryRun && report.issues.length === 0

  return (
    <Stack>
      <Card withBorder>
        <Stack>
          <Text size="sm">{t(`import.hint.${kind}`)}</Text>
          <Group>
            <Button variant="default" onClick={template} loading={busy === 'template'}>
              {t('import.downloadTemplate')}
            </Button>
          </Group>
          <FileInput
            label={t('import.file')}
            description={t('import.fileHint')}
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
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
            <Button onClick={() => run(true)} disabled={!file || tooBig} loading={busy === 'check'}>
              {t('import.check')}
            </Button>
            <Button
              color="green"
              onClick={() => run(false)}
              disabled={!clean || tooBig}
              loading={busy === 'import'}
            >
              {t('import.run')}
            </Button>
          </Group>
        </Stack>
      </Card>
      <ErrorAlert error={error} />
      {report && (
        <Card withBorder>
          <Stack>
            <Title order={2} size="h4">
              {report.dryRun ? t('import.checkReport') : t('import.result')}
            </Title>
            {imported ? (
              <Alert color="green" role="status">
                {t('import.done', { created: report.created, updated: report.updated })}
              </Alert>
            ) : report.issues.length === 0 ? (
              <Alert color="green" role="status">
                {t('import.clean', { rows: report.rows, created: report.created, updated: report.updated })}
              </Alert>
            ) : (
              <Alert color="red" role="alert">
                {t('import.issues', { count: report.issues.length, rows: report.rows })}
              </Alert>
            )}
            {report.issues.length > 0 && (
              <Table.ScrollContainer minWidth={480}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('import.row')}</Table.Th>
                      <Table.Th scope="col">{t('import.column')}</Table.Th>
                      <Table.Th scope="col">{t('import.problem')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {report.issues.map((issue, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity; order is stable
                      <Table.Tr key={i}>
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
    </Stack>
  )
}

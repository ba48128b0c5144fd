import { Button, Card, Group, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core'
import { LOCALES, type Period, type Strategy } from '@qalxan/contracts'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { saveBlob } from '../../../lib/api.ts'
import { downloadAnnualReport, downloadHalfYearReport, type ReportFormat } from '../api/dashboard.ts'

/** Language and format of an official report. */
function Options({
  lang,
  format,
  onLang,
  onFormat,
}: {
  lang: string
  format: ReportFormat
  onLang: (l: string) => void
  onFormat: (f: ReportFormat) => void
}) {
  const { t } = useTranslation()
  return (
    <>
      <Select
        label={t('shell.language')}
        allowDeselect={false}
        data={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
        value={lang}
        onChange={(v) => v && onLang(v)}
        w={170}
      />
      <SegmentedControl
        value={format}
        onChange={(v) => onFormat(v as ReportFormat)}
        data={[
          { value: 'pdf', label: 'PDF' },
          { value: 'docx', label: 'DOCX' },
        ]}
        aria-label={t('dashboard.reports.format')}
      />
    </>
  )
}

/** The annual report to the President and the working group's half-year report, for download. */
export function ReportDownloads({ strategy, periods }: { strategy: Strategy; periods: Period[] }) {
  const { t, i18n } = useTranslation()
  const years: string[] = []
  for (let y = strategy.periodEnd; y >= strategy.periodStart; y--) years.push(String(y))
  const thisYear = new Date().getFullYear()
  const [year, setYear] = useState(
    String(Math.min(Math.max(thisYear - 1, strategy.periodStart), strategy.periodEnd)),
  )
  const halves = periods.filter((p) => p.kind === 'semiannual' && p.state !== 'planned')
  const [half, setHalf] = useState<string | null>(halves.at(-1)?.id ?? null)
  const [lang, setLang] = useState<string>(i18n.language)
  const [format, setFormat] = useState<ReportFormat>('pdf')
  const [busy, setBusy] = useState<'annual' | 'half' | null>(null)
  const [error, setError] = useState<unknown>(null)

  const get = async (which: 'annual' | 'half') => {
    setBusy(which)
    setError(null)
    try {
      const { blob, filename } =
        which === 'annual'
          ? await downloadAnnualReport(strategy.id, Number(year), lang, format)
          : await downloadHalfYearReport(strategy.id, half ?? '', lang, format)
      saveBlob(
        blob,
        filename ?? `${strategy.code}-${which === 'annual' ? year : 'half-year'}-${lang}.${format}`,
      )
    } catch (e) {
      setError(e)
    } finally {
      setBusy(null)
    }
  }

  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h4">
          {t('dashboard.reports.title')}
        </Title>
        <Group align="flex-end" wrap="wrap">
          <Options lang={lang} format={format} onLang={setLang} onFormat={setFormat} />
        </Group>
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('dashboard.reports.year')}
            allowDeselect={false}
            data={years}
            value={year}
            onChange={(v) => v && setYear(v)}
            w={120}
          />
          <Button onClick={() => get('annual')} loading={busy === 'annual'}>
            {t('dashboard.reports.annual')}
          </Button>
        </Group>
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('dashboard.reports.halfYear')}
            placeholder={t('dashboard.reports.noHalfYear')}
            data={halves.map((p) => ({ value: p.id, label: p.label }))}
            value={half}
            onChange={setHalf}
            w={260}
          />
          <Button onClick={() => get('half')} disabled={!half} loading={busy === 'half'}>
            {t('dashboard.reports.halfYearReport')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('dashboard.reports.hint')}
        </Text>
        <ErrorAlert error={error} />
      </Stack>
    </Card>
  )
}

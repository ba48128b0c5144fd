import { MantineProvider } from '@mantine/core'
import type { Evidence } from '@qalxan/contracts'
import { renderToString } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { initI18n } from '../../i18n/index.ts'
import { CompletionBadge, RagBadge, TimelinessBadge } from './components/badges.tsx'
import { CompareTable } from './components/compare-table.tsx'
import { EvidenceList } from './components/evidence-list.tsx'

const i18n = initI18n('az')
const render = (node: React.ReactNode) =>
  renderToString(
    <I18nextProvider i18n={i18n}>
      <MantineProvider withCssVariables={false} withGlobalClasses={false}>
        {node}
      </MantineProvider>
    </I18nextProvider>,
  )

const evidence = (over: Partial<Evidence>): Evidence => ({
  id: 'e',
  kind: 'file',
  title: 'Əmr',
  fileId: null,
  filename: null,
  size: null,
  sha256: null,
  url: null,
  actType: null,
  actNumber: null,
  actDate: null,
  createdAt: '2025-01-01T00:00:00Z',
  ...over,
})

describe('reporting pieces rendered on the server', () => {
  it('list evidence with safe links and no inline <style>', () => {
    const html = render(
      <EvidenceList
        evidence={[
          evidence({ id: 'f', fileId: 'abc', filename: 'emr.pdf', size: 20480 }),
          evidence({ id: 'l', kind: 'link', title: 'Sayt', url: 'https://example.az/x' }),
          evidence({
            id: 'a',
            kind: 'legal_act',
            title: 'Qərar',
            actType: 'Qərar',
            actNumber: '12',
            actDate: '2025-02-01',
          }),
        ]}
      />,
    )
    expect(html).toContain('href="/api/files/abc/content"')
    expect(html).toContain('rel="noopener noreferrer"')
    expect(html).toContain('12 nömrəli Qərar')
    expect(html).toContain('Hüquqi akt')
    expect(html).not.toContain('<style')
  })

  it('show the comparison as a table with row headers, and statuses in Azerbaijani', () => {
    const html = render(
      <>
        <CompareTable
          caption="Fərqlər"
          headers={['Sahə', '1', '2']}
          lines={[{ field: 'progress', label: 'İcra faizi', before: '20%', after: '60%' }]}
        />
        <CompletionBadge value={null} />
        <TimelinessBadge value="overdue" />
        <RagBadge rag="amber" score={0.5} />
      </>,
    )
    expect(html).toMatch(/<th[^>]*scope="row"[^>]*>İcra faizi<\/th>/)
    expect(html).toContain('Qiymətləndirilməyib')
    expect(html).toContain('Müddəti keçib')
    expect(html).toContain('Sarı · 50%')
    expect(html).not.toContain('<style')
  })
})

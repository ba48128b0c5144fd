import { MantineProvider } from '@mantine/core'
import { renderToString } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { initI18n } from '../i18n/index.ts'
import { ApiError, NetworkError } from '../lib/api-client.ts'
import { ErrorAlert } from './error-alert.tsx'
import { QrCode, qrPath } from './qr-code.tsx'

const i18n = initI18n('az')

const render = (node: React.ReactNode) =>
  renderToString(
    <I18nextProvider i18n={i18n}>
      <MantineProvider withCssVariables={false} withGlobalClasses={false}>
        {node}
      </MantineProvider>
    </I18nextProvider>,
  )

describe('server-side rendering of shared pieces', () => {
  it('draws a QR code as SVG without inline styles or data URLs', () => {
    const html = render(
      <QrCode value="otpauth://totp/Qalxan:a@b.az?secret=JBSWY3DPEHPK3PXP&issuer=Qalxan" label="QR" />,
    )
    expect(html).toContain('<svg')
    expect(html).toContain('aria-label="QR"')
    expect(html).not.toContain('data:')
    expect(html).not.toContain('<style')
    const { size, d } = qrPath('otpauth://totp/x')
    expect(size).toBeGreaterThanOrEqual(25)
    expect(d.length).toBeGreaterThan(100)
  })

  it('shows an API error in Azerbaijani with the server message', () => {
    const html = render(
      <ErrorAlert
        error={new ApiError({ status: 409, code: 'CONFLICT', message: 'Kod "MDDT" artıq istifadə olunur' })}
      />,
    )
    expect(html).toContain('Bu, mövcud məlumatlarla ziddiyyət təşkil edir')
    expect(html).toContain('artıq istifadə olunur')
    expect(html).toContain('role="alert"')
  })

  it('renders Mantine without inline <style> tags', () => {
    expect(render(<ErrorAlert error={new NetworkError(new TypeError('fetch failed'))} />)).not.toContain(
      '<style',
    )
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSmtp } from '../apps/server/test/smtp-server.ts'
import { axeViolations, openBrowser } from './support/browser.ts'
import { text } from './support/i18n.ts'
import { field, navTo, pick, signInAs } from './support/journey.ts'
import { type Portal, startPortal } from './support/portal.ts'

/** Decodes a quoted-printable mail body (soft line breaks and =XX bytes) as UTF-8. */
const quotedPrintable = (s: string) =>
  Buffer.from(
    s
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
    'latin1',
  ).toString('utf8')

describe('administrator journey', () => {
  let portal: Portal
  let smtp: Awaited<ReturnType<typeof startSmtp>>
  let browser: Awaited<ReturnType<typeof openBrowser>>

  beforeAll(async () => {
    smtp = await startSmtp()
    portal = await startPortal({ SMTP_URL: smtp.url })
    browser = await openBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await portal?.stop()
    await smtp?.close()
  })

  it('signs in with TOTP, creates an organisation and a user; the audit page shows it; the new user sees only theirs', async () => {
    const { page, shot } = browser
    await signInAs(page, portal.url, portal.login('admin@qalxan.local'), 'az')
    expect(await axeViolations(page)).toEqual([])
    await shot('01-admin-home-az')

    // English from here on, through the language switcher.
    await pick(page, text('az', 'shell.language'), 'English')
    await page.getByRole('navigation', { name: text('en', 'shell.mainNavigation') }).waitFor()

    await navTo(page, 'en', 'nav.organizations')
    await page.getByRole('heading', { name: text('en', 'organizations.title') }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('link', { name: text('en', 'organizations.create') }).click()
    await field(page, text('en', 'organizations.code')).fill('DIGITAL-TEST')
    await field(page, text('en', 'common.inAz')).fill('Sınaq Agentliyi')
    await field(page, text('en', 'common.inEn')).fill('Test Agency')
    await pick(page, text('en', 'organizations.type'), text('en', 'orgType.agency'))
    await shot('02-new-organisation')
    await page.getByRole('button', { name: text('en', 'common.create') }).click()
    await page.getByText(text('en', 'organizations.created')).waitFor()

    await navTo(page, 'en', 'nav.users')
    await page.getByRole('link', { name: text('en', 'users.create') }).click()
    await field(page, text('en', 'users.name')).fill('Fərid Nəsirov')
    await field(page, text('en', 'users.email')).fill('farid@test.gov.az')
    await pick(page, text('en', 'users.organization'), 'Test Agency')
    await page.getByRole('button', { name: text('en', 'users.createAndInvite') }).click()
    await page.getByText(text('en', 'users.created', { email: 'farid@test.gov.az' })).waitFor()
    await shot('03-user-created')

    await navTo(page, 'en', 'nav.audit')
    await page.getByRole('heading', { name: text('en', 'audit.title') }).waitFor()
    await expect.poll(async () => page.getByText('user.created').count()).toBeGreaterThan(0)
    expect(await page.getByText('org.created').count()).toBeGreaterThan(0)
    expect(await axeViolations(page)).toEqual([])
    await shot('04-audit')

    // The invitation e-mail: the new user sets a password and sees only their own organisation.
    await expect
      .poll(() => smtp.received.filter((m) => m.to.includes('farid@test.gov.az')).length, { timeout: 90_000 })
      .toBe(1)
    const body = quotedPrintable(smtp.received.find((m) => m.to.includes('farid@test.gov.az'))?.body ?? '')
    const link = /(http:\/\/localhost:\d+\/reset-password\?token=[\w%-]+)/.exec(body)?.[1]
    expect(link).toBeTruthy()
    const other = await openBrowser()
    try {
      await other.page.goto(link as string)
      await field(other.page, text('az', 'auth.newPassword')).fill('Farid-password-2026')
      await field(other.page, text('az', 'auth.confirmPassword')).fill('Farid-password-2026')
      await other.page.getByRole('button', { name: text('az', 'auth.setPassword') }).click()
      await other.page.getByText(text('az', 'auth.resetDone')).waitFor()
      await signInAs(
        other.page,
        portal.url,
        { email: 'farid@test.gov.az', password: 'Farid-password-2026', roles: [] },
        'az',
      )
      const nav = other.page.getByRole('navigation', { name: text('az', 'shell.mainNavigation') })
      expect(await nav.getByRole('link', { name: text('az', 'nav.audit') }).count()).toBe(0)
      expect(await nav.getByRole('link', { name: text('az', 'nav.users') }).count()).toBe(0)
      await other.page.goto(`${portal.url}/audit`)
      await other.shot('05-new-user-audit-refused')
      expect(await other.page.getByText('org.created').count()).toBe(0)
      expect(await axeViolations(other.page)).toEqual([])
    } finally {
      await other.close()
    }
    expect(browser.consoleErrors.filter((e) => !/status of 40[134]/.test(e))).toEqual([])
  })
})

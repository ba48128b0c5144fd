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

    // The import page, empty and with the report of a file that has a problem.
    await page.getByRole('link', { name: text('en', 'import.action') }).click()
    await page.getByRole('heading', { name: text('en', 'import.organizationsTitle') }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.locator('input[type=file]').setInputFiles({
      name: 'orgs.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('code,name_az,type\nBAD CODE,,planet\n'),
    })
    await page.getByRole('button', { name: text('en', 'import.check') }).click()
    await page.getByRole('heading', { name: text('en', 'import.checkReport') }).waitFor()
    expect(await axeViolations(page)).toEqual([])

    await navTo(page, 'en', 'nav.organizations')
    await page.getByRole('link', { name: text('en', 'organizations.create') }).click()
    await field(page, text('en', 'organizations.code')).fill('DIGITAL-TEST')
    await field(page, text('en', 'common.inAz')).fill('Sınaq Agentliyi')
    await field(page, text('en', 'common.inEn')).fill('Test Agency')
    await pick(page, text('en', 'organizations.type'), text('en', 'orgType.agency'))
    expect(await axeViolations(page)).toEqual([])
    await shot('02-new-organisation')
    await page.getByRole('button', { name: text('en', 'common.create') }).click()
    await page.getByText(text('en', 'organizations.created')).waitFor()
    // Creating it opens the organisation's own page.
    await page.getByRole('heading', { name: 'Test Agency', level: 1 }).waitFor()
    expect(await axeViolations(page)).toEqual([])

    await navTo(page, 'en', 'nav.users')
    await page.getByRole('link', { name: text('en', 'import.action') }).click()
    await page.getByRole('heading', { name: text('en', 'import.usersTitle') }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await navTo(page, 'en', 'nav.users')
    await page.getByRole('link', { name: text('en', 'users.create') }).click()
    await field(page, text('en', 'users.name')).fill('Fərid Nəsirov')
    await field(page, text('en', 'users.email')).fill('farid@test.gov.az')
    await pick(page, text('en', 'users.organization'), 'Test Agency')
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('button', { name: text('en', 'users.createAndInvite') }).click()
    await page.getByText(text('en', 'users.created', { email: 'farid@test.gov.az' })).waitFor()
    await shot('03-user-created')

    // The new user's page (a drawer over the list), on each of its tabs.
    await page.getByRole('button', { name: text('en', 'users.openUser', { name: 'Fərid Nəsirov' }) }).click()
    const drawer = page.getByRole('dialog')
    await drawer.getByRole('tab', { name: text('en', 'users.profile') }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    for (const tab of ['users.roles', 'memberships.title']) {
      await drawer.getByRole('tab', { name: text('en', tab) }).click()
      expect(await axeViolations(page), tab).toEqual([])
    }
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })

    await navTo(page, 'en', 'nav.audit')
    await page.getByRole('heading', { name: text('en', 'audit.title') }).waitFor()
    await expect.poll(async () => page.getByText('user.created').count()).toBeGreaterThan(0)
    expect(await page.getByText('org.created').count()).toBeGreaterThan(0)
    expect(await axeViolations(page)).toEqual([])
    await shot('04-audit')

    await navTo(page, 'en', 'nav.outbox')
    await page.getByRole('heading', { name: text('en', 'outbox.title') }).waitFor()
    await page.getByText('farid@test.gov.az').first().waitFor()
    expect(await axeViolations(page)).toEqual([])
    await navTo(page, 'en', 'nav.notifications')
    await page.getByRole('heading', { name: text('en', 'notifications.title') }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    // An address that is no page, signed in.
    await page.goto(`${portal.url}/no-such-page`)
    await page.getByRole('heading', { name: text('en', 'status.notFoundTitle') }).waitFor()
    expect(await axeViolations(page)).toEqual([])

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
      await field(other.page, text('az', 'auth.newPassword')).waitFor()
      expect(await axeViolations(other.page)).toEqual([])
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

      // Two-step sign-in setup, open to anyone: the password step, then the QR code and codes.
      await other.page.goto(`${portal.url}/two-factor-setup`)
      await other.page.getByRole('heading', { name: text('az', 'twoFactor.setupTitle') }).waitFor()
      expect(await axeViolations(other.page)).toEqual([])
      await field(other.page, text('az', 'auth.password')).fill('Farid-password-2026')
      await other.page.getByRole('button', { name: text('az', 'twoFactor.start') }).click()
      await other.page.getByRole('heading', { name: text('az', 'twoFactor.scanTitle') }).waitFor()
      expect(await axeViolations(other.page)).toEqual([])
    } finally {
      await other.close()
    }
    expect(browser.consoleErrors.filter((e) => !/status of 40[134]/.test(e))).toEqual([])
  })
})

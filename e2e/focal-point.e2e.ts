import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, openBrowser } from './support/browser.ts'
import { text } from './support/i18n.ts'
import { field, navTo, pick, signInAs } from './support/journey.ts'
import { type Portal, startPortal } from './support/portal.ts'

describe('focal point journey', () => {
  let portal: Portal
  let browser: Awaited<ReturnType<typeof openBrowser>>

  beforeAll(async () => {
    portal = await startPortal()
    browser = await openBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await portal?.stop()
  })

  it('tells a wrong password apart, in the chosen language', async () => {
    const { page } = browser
    await page.goto(`${portal.url}/sign-in`)
    await pick(page, text('az', 'shell.language'), 'Русский')
    await field(page, text('ru', 'auth.email')).fill('focal.rinn@qalxan.local')
    await field(page, text('ru', 'auth.password')).fill('not-the-password-1')
    await page.getByRole('button', { name: text('ru', 'auth.signIn'), exact: true }).click()
    await page.getByText(text('ru', 'auth.invalidCredentials')).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await browser.shot('10-wrong-password-ru')

    await page.getByRole('link', { name: text('ru', 'auth.forgotPassword') }).click()
    await page.getByRole('heading', { name: text('ru', 'auth.forgotTitle') }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    // An address that is no page, signed out.
    await page.goto(`${portal.url}/no-such-page`)
    await page.getByRole('heading', { name: text('ru', 'status.notFoundTitle') }).waitFor()
    expect(await axeViolations(page)).toEqual([])
  })

  it('sees only the own organisation’s people, keeps the language, and signs in with a passkey', async () => {
    const { page, context } = browser
    const login = portal.login('focal.rinn@qalxan.local')
    // The sign-in page remembered Russian; once signed in the profile's language (Azerbaijani)
    // applies, and the switcher changes it and saves it to the profile.
    await signInAs(page, portal.url, login, 'ru')
    await pick(page, text('az', 'shell.language'), 'Русский')
    await page
      .getByRole('heading', { name: text('ru', 'home.welcome', { name: 'Aysel İsmayılova' }) })
      .waitFor()

    await navTo(page, 'ru', 'nav.users')
    await page.getByRole('heading', { name: text('ru', 'users.title') }).waitFor()
    await page.getByText('head.rinn@qalxan.local').waitFor()
    expect(await page.getByText('admin@qalxan.local').count()).toBe(0)
    expect(await page.getByText('focal.din@qalxan.local').count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    await browser.shot('11-users-own-org-ru')

    // The language is saved to the profile: a reload keeps Russian.
    await page.reload()
    await page.getByRole('heading', { name: text('ru', 'users.title') }).waitFor()

    // A platform authenticator with user verification, as a laptop's fingerprint reader would be.
    const cdp = await context.newCDPSession(page)
    await cdp.send('WebAuthn.enable')
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    })
    await navTo(page, 'ru', 'nav.account')
    // Every tab of the account page; the security tab is checked below, with a passkey added.
    await page.getByRole('heading', { name: text('ru', 'account.title') }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    for (const tab of ['account.sessions', 'account.tokens', 'account.profile']) {
      await page.getByRole('tab', { name: text('ru', tab) }).click()
      await page.getByRole('tabpanel').waitFor()
      expect(await axeViolations(page), tab).toEqual([])
    }
    await page.getByRole('tab', { name: text('ru', 'account.security') }).click()
    await field(page, text('ru', 'passkeys.name')).fill('Ноутбук')
    await page.getByRole('button', { name: text('ru', 'passkeys.add') }).click()
    await page.getByText(text('ru', 'passkeys.added')).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await browser.shot('12-passkey-added-ru')

    await page.getByRole('button', { name: /Aysel/ }).click()
    await page.getByRole('menuitem', { name: text('ru', 'shell.signOut') }).click()
    await page.getByRole('button', { name: text('ru', 'passkeys.signIn') }).click()
    await page.getByRole('navigation', { name: text('ru', 'shell.mainNavigation') }).waitFor()
    await page
      .getByRole('heading', { name: text('ru', 'home.welcome', { name: 'Aysel İsmayılova' }) })
      .waitFor()
    await browser.shot('13-passkey-sign-in-ru')
    expect(browser.consoleErrors.filter((e) => !/status of 40[134]/.test(e))).toEqual([])
  })
})

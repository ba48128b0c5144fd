import type { Locator, Page } from 'playwright-core'
import { totpFromUri } from '../../apps/server/src/platform/totp.ts'
import { text } from './i18n.ts'
import type { DemoLogin } from './portal.ts'

export type Lang = 'az' | 'en' | 'ru'

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/**
 * A field by its label, on the page or within a part of it (a dialog); Mantine appends " *" to the
 * labels of required fields.
 */
export const field = (page: Page | Locator, label: string) =>
  page.getByLabel(new RegExp(`^${escapeRegExp(label)}( \\*)?$`))

/** Signs in through the sign-in page, with the authenticator code when the account has one. */
export const signInAs = async (page: Page, url: string, login: DemoLogin, lang: Lang = 'az') => {
  await page.goto(`${url}/sign-in`)
  await field(page, text(lang, 'auth.email')).fill(login.email)
  await field(page, text(lang, 'auth.password')).fill(login.password)
  await page.getByRole('button', { name: text(lang, 'auth.signIn'), exact: true }).click()
  if (login.totpUri) {
    const code = field(page, text(lang, 'auth.totpCode'))
    await code.waitFor()
    await code.fill(await totpFromUri(login.totpUri))
    await page.getByRole('button', { name: text(lang, 'auth.verify') }).click()
  }
  // Once signed in, the profile's language applies, whichever the sign-in page showed.
  const names = (['az', 'en', 'ru'] as const).map((l) => escapeRegExp(text(l, 'shell.mainNavigation')))
  await page.getByRole('navigation', { name: new RegExp(`^(${names.join('|')})$`) }).waitFor()
}

/** Chooses an option, by its text, of a native select or a Mantine combobox with this label. */
export const pick = async (page: Page, label: string, option: string) => {
  const el = field(page, label).first()
  if ((await el.evaluate((e) => e.tagName)) === 'SELECT') {
    await el.selectOption({ label: option })
    return
  }
  await el.click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

export const navTo = async (page: Page, lang: Lang, key: string) => {
  await page
    .getByRole('navigation', { name: text(lang, 'shell.mainNavigation') })
    .getByRole('link', { name: text(lang, key) })
    .click()
}

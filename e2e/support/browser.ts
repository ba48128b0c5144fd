import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, chromium, type Page } from 'playwright-core'

export const SHOTS = join(import.meta.dirname, '../../.tmp/screenshots')

/**
 * Debian's Chromium with the flags this closed network needs, in a fresh profile. `timezoneId`
 * (e.g. 'Asia/Baku') sets the browser's wall clock; by default it is the machine's.
 */
export const openBrowser = async (locale = 'az-AZ', options: { timezoneId?: string } = {}) => {
  const profile = mkdtempSync(join(tmpdir(), 'qalxan-chromium-'))
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale,
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
    viewport: { width: 1366, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  mkdirSync(SHOTS, { recursive: true })
  const page = context.pages()[0] ?? (await context.newPage())
  page.setDefaultTimeout(15_000)
  const consoleErrors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text())
  })
  page.on('pageerror', (e) => consoleErrors.push(String(e)))
  return {
    context,
    page,
    consoleErrors,
    shot: (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true }),
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

const axeSource = readFileSync(join(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8')

/** Serious and critical accessibility violations on the page, by axe-core. */
export const axeViolations = async (page: Page) => {
  // Colours are judged as drawn: wait until opening drawers and menus have finished fading in.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
  // Evaluated through the DevTools protocol: the page's CSP (rightly) refuses an injected <script>.
  await page.evaluate(axeSource)
  const result = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown[] }[] }[] }>
        }
      }
    ).axe
    return axe.run(document, { resultTypes: ['violations'] })
  })
  // The rule, how many elements break it, and where the first few are, so a failure says what to fix.
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.nodes.length}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    )
}

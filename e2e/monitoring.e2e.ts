import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, openBrowser } from './support/browser.ts'
import { text } from './support/i18n.ts'
import { field, pick, signInAs } from './support/journey.ts'
import { type Portal, startPortal } from './support/portal.ts'

const MEASURE_AZ = 'İnformasiya təhlükəsizliyi fəaliyyətinin monitorinqi üçün insidentlərin'

describe('strategy monitoring journey', () => {
  let portal: Portal
  let browser: Awaited<ReturnType<typeof openBrowser>>
  const tmp = mkdtempSync(join(tmpdir(), 'qalxan-e2e-plan-'))

  beforeAll(async () => {
    portal = await startPortal()
    browser = await openBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await portal?.stop()
  })

  const t = (key: string, vars?: Record<string, string | number>) => text('az', key, vars)
  const as = async (email: string) => {
    await browser.context.clearCookies()
    await signInAs(browser.page, portal.url, portal.login(email), 'az')
  }
  /** The API, as the signed-in person, for ids the journey needs in its URLs. */
  const api = async (page: Page, path: string) => {
    const r = await page.request.get(`${portal.url}${path}`)
    expect(r.status(), path).toBe(200)
    return r.json()
  }
  const button = (page: Page, key: string) => page.getByRole('button', { name: t(key), exact: true })
  /** A segment of a Mantine SegmentedControl: its input is hidden, its label takes the click. */
  const segment = (page: Page, key: string) =>
    page
      .locator('label')
      .filter({ hasText: new RegExp(`^${t(key)}$`) })
      .click()
  const dialogButton = (page: Page, key: string) =>
    page.getByRole('dialog').getByRole('button', { name: t(key), exact: true })

  it('imports the plan, runs a report through return and acceptance, evaluates it, and prints the annual report', async () => {
    const { page, shot } = browser

    // ── The secretariat creates a strategy, imports its Action Plan and opens a period ──
    await as('secretariat@qalxan.local')
    const demo = (await api(page, '/api/strategies'))[0]
    const planFile = join(tmp, 'action-plan.xlsx')
    const exported = await page.request.get(`${portal.url}/api/strategies/${demo.id}/plan/export.xlsx`)
    writeFileSync(planFile, await exported.body())

    await page.goto(`${portal.url}/plan/import`)
    await button(page, 'plan.createStrategy').click()
    await field(page, t('plan.code')).fill('IS-NEXT')
    await field(page, `${t('plan.strategy')} · ${t('common.inAz')}`).fill(
      'Növbəti informasiya təhlükəsizliyi strategiyası',
    )
    await field(page, t('plan.actType')).fill('Prezidentin Sərəncamı')
    await field(page, t('plan.actNumber')).fill('5001')
    await field(page, t('plan.actDate')).fill('2026-01-15')
    await field(page, t('plan.periodStart')).fill('2026')
    await field(page, t('plan.periodEnd')).fill('2030')
    await page
      .getByRole('button', { name: t('plan.createStrategy') })
      .last()
      .click()
    await page.waitForURL(/strategy=/)
    const strategyId = new URL(page.url()).searchParams.get('strategy') as string
    expect(await axeViolations(page)).toEqual([])
    await page.locator('input[type=file]').setInputFiles(planFile)
    await button(page, 'import.check').click()
    await page.getByText(t('plan.import.clean')).waitFor()
    await shot('plan-01-import-checked')
    await button(page, 'import.run').click()
    await page.getByText(t('plan.import.done')).waitFor()
    const measures = (await api(page, `/api/strategies/${strategyId}/measures?limit=100`)).items
    const measure = measures.find((m: { code: string }) => m.code === '8.2.1')
    expect(measure.title.az).toContain(MEASURE_AZ)

    await page.goto(`${portal.url}/reporting?strategy=${strategyId}`)
    await page
      .getByRole('button', { name: t('reporting.calendar.title') })
      .first()
      .click()
    await field(page, t('reporting.calendar.year')).first().fill('2026')
    await button(page, 'reporting.calendar.generate').click()
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: '2026', exact: true }) })
    await row.getByRole('button', { name: t('reporting.step.open') }).click()
    await dialogButton(page, 'reporting.step.open').click()
    await row.getByText(t('reporting.periodState.open')).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await shot('plan-02-period-open')
    const period = (await api(page, `/api/strategies/${strategyId}/periods`)).find(
      (p: { label: string }) => p.label === '2026',
    )
    const measureUrl = `${portal.url}/plan/measures/${measure.id}?period=${period.id}`

    // ── The lead executor's focal point writes the report with evidence ──
    await as('focal.rinn@qalxan.local')
    await page.goto(measureUrl)
    await pick(page, t('reporting.field.reportedStatus'), t('reporting.status.in_progress'))
    await page.getByRole('textbox', { name: t('reporting.field.progress') }).fill('40')
    await field(page, t('reporting.field.workDone')).fill(
      'Meyarların layihəsi hazırlanıb və DTX ilə razılaşdırılıb.',
    )
    await field(page, t('reporting.field.problems')).fill('İki qurumun rəyi gecikir.')
    await button(page, 'reporting.report.save').click()
    await page.getByText(t('reporting.report.saved')).first().waitFor()
    await segment(page, 'reporting.evidence.kind.link')
    await field(page, t('reporting.evidence.name')).fill('Razılaşdırma məktubu')
    await field(page, t('reporting.evidence.url')).fill('https://example.gov.az/meyarlar')
    await button(page, 'reporting.evidence.add').click()
    await page.getByRole('link', { name: 'Razılaşdırma məktubu' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await shot('plan-03-focal-draft')

    // ── The head submits ──
    await as('head.rinn@qalxan.local')
    await page.goto(measureUrl)
    // The head may also write, so the report opens as a form; its submit button sends it.
    await button(page, 'reporting.report.submit').click()
    await page.getByText(t('reporting.state.submitted')).first().waitFor()

    // ── The secretariat returns it with a comment ──
    await as('secretariat@qalxan.local')
    await page.goto(measureUrl)
    await button(page, 'reporting.review.return').click()
    await dialogButton(page, 'reporting.review.return').click()
    await page.getByText(t('reporting.review.commentNeeded')).waitFor()
    await field(page, t('reporting.review.comment')).fill('Razılaşdırma protokolunu sübut kimi əlavə edin.')
    await dialogButton(page, 'reporting.review.return').click()
    await page.getByText(t('reporting.state.returned')).first().waitFor()

    // ── The focal point fixes it, the head submits again, the secretariat accepts ──
    await as('focal.rinn@qalxan.local')
    await page.goto(measureUrl)
    await page.getByRole('status').getByText('Razılaşdırma protokolunu sübut kimi əlavə edin.').waitFor()
    await segment(page, 'reporting.evidence.kind.legal_act')
    await field(page, t('reporting.evidence.actTitle')).fill('Razılaşdırma protokolu')
    await field(page, t('plan.actType')).fill('Protokol')
    await field(page, t('plan.actNumber')).fill('12')
    await field(page, t('plan.actDate')).fill('2026-11-20')
    await button(page, 'reporting.evidence.add').click()
    await page.getByText('Razılaşdırma protokolu').first().waitFor()
    await shot('plan-04-focal-fixed')
    await as('head.rinn@qalxan.local')
    await page.goto(measureUrl)
    // The head may also write, so the report opens as a form; its submit button sends it.
    await button(page, 'reporting.report.submit').click()
    await page.getByText(t('reporting.state.submitted')).first().waitFor()
    await as('secretariat@qalxan.local')
    await page.goto(measureUrl)
    await button(page, 'reporting.review.accept').click()
    await dialogButton(page, 'reporting.review.accept').click()
    await page.getByText(t('reporting.state.accepted')).first().waitFor()

    // ── The evaluator evaluates; the dashboard shows it ──
    await as('evaluator@qalxan.local')
    // The evaluator's profile language is English; the journey reads Azerbaijani.
    await pick(page, text('en', 'shell.language'), 'Azərbaycanca')
    await page.goto(measureUrl)
    await page.getByRole('radio', { name: t('reporting.completion.substantial') }).check({ force: true })
    await field(page, t('reporting.evaluation.comment')).fill('Meyarlar razılaşdırılıb, təsdiq gözlənilir.')
    await button(page, 'reporting.evaluation.save').click()
    await page.getByText(t('reporting.evaluation.saved')).first().waitFor()
    expect(await axeViolations(page)).toEqual([])
    await shot('plan-05-evaluated')

    await as('secretariat@qalxan.local')
    const overview = await api(page, `/api/strategies/${strategyId}/overview?periodId=${period.id}`)
    expect(overview.strategy).toMatchObject({ evaluated: 1, score: 0.67 })
    await page.goto(`${portal.url}/dashboard?strategy=${strategyId}&period=${period.id}`)
    await page.getByText('67%').first().waitFor()
    expect(await axeViolations(page)).toEqual([])
    await shot('plan-06-dashboard')

    // ── The annual report downloads and reads back in Azerbaijani ──
    await pick(page, t('dashboard.reports.year'), '2026')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: t('dashboard.reports.annual') }).click(),
    ])
    const pdf = join(tmp, 'annual.pdf')
    await download.saveAs(pdf)
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
    const textOut = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ')
    expect(textOut).toContain(
      'Strategiyanın icrası barədə Azərbaycan Respublikasının Prezidentinə illik məruzə',
    )
    expect(textOut).toContain(MEASURE_AZ)
    expect(textOut).toContain('Meyarların layihəsi hazırlanıb və DTX ilə razılaşdırılıb.')
    expect(browser.consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([])
  })
})

import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { simpleParser } from 'mailparser'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COORDINATION_SERVICE_MESSAGES } from '../apps/server/src/platform/messages-coordination.ts'
import { startSmtp } from '../apps/server/test/smtp-server.ts'
import { axeViolations, openBrowser } from './support/browser.ts'
import { text } from './support/i18n.ts'
import { field, navTo, signInAs } from './support/journey.ts'
import { type Portal, startPortal } from './support/portal.ts'

/** Baku keeps UTC+4 all year (no daylight saving since 2016); the browser runs on Baku's clock. */
const BAKU_OFFSET_MS = 4 * 3_600_000
const MINUTE = 60_000
/** A `datetime-local` value on Baku's wall clock. */
const bakuInput = (ms: number) => new Date(ms + BAKU_OFFSET_MS).toISOString().slice(0, 16)
/** A calendar day in Baku. */
const bakuDay = (ms: number) => new Date(ms + BAKU_OFFSET_MS).toISOString().slice(0, 10)
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The server's Azerbaijani wording of one of its coordination messages. */
const serverAz = (en: string) => {
  const row = COORDINATION_SERVICE_MESSAGES.find(([e]) => e === en)
  if (!row) throw new Error(`No server message "${en}"`)
  return row[1]
}

const MEETING_NUMBER = 'İQ-E2E/1'
const MEETING_TITLE = 'Tədbirlərin icra vəziyyətinin operativ müzakirəsi'
const MEETING_PLACE = 'XRİTDX, 2-ci mərtəbə, kiçik iclas zalı'
const ITEM_TITLE = 'Kritik informasiya infrastrukturu obyektlərinin reyestri üzrə işlərin gedişatı'
const MINUTES_TEXT =
  'İclasda işçi qrupun üzvləri iştirak etmişdir.\n\n' +
  'Gündəlik məsələsi üzrə RİNN-in məlumatı dinlənilmiş, reyestrin aparılması qaydası müzakirə olunmuşdur.\n' +
  'Növbəti iclasa qədər reyestrin məlumatlarının doğrulanması başa çatdırılacaq.'
const DECISION_TEXT =
  'Rəqəmsal İnkişaf və Nəqliyyat Nazirliyinə tapşırılsın ki, reyestrin yekun layihəsini on gün ərzində işçi qrupa təqdim etsin.'
const TASK = 'Reyestrin yekun layihəsini işçi qrupa təqdim etmək'
const EXECUTION = 'Reyestrin yekun layihəsi hazırlanıb və işçi qrupun katibliyinə göndərilib.'

describe('coordination journey', () => {
  let portal: Portal
  let browser: Awaited<ReturnType<typeof openBrowser>>
  let smtp: Awaited<ReturnType<typeof startSmtp>>
  const tmp = mkdtempSync(join(tmpdir(), 'qalxan-e2e-coord-'))

  beforeAll(async () => {
    // A real SMTP server, so the invitations' .ics attachments can be read back.
    smtp = await startSmtp()
    portal = await startPortal({ SMTP_URL: smtp.url })
    browser = await openBrowser('az-AZ', { timezoneId: 'Asia/Baku' })
  })
  afterAll(async () => {
    await browser?.close()
    await portal?.stop()
    await smtp?.close()
  })

  const t = (key: string, vars?: Record<string, string | number>) => text('az', key, vars)
  const as = async (email: string) => {
    await browser.context.clearCookies()
    await signInAs(browser.page, portal.url, portal.login(email), 'az')
  }
  const api = async (page: Page, path: string) => {
    const r = await page.request.get(`${portal.url}${path}`)
    expect(r.status(), path).toBe(200)
    return r.json()
  }
  const noViolations = async (page: Page) => expect(await axeViolations(page)).toEqual([])
  const dialog = (page: Page) => page.getByRole('dialog')
  const button = (scope: Page | Locator, key: string) =>
    scope.getByRole('button', { name: t(key), exact: true })
  /** A Mantine select in `scope` (a dialog); its options open in a portal on the page. */
  const choose = async (page: Page, scope: Locator, label: string, option: RegExp) => {
    await field(scope, label).click()
    await page.getByRole('option', { name: option }).first().click()
  }
  const tab = (page: Page, key: string) =>
    page.getByRole('tab', { name: new RegExp(`^${escapeRegExp(t(key))}`) }).click()
  const toast = (page: Page, message: string) => page.getByText(message, { exact: true }).first().waitFor()

  it('schedules, invites, sits, decides, and follows the assignment to its acceptance', {
    timeout: 420_000,
  }, async () => {
    const { page, shot } = browser

    // ── The secretary schedules a meeting of the working group through the form ──
    await as('secretariat@qalxan.local')
    const body = (await api(page, '/api/bodies')).find((b: { code: string }) => b.code === 'IQ-2024')
    expect(body).toBeTruthy()
    await navTo(page, 'az', 'nav.meetings')
    await page.getByRole('heading', { name: t('coord:calendar.title') }).waitFor()
    await noViolations(page)
    await shot('coord-01-calendar')

    await button(page, 'coord:meeting.schedule').click()
    const form = dialog(page)
    await choose(page, form, t('coord:body.one'), /^IQ-2024 · /)
    await field(form, t('coord:meeting.number')).fill(MEETING_NUMBER)
    await field(form, `${t('coord:meeting.titleLabel')} · ${t('common.inAz')}`).fill(MEETING_TITLE)
    await field(form, t('coord:meeting.location')).fill(MEETING_PLACE)

    // A mistake first: yesterday's date is refused by the server, under the field, in Azerbaijani.
    const yesterday = Date.now() - 24 * 3_600_000
    await field(form, t('coord:meeting.startsAt')).fill(bakuInput(yesterday))
    await field(form, t('coord:meeting.endsAt')).fill(bakuInput(yesterday + 60 * MINUTE))
    await button(form, 'coord:meeting.schedule').click()
    const pastMessage = serverAz('A meeting cannot be scheduled in the past')
    await form.getByText(pastMessage).first().waitFor()
    await form.getByText(t('errors.VALIDATION_FAILED')).waitFor()
    await expect
      .poll(() => field(form, t('coord:meeting.startsAt')).getAttribute('aria-invalid'))
      .toBe('true')
    // Chromium logs the refused request; that one is expected, any other error is not.
    await expect.poll(() => browser.consoleErrors.filter((e) => /status of 422/.test(e)).length).toBe(1)
    browser.consoleErrors.splice(
      browser.consoleErrors.findIndex((e) => /status of 422/.test(e)),
      1,
    )
    await noViolations(page)
    await shot('coord-02-schedule-in-the-past')

    // Then the good one: on the next whole minute at least a minute from now, for an hour.
    const startMs = Math.ceil((Date.now() + 70_000) / MINUTE) * MINUTE
    await field(form, t('coord:meeting.startsAt')).fill(bakuInput(startMs))
    await field(form, t('coord:meeting.endsAt')).fill(bakuInput(startMs + 60 * MINUTE))
    await button(form, 'coord:meeting.schedule').click()
    await page.waitForURL(/\/coordination\/meetings\/[0-9a-f-]{36}$/)
    const meetingId = new URL(page.url()).pathname.split('/').pop() as string
    await page.getByRole('heading', { name: `IQ-2024 №${MEETING_NUMBER} · ${MEETING_TITLE}` }).waitFor()
    const scheduled = (await api(page, `/api/meetings/${meetingId}`)).meeting
    // The form's Baku wall-clock time reached the server as that instant.
    expect(Date.parse(scheduled.startsAt)).toBe(startMs)
    expect(Date.parse(scheduled.endsAt)).toBe(startMs + 60 * MINUTE)
    await page.getByText(t('coord:meetingState.scheduled')).first().waitFor()

    // ── An agenda item linked to measure 8.1.1 ──
    await button(page, 'coord:agenda.add').click()
    const itemForm = dialog(page)
    await field(itemForm, `${t('coord:agenda.itemTitle')} · ${t('common.inAz')}`).fill(ITEM_TITLE)
    await itemForm.getByPlaceholder(t('coord:link.measureSearch')).fill('8.1.1')
    await page
      .getByRole('option', { name: /^8\.1\.1 · / })
      .first()
      .click()
    await button(itemForm, 'coord:link.add').click()
    await itemForm.getByText(`${t('coord:link.kind.measure')}: 8.1.1`, { exact: true }).waitFor()
    await noViolations(page)
    await shot('coord-03-agenda-item')
    await button(itemForm, 'coord:agenda.add').click()
    await toast(page, t('coord:agenda.added'))
    await itemForm.waitFor({ state: 'hidden' })
    await page.getByText(`1. ${ITEM_TITLE}`).waitFor()
    await page
      .getByRole('link', { name: /^8\.1\.1/ })
      .first()
      .waitFor()

    // ── Invitations: the result names the recipients, and the mail carries the .ics ──
    const day = bakuDay(startMs)
    const seated: {
      email: string | null
      orgCode: string
      userId: string | null
      userName: string | null
    }[] = await api(page, `/api/bodies/${body.id}/members?on=${day}`)
    const expected = [...new Set(seated.map((m) => m.email).filter((e): e is string => !!e))]
    expect(expected).toContain('focal.rinn@qalxan.local')
    await button(page, 'coord:invite.send').click()
    const inviteForm = dialog(page)
    await inviteForm.getByText(t('coord:invite.text')).waitFor()
    await button(inviteForm, 'coord:invite.send').click()
    const report = inviteForm
      .getByRole('alert')
      .filter({ hasText: t('coord:invite.sent', { count: expected.length }) })
    await report.waitFor()
    for (const address of expected) await report.getByText(address, { exact: true }).waitFor()
    await noViolations(page)
    await shot('coord-04-invitations-sent')
    // The report's own close button, after the dialog's ×.
    await button(inviteForm, 'common.close').last().click()
    await page.getByText(t('coord:invite.notSent')).waitFor({ state: 'detached' })

    // The outbox delivered it to the SMTP server: one message per address, with a REQUEST .ics of
    // this meeting (UID <meeting id>@<host>), its times in UTC.
    const utc = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').slice(0, 15)
    const invitationTo = async (to: string) => {
      for (const m of smtp.received.filter((r) => r.to.includes(to))) {
        const parsed = await simpleParser(m.body)
        for (const a of parsed.attachments) {
          const ics = a.content.toString('utf8').replace(/\r\n[ \t]/g, '')
          if (a.contentType.startsWith('text/calendar') && ics.includes(`UID:${meetingId}@`))
            return { filename: a.filename ?? '', ics, subject: parsed.subject ?? '' }
        }
      }
      return null
    }
    await expect.poll(() => invitationTo('focal.rinn@qalxan.local'), { timeout: 90_000 }).not.toBeNull()
    const mail = await invitationTo('focal.rinn@qalxan.local')
    expect(mail?.filename).toMatch(/\.ics$/)
    expect(mail?.ics).toContain('METHOD:REQUEST')
    expect(mail?.ics).toContain(`DTSTART:${utc(startMs)}Z`)
    expect(mail?.ics).toContain(ITEM_TITLE)
    for (const address of expected)
      await expect.poll(() => invitationTo(address), { timeout: 30_000 }).not.toBeNull()

    // ── Once the meeting has begun: attendance, minutes, a decision with an assignment ──
    while (Date.now() < startMs + 1_000)
      await page.waitForTimeout(Math.min(5_000, startMs + 1_000 - Date.now()))
    await page.reload()
    await page.getByRole('heading', { name: `IQ-2024 №${MEETING_NUMBER} · ${MEETING_TITLE}` }).waitFor()
    await page.getByRole('button', { name: t('coord:meeting.markHeld') }).waitFor()

    await tab(page, 'coord:tab.attendance')
    await button(page, 'coord:attendance.record').click()
    const dtx = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^DTX / }) })
    await dtx
      .locator('label')
      .filter({ hasText: new RegExp(`^${t('coord:attendance.excused')}$`) })
      .click()
    await button(page, 'common.save').click()
    await toast(page, t('coord:attendance.saved'))
    await dtx.getByText(t('coord:attendance.excused'), { exact: true }).waitFor()
    await page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: /^RINN / }) })
      .getByText(t('coord:attendance.present'), { exact: true })
      .waitFor()
    await noViolations(page)
    await shot('coord-05-attendance')

    await tab(page, 'coord:tab.minutes')
    await field(page, t('coord:minutes.text')).fill(MINUTES_TEXT)
    await button(page, 'coord:minutes.save').click()
    await toast(page, t('coord:minutes.saved'))
    await page.getByText(t('coord:minutesState.draft')).first().waitFor()
    await noViolations(page)
    await shot('coord-06-minutes')

    await tab(page, 'coord:tab.decisions')
    await button(page, 'coord:decision.record').click()
    const decisionForm = dialog(page)
    await choose(
      page,
      decisionForm,
      t('coord:decision.agendaItem'),
      new RegExp(`^1\\. ${escapeRegExp(ITEM_TITLE)}$`),
    )
    await field(decisionForm, `${t('coord:decision.text')} · ${t('common.inAz')}`).fill(DECISION_TEXT)
    await button(decisionForm, 'coord:assignment.add').click()
    await choose(page, decisionForm, t('coord:assignment.org'), /^RINN · /)
    const rinnSeat = seated.find((m) => m.orgCode === 'RINN' && m.email === 'focal.rinn@qalxan.local')
    expect(rinnSeat?.userName).toBeTruthy()
    await choose(
      page,
      decisionForm,
      t('coord:assignment.responsible'),
      new RegExp(`^${escapeRegExp(rinnSeat?.userName ?? '')}`),
    )
    await field(decisionForm, t('coord:assignment.task')).fill(TASK)
    const dueOn = bakuDay(Date.now() + 10 * 24 * 3_600_000)
    await field(decisionForm, t('coord:assignment.dueOn')).fill(dueOn)
    await decisionForm.getByPlaceholder(t('coord:link.measureSearch')).fill('8.1.1')
    await page
      .getByRole('option', { name: /^8\.1\.1 · / })
      .first()
      .click()
    await noViolations(page)
    await shot('coord-07-decision-form')
    await button(decisionForm, 'coord:decision.record').click()
    await toast(page, t('coord:decision.recorded', { number: '1' }))
    await decisionForm.waitFor({ state: 'hidden' })
    await page.getByRole('heading', { name: t('coord:decision.numbered', { number: '1' }) }).waitFor()
    await page.getByText(DECISION_TEXT).waitFor()
    const row = page.getByRole('row').filter({ hasText: TASK })
    await row.getByText(t('coord:assignmentState.open'), { exact: true }).waitFor()
    await row.getByRole('link', { name: '8.1.1', exact: true }).waitFor()
    await noViolations(page)
    await shot('coord-08-decision')
    const decision = (await api(page, `/api/meetings/${meetingId}`)).decisions[0]
    expect(decision.assignments[0]).toMatchObject({
      orgCode: 'RINN',
      responsibleUserId: rinnSeat?.userId,
      dueOn,
      measureCode: '8.1.1',
      state: 'open',
    })

    // ── RINN's focal point sees the assignment and reports it done ──
    await as('focal.rinn@qalxan.local')
    await navTo(page, 'az', 'nav.assignments')
    await page.getByRole('heading', { name: t('coord:assignment.title') }).waitFor()
    const own = page.getByRole('row').filter({ hasText: TASK })
    await own.getByText(t('coord:assignmentState.open'), { exact: true }).waitFor()
    await own.getByRole('link', { name: `IQ-2024 №${MEETING_NUMBER}` }).waitFor()
    await noViolations(page)
    await shot('coord-09-focal-assignments')
    await own
      .getByRole('button', { name: new RegExp(`^${escapeRegExp(t('coord:assignment.report'))}`) })
      .click()
    const reportForm = dialog(page)
    await field(reportForm, t('coord:execution.text')).fill(EXECUTION)
    await reportForm.getByRole('checkbox', { name: t('coord:execution.done') }).check()
    await noViolations(page)
    await shot('coord-10-focal-report')
    await button(reportForm, 'coord:execution.send').click()
    await toast(page, t('coord:execution.reportedDone'))
    await reportForm.getByText(t('coord:assignmentState.reported'), { exact: true }).first().waitFor()
    await reportForm.getByText(EXECUTION).waitFor()

    // ── The secretary accepts it ──
    await as('secretariat@qalxan.local')
    await page.goto(`${portal.url}/coordination/meetings/${meetingId}`)
    await tab(page, 'coord:tab.decisions')
    const reviewRow = page.getByRole('row').filter({ hasText: TASK })
    await reviewRow.getByText(t('coord:assignmentState.reported'), { exact: true }).waitFor()
    await reviewRow
      .getByRole('button', { name: new RegExp(`^${escapeRegExp(t('coord:assignment.review'))}`) })
      .click()
    const reviewForm = dialog(page)
    await reviewForm.getByText(EXECUTION).waitFor()
    await noViolations(page)
    await shot('coord-11-review')
    await button(reviewForm, 'coord:execution.accept').click()
    await toast(page, t('coord:execution.accepted'))
    await reviewForm.getByText(t('coord:assignmentState.done'), { exact: true }).first().waitFor()
    await button(reviewForm, 'common.close').first().click()
    await reviewRow.getByText(t('coord:assignmentState.done'), { exact: true }).waitFor()

    // ── The body's page: the meeting is listed, the assignment has left the open ones and is done ──
    await page.getByRole('link', { name: /^← IQ-2024 · / }).click()
    await page.waitForURL(new RegExp(`/coordination/bodies/${body.id}$`))
    await page.getByRole('heading', { name: /^IQ-2024 · / }).waitFor()
    await page
      .getByRole('link', { name: new RegExp(escapeRegExp(MEETING_NUMBER)) })
      .first()
      .waitFor()
    await page.getByRole('heading', { name: t('coord:assignment.openOfBody') }).waitFor()
    expect(await page.getByRole('row').filter({ hasText: TASK }).count()).toBe(0)
    await noViolations(page)
    await shot('coord-12-body')
    await page.getByRole('link', { name: t('coord:assignment.all'), exact: true }).click()
    await page.getByRole('heading', { name: t('coord:assignment.title') }).waitFor()
    const doneRow = page.getByRole('row').filter({ hasText: TASK })
    await doneRow.getByText(t('coord:assignmentState.done'), { exact: true }).waitFor()
    const accepted = await api(page, `/api/assignments/${decision.assignments[0].id}`)
    expect(accepted.state).toBe('done')
    const [y, mo, d] = accepted.completedOn.split('-')
    // Dates show numerically (Chromium has no Azerbaijani formats): 2026-12-07 or 07.12.2026.
    const completed = `(${y}-${mo}-${d}|${d}\\.${mo}\\.${y})`
    await doneRow
      .getByText(new RegExp(`^${t('coord:assignment.completedOn', { date: completed })}$`))
      .waitFor()
    await noViolations(page)
    await shot('coord-13-body-assignments-done')

    // ── The minutes, as PDF in Azerbaijani ──
    await page.goto(`${portal.url}/coordination/meetings/${meetingId}`)
    const downloads = page.getByRole('heading', { name: t('coord:download.title') }).locator('xpath=..')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      button(downloads, 'coord:download.minutes').click(),
    ])
    const pdf = join(tmp, 'minutes.pdf')
    await download.saveAs(pdf)
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
    const minutes = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ')
    // Draft minutes say so in every page's footer; the footers are left out of the running text,
    // which may break across pages anywhere.
    const footer = new RegExp(
      `Qalxan · IQ-2024 · ${escapeRegExp(MEETING_NUMBER)} · Layihə (\\d+) / (\\d+) ?`,
      'g',
    )
    const footers = [...minutes.matchAll(footer)]
    expect(footers.length).toBeGreaterThan(0)
    expect(footers.map((f) => f[1])).toEqual(footers.map((_, i) => String(i + 1)))
    const running = minutes.replace(footer, '')
    expect(running).toContain(MEETING_TITLE)
    expect(running).toContain(DECISION_TEXT)
    expect(running).toContain(TASK)
    expect(running).toContain('reyestrin aparılması qaydası müzakirə olunmuşdur')
    expect(running).toContain('reyestrin məlumatlarının doğrulanması başa çatdırılacaq')
    // The meeting's time, as scheduled on Baku's clock.
    expect(minutes).toContain(`${bakuInput(startMs).slice(11)}–${bakuInput(startMs + 60 * MINUTE).slice(11)}`)
    for (const letter of ['ə', 'ş', 'ç', 'ğ', 'ı', 'İ', 'ö', 'ü']) expect(minutes).toContain(letter)
    await noViolations(page)
    await shot('coord-14-meeting')

    expect(browser.consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([])
  })
})

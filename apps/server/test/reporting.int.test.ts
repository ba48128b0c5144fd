import { defaultPeriod, type MeasurePage } from '@qalxan/contracts'
import { eq } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  evidence,
  mailOutbox,
  measureReports,
  notifications,
  periodSnapshots,
} from '../src/db/schema/index.ts'
import { createTestApp, DATABASES, type TestApp, userByEmail } from './helpers.ts'
import { type PlanFixture, planFixture } from './plan-fixture.ts'

const draft = {
  reportedStatus: 'in_progress',
  progress: 40,
  workDone: 'Layihə hazırlanıb və razılaşdırmaya göndərilib',
}

describe.each(DATABASES)('reporting and evaluation on %s', (kind) => {
  let t: TestApp
  let f: PlanFixture
  let q1: { id: string }
  let q2: { id: string }

  beforeAll(async () => {
    t = await createTestApp(kind)
    f = await planFixture(t)
    t.clock.advance(Date.parse('2024-03-20T09:00:00Z') - t.clock.now().getTime())
    const made = (
      await f.people.secretariat.post(`/api/strategies/${f.strategy.id}/periods/calendar`, {
        year: 2024,
        calendar: { kinds: ['quarterly'] },
      })
    ).json()
    q1 = made.find((p: { label: string }) => p.label === '2024-Q1')
    q2 = made.find((p: { label: string }) => p.label === '2024-Q2')
  })
  afterAll(() => t.close())

  const reportUrl = (m: { id: string }, p: { id: string }) => `/api/measures/${m.id}/periods/${p.id}/report`

  it('refuses writing before the period opens and lets only the secretariat open it', async () => {
    const early = await f.people.leadFocal.put(reportUrl(f.m1, q1), { ...draft, revision: 0 })
    expect(early.statusCode).toBe(412)
    expect(early.json().error.message).toBe('The reporting period is not open yet')
    expect((await f.people.leadHead.post(`/api/periods/${q1.id}/state`, { state: 'open' })).statusCode).toBe(
      403,
    )
    const opened = await f.people.secretariat.post(`/api/periods/${q1.id}/state`, { state: 'open' })
    expect(opened.json().state).toBe('open')
    expect(
      (await f.people.secretariat.post(`/api/periods/${q1.id}/state`, { state: 'open' })).statusCode,
    ).toBe(412)
    // Focal points and heads hear of it, in the portal and by e-mail.
    const focal = await userByEmail(t, 'focal@lead.az')
    const n = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, focal?.id as string))
    expect(n.some((x) => x.kind === 'period_opened')).toBe(true)
    const mail = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'focal@lead.az'))
    expect(mail.length).toBeGreaterThan(0)
  })

  it('runs draft → submitted → returned → fixed → accepted, keeping every revision and its differences', async () => {
    const { leadFocal, leadHead, secretariat, coFocal, outFocal } = f.people
    const saved = await leadFocal.put(reportUrl(f.m1, q1), { ...draft, revision: 0 })
    expect(saved.statusCode).toBe(200)
    const r = saved.json()
    expect(r).toMatchObject({ state: 'draft', revision: 1, allowed: ['edit'] })
    // A stale revision is refused rather than overwriting someone else's work.
    expect((await leadFocal.put(reportUrl(f.m1, q1), { ...draft, revision: 0 })).statusCode).toBe(409)
    // The co-executor and an outsider may not write the lead's report; the outsider cannot even see it.
    expect((await coFocal.put(reportUrl(f.m1, q1), { ...draft, revision: 1 })).statusCode).toBe(403)
    expect((await outFocal.get(reportUrl(f.m1, q1))).statusCode).toBe(404)
    expect((await coFocal.get(reportUrl(f.m1, q1))).statusCode).toBe(200)
    // Focal points write; only the head submits; the secretariat cannot accept a draft.
    expect((await leadFocal.post(`/api/reports/${r.id}/submit`)).statusCode).toBe(403)
    expect((await secretariat.post(`/api/reports/${r.id}/accept`)).statusCode).toBe(412)
    const link = await leadFocal.post(`/api/reports/${r.id}/evidence`, {
      kind: 'link',
      title: 'Layihə e-qanun.az-da',
      url: 'https://e-qanun.az/framework/1',
    })
    expect(link.json().evidence).toHaveLength(1)
    expect(
      (
        await leadFocal.post(`/api/reports/${r.id}/evidence`, {
          kind: 'link',
          title: 'x',
          url: 'javascript:alert(1)',
        })
      ).statusCode,
    ).toBe(422)
    const submitted = await leadHead.post(`/api/reports/${r.id}/submit`)
    expect(submitted.json()).toMatchObject({ state: 'submitted', late: false })
    expect(
      (await leadFocal.put(reportUrl(f.m1, q1), { ...draft, revision: submitted.json().revision }))
        .statusCode,
    ).toBe(412)
    expect((await secretariat.post(`/api/reports/${r.id}/return`, { comment: '' })).statusCode).toBe(422)
    const returned = await secretariat.post(`/api/reports/${r.id}/return`, {
      comment: 'Sübut kimi layihəni əlavə edin',
    })
    expect(returned.json()).toMatchObject({
      state: 'returned',
      reviewComment: 'Sübut kimi layihəni əlavə edin',
    })
    const fixed = await leadFocal.put(reportUrl(f.m1, q1), {
      progress: 55,
      workDone: `${draft.workDone}; layihə əlavə olunub`,
      revision: returned.json().revision,
    })
    expect(fixed.json()).toMatchObject({ state: 'returned', progress: 55 })
    await leadHead.post(`/api/reports/${r.id}/submit`)
    const accepted = await secretariat.post(`/api/reports/${r.id}/accept`)
    expect(accepted.json()).toMatchObject({ state: 'accepted', allowed: [] })
    expect((await secretariat.post(`/api/reports/${r.id}/accept`)).statusCode).toBe(412)
    expect(
      (await leadFocal.put(reportUrl(f.m1, q1), { ...draft, revision: accepted.json().revision })).statusCode,
    ).toBe(412)

    const revs = (await leadFocal.get(`/api/reports/${r.id}/revisions`)).json()
    expect(revs.map((x: { action: string }) => x.action)).toEqual([
      'saved',
      'evidence_added',
      'submitted',
      'returned',
      'saved',
      'submitted',
      'accepted',
    ])
    const diff = (await leadFocal.get(`/api/reports/${r.id}/diff?from=3&to=5`)).json()
    expect(diff.changes.map((c: { field: string }) => c.field).sort()).toEqual([
      'progress',
      'state',
      'workDone',
    ])
    expect(diff.changes.find((c: { field: string }) => c.field === 'progress')).toMatchObject({
      before: 40,
      after: 55,
    })
    // The lead heard of the return and the acceptance.
    const head = await userByEmail(t, 'head@lead.az')
    const kinds = (
      await t.database.db
        .select()
        .from(notifications)
        .where(eq(notifications.userId, head?.id as string))
    ).map((n) => n.kind)
    expect(kinds).toEqual(expect.arrayContaining(['report_returned', 'report_accepted']))
  })

  it('lets co-executors file contributions that the lead sees, but not on measures they are not part of', async () => {
    const { coFocal, leadFocal, outFocal } = f.people
    const put = await coFocal.put(`/api/measures/${f.m1.id}/periods/${q1.id}/contribution`, {
      text: 'Reyestr üçün risk kateqoriyaları təklif edilib',
      submit: true,
    })
    // The lead's report was accepted above: the measure's record for the period is final.
    expect(put.statusCode).toBe(412)
    const open2 = await f.people.secretariat.post(`/api/periods/${q2.id}/state`, { state: 'open' })
    expect(open2.statusCode).toBe(200)
    const c = await coFocal.put(`/api/measures/${f.m1.id}/periods/${q2.id}/contribution`, {
      text: 'Reyestr üçün risk kateqoriyaları təklif edilib',
      submit: true,
    })
    expect(c.statusCode).toBe(200)
    const seen = (await leadFocal.get(`/api/measures/${f.m1.id}/periods/${q2.id}/contributions`)).json()
    expect(seen.map((x: { text: string }) => x.text)).toEqual([
      'Reyestr üçün risk kateqoriyaları təklif edilib',
    ])
    expect(
      (await outFocal.put(`/api/measures/${f.m1.id}/periods/${q2.id}/contribution`, { text: 'x' }))
        .statusCode,
    ).toBe(403)
    expect(
      (await leadFocal.put(`/api/measures/${f.m1.id}/periods/${q2.id}/contribution`, { text: 'x' }))
        .statusCode,
    ).toBe(403)
  })

  it('lets the evaluator, not the secretariat, evaluate, and rolls the result up with a traffic light', async () => {
    const { evaluator, secretariat, leadFocal } = f.people
    const url = `/api/measures/${f.m1.id}/periods/${q1.id}/evaluation`
    expect((await secretariat.put(url, { completion: 'substantial', comment: 'x' })).statusCode).toBe(403)
    expect((await evaluator.put(url, { completion: 'substantial' })).statusCode).toBe(422)
    const e = await evaluator.put(url, { completion: 'substantial', comment: 'Layihə razılaşdırılıb' })
    expect(e.json()).toMatchObject({ completion: 'substantial', timeliness: 'on_track' })
    await evaluator.put(`/api/measures/${f.m2.id}/periods/${q1.id}/evaluation`, {
      completion: 'limited',
      comment: 'Az irəliləyiş',
    })
    const ov = (await secretariat.get(`/api/strategies/${f.strategy.id}/overview?periodId=${q1.id}`)).json()
    // (1·0.67 + 1·0.33) / 2 = 0.5 over the two evaluated measures; 1.3 is not due in 2024.
    expect(ov.strategy).toMatchObject({ score: 0.5, rag: 'amber', evaluated: 2 })
    expect(ov.completionDistribution).toMatchObject({ substantial: 1, limited: 1, not_evaluated: 1 })
    // A reader without clearance for 1.2 sees the roll-up without it.
    const own = (await leadFocal.get(`/api/strategies/${f.strategy.id}/overview?periodId=${q1.id}`)).json()
    expect(own.strategy).toMatchObject({ score: 0.67, rag: 'green', evaluated: 1 })
    // 1.2 was due from LEAD and never reported: counted against LEAD.
    expect(own.organisations.find((o: { code: string }) => o.code === 'LEAD')).toMatchObject({
      notReported: 0,
    })
    expect(ov.organisations.find((o: { code: string }) => o.code === 'LEAD')).toMatchObject({
      notReported: 1,
    })
    const org = (
      await leadFocal.get(
        `/api/strategies/${f.strategy.id}/organisations/${f.orgs.lead.id}/overview?periodId=${q1.id}`,
      )
    ).json()
    expect(org.measures.map((m: { code: string; role: string }) => `${m.code}:${m.role}`)).toEqual([
      '1.1:lead',
    ])
    expect(
      (await leadFocal.get(`/api/strategies/${f.strategy.id}/organisations/${f.orgs.out.id}/overview`))
        .statusCode,
    ).toBe(404)
  })

  it('locks a period with an immutable snapshot; a late report needs an exception and is flagged', async () => {
    const { secretariat, evaluator, leadFocal, leadHead } = f.people
    await secretariat.post(`/api/periods/${q1.id}/state`, { state: 'closed' })
    const late = await leadFocal.put(reportUrl(f.m2, q1), { ...draft, revision: 0 })
    // M2 is restricted: the lead's focal point has internal clearance only.
    expect(late.statusCode).toBe(404)
    expect((await secretariat.post(`/api/periods/${q1.id}/state`, { state: 'locked' })).json().state).toBe(
      'locked',
    )
    const [snap] = await t.database.db
      .select()
      .from(periodSnapshots)
      .where(eq(periodSnapshots.periodId, q1.id))
    expect((snap?.data as { figures: unknown[] } | undefined)?.figures).toHaveLength(3)
    await expect(
      t.database.db.update(periodSnapshots).set({ data: {} }).where(eq(periodSnapshots.periodId, q1.id)),
    ).rejects.toThrow()
    expect(
      (
        await evaluator.put(`/api/measures/${f.m1.id}/periods/${q1.id}/evaluation`, {
          completion: 'complete',
          comment: 'x',
        })
      ).statusCode,
    ).toBe(412)
    const frozen = (
      await secretariat.get(`/api/strategies/${f.strategy.id}/overview?periodId=${q1.id}`)
    ).json()
    expect(frozen).toMatchObject({ frozen: true, strategy: { score: 0.5, measures: 3 } })
    // The snapshot keeps a summary per clearance: an internal reader's leaves the restricted M2 out.
    const internal = (
      await leadFocal.get(`/api/strategies/${f.strategy.id}/overview?periodId=${q1.id}`)
    ).json()
    expect(internal).toMatchObject({ frozen: true, strategy: { measures: 2 } })
    expect(JSON.stringify(internal)).not.toContain(f.m2.id)
    expect((await secretariat.post(`/api/periods/${q1.id}/state`, { state: 'open' })).statusCode).toBe(412)

    // M3's lead (OUT) gets an exception; first without one it is refused.
    const out = f.people.outFocal
    const refused = await out.put(reportUrl(f.m3, q1), { ...draft, revision: 0 })
    expect(refused.statusCode).toBe(412)
    expect(refused.json().error.message).toContain('exception')
    const ex = await secretariat.post(`/api/periods/${q1.id}/exceptions`, {
      orgId: f.orgs.out.id,
      reason: 'System outage at the ministry in March',
      until: '2024-05-01',
    })
    expect(ex.statusCode).toBe(201)
    const saved = await out.put(reportUrl(f.m3, q1), { ...draft, revision: 0 })
    expect(saved.statusCode).toBe(200)
    void leadHead
  })

  it('answers the measure page in one call with what the separate endpoints answer', async () => {
    const { outFocal, leadFocal, secretariat } = f.people
    const page = await outFocal.get(`/api/measures/${f.m3.id}/page?periodId=${q1.id}`)
    expect(page.statusCode).toBe(200)
    const p = page.json()
    const detail = (await outFocal.get(`/api/measures/${f.m3.id}`)).json()
    expect({ measure: p.measure, milestones: p.milestones, indicators: p.indicators }).toEqual(detail)
    expect(p.periods).toEqual((await outFocal.get(`/api/strategies/${f.strategy.id}/periods`)).json())
    expect(p.periodId).toBe(q1.id)
    // The locked period's report, written under the late exception, with the same buttons.
    expect(p.report).toEqual((await outFocal.get(reportUrl(f.m3, q1))).json())
    expect(p.report.state).toBe('draft')
    expect(p.reports).toEqual((await outFocal.get(`/api/measures/${f.m3.id}/reports`)).json())
    expect(p.contributions).toEqual(
      (await outFocal.get(`/api/measures/${f.m3.id}/periods/${q1.id}/contributions`)).json(),
    )
    expect(p.evaluations).toEqual((await outFocal.get(`/api/measures/${f.m3.id}/evaluations`)).json())
    expect(p.changeRequests).toEqual(
      (await outFocal.get(`/api/strategies/${f.strategy.id}/change-requests?measureId=${f.m3.id}`)).json(),
    )
    // M1's page for Q2: the accepted Q1 report with its evidence, the co-executor's contribution.
    const m1 = (await leadFocal.get(`/api/measures/${f.m1.id}/page?periodId=${q2.id}`)).json() as MeasurePage
    expect(m1.reports).toEqual((await leadFocal.get(`/api/measures/${f.m1.id}/reports`)).json())
    expect(m1.contributions?.map((c) => c.text)).toEqual(['Reyestr üçün risk kateqoriyaları təklif edilib'])
    const accepted = m1.reports?.find((r) => r.periodId === q1.id)
    const [stored] = await t.database.db
      .select()
      .from(evidence)
      .where(eq(evidence.reportId, accepted?.id as string))
    expect(accepted?.evidence).toEqual([
      expect.objectContaining({
        id: stored?.id,
        title: stored?.title,
        createdAt: stored?.createdAt.toISOString(),
      }),
    ])
    // A period nobody wrote in is an empty draft, as the report endpoint answers it.
    const unwritten = (await outFocal.get(`/api/measures/${f.m3.id}/page?periodId=${q2.id}`)).json()
    expect(unwritten.report).toEqual((await outFocal.get(reportUrl(f.m3, q2))).json())
    expect(unwritten.report.id).toBe('')
    // Without a period the page opens on the one the web would choose; the secretariat reads it too.
    const opened = (await secretariat.get(`/api/measures/${f.m3.id}/page`)).json() as MeasurePage
    expect(opened.periodId).toBe(defaultPeriod(opened.periods, t.clock.now().toISOString().slice(0, 10))?.id)
    expect(opened.reports).toEqual((await secretariat.get(`/api/measures/${f.m3.id}/reports`)).json())
    // Another organisation's focal point sees the measure but nothing of its reports.
    const other = await leadFocal.get(`/api/measures/${f.m3.id}/page?periodId=${q1.id}`)
    expect(other.statusCode).toBe(200)
    expect(other.json()).toMatchObject({ reports: null, report: null, contributions: null, evaluations: [] })
    expect((await leadFocal.get(`/api/measures/${f.m3.id}/reports`)).statusCode).toBe(404)
    // A period of no strategy of this measure, or a measure beyond the reader's clearance: 404.
    expect((await outFocal.get(`/api/measures/${f.m3.id}/page?periodId=${f.m3.id}`)).statusCode).toBe(404)
    expect((await outFocal.get(`/api/measures/${f.m2.id}/page`)).statusCode).toBe(404)
  })

  it('searches measures, reports, evidence and comments in any language, showing only what the reader may see', async () => {
    const { secretariat, leadFocal, coFocal, outFocal, publicReader } = f.people
    const kinds = async (api: typeof secretariat, q: string) =>
      (await api.get(`/api/search?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((i: { kind: string; measureCode: string }) => `${i.kind}:${i.measureCode}`)
    // Azerbaijani letters fold: "sübut" is found by "SUBUT", "razılaşdırmaya" by "razilasdirma".
    expect(await kinds(secretariat, 'razilasdirma')).toEqual(['report:1.1', 'report:1.3'])
    expect(await kinds(secretariat, 'SUBUT layihəni')).toEqual(['comment:1.1'])
    expect(await kinds(secretariat, 'e-qanun')).toEqual(['evidence:1.1'])
    expect(await kinds(secretariat, 'Procedure register')).toEqual(['measure:1.1'])
    expect(await kinds(secretariat, 'Layihə razılaşdırılıb')).toEqual(expect.arrayContaining(['comment:1.1']))
    // The co-executor reads the measure's report; another organisation only its own (1.3).
    expect(await kinds(coFocal, 'razilasdirma')).toEqual(['report:1.1'])
    expect(await kinds(outFocal, 'razilasdirma')).toEqual(['report:1.3'])
    expect(await kinds(outFocal, 'e-qanun')).toEqual([])
    expect(await kinds(publicReader, 'razilasdirma')).toEqual([])
    // A restricted measure is not found by a reader without clearance.
    expect(await kinds(secretariat, 'Tədbir 1.2')).toEqual(['measure:1.2'])
    expect(await kinds(leadFocal, 'Tədbir 1.2')).toEqual([])
    // Evaluation comments: the lead executor reads its own; the outsider does not.
    expect(await kinds(leadFocal, 'Layihə razılaşdırılıb')).toEqual(['comment:1.1'])
    expect(await kinds(outFocal, 'Layihə razılaşdırılıb')).toEqual([])
    // Wildcards are taken literally; an empty query is refused.
    expect(await kinds(secretariat, '%%')).toEqual([])
    expect((await secretariat.get('/api/search?q=')).statusCode).toBe(422)
  })

  it('never reaches an invalid state under random sequences of actions by anyone (model check)', async () => {
    const { leadFocal, leadHead, secretariat, coFocal, outFocal } = f.people
    const actors = { leadFocal, leadHead, secretariat, coFocal, outFocal }
    let run = 0
    const freshPeriod = async () => {
      const p = (
        await secretariat.post(`/api/strategies/${f.strategy.id}/periods`, {
          kind: 'annual',
          label: `MODEL-${++run}`,
          startsOn: '2024-01-01',
          endsOn: '2024-12-31',
          dueOn: '2025-01-20',
        })
      ).json()
      await secretariat.post(`/api/periods/${p.id}/state`, { state: 'open' })
      return p as { id: string }
    }
    const reached = new Set<string>()
    const step = fc.record({
      who: fc.constantFrom<keyof typeof actors>(
        'leadFocal',
        'leadHead',
        'leadHead',
        'secretariat',
        'secretariat',
        'coFocal',
        'outFocal',
      ),
      what: fc.constantFrom('save', 'submit', 'return', 'accept', 'empty-save'),
    })
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 14 }), async (steps) => {
        // Each run starts from a report nobody has written, in a period of its own.
        const per = await freshPeriod()
        for (const s of steps) {
          const api = actors[s.who]
          const cur = (await secretariat.get(reportUrl(f.m1, per))).json()
          const before = cur.state
          let res: Awaited<ReturnType<typeof api.get>>
          if (s.what === 'save' || s.what === 'empty-save')
            res = await api.put(reportUrl(f.m1, per), {
              ...(s.what === 'save' ? draft : {}),
              revision: cur.revision,
            })
          else if (!cur.id) continue
          else
            res = await api.post(
              `/api/reports/${cur.id}/${s.what}`,
              s.what === 'return' ? { comment: 'Düzəldin' } : {},
            )
          const after = (await secretariat.get(reportUrl(f.m1, per))).json()
          expect(['draft', 'submitted', 'returned', 'accepted']).toContain(after.state)
          if (res.statusCode >= 400) {
            expect(after.state).toBe(before)
            expect(after.revision).toBe(cur.revision)
          } else {
            expect(after.revision).toBe(cur.revision + 1)
          }
          if (before === 'accepted') expect(after.state).toBe('accepted')
          if (after.state !== before) {
            const who = s.who
            if (after.state === 'submitted') expect(who).toBe('leadHead')
            if (after.state === 'returned' || after.state === 'accepted') expect(who).toBe('secretariat')
          }
          if (s.who === 'coFocal' || s.who === 'outFocal') expect(res.statusCode).toBeGreaterThanOrEqual(400)
          reached.add(after.state)
        }
        const rows = await t.database.db
          .select()
          .from(measureReports)
          .where(eq(measureReports.periodId, per.id))
        expect(rows.length).toBeLessThanOrEqual(1)
      }),
      // Biased towards the people who move the report on, so the runs get past the draft.
      { numRuns: 10, seed: 20_241_122 },
    )
    expect(reached.has('submitted')).toBe(true)
  })
})

import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mailOutbox, notifications, user } from '../src/db/schema/index.ts'
import { createTestApp, DATABASES, makeUser, type TestApp, userByEmail } from './helpers.ts'
import { type PlanFixture, planFixture } from './plan-fixture.ts'

describe.each(DATABASES)('reminders and escalation on %s', (kind) => {
  let t: TestApp
  let f: PlanFixture
  let period: { id: string; dueOn: string }

  beforeAll(async () => {
    t = await createTestApp(kind)
    f = await planFixture(t)
    await makeUser(t, 'chair@test.az', f.orgs.sec, ['wg_chair'], { clearance: 'restricted' })
    // The lead's head is cleared for the restricted 1.2; its focal point (internal) is not.
    await t.database.db.update(user).set({ clearance: 'restricted' }).where(eq(user.email, 'head@lead.az'))
    t.clock.advance(Date.parse('2024-03-01T08:00:00Z') - t.clock.now().getTime())
    period = (
      await f.people.secretariat.post(`/api/strategies/${f.strategy.id}/periods`, {
        kind: 'quarterly',
        label: '2024-Q1',
        startsOn: '2024-01-01',
        endsOn: '2024-03-31',
        dueOn: '2024-04-15',
      })
    ).json()
    await f.people.secretariat.post(`/api/periods/${period.id}/state`, { state: 'open' })
  })
  afterAll(() => t.close())

  const kindsFor = async (email: string) => {
    const u = await userByEmail(t, email)
    return (
      await t.database.db
        .select()
        .from(notifications)
        .where(eq(notifications.userId, u?.id as string))
    )
      .map((n) => n.kind)
      .filter((k) => k !== 'period_opened')
  }
  const at = (iso: string) => t.clock.advance(Date.parse(`${iso}T06:00:00Z`) - t.clock.now().getTime())

  it('stays quiet until a week before the due date, then reminds the missing lead executors once', async () => {
    at('2024-04-07')
    expect(await t.services.reminders.run()).toEqual([])
    at('2024-04-08')
    // Two workers at once: only one sends.
    const [a, b] = await Promise.all([t.services.reminders.run(), t.services.reminders.run()])
    expect([...a, ...b]).toEqual(['2024-Q1:remind-7:1'])
    expect(await kindsFor('focal@lead.az')).toEqual(['report_due_soon'])
    // OUT's measure 1.3 is due in 2025, and the co-executor owes no consolidated report.
    expect(await kindsFor('focal@out.az')).toEqual([])
    expect(await kindsFor('focal@co.az')).toEqual([])
    expect(await t.services.reminders.run()).toEqual([])
    const mail = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'focal@lead.az'))
    expect(mail.map((m) => m.subject)).toContain('2024-Q1 hesabatlarının son tarixi: 2024-04-15')
    // The focal point is told of 1.1 only: its clearance does not open the restricted 1.2.
    const due = mail.find((m) => m.subject === '2024-Q1 hesabatlarının son tarixi: 2024-04-15')?.text ?? ''
    expect(due).toContain('1.1.')
    expect(due).not.toContain('1.2')
  })

  it('does not remind an organisation that has submitted, and escalates the others after the due date', async () => {
    const { leadFocal, leadHead } = f.people
    at('2024-04-10')
    for (const m of [f.m1]) {
      const r = (
        await leadFocal.put(`/api/measures/${m.id}/periods/${period.id}/report`, {
          reportedStatus: 'in_progress',
          progress: 50,
          workDone: 'İş görülüb',
          revision: 0,
        })
      ).json()
      await leadHead.post(`/api/reports/${r.id}/submit`)
    }
    at('2024-04-16')
    const done = await t.services.reminders.run()
    // The day before the due date was skipped while the job was down: only the latest step is sent.
    // LEAD submitted 1.1 but still owes 1.2: its head and the working-group chair hear of it.
    expect(done).toEqual(['2024-Q1:escalate-1:1'])
    const overdue = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'head@lead.az'))
    const text = overdue.find((m) => m.subject.includes('gecikir'))?.text ?? ''
    expect(text).toContain('1.2')
    expect(text).not.toContain('1.1,')
    expect(await kindsFor('head@lead.az')).toEqual(['report_overdue'])
    expect(await kindsFor('chair@test.az')).toEqual(['report_overdue'])
    expect(await t.services.reminders.run()).toEqual([])
    at('2024-04-30')
    expect(await t.services.reminders.run()).toEqual(['2024-Q1:escalate-14:1'])
  })

  it('sends nothing for a period that is not open', async () => {
    await f.people.secretariat.post(`/api/periods/${period.id}/state`, { state: 'closed' })
    at('2024-06-01')
    expect(await t.services.reminders.run()).toEqual([])
  })
})

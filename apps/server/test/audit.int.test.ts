import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, createTestApp, DATABASES, makeOrg, makeUser, type Org, signIn, type TestApp } from './helpers.ts'

describe.each(DATABASES)('audit trail on %s', (kind) => {
  let t: TestApp
  let org: Org
  let auditor: ReturnType<typeof as>
  let admin: ReturnType<typeof as>

  beforeAll(async () => {
    t = await createTestApp(kind)
    org = await makeOrg(t, 'HOME')
    admin = as(t, await signIn(t, await makeUser(t, 'admin@test.az', org, ['admin'])))
    auditor = as(t, await signIn(t, await makeUser(t, 'auditor@test.az', org, ['auditor'])))
  })
  afterAll(() => t.close())

  it('writes an event with each change, in the same transaction, and chains them', async () => {
    const created = await admin.post('/api/organizations', {
      code: 'AUD-1',
      name: { az: 'Audit' },
      type: 'agency',
    })
    const page = (await auditor.get(`/api/audit?targetId=${created.json().id}`)).json()
    expect(page.items).toEqual([
      expect.objectContaining({ action: 'org.created', outcome: 'success', data: { code: 'AUD-1' } }),
    ])
    expect((await t.services.audit.verify()).ok).toBe(true)
  })

  it('rolls the event back with a failed change', async () => {
    const before = (await auditor.get('/api/audit?action=org.created')).json().total
    // A duplicate code fails inside the transaction after the insert was attempted.
    expect(
      (await admin.post('/api/organizations', { code: 'AUD-1', name: { az: 'Again' }, type: 'agency' }))
        .statusCode,
    ).toBe(409)
    expect((await auditor.get('/api/audit?action=org.created')).json().total).toBe(before)
  })

  it('keeps the chain in order under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        admin.post('/api/organizations', { code: `PAR-${i}`, name: { az: `P${i}` }, type: 'agency' }),
      ),
    )
    const r = await t.services.audit.verify()
    expect(r).toMatchObject({ ok: true })
  })

  it('refuses to change or delete events at the database level', async () => {
    await expect(t.database.query("update audit_events set action = 'x' where seq = 1")).rejects.toThrow(
      /append-only/,
    )
    await expect(t.database.query('delete from audit_events')).rejects.toThrow(/append-only/)
  })

  it('names the first event whose chain is broken', async () => {
    // Simulates someone with superuser access editing the table behind the application's back.
    await t.database.query('alter table audit_events disable trigger audit_events_no_update')
    await t.database.db.execute(sql`update audit_events set data = '{"code":"forged"}'::jsonb where seq = 3`)
    await t.database.query('alter table audit_events enable trigger audit_events_no_update')
    const r = await t.services.audit.verify()
    expect(r).toMatchObject({ ok: false, brokenAt: 3, checked: 2 })
  })

  it('filters, paginates and is readable only by those allowed', async () => {
    const page = (await auditor.get('/api/audit?limit=5&offset=0&outcome=success')).json()
    expect(page.items).toHaveLength(5)
    expect(page.total).toBeGreaterThan(5)
    const focal = as(t, await signIn(t, await makeUser(t, 'focal@test.az', org, ['focal_point'])))
    expect((await focal.get('/api/audit')).statusCode).toBe(403)
    expect((await auditor.get('/api/audit?from=not-a-date')).statusCode).toBe(422)
  })

  it('exports CSV only after a fresh second factor, and records the export', async () => {
    t.clock.advance(11 * 60_000)
    const stale = await auditor.get('/api/audit/export.csv?action=org.')
    expect(stale.json().error.code).toBe('MFA_REQUIRED')
    t.clock.advance(-11 * 60_000)
    const csv = await auditor.get('/api/audit/export.csv?action=org.')
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toContain('text/csv')
    const lines = csv.body.trim().split('\r\n')
    expect(lines[0]).toContain('seq,occurredAt,actorUserId')
    expect(lines.slice(1).every((l) => l.includes(',org.'))).toBe(true)
    expect((await auditor.get('/api/audit?action=audit.exported')).json().total).toBe(1)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSmtpMailer } from '../src/platform/mailer.ts'
import { as, createTestApp, DATABASES, makeOrg, makeUser, ORIGIN, signIn, type TestApp } from './helpers.ts'
import { startSmtp } from './smtp-server.ts'

describe.each(DATABASES)('platform on %s', (kind) => {
  let t: TestApp
  let smtp: Awaited<ReturnType<typeof startSmtp>>

  beforeAll(async () => {
    smtp = await startSmtp()
    t = await createTestApp(kind, { mailer: createSmtpMailer(smtp.url), jobs: true })
  })
  afterAll(async () => {
    await t.close()
    await smtp.close()
  })

  it('answers health, readiness and Prometheus metrics', async () => {
    expect((await t.app.inject('/health')).json()).toEqual({ status: 'ok' })
    expect((await t.app.inject('/ready')).json()).toEqual({ status: 'ready', database: kind })
    const m = await t.app.inject('/metrics')
    expect(m.body).toContain('qalxan_http_request_duration_seconds_bucket')
    expect(m.body).toContain('process_resident_memory_bytes')
  })

  it('sends strict security headers and a request id', async () => {
    const res = await t.app.inject('/health')
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/unsafe-inline/)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
    expect(res.headers['x-frame-options']).toBe('DENY')
    expect(res.headers['x-request-id']).toMatch(/[0-9a-f-]{36}/)
  })

  it('answers errors in one envelope: unknown route, bad JSON, too large a body', async () => {
    const nf = await t.app.inject('/api/nothing-here')
    expect(nf.statusCode).toBe(404)
    expect(nf.json().error).toMatchObject({ code: 'NOT_FOUND', requestId: nf.headers['x-request-id'] })
    const org = await makeOrg(t, 'P')
    const api = as(t, await signIn(t, await makeUser(t, 'p@test.az', org, ['viewer'])))
    const badJson = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie: api.cookie, origin: ORIGIN, 'content-type': 'application/json' },
      payload: '{"locale": ',
    })
    expect(badJson.statusCode).toBe(422)
    expect(badJson.json().error.code).toBe('VALIDATION_FAILED')
    const big = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie: api.cookie, origin: ORIGIN, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    })
    expect(big.statusCode).toBe(413)
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('publishes OpenAPI 3.1 with every API route documented', async () => {
    const spec = (await t.app.inject('/api/docs/json')).json()
    expect(spec.openapi).toBe('3.1.0')
    const ops = Object.values(spec.paths as Record<string, Record<string, { operationId?: string }>>).flatMap(
      (p) => Object.values(p).map((o) => o.operationId),
    )
    expect(ops).toEqual(
      expect.arrayContaining(['getMe', 'listOrganizations', 'importUsers', 'listAuditEvents', 'uploadFile']),
    )
    const ui = await t.app.inject('/api/docs/')
    expect(ui.statusCode).toBe(200)
  })

  it('sends queued mail through SMTP with the job worker', async () => {
    t.jobs?.register([t.services.outbox.flushJob])
    await t.jobs?.startWorking()
    await t.services.outbox.enqueueAlone({
      to: 'chair@test.az',
      subject: 'Iclas dəvəti',
      text: 'Salam, iclas 1 dekabrda.',
    })
    const deadline = Date.now() + 20_000
    while (!smtp.received.some((m) => m.to.includes('chair@test.az')) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200))
    }
    const mail = smtp.received.find((m) => m.to.includes('chair@test.az'))
    expect(mail?.body).toContain('Subject: =?UTF-8?Q?Icl')
    const page = await t.services.outbox.list(t.database.db, 10, 0, { to: 'chair@test.az' })
    expect(page.items[0]).toMatchObject({ status: 'sent', attempts: 1 })
  })

  it('keeps mail in the outbox, marked failed with the reason, when the SMTP server is gone', async () => {
    const failing = createSmtpMailer('smtp://127.0.0.1:1')
    const { createOutboxService } = await import('../src/modules/notifications/outbox.service.ts')
    const outbox = createOutboxService({
      database: t.database,
      clock: t.clock,
      mailer: failing,
      mailFrom: 'q@test.az',
    })
    await outbox.enqueueAlone({ to: 'lost@test.az', subject: 'x', text: 'y' })
    const r = await outbox.flush()
    expect(r.failed).toBeGreaterThanOrEqual(1)
    const page = await outbox.list(t.database.db, 10, 0, { to: 'lost@test.az' })
    expect(page.items[0]).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: expect.stringMatching(/ECONNREFUSED|connect/),
    })
    // Retried only after a back-off, not in a tight loop.
    expect((await outbox.flush()).failed).toBe(0)
    t.clock.advance(6 * 60_000)
    expect((await outbox.flush()).failed).toBe(1)
    t.clock.advance(-6 * 60_000)
  })
})

import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../src/platform/db.ts'

const cli = join(import.meta.dirname, '../src/cli.ts')
const dir = mkdtempSync(join(tmpdir(), 'qalxan-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const qalxan = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent', DATABASE_URL: '', ...env },
    timeout: 120_000,
  })
  return { code: r.status, out: `${r.stdout}${r.stderr}` }
}

// Each command boots its own process and database: slow on a busy machine.
describe('qalxan command line', { timeout: 240_000 }, () => {
  it('migrates, loads demo data once, creates an administrator and verifies the audit trail', () => {
    expect(qalxan(['migrate'])).toMatchObject({ code: 0, out: expect.stringContaining('Migrations applied') })
    const seeded = qalxan(['seed-demo'])
    expect(seeded.code).toBe(0)
    expect(seeded.out).toContain('admin@qalxan.local')
    expect(qalxan(['seed-demo'])).toMatchObject({
      code: 1,
      out: expect.stringContaining('already has organisations'),
    })
    expect(
      qalxan(['create-admin', '--email', 'chief@gov.az', '--name', 'Baş admin', '--org', 'XRITDX']),
    ).toMatchObject({
      code: 1,
      out: expect.stringContaining('QALXAN_ADMIN_PASSWORD'),
    })
    const admin = qalxan(
      ['create-admin', '--email', 'chief@gov.az', '--name', 'Baş admin', '--org', 'XRITDX'],
      {
        QALXAN_ADMIN_PASSWORD: 'a-long-admin-password',
      },
    )
    expect(admin.code).toBe(0)
    expect(admin.out).toMatch(/otpauth:\/\/totp\//)
    expect(qalxan(['totp', 'admin@qalxan.local']).out.trim()).toMatch(/^\d{6}$/)
    expect(qalxan(['audit', 'verify'])).toMatchObject({
      code: 0,
      out: expect.stringMatching(/intact: \d+ events/),
    })
  })

  it('detects deleted newest events against a head kept outside the database', async () => {
    const head = qalxan(['audit', 'head'])
    expect(head.code).toBe(0)
    const kept = head.out.trim()
    expect(kept).toMatch(/^\d+:[0-9a-f]{64}$/)
    expect(qalxan(['audit', 'verify', '--expect-head', kept])).toMatchObject({
      code: 0,
      out: expect.stringContaining(`including the kept head ${kept.split(':')[0]}`),
    })
    const seq = Number(kept.split(':')[0])
    expect(seq).toBeGreaterThan(6)
    const db = await openDatabase({ dataDir: join(dir, 'data') })
    await db.query('alter table audit_events disable trigger audit_events_no_update')
    await db.query(`delete from audit_events where seq >= ${seq - 1}`)
    await db.query('alter table audit_events enable trigger audit_events_no_update')
    await db.close()
    // What is left still links up, so the chain alone cannot tell; the kept head can.
    expect(qalxan(['audit', 'verify'])).toMatchObject({ code: 0 })
    const r = qalxan(['audit', 'verify', '--expect-head', kept])
    expect(r.code).toBe(1)
    expect(r.out).toContain(`BROKEN at event ${seq - 1}: events ${seq - 1} to ${seq} are missing`)
    expect(qalxan(['audit', 'verify', '--expect-head', '12:not-a-hash'])).toMatchObject({
      code: 1,
      out: expect.stringContaining('SEQ:HASH'),
    })
  })

  it('names the first broken event after someone edits the table behind the portal', async () => {
    const db = await openDatabase({ dataDir: join(dir, 'data') })
    await db.query('alter table audit_events disable trigger audit_events_no_update')
    await db.query(`update audit_events set action = 'forged' where seq = 4`)
    await db.close()
    const r = qalxan(['audit', 'verify'])
    expect(r.code).toBe(1)
    expect(r.out).toContain('BROKEN at event 4')
  })

  it('refuses a second process on a live data folder', async () => {
    const db = await openDatabase({ dataDir: join(dir, 'data') })
    try {
      expect(qalxan(['migrate'])).toMatchObject({
        code: 1,
        out: expect.stringContaining('is in use by process'),
      })
    } finally {
      await db.close()
    }
  })
})

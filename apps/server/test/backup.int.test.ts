import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { buildServices } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { createAuditService } from '../src/modules/audit/audit.service.ts'
import { backupTo, restoreFrom } from '../src/platform/backup.ts'
import { systemClock } from '../src/platform/clock.ts'
import { type Database, openDatabase, runMigrations } from '../src/platform/db.ts'
import { createFileStore } from '../src/platform/files.ts'
import { resolveAuthSecret } from '../src/platform/infra.ts'
import { seedDemo } from '../src/seed/demo.ts'
import { PG_TEMPLATE_DB, withDb } from './global-setup.ts'
import { DATABASES } from './helpers.ts'

const tmp = mkdtempSync(join(tmpdir(), 'qalxan-backup-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** Every row of every table of ours, in a stable order: equal snapshots mean identical data. */
const snapshot = async (db: Database) => {
  const tables = (
    await db.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
    )
  ).rows.map((r) => r.table_name)
  const out: Record<string, string[]> = {}
  for (const t of tables) {
    const rows = (await db.query(`select row_to_json(x)::text as j from "${t}" x`)).rows as { j: string }[]
    out[t] = rows.map((r) => r.j).sort()
  }
  return out
}

const seed = async (db: Database, dataDir: string, databaseUrl?: string) => {
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl, AUTH_SECRET: 'x'.repeat(40) } : {}),
  })
  mkdirSync(dataDir, { recursive: true })
  const authSecret = databaseUrl ? 'x'.repeat(40) : resolveAuthSecret(config)
  const services = buildServices({
    config,
    database: db,
    clock: systemClock,
    files: createFileStore(join(dataDir, 'files')),
    authSecret,
  })
  await seedDemo(db, services, dataDir)
  mkdirSync(join(dataDir, 'files', 'ab', 'cd'), { recursive: true })
  writeFileSync(join(dataDir, 'files', 'ab', 'cd', 'abcd-evidence'), 'evidence bytes')
}

// Seeding demo data and dumping databases is slow on a busy machine.
describe('backup and restore', { timeout: 240_000 }, () => {
  it('restores an embedded database into an empty folder with identical data', async () => {
    const source = join(tmp, 'source')
    const db = await openDatabase({ dataDir: source })
    await runMigrations(db)
    await seed(db, source)
    const before = await snapshot(db)
    await db.close()

    const out = await backupTo(loadConfig({ DATA_DIR: source }), join(tmp, 'backup-pglite'))
    const target = join(tmp, 'target')
    await restoreFrom(loadConfig({ DATA_DIR: target }), out)
    const restored = await openDatabase({ dataDir: target })
    expect(await snapshot(restored)).toEqual(before)
    expect(before.organizations?.length).toBeGreaterThan(10)
    expect((await createAuditService({ database: restored, clock: systemClock }).verify()).ok).toBe(true)
    await restored.close()
    expect(readFileSync(join(target, 'files', 'ab', 'cd', 'abcd-evidence'), 'utf8')).toBe('evidence bytes')
    expect(readFileSync(join(target, 'auth-secret'), 'utf8')).toBe(
      readFileSync(join(source, 'auth-secret'), 'utf8'),
    )
  })

  it('refuses to back up a data folder in use, and to restore from something that is not a backup', async () => {
    const live = join(tmp, 'live')
    const db = await openDatabase({ dataDir: live })
    await expect(backupTo(loadConfig({ DATA_DIR: live }), join(tmp, 'never'))).rejects.toThrow(
      /in use by process/,
    )
    await db.close()
    await expect(restoreFrom(loadConfig({ DATA_DIR: live }), tmp)).rejects.toThrow(/not a Qalxan backup/)
  })
})

// PostgreSQL joins the run when TEST_PG_URL names a server, as for every integration test.
describe.each(DATABASES.filter((d) => d === 'postgres'))(
  'backup and restore on %s',
  { timeout: 240_000 },
  () => {
    it('restores a PostgreSQL database into an empty database with identical data', async () => {
      const url = process.env.TEST_PG_URL as string
      const suffix = `${process.pid}_${Date.now() % 100000}`
      const [src, dst] = [`qalxan_bk_src_${suffix}`, `qalxan_bk_dst_${suffix}`]
      const admin = new pg.Client({ connectionString: url })
      await admin.connect()
      await admin.query(`create database ${src} template ${PG_TEMPLATE_DB}`)
      await admin.query(`create database ${dst}`)
      try {
        const dataDir = join(tmp, 'pg-data')
        const db = await openDatabase({ databaseUrl: withDb(url, src) })
        await seed(db, dataDir, withDb(url, src))
        const before = await snapshot(db)
        await db.close()
        const out = await backupTo(
          loadConfig({ DATA_DIR: dataDir, DATABASE_URL: withDb(url, src), AUTH_SECRET: 'x'.repeat(40) }),
          join(tmp, 'backup-pg'),
        )
        await restoreFrom(
          loadConfig({
            DATA_DIR: join(tmp, 'pg-target'),
            DATABASE_URL: withDb(url, dst),
            AUTH_SECRET: 'x'.repeat(40),
          }),
          out,
        )
        const restored = await openDatabase({ databaseUrl: withDb(url, dst) })
        expect(await snapshot(restored)).toEqual(before)
        expect((await createAuditService({ database: restored, clock: systemClock }).verify()).ok).toBe(true)
        await restored.close()
      } finally {
        await admin.query(`drop database if exists ${src} with (force)`)
        await admin.query(`drop database if exists ${dst} with (force)`)
        await admin.end()
      }
    })
  },
)

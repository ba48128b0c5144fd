import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Config } from '../config.ts'
import { systemClock } from './clock.ts'
import { type Database, openDatabase, runMigrations } from './db.ts'
import { createFileStore } from './files.ts'
import { createJobs, type Jobs } from './jobs.ts'
import { createSmtpMailer } from './mailer.ts'

/**
 * The signing and encryption key for sessions and second-factor secrets. PostgreSQL deployments
 * set AUTH_SECRET (all instances must share it); the embedded mode keeps one in its data folder.
 */
export const resolveAuthSecret = (config: Config): string => {
  if (config.authSecret) return config.authSecret
  if (config.databaseUrl) {
    throw new Error('AUTH_SECRET must be set (at least 32 characters) when DATABASE_URL is used')
  }
  const path = join(config.dataDir, 'auth-secret')
  if (existsSync(path)) return readFileSync(path, 'utf8').trim()
  mkdirSync(config.dataDir, { recursive: true })
  const secret = randomBytes(48).toString('base64url')
  writeFileSync(path, secret, { mode: 0o600 })
  return secret
}

export const openInfrastructure = async (config: Config, opts: { jobs: boolean }) => {
  const database: Database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  try {
    await runMigrations(database)
    const jobs: Jobs | undefined = opts.jobs ? await createJobs(database) : undefined
    const mailer = config.smtpUrl ? createSmtpMailer(config.smtpUrl) : undefined
    const files = createFileStore(join(config.dataDir, 'files'))
    return {
      database,
      jobs,
      mailer,
      files,
      clock: systemClock,
      authSecret: resolveAuthSecret(config),
      async close() {
        await jobs?.stop()
        mailer?.close()
        await database.close()
      },
    }
  } catch (err) {
    await database.close()
    throw err
  }
}

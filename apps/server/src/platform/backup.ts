import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Config } from '../config.ts'
import { openDatabase, runMigrations } from './db.ts'

export type BackupManifest = { createdAt: string; database: 'postgres' | 'pglite'; format: 1 }

const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' })
  if (r.error)
    throw new Error(`${cmd} could not be started (is the PostgreSQL client installed?): ${r.error.message}`)
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`)
}

/** Writes the database and the evidence files to a new folder. */
export const backupTo = async (config: Config, dir: string): Promise<string> => {
  const out = resolve(dir)
  if (existsSync(out)) throw new Error(`"${out}" already exists: give a new folder`)
  mkdirSync(out, { recursive: true })
  try {
    if (config.databaseUrl) {
      run('pg_dump', [
        '--format=custom',
        '--no-owner',
        `--file=${join(out, 'database.pgdump')}`,
        config.databaseUrl,
      ])
    } else {
      // Opening takes the data folder's lock, so a running server makes this fail rather than copy a live folder.
      const database = await openDatabase({ dataDir: config.dataDir })
      try {
        const dump = (await database.pglite?.dumpDataDir('gzip')) as Blob
        writeFileSync(join(out, 'database.pglite.tar.gz'), Buffer.from(await dump.arrayBuffer()))
      } finally {
        await database.close()
      }
      const secret = join(config.dataDir, 'auth-secret')
      if (existsSync(secret)) cpSync(secret, join(out, 'auth-secret'))
    }
    const files = join(config.dataDir, 'files')
    if (existsSync(files)) cpSync(files, join(out, 'files'), { recursive: true })
    const manifest: BackupManifest = {
      createdAt: new Date().toISOString(),
      database: config.databaseUrl ? 'postgres' : 'pglite',
      format: 1,
    }
    writeFileSync(join(out, 'backup.json'), `${JSON.stringify(manifest, null, 2)}\n`)
    return out
  } catch (err) {
    rmSync(out, { recursive: true, force: true })
    throw err
  }
}

/**
 * Replaces the configured database and evidence files with a backup. The embedded database is loaded
 * into a new folder first, so a bad archive leaves the current data untouched; the old folder is kept.
 */
export const restoreFrom = async (config: Config, dir: string): Promise<{ previous: string | null }> => {
  const src = resolve(dir)
  const manifestPath = join(src, 'backup.json')
  if (!existsSync(manifestPath)) throw new Error(`"${src}" is not a Qalxan backup (no backup.json)`)
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BackupManifest
  let previous: string | null = null
  if (config.databaseUrl) {
    if (manifest.database !== 'postgres')
      throw new Error('This backup is of the embedded database; restore it without DATABASE_URL')
    run('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--exit-on-error',
      `--dbname=${config.databaseUrl}`,
      join(src, 'database.pgdump'),
    ])
    mkdirSync(config.dataDir, { recursive: true })
  } else {
    if (manifest.database !== 'pglite')
      throw new Error('This backup is of PostgreSQL; restore it with DATABASE_URL set')
    const staging = `${config.dataDir}.restoring`
    rmSync(staging, { recursive: true, force: true })
    const blob = new Blob([readFileSync(join(src, 'database.pglite.tar.gz'))])
    const database = await openDatabase({ dataDir: staging, loadDataDir: blob })
    try {
      await runMigrations(database)
    } finally {
      await database.close()
    }
    if (existsSync(join(src, 'auth-secret'))) cpSync(join(src, 'auth-secret'), join(staging, 'auth-secret'))
    if (existsSync(config.dataDir)) {
      previous = `${config.dataDir}.before-restore-${Date.now()}`
      renameSync(config.dataDir, previous)
    }
    renameSync(staging, config.dataDir)
  }
  if (existsSync(join(src, 'files')))
    cpSync(join(src, 'files'), join(config.dataDir, 'files'), { recursive: true })
  return { previous }
}

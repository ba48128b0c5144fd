import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = join(import.meta.dirname, '../..')

export type DemoLogin = {
  email: string
  password: string
  roles: string[]
  totpUri?: string
  recoveryCodes?: string[]
}
export type Portal = {
  url: string
  dataDir: string
  logins: DemoLogin[]
  login(email: string): DemoLogin
  log(): string
  stop(): Promise<void>
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
    s.on('error', reject)
  })

/** Starts the portal as `npm start` does (embedded database, demo data) in a fresh data folder. */
export const startPortal = async (env: Record<string, string> = {}): Promise<Portal> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'qalxan-e2e-'))
  const port = await freePort()
  const url = `http://localhost:${port}`
  let output = ''
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'apps/server/src/cli.ts'), 'serve', '--demo'],
    {
      cwd: root,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: String(port),
        PUBLIC_URL: url,
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  child.stdout?.on('data', (d) => {
    output += d
  })
  child.stderr?.on('data', (d) => {
    output += d
  })
  const deadline = Date.now() + 180_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The portal exited early:\n${output}`)
    try {
      if ((await fetch(`${url}/ready`)).ok) break
    } catch {}
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`The portal did not become ready:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  const logins = JSON.parse(readFileSync(join(dataDir, 'demo-logins.json'), 'utf8')) as DemoLogin[]
  return {
    url,
    dataDir,
    logins,
    login: (email) => {
      const l = logins.find((x) => x.email === email)
      if (!l) throw new Error(`No demo login ${email}`)
      return l
    },
    log: () => output,
    async stop() {
      child.kill('SIGTERM')
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)))
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

// `npm start`: builds the web app, then runs the portal on the embedded database with demo data.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const build = spawnSync('npm', ['run', 'build', '-w', 'apps/web', '--silent'], {
  cwd: root,
  stdio: 'inherit',
})
if (build.status !== 0) process.exit(build.status ?? 1)
const serve = spawnSync(
  process.execPath,
  ['--import', 'tsx', join(root, 'apps/server/src/cli.ts'), 'serve', '--demo', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
)
process.exit(serve.status ?? 1)

// Typechecks every workspace that has a tsconfig.json; exits non-zero if any fails.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const WORKSPACES = [
  'packages/contracts',
  'apps/server',
  'apps/web',
  'packages/webscan',
  'packages/linkage',
  'e2e',
  'bench',
]

export const typecheck = (ws) => {
  const tsc = join(root, 'node_modules/typescript/bin/tsc')
  return (
    spawnSync(process.execPath, [tsc, '-p', join(root, ws, 'tsconfig.json')], { cwd: root, stdio: 'inherit' })
      .status === 0
  )
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const failed = WORKSPACES.filter((ws) => existsSync(join(root, ws, 'tsconfig.json')) && !typecheck(ws))
  if (failed.length) {
    console.error(`typecheck failed in: ${failed.join(', ')}`)
    process.exit(1)
  }
}

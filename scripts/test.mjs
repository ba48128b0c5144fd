// `npm test`: lint, typecheck, unit and integration tests (PGlite, and PostgreSQL when TEST_PG_URL
// is set), then the browser journeys. Ends with one line `tests: N passed, N failed`.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { typecheck, WORKSPACES } from './typecheck.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const tmp = join(root, '.tmp')
mkdirSync(tmp, { recursive: true })
let passed = 0
let failed = 0
const failures = []
const check = (name, ok) => {
  if (ok) passed++
  else {
    failed++
    failures.push(name)
  }
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}`)
}
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status === 0
const npx = (bin, args, env) => run(process.execPath, [join(root, 'node_modules', bin), ...args], env)

/** Runs Vitest and counts its tests from the JSON report (a crash before reporting counts as one failure). */
const vitest = (name, args) => {
  const out = join(tmp, `${name}.json`)
  rmSync(out, { force: true })
  const ok = npx('vitest/vitest.mjs', [
    'run',
    ...args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ])
  if (!existsSync(out)) return check(`${name} (no report)`, false)
  const r = JSON.parse(readFileSync(out, 'utf8'))
  passed += r.numPassedTests
  failed += r.numFailedTests
  for (const f of r.testResults ?? [])
    for (const a of f.assertionResults ?? [])
      if (a.status === 'failed') failures.push(`${name}: ${a.fullName}`)
  if (!ok && r.numFailedTests === 0) check(`${name} (suite errors)`, false)
}

const chromium = () => {
  if (existsSync('/usr/bin/chromium')) return true
  if (process.getuid?.() === 0) {
    console.log('Installing Debian chromium for the browser tests…')
    return run('sh', [
      '-c',
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null',
    ])
  }
  console.error(
    'The browser tests need Chromium at /usr/bin/chromium: run `sudo apt-get install -y chromium`.',
  )
  return false
}

// The document tests read the rendered PDFs with pdftotext, pdffonts and pdfinfo.
const poppler = () => {
  if (existsSync('/usr/bin/pdftotext')) return true
  if (process.getuid?.() === 0) {
    console.log('Installing Debian poppler-utils (pdftotext) for the document tests…')
    return run('sh', [
      '-c',
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null',
    ])
  }
  console.error(
    'The document tests need pdftotext at /usr/bin/pdftotext: run `sudo apt-get install -y poppler-utils`.',
  )
  return false
}

const only = process.argv.slice(2)
const want = (step) => only.length === 0 || only.includes(step)

if (want('lint')) check('lint (biome)', npx('@biomejs/biome/bin/biome', ['check', '.']))
if (want('typecheck'))
  for (const ws of WORKSPACES)
    if (existsSync(join(root, ws, 'tsconfig.json'))) check(`typecheck ${ws}`, typecheck(ws))
if (want('unit')) {
  check('pdftotext available', poppler())
  vitest('vitest', [])
}
if (want('e2e')) {
  const ready = chromium()
  check('chromium available', ready)
  const built = run('npm', ['run', 'build', '-w', 'apps/web', '--silent'])
  check('web build', built)
  if (ready && built) vitest('e2e', ['--config', 'e2e/vitest.config.ts'])
}

if (failures.length) {
  console.log('\nFailed:')
  for (const f of failures) console.log(`  - ${f}`)
}
console.log(`tests: ${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)

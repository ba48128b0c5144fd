#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so a checkout works without a build step; one child process,
// which receives the signals and whose exit code is passed on.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url))
// Resolved from this file, not from the caller's directory, which may be anywhere.
const tsx = import.meta.resolve('tsx')
const child = spawn(process.execPath, ['--import', tsx, cli, ...process.argv.slice(2)], { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0)
})

#!/usr/bin/env node
// Runs the TypeScript CLI straight from a checkout: tsx compiles on the fly, no build step.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src/cli.ts')
process.exitCode = await main(process.argv.slice(2))

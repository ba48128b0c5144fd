import { defineProject } from 'vitest/config'

// Integration tests boot PGlite (~0.5-2.5 s, ~300-800 MB each): keep the worker count low.
export default defineProject({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
  },
})

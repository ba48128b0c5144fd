import { defineConfig } from 'vitest/config'

// Each workspace keeps its own vitest.config.ts; the root runs them all as projects.
export default defineConfig({
  test: {
    // Integration tests boot PGlite (300-800 MB each) and the machine has 2 cores: two workers at most.
    maxWorkers: 2,
    projects: ['packages/*/vitest.config.ts', 'apps/server/vitest.config.ts', 'apps/web/vitest.config.ts'],
  },
})

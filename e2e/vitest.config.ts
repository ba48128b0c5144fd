import { defineConfig } from 'vitest/config'

// Browser journeys: each file starts its own portal on a fresh embedded database and one Chromium.
export default defineConfig({
  test: {
    name: 'e2e',
    root: import.meta.dirname,
    include: ['**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    retry: process.env.CI ? 1 : 0,
  },
})

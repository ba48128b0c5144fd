import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './helpers.ts'

/** Every route must say who may call it, be rate limited, and (for the API) be documented. */
describe('route guard', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp('pglite')
  })
  afterAll(() => t.close())

  it('finds the routes', () => {
    expect(t.routes.length).toBeGreaterThan(25)
  })

  it('declares auth, a rate limit, an operation id, tags and a response schema on every own route', () => {
    const problems: string[] = []
    for (const r of t.routes) {
      const methods = [r.method].flat().join(',')
      const name = `${methods} ${r.url}`
      if (methods === 'HEAD' || r.url.startsWith('/api/docs')) continue // Swagger UI's own static routes
      const cfg = (r.config ?? {}) as { auth?: string; reason?: string; rateLimit?: unknown }
      if (cfg.auth !== 'user' && cfg.auth !== 'public') problems.push(`${name}: no auth declaration`)
      if (cfg.auth === 'public' && !cfg.reason) problems.push(`${name}: public without a reason`)
      if (cfg.rateLimit === undefined && !['/health', '/ready', '/metrics'].includes(r.url))
        problems.push(`${name}: no rate limit`)
      const schema = (r.schema ?? {}) as {
        operationId?: string
        tags?: string[]
        response?: unknown
        hide?: boolean
      }
      if (schema.hide) continue
      if (!schema.operationId) problems.push(`${name}: no operationId`)
      if (!schema.tags?.length) problems.push(`${name}: no tags`)
      // Downloads answer bytes, not JSON: a file name in the URL, or `download: true` in the config.
      const binary =
        /\.(xlsx|csv)$|\/content$/.test(r.url) || (cfg as { download?: boolean }).download === true
      if (!schema.response && !binary) problems.push(`${name}: no response schema`)
    }
    expect(problems).toEqual([])
  })
})

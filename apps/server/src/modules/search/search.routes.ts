import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { actorOf } from '../identity/identity.routes.ts'
import type { SearchService } from './search.service.ts'

const SearchHitSchema = z.object({
  kind: z.enum(['measure', 'report', 'evidence', 'comment']),
  id: z.string(),
  measureId: z.string(),
  measureCode: z.string(),
  title: z.string(),
  snippet: z.string(),
  link: z.string(),
})

export const registerSearch = (app: FastifyInstance, deps: { search: SearchService }) => {
  app.withTypeProvider<ZodTypeProvider>().get('/api/search', {
    config: { auth: 'user', rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: {
      operationId: 'search',
      tags: ['search'],
      querystring: z.object({
        q: z.string().trim().min(1).max(200),
        limit: z.coerce.number().int().min(1).max(50).default(10),
      }),
      response: { 200: z.object({ items: z.array(SearchHitSchema) }) },
    },
    handler: (req) => deps.search.search(actorOf(req), req.query.q, req.query.limit),
  })
}

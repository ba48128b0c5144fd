import type { OutboxMailSchema } from '@qalxan/contracts'
import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import { api } from '../../../lib/api.ts'

export type OutboxMail = z.infer<typeof OutboxMailSchema>

export const outboxKeys = {
  all: ['outbox'] as const,
  list: (limit: number, offset: number) => [...outboxKeys.all, limit, offset] as const,
}

export const outboxQuery = (limit: number, offset: number) =>
  queryOptions({
    queryKey: outboxKeys.list(limit, offset),
    queryFn: ({ signal }) =>
      api.get<{ items: OutboxMail[]; total: number }>('/api/admin/outbox', {
        query: { limit, offset },
        signal,
      }),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  })

import type { OutboxMailSchema } from '@qalxan/contracts'
import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import { api } from '../../../lib/api.ts'

export type OutboxMail = z.infer<typeof OutboxMailSchema>

export interface OutboxFilters {
  status?: OutboxMail['status']
  to?: string
}

export const outboxKeys = {
  all: ['outbox'] as const,
  list: (f: OutboxFilters, limit: number, offset: number) => [...outboxKeys.all, f, limit, offset] as const,
}

export const outboxQuery = (f: OutboxFilters, limit: number, offset: number) =>
  queryOptions({
    queryKey: outboxKeys.list(f, limit, offset),
    queryFn: ({ signal }) =>
      api.get<{ items: OutboxMail[]; total: number }>('/api/admin/outbox', {
        query: { ...f, limit, offset },
        signal,
      }),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  })

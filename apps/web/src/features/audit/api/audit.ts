import type { AuditEvent } from '@qalxan/contracts'
import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { api } from '../../../lib/api.ts'

export interface AuditFilters {
  action?: string
  actorUserId?: string
  targetId?: string
  outcome?: 'success' | 'denied' | 'failure'
  from?: string
  to?: string
}

export const auditKeys = {
  all: ['audit'] as const,
  list: (f: AuditFilters, limit: number, offset: number) =>
    [...auditKeys.all, 'list', f, limit, offset] as const,
}

/** Drops empty filters so the URL and the cache key only carry what was chosen. */
export function cleanFilters(f: AuditFilters): AuditFilters {
  const out: AuditFilters = {}
  for (const [k, v] of Object.entries(f) as [keyof AuditFilters, string | undefined][]) {
    const trimmed = v?.trim()
    if (trimmed) (out as Record<string, string>)[k] = trimmed
  }
  return out
}

export const auditListQuery = (f: AuditFilters, limit: number, offset: number) =>
  queryOptions({
    queryKey: auditKeys.list(f, limit, offset),
    queryFn: ({ signal }) =>
      api.get<{ items: AuditEvent[]; total: number }>('/api/audit', {
        query: { ...f, limit, offset },
        signal,
      }),
    placeholderData: keepPreviousData,
  })

/** Needs a recent second factor: the API client asks for it and retries. */
export const exportAuditCsv = (f: AuditFilters) => api.download('/api/audit/export.csv', { query: { ...f } })

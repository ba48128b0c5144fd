import type { ApiToken, SessionInfoSchema } from '@qalxan/contracts'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import { api } from '../../../lib/api.ts'
import { meKeys } from '../../me/api/me.ts'

export type SessionInfo = z.infer<typeof SessionInfoSchema>
export interface CreateApiTokenInput {
  name: string
  scopes: ('read' | 'write')[]
  expiresInDays: number
}
export interface CreatedApiToken {
  token: ApiToken
  secret: string
}

export const sessionsQuery = () =>
  queryOptions({
    queryKey: meKeys.sessions(),
    queryFn: ({ signal }) => api.get<SessionInfo[]>('/api/me/sessions', { signal }),
  })

export const tokensQuery = () =>
  queryOptions({
    queryKey: meKeys.tokens(),
    queryFn: ({ signal }) => api.get<ApiToken[]>('/api/tokens', { signal }),
  })

export function useRevokeSession() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => api.del<unknown>(`/api/me/sessions/${encodeURIComponent(id)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: meKeys.sessions() }),
  })
}

/** Token calls need a recent second factor: the API client asks for it and retries. */
export function useCreateToken() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: CreateApiTokenInput) => api.post<CreatedApiToken>('/api/tokens', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: meKeys.tokens() }),
  })
}

export function useRevokeToken() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => api.del<unknown>(`/api/tokens/${encodeURIComponent(id)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: meKeys.tokens() }),
  })
}

import type { Locale, Me } from '@qalxan/contracts'
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api.ts'
import { isApiError } from '../../../lib/api-client.ts'

export const meKeys = {
  all: ['me'] as const,
  me: () => [...meKeys.all, 'profile'] as const,
  sessions: () => [...meKeys.all, 'sessions'] as const,
  tokens: () => [...meKeys.all, 'tokens'] as const,
}

/** The signed-in person, or null when nobody is signed in. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/api/me')
  } catch (e) {
    if (isApiError(e) && e.status === 401) return null
    throw e
  }
}

export const meQuery = () => queryOptions({ queryKey: meKeys.me(), queryFn: fetchMe, staleTime: 60_000 })

export function useMe() {
  return useQuery(meQuery())
}

/** The signed-in person inside the authenticated layout, where the route guard made sure one exists. */
export function useCurrentMe(): Me {
  const { data } = useQuery(meQuery())
  if (!data) throw new Error('useCurrentMe outside the authenticated layout')
  return data
}

export function useUpdateMe() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: { locale?: Locale; name?: string }) => api.patch<Me>('/api/me', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: meKeys.me() }),
  })
}

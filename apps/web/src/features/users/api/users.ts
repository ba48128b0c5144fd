import type { MembershipSchema, RoleGrant, UserSummary } from '@qalxan/contracts'
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import { api } from '../../../lib/api.ts'

export type Membership = z.infer<typeof MembershipSchema>

export interface UserListParams {
  orgId?: string
  q?: string
  limit: number
  offset: number
}

export interface CreateUserInput {
  name: string
  email: string
  orgId: string
  unitId?: string | null
  position?: string | null
  clearance?: 'public' | 'internal' | 'restricted'
  locale: 'az' | 'en' | 'ru'
}
export interface UpdateUserInput {
  name?: string
  clearance?: 'public' | 'internal' | 'restricted'
  disabled?: boolean
  locale?: 'az' | 'en' | 'ru'
}
export interface MoveUserInput {
  orgId: string
  unitId?: string | null
  position?: string | null
  validFrom: string
}

export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (p: UserListParams) => [...userKeys.lists(), p] as const,
  memberships: (id: string) => [...userKeys.all, 'memberships', id] as const,
}

const userPath = (id: string) => `/api/users/${encodeURIComponent(id)}`

export const userListQuery = (p: UserListParams) =>
  queryOptions({
    queryKey: userKeys.list(p),
    queryFn: ({ signal }) =>
      api.get<{ items: UserSummary[]; total: number }>('/api/users', { query: { ...p }, signal }),
    placeholderData: keepPreviousData,
  })

export const membershipsQuery = (id: string) =>
  queryOptions({
    queryKey: userKeys.memberships(id),
    queryFn: ({ signal }) => api.get<Membership[]>(`${userPath(id)}/memberships`, { signal }),
  })

function useInvalidateUsers() {
  const qc = useQueryClient()
  return () => qc.invalidateQueries({ queryKey: userKeys.all })
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers()
  return useMutation({
    mutationFn: (input: CreateUserInput) => api.post<UserSummary>('/api/users', input),
    onSuccess: invalidate,
  })
}

export function useUpdateUser(id: string) {
  const invalidate = useInvalidateUsers()
  return useMutation({
    mutationFn: (input: UpdateUserInput) => api.patch<UserSummary>(userPath(id), input),
    onSuccess: invalidate,
  })
}

/** Needs a recent second factor: the API client asks for it and retries. */
export function useSetRoles(id: string) {
  const invalidate = useInvalidateUsers()
  return useMutation({
    mutationFn: (grants: RoleGrant[]) => api.put<UserSummary>(`${userPath(id)}/roles`, { grants }),
    onSuccess: invalidate,
  })
}

export function useMoveUser(id: string) {
  const invalidate = useInvalidateUsers()
  return useMutation({
    mutationFn: (input: MoveUserInput) => api.post<unknown>(`${userPath(id)}/move`, input),
    onSuccess: invalidate,
  })
}

export function useResendInvitation(id: string) {
  return useMutation({ mutationFn: () => api.post<{ ok: true }>(`${userPath(id)}/invite`, {}) })
}

import type { Body, BodyInput, Meeting, Member, MemberInput, ProposedMember } from '@qalxan/contracts'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api.ts'
import { coordKeys } from './keys.ts'

const enc = encodeURIComponent
const bPath = (id: string) => `/api/bodies/${enc(id)}`

export const bodiesQuery = () =>
  queryOptions({
    queryKey: coordKeys.bodies(),
    queryFn: ({ signal }) => api.get<Body[]>('/api/bodies', { signal }),
  })

export const bodyQuery = (id: string) =>
  queryOptions({
    queryKey: coordKeys.body(id),
    queryFn: ({ signal }) => api.get<Body>(bPath(id), { signal }),
  })

/** The composition on a day; today (the server's) without one. */
export const membersQuery = (id: string, on?: string) =>
  queryOptions({
    queryKey: coordKeys.members(id, on),
    queryFn: ({ signal }) => api.get<Member[]>(`${bPath(id)}/members`, { query: { on }, signal }),
  })

export const memberHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: coordKeys.history(id),
    queryFn: ({ signal }) => api.get<Member[]>(`${bPath(id)}/members/history`, { signal }),
  })

export const proposedMembersQuery = (id: string, strategyId?: string) =>
  queryOptions({
    queryKey: coordKeys.proposed(id, strategyId),
    queryFn: ({ signal }) =>
      api.get<ProposedMember[]>(`${bPath(id)}/proposed-members`, { query: { strategyId }, signal }),
  })

export const bodyMeetingsQuery = (id: string) =>
  queryOptions({
    queryKey: coordKeys.bodyMeetings(id),
    queryFn: ({ signal }) => api.get<Meeting[]>(`${bPath(id)}/meetings`, { signal }),
  })

/** Every change here can show on every coordination page (counts, compositions, calendars). */
export function useInvalidateCoordination() {
  const qc = useQueryClient()
  return () => qc.invalidateQueries({ queryKey: coordKeys.all })
}

export function useCreateBody() {
  const invalidate = useInvalidateCoordination()
  return useMutation({
    mutationFn: (input: BodyInput) => api.post<Body>('/api/bodies', input),
    onSuccess: invalidate,
  })
}

export function useSeatMembers(bodyId: string) {
  const invalidate = useInvalidateCoordination()
  return useMutation({
    mutationFn: (members: MemberInput[]) => api.post<Member[]>(`${bPath(bodyId)}/members`, { members }),
    onSuccess: invalidate,
  })
}

export function useEndSeat() {
  const invalidate = useInvalidateCoordination()
  return useMutation({
    mutationFn: ({ id, validTo, note }: { id: string; validTo: string; note?: string }) =>
      api.post<Member>(`/api/members/${enc(id)}/end`, { validTo, ...(note ? { note } : {}) }),
    onSuccess: invalidate,
  })
}

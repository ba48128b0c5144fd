import type { Organization, OrganizationInput, UnitSchema } from '@qalxan/contracts'
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import { api } from '../../../lib/api.ts'

export type Unit = z.infer<typeof UnitSchema>
export type UnitInput = {
  name: { az: string; en?: string; ru?: string }
  code?: string | null
  parentId?: string | null
}

export interface OrganizationListParams {
  q?: string
  limit: number
  offset: number
}

export const organizationKeys = {
  all: ['organizations'] as const,
  lists: () => [...organizationKeys.all, 'list'] as const,
  list: (p: OrganizationListParams) => [...organizationKeys.lists(), p] as const,
  tree: () => [...organizationKeys.all, 'tree'] as const,
  detail: (id: string) => [...organizationKeys.all, 'detail', id] as const,
  units: (id: string) => [...organizationKeys.all, 'units', id] as const,
}

export const organizationListQuery = (p: OrganizationListParams) =>
  queryOptions({
    queryKey: organizationKeys.list(p),
    queryFn: ({ signal }) =>
      api.get<{ items: Organization[]; total: number }>('/api/organizations', { query: { ...p }, signal }),
    placeholderData: keepPreviousData,
  })

export const organizationTreeQuery = () =>
  queryOptions({
    queryKey: organizationKeys.tree(),
    queryFn: ({ signal }) => api.get<Organization[]>('/api/organizations/tree', { signal }),
    staleTime: 5 * 60_000,
  })

export const organizationQuery = (id: string) =>
  queryOptions({
    queryKey: organizationKeys.detail(id),
    queryFn: ({ signal }) =>
      api.get<Organization>(`/api/organizations/${encodeURIComponent(id)}`, { signal }),
  })

export const unitsQuery = (orgId: string) =>
  queryOptions({
    queryKey: organizationKeys.units(orgId),
    queryFn: ({ signal }) =>
      api.get<Unit[]>(`/api/organizations/${encodeURIComponent(orgId)}/units`, { signal }),
  })

export const useOrganizationTree = () => useQuery(organizationTreeQuery())

export function useCreateOrganization() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: OrganizationInput) => api.post<Organization>('/api/organizations', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: organizationKeys.all }),
  })
}

export function useUpdateOrganization(id: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: Partial<OrganizationInput>) =>
      api.patch<Organization>(`/api/organizations/${encodeURIComponent(id)}`, input),
    onSuccess: (org) => {
      qc.setQueryData(organizationKeys.detail(id), org)
      return qc.invalidateQueries({ queryKey: organizationKeys.all })
    },
  })
}

export function useCreateUnit(orgId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: UnitInput) =>
      api.post<Unit>(`/api/organizations/${encodeURIComponent(orgId)}/units`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: organizationKeys.units(orgId) }),
  })
}

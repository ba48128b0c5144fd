import type { Assignment, ExecutionSummary } from '@qalxan/contracts'
import { keepPreviousData, queryOptions, useMutation } from '@tanstack/react-query'
import { api } from '../../../lib/api.ts'
import { useInvalidateCoordination } from './bodies.ts'
import { type AssignmentQuery, coordKeys, type SummaryQuery } from './keys.ts'

const enc = encodeURIComponent
const aPath = (id: string) => `/api/assignments/${enc(id)}`

/** Rows the assignments page asks for at once. */
export const ASSIGNMENT_PAGE_SIZE = 200

export const assignmentsQuery = (q: AssignmentQuery) =>
  queryOptions({
    queryKey: coordKeys.assignments(q),
    queryFn: ({ signal }) =>
      api.get<{ items: Assignment[]; total: number }>('/api/assignments', {
        query: { ...q, limit: ASSIGNMENT_PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
  })

export const assignmentQuery = (id: string) =>
  queryOptions({
    queryKey: coordKeys.assignment(id),
    queryFn: ({ signal }) => api.get<Assignment>(aPath(id), { signal }),
  })

export const summaryQuery = (q: SummaryQuery) =>
  queryOptions({
    queryKey: coordKeys.summary(q),
    queryFn: ({ signal }) =>
      api.get<ExecutionSummary>('/api/coordination/summary', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  })

export function useReportExecution(id: string) {
  const invalidate = useInvalidateCoordination()
  return useMutation({
    mutationFn: (input: { text: string; done: boolean; fileId: string | null }) =>
      api.post<Assignment>(`${aPath(id)}/reports`, input),
    onSuccess: invalidate,
  })
}

export function useReviewExecution(id: string) {
  const invalidate = useInvalidateCoordination()
  return useMutation({
    mutationFn: (input: { accept: boolean; comment: string }) =>
      api.post<Assignment>(`${aPath(id)}/review`, input),
    onSuccess: invalidate,
  })
}

export function useCancelAssignment(id: string) {
  const invalidate = useInvalidateCoordination()
  return useMutation({
    mutationFn: (reason: string) => api.post<Assignment>(`${aPath(id)}/cancel`, { reason }),
    onSuccess: invalidate,
  })
}

/** The decision-execution report (XLSX) for the filters shown. */
export const downloadExecutionReport = (q: { bodyId?: string; orgId?: string }, lang: string) =>
  api.download('/api/assignments/export.xlsx', { query: { ...q, lang } })

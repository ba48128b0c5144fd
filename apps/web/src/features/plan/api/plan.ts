import type {
  ChangeRequest,
  ChangeRequestInputSchema,
  DecisionRefSchema,
  Indicator,
  IndicatorInputSchema,
  Measure,
  MeasureDetailSchema,
  MeasurePage,
  Milestone,
  MilestoneInput,
  PlanTreeSchema,
  PlanVersionSchema,
  Strategy,
} from '@qalxan/contracts'
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import { api } from '../../../lib/api.ts'
import { reportingKeys } from '../../reporting/api/reporting.ts'
import { type MeasureFilters, toMeasureQuery } from '../search.ts'

export type PlanTree = z.infer<typeof PlanTreeSchema>
export type MeasureDetail = z.infer<typeof MeasureDetailSchema>
export type PlanVersion = z.infer<typeof PlanVersionSchema>
export type ChangeRequestInput = z.input<typeof ChangeRequestInputSchema>
export type DecisionRef = z.infer<typeof DecisionRefSchema>
export type IndicatorInput = z.input<typeof IndicatorInputSchema> & { measureId?: string | null }
export type PlanVersionDetail = {
  version: number
  note: string
  createdAt: string
  snapshot: Record<string, unknown>
}

const enc = encodeURIComponent
const sPath = (id: string) => `/api/strategies/${enc(id)}`

export const planKeys = {
  all: ['plan'] as const,
  strategies: () => [...planKeys.all, 'strategies'] as const,
  tree: (strategyId: string) => [...planKeys.all, 'tree', strategyId] as const,
  measureLists: (strategyId: string) => [...planKeys.all, 'measures', strategyId] as const,
  measureList: (strategyId: string, f: MeasureFilters) => [...planKeys.measureLists(strategyId), f] as const,
  measure: (id: string) => [...planKeys.all, 'measure', id] as const,
  /**
   * Outside `all` on purpose: what the page shows is read through the per-part queries the page's
   * answer fills, and those are what changes invalidate; the page itself is read again on a new visit.
   */
  page: (id: string, periodId: string | null) => ['plan-page', id, periodId] as const,
  indicators: (strategyId: string) => [...planKeys.all, 'indicators', strategyId] as const,
  versions: (strategyId: string) => [...planKeys.all, 'versions', strategyId] as const,
  version: (strategyId: string, n: number) => [...planKeys.versions(strategyId), n] as const,
  changes: (strategyId: string, measureId?: string) =>
    [...planKeys.all, 'changes', strategyId, measureId ?? 'all'] as const,
}

export const strategiesQuery = () =>
  queryOptions({
    queryKey: planKeys.strategies(),
    queryFn: ({ signal }) => api.get<Strategy[]>('/api/strategies', { signal }),
    staleTime: 5 * 60_000,
  })

export const planTreeQuery = (strategyId: string) =>
  queryOptions({
    queryKey: planKeys.tree(strategyId),
    queryFn: ({ signal }) => api.get<PlanTree>(`${sPath(strategyId)}/plan`, { signal }),
  })

export const measureListQuery = (strategyId: string, f: MeasureFilters) =>
  queryOptions({
    queryKey: planKeys.measureList(strategyId, f),
    queryFn: ({ signal }) =>
      api.get<{ items: Measure[]; total: number }>(`${sPath(strategyId)}/measures`, {
        query: toMeasureQuery(f),
        signal,
      }),
    placeholderData: keepPreviousData,
  })

export const measureQuery = (id: string) =>
  queryOptions({
    queryKey: planKeys.measure(id),
    queryFn: ({ signal }) => api.get<MeasureDetail>(`/api/measures/${enc(id)}`, { signal }),
  })

/**
 * The measure page's first load in one request. It fills the caches of the queries the page and
 * its panels read (measure, periods, reports, evaluations, change requests, the period's report
 * and contributions), which read again on their own whatever changes afterwards.
 */
export const measurePageQuery = (id: string, periodId: string | null) =>
  queryOptions({
    queryKey: planKeys.page(id, periodId),
    queryFn: async ({ signal, client }) => {
      const p = await api.get<MeasurePage>(`/api/measures/${enc(id)}/page`, {
        query: periodId ? { periodId } : {},
        signal,
      })
      const sid = p.measure.strategyId
      client.setQueryData(planKeys.measure(id), {
        measure: p.measure,
        milestones: p.milestones,
        indicators: p.indicators,
      })
      client.setQueryData(reportingKeys.periods(sid), p.periods)
      client.setQueryData(reportingKeys.evaluations(id), p.evaluations)
      client.setQueryData(planKeys.changes(sid, id), p.changeRequests)
      if (p.reports) client.setQueryData(reportingKeys.reports(id), p.reports)
      if (p.periodId && p.report) client.setQueryData(reportingKeys.report(id, p.periodId), p.report)
      if (p.periodId && p.contributions)
        client.setQueryData(reportingKeys.contributions(id, p.periodId), p.contributions)
      return p
    },
    // The per-part queries read again on focus themselves.
    refetchOnWindowFocus: false,
  })

export const indicatorsQuery = (strategyId: string) =>
  queryOptions({
    queryKey: planKeys.indicators(strategyId),
    queryFn: ({ signal }) => api.get<Indicator[]>(`${sPath(strategyId)}/indicators`, { signal }),
  })

export const versionsQuery = (strategyId: string) =>
  queryOptions({
    queryKey: planKeys.versions(strategyId),
    queryFn: ({ signal }) => api.get<PlanVersion[]>(`${sPath(strategyId)}/versions`, { signal }),
  })

export const versionQuery = (strategyId: string, n: number) =>
  queryOptions({
    queryKey: planKeys.version(strategyId, n),
    queryFn: ({ signal }) => api.get<PlanVersionDetail>(`${sPath(strategyId)}/versions/${n}`, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  })

export const changeRequestsQuery = (strategyId: string, measureId?: string) =>
  queryOptions({
    queryKey: planKeys.changes(strategyId, measureId),
    queryFn: ({ signal }) =>
      api.get<ChangeRequest[]>(`${sPath(strategyId)}/change-requests`, { query: { measureId }, signal }),
  })

export const useStrategies = () => useQuery(strategiesQuery())

function useInvalidatePlan() {
  const qc = useQueryClient()
  return () => qc.invalidateQueries({ queryKey: planKeys.all })
}

export function useUpdateMeasure(id: string) {
  const invalidate = useInvalidatePlan()
  return useMutation({
    mutationFn: (input: {
      weight?: number
      confidentiality?: Measure['confidentiality']
      frameworkTags?: string[]
    }) => api.patch<Measure>(`/api/measures/${enc(id)}`, input),
    onSuccess: invalidate,
  })
}

export function useAddMilestone(measureId: string) {
  const invalidate = useInvalidatePlan()
  return useMutation({
    mutationFn: (input: MilestoneInput) =>
      api.post<Milestone>(`/api/measures/${enc(measureId)}/milestones`, input),
    onSuccess: invalidate,
  })
}

export function useUpdateMilestone() {
  const invalidate = useInvalidatePlan()
  return useMutation({
    mutationFn: ({ id, ...input }: Partial<MilestoneInput> & { id: string }) =>
      api.patch<Milestone>(`/api/milestones/${enc(id)}`, input),
    onSuccess: invalidate,
  })
}

export function useAddIndicator(strategyId: string) {
  const invalidate = useInvalidatePlan()
  return useMutation({
    mutationFn: (input: IndicatorInput) => api.post<Indicator>(`${sPath(strategyId)}/indicators`, input),
    onSuccess: invalidate,
  })
}

export function useProposeChange() {
  const invalidate = useInvalidatePlan()
  return useMutation({
    mutationFn: (input: ChangeRequestInput) => api.post<ChangeRequest>('/api/change-requests', input),
    onSuccess: invalidate,
  })
}

export function useDecideChange() {
  const invalidate = useInvalidatePlan()
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; approve: boolean; decision: DecisionRef }) =>
      api.post<ChangeRequest>(`/api/change-requests/${enc(id)}/decision`, body),
    onSuccess: invalidate,
  })
}

export function useApproveBaseline(strategyId: string) {
  const invalidate = useInvalidatePlan()
  return useMutation({
    mutationFn: (note: string) => api.post<{ version: number }>(`${sPath(strategyId)}/baseline`, { note }),
    onSuccess: invalidate,
  })
}

/** The measure list as XLSX, with the filters of the list (paging left out), headed in `lang`. */
export const exportMeasures = (strategyId: string, f: MeasureFilters, lang: string) => {
  const { limit: _l, offset: _o, ...rest } = toMeasureQuery(f)
  return api.download(`${sPath(strategyId)}/measures/export.xlsx`, { query: { ...rest, lang } })
}

/** The whole Action Plan in the import template's format, so it can be edited and imported again. */
export const exportPlan = (strategyId: string, lang: string) =>
  api.download(`${sPath(strategyId)}/plan/export.xlsx`, { query: { lang } })

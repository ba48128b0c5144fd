import type {
  Calendar,
  Contribution,
  Evaluation,
  EvidenceInput,
  LateExceptionInputSchema,
  Period,
  PeriodInputSchema,
  Report,
  ReportDiffSchema,
  ReportDraft,
  ReportRevisionSchema,
  StoredFile,
} from '@qalxan/contracts'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import { api } from '../../../lib/api.ts'

export type ReportRevision = z.infer<typeof ReportRevisionSchema>
export type ReportDiff = z.infer<typeof ReportDiffSchema>
export type PeriodInput = z.input<typeof PeriodInputSchema>
export type LateExceptionInput = z.infer<typeof LateExceptionInputSchema>
export type LateException = { id: string; orgId: string; reason: string; until: string }

const enc = encodeURIComponent
const mp = (measureId: string, periodId: string) => `/api/measures/${enc(measureId)}/periods/${enc(periodId)}`

export const reportingKeys = {
  all: ['reporting'] as const,
  periods: (strategyId: string) => [...reportingKeys.all, 'periods', strategyId] as const,
  exceptions: (periodId: string) => [...reportingKeys.all, 'exceptions', periodId] as const,
  measure: (measureId: string) => [...reportingKeys.all, 'measure', measureId] as const,
  reports: (measureId: string) => [...reportingKeys.measure(measureId), 'reports'] as const,
  report: (measureId: string, periodId: string) =>
    [...reportingKeys.measure(measureId), 'report', periodId] as const,
  contributions: (measureId: string, periodId: string) =>
    [...reportingKeys.measure(measureId), 'contributions', periodId] as const,
  evaluations: (measureId: string) => [...reportingKeys.measure(measureId), 'evaluations'] as const,
  revisions: (reportId: string) => [...reportingKeys.all, 'revisions', reportId] as const,
  diff: (reportId: string, from: number, to: number) =>
    [...reportingKeys.revisions(reportId), from, to] as const,
}

export const periodsQuery = (strategyId: string) =>
  queryOptions({
    queryKey: reportingKeys.periods(strategyId),
    queryFn: ({ signal }) => api.get<Period[]>(`/api/strategies/${enc(strategyId)}/periods`, { signal }),
  })

export const exceptionsQuery = (periodId: string) =>
  queryOptions({
    queryKey: reportingKeys.exceptions(periodId),
    queryFn: ({ signal }) => api.get<LateException[]>(`/api/periods/${enc(periodId)}/exceptions`, { signal }),
  })

export const measureReportsQuery = (measureId: string) =>
  queryOptions({
    queryKey: reportingKeys.reports(measureId),
    queryFn: ({ signal }) => api.get<Report[]>(`/api/measures/${enc(measureId)}/reports`, { signal }),
  })

export const reportQuery = (measureId: string, periodId: string) =>
  queryOptions({
    queryKey: reportingKeys.report(measureId, periodId),
    queryFn: ({ signal }) => api.get<Report>(`${mp(measureId, periodId)}/report`, { signal }),
  })

export const contributionsQuery = (measureId: string, periodId: string) =>
  queryOptions({
    queryKey: reportingKeys.contributions(measureId, periodId),
    queryFn: ({ signal }) => api.get<Contribution[]>(`${mp(measureId, periodId)}/contributions`, { signal }),
  })

export const evaluationsQuery = (measureId: string) =>
  queryOptions({
    queryKey: reportingKeys.evaluations(measureId),
    queryFn: ({ signal }) => api.get<Evaluation[]>(`/api/measures/${enc(measureId)}/evaluations`, { signal }),
  })

export const revisionsQuery = (reportId: string) =>
  queryOptions({
    queryKey: reportingKeys.revisions(reportId),
    queryFn: ({ signal }) => api.get<ReportRevision[]>(`/api/reports/${enc(reportId)}/revisions`, { signal }),
  })

export const diffQuery = (reportId: string, from: number, to: number) =>
  queryOptions({
    queryKey: reportingKeys.diff(reportId, from, to),
    queryFn: ({ signal }) =>
      api.get<ReportDiff>(`/api/reports/${enc(reportId)}/diff`, { query: { from, to }, signal }),
    staleTime: Number.POSITIVE_INFINITY,
  })

function useInvalidate() {
  const qc = useQueryClient()
  // Reports feed the dashboards and the plan's timeline as well.
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: reportingKeys.all }),
      qc.invalidateQueries({ queryKey: ['dashboard'] }),
    ])
}

export function useMovePeriod() {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: ({ id, state }: { id: string; state: 'open' | 'closed' | 'locked' }) =>
      api.post<Period>(`/api/periods/${enc(id)}/state`, { state }),
    onSuccess: invalidate,
  })
}

export function usePublishPeriod() {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (id: string) => api.post<Period>(`/api/periods/${enc(id)}/publish`),
    onSuccess: invalidate,
  })
}

export function useCreatePeriod(strategyId: string) {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (input: PeriodInput) => api.post<Period>(`/api/strategies/${enc(strategyId)}/periods`, input),
    onSuccess: invalidate,
  })
}

export function useGenerateCalendar(strategyId: string) {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (input: { year: number; calendar: Calendar }) =>
      api.post<Period[]>(`/api/strategies/${enc(strategyId)}/periods/calendar`, input),
    onSuccess: invalidate,
  })
}

export function useGrantException(periodId: string) {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (input: LateExceptionInput) =>
      api.post<LateException>(`/api/periods/${enc(periodId)}/exceptions`, input),
    onSuccess: invalidate,
  })
}

/** Every change of a report answers with the report; it replaces the cached one at once. */
function useReportMutation<V>(measureId: string, periodId: string, fn: (v: V) => Promise<Report>) {
  const qc = useQueryClient()
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: fn,
    onSuccess: (r) => {
      qc.setQueryData(reportingKeys.report(measureId, periodId), r)
      return invalidate()
    },
  })
}

export const useSaveReport = (measureId: string, periodId: string) =>
  useReportMutation(measureId, periodId, (d: ReportDraft) =>
    api.put<Report>(`${mp(measureId, periodId)}/report`, d),
  )

export const useReportAction = (measureId: string, periodId: string) =>
  useReportMutation(
    measureId,
    periodId,
    ({ id, action, comment }: { id: string; action: 'submit' | 'return' | 'accept'; comment?: string }) =>
      api.post<Report>(
        `/api/reports/${enc(id)}/${action}`,
        action === 'submit' ? undefined : comment ? { comment } : {},
      ),
  )

export const useAddEvidence = (measureId: string, periodId: string) =>
  useReportMutation(measureId, periodId, ({ reportId, input }: { reportId: string; input: EvidenceInput }) =>
    api.post<Report>(`/api/reports/${enc(reportId)}/evidence`, input),
  )

export const useRemoveEvidence = (measureId: string, periodId: string) =>
  useReportMutation(
    measureId,
    periodId,
    ({ reportId, evidenceId }: { reportId: string; evidenceId: string }) =>
      api.del<Report>(`/api/reports/${enc(reportId)}/evidence/${enc(evidenceId)}`),
  )

export function useSaveContribution(measureId: string, periodId: string) {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (input: { text: string; submit: boolean; orgId?: string }) =>
      api.put<Contribution>(`${mp(measureId, periodId)}/contribution`, input),
    onSuccess: invalidate,
  })
}

export function useAddContributionEvidence() {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: ({ contributionId, input }: { contributionId: string; input: EvidenceInput }) =>
      api.post<{ ok: true }>(`/api/contributions/${enc(contributionId)}/evidence`, input),
    onSuccess: invalidate,
  })
}

export function useEvaluate(measureId: string, periodId: string) {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (input: { completion: Evaluation['completion']; comment: string }) =>
      api.put<Evaluation>(`${mp(measureId, periodId)}/evaluation`, input),
    onSuccess: invalidate,
  })
}

/** Evidence files go to the file store first; the report then refers to the stored file. */
export function uploadFile(file: File): Promise<StoredFile> {
  const body = new FormData()
  body.append('file', file)
  return api.request<StoredFile>('POST', '/api/files', { body })
}

export const fileContentPath = (fileId: string) => `/api/files/${enc(fileId)}/content`

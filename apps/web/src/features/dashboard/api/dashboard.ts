import type { OrganisationViewSchema, Overview } from '@qalxan/contracts'
import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import { api } from '../../../lib/api.ts'

export type OrganisationView = z.infer<typeof OrganisationViewSchema>
export type ReportFormat = 'pdf' | 'docx'

const enc = encodeURIComponent

export const dashboardKeys = {
  all: ['dashboard'] as const,
  overview: (strategyId: string, periodId?: string) =>
    [...dashboardKeys.all, 'overview', strategyId, periodId ?? 'now'] as const,
  organisation: (strategyId: string, orgId: string, periodId?: string) =>
    [...dashboardKeys.all, 'organisation', strategyId, orgId, periodId ?? 'now'] as const,
}

/** Without a period: the live picture as of today. A locked period answers from its snapshot. */
export const overviewQuery = (strategyId: string, periodId?: string) =>
  queryOptions({
    queryKey: dashboardKeys.overview(strategyId, periodId),
    queryFn: ({ signal }) =>
      api.get<Overview>(`/api/strategies/${enc(strategyId)}/overview`, { query: { periodId }, signal }),
    placeholderData: keepPreviousData,
  })

export const organisationViewQuery = (strategyId: string, orgId: string, periodId?: string) =>
  queryOptions({
    queryKey: dashboardKeys.organisation(strategyId, orgId, periodId),
    queryFn: ({ signal }) =>
      api.get<OrganisationView>(`/api/strategies/${enc(strategyId)}/organisations/${enc(orgId)}/overview`, {
        query: { periodId },
        signal,
      }),
    placeholderData: keepPreviousData,
  })

/** The annual report to the President. */
export const downloadAnnualReport = (strategyId: string, year: number, lang: string, format: ReportFormat) =>
  api.download(`/api/strategies/${enc(strategyId)}/reports/annual`, { query: { year, lang, format } })

/** The half-year report of the working group. */
export const downloadHalfYearReport = (
  strategyId: string,
  periodId: string,
  lang: string,
  format: ReportFormat,
) =>
  api.download(`/api/strategies/${enc(strategyId)}/reports/half-year`, { query: { periodId, lang, format } })

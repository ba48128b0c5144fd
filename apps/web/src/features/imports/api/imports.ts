import { type ImportReport, ImportReportSchema } from '@qalxan/contracts'
import { api } from '../../../lib/api.ts'

export type ImportKind = 'organizations' | 'users'

export function importFile(kind: ImportKind, file: File, dryRun: boolean): Promise<ImportReport> {
  const body = new FormData()
  body.append('file', file)
  // The report drives what the user may do next, so its shape is checked rather than trusted.
  return api
    .request<unknown>('POST', `/api/${kind}/import`, { body, query: { dryRun } })
    .then((r) => ImportReportSchema.parse(r))
}

export const templatePath = (kind: ImportKind) => `/api/${kind}/import/template.xlsx`

import type { ImportReport } from '@qalxan/contracts'
import { api } from '../../../lib/api.ts'

export type ImportKind = 'organizations' | 'users'

export function importFile(kind: ImportKind, file: File, dryRun: boolean): Promise<ImportReport> {
  const body = new FormData()
  body.append('file', file)
  return api.request<ImportReport>('POST', `/api/${kind}/import`, { body, query: { dryRun } })
}

export const templatePath = (kind: ImportKind) => `/api/${kind}/import/template.xlsx`

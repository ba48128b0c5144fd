import { ApiError, isApiError } from '../../../lib/api-client.ts'

/** The same error with each 422 issue's path rewritten, so a form's fields can show them. */
export function remapIssues(error: unknown, path: (p: string) => string): unknown {
  if (!isApiError(error) || error.validationIssues.length === 0) return error
  return new ApiError({
    status: error.status,
    code: error.code,
    message: error.message,
    requestId: error.requestId,
    details: {
      issues: error.validationIssues.map((i) => ({ path: path(i.path).split('.'), message: i.message })),
    },
  })
}

/** For a form that edits one row of a list the server validates whole (`members.0.orgId` → `orgId`). */
export const withoutPrefix = (error: unknown, prefix: RegExp) =>
  remapIssues(error, (p) => p.replace(prefix, ''))

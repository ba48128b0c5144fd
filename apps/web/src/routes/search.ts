/** Search-parameter parsers: the URL is user input, so only known, well-formed values pass. */
const str = (v: unknown, max = 200): string | undefined =>
  typeof v === 'string' && v.length > 0 && v.length <= max ? v : undefined

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const parseRedirectSearch = (s: Record<string, unknown>): { redirect?: string } => {
  const redirect = str(s.redirect, 500)
  return redirect ? { redirect } : {}
}

export const parseTokenSearch = (s: Record<string, unknown>): { token?: string } => {
  const token = str(s.token, 500)
  return token ? { token } : {}
}

export const parseOrgSearch = (s: Record<string, unknown>): { orgId?: string } => {
  const orgId = str(s.orgId, 64)
  return orgId && UUID.test(orgId) ? { orgId } : {}
}

import { can, type Permission } from '@qalxan/contracts'
import { useCurrentMe } from './api/me.ts'

/** Whether to show an action; the server makes the real decision. */
export function useCan(): (permission: Permission, orgId?: string) => boolean {
  const me = useCurrentMe()
  return (permission, orgId) => can(me.grants, permission, orgId)
}

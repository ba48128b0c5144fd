import type { Clearance, RoleGrant } from '@qalxan/contracts'

/** Who is acting, passed whole to every service call. */
export type Actor = {
  userId: string
  /** The organisation of the user's current membership. */
  orgId: string | null
  grants: RoleGrant[]
  clearance: Clearance
  sessionId: string | null
  authMethod: 'session' | 'token'
  /** Token scopes; a session has both. */
  scopes: ('read' | 'write')[]
  mfaAt: Date | null
  requestId: string | null
  ip: string | null
}

/** For the CLI and jobs, which act as the system rather than as a person. */
export const systemActor: Actor = {
  userId: 'system',
  orgId: null,
  grants: [],
  clearance: 'restricted',
  sessionId: null,
  authMethod: 'session',
  scopes: ['read', 'write'],
  mfaAt: null,
  requestId: null,
  ip: null,
}

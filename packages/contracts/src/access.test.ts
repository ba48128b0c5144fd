import { describe, expect, it } from 'vitest'
import { can, canAssignClearance, clearanceAllows, isPrivileged, ROLE_PERMISSIONS, ROLES } from './access.ts'

const A = 'org-a'
const B = 'org-b'

describe('permission rules', () => {
  it('scopes own-organisation permissions to the organisation the role is held in', () => {
    expect(can([{ role: 'head', orgId: A }], 'user.manage', A)).toBe(true)
    expect(can([{ role: 'head', orgId: A }], 'user.manage', B)).toBe(false)
  })

  it('opens all-organisation permissions everywhere', () => {
    expect(can([{ role: 'admin', orgId: A }], 'user.manage', B)).toBe(true)
    expect(can([{ role: 'auditor', orgId: A }], 'audit.read', B)).toBe(true)
  })

  it('gives viewers and focal points no administration', () => {
    for (const role of ['viewer', 'focal_point'] as const) {
      expect(can([{ role, orgId: A }], 'org.manage')).toBe(false)
      expect(can([{ role, orgId: A }], 'audit.read')).toBe(false)
      expect(can([{ role, orgId: A }], 'role.manage', A)).toBe(false)
    }
  })

  it('keeps the audit log to administrators and auditors', () => {
    const readers = ROLES.filter((role) => ROLE_PERMISSIONS[role]['audit.read'])
    expect(readers.sort()).toEqual(['admin', 'auditor'])
  })

  it('marks the privileged roles that need a second factor', () => {
    expect(isPrivileged([{ role: 'evaluator', orgId: A }])).toBe(true)
    expect(
      isPrivileged([
        { role: 'focal_point', orgId: A },
        { role: 'head', orgId: A },
      ]),
    ).toBe(false)
  })

  it('orders clearances public < internal < restricted', () => {
    expect(clearanceAllows('internal', 'public')).toBe(true)
    expect(clearanceAllows('internal', 'restricted')).toBe(false)
    expect(clearanceAllows('restricted', 'restricted')).toBe(true)
  })

  it('lets only administrators set clearances, never above their own', () => {
    const head = [{ role: 'head', orgId: A }]
    const admin = [{ role: 'admin', orgId: A }]
    expect(canAssignClearance(head, 'restricted', 'public', 'create')).toBe(true)
    expect(canAssignClearance(head, 'restricted', 'internal', 'create')).toBe(false)
    expect(canAssignClearance(head, 'restricted', 'public', 'update')).toBe(false)
    expect(canAssignClearance(admin, 'internal', 'internal', 'update')).toBe(true)
    expect(canAssignClearance(admin, 'internal', 'public', 'update')).toBe(true)
    expect(canAssignClearance(admin, 'internal', 'restricted', 'create')).toBe(false)
    expect(canAssignClearance(admin, 'restricted', 'restricted', 'update')).toBe(true)
  })
})

import { type Me, type Permission, ROLE_PERMISSIONS, type Role } from '@qalxan/contracts'
import { describe, expect, it } from 'vitest'
import { allowedDuringMfaSetup, navGroups, navigationFor } from './nav.ts'

function meWith(roles: Role[], mfaSetupRequired = false): Pick<Me, 'permissions' | 'mfaSetupRequired'> {
  const permissions = new Set<Permission>()
  for (const r of roles) for (const p of Object.keys(ROLE_PERMISSIONS[r]) as Permission[]) permissions.add(p)
  return { permissions: [...permissions], mfaSetupRequired }
}

const keys = (roles: Role[], setup = false) => navigationFor(meWith(roles, setup)).map((i) => i.key)

describe('navigation by permission', () => {
  it('shows an administrator everything', () => {
    expect(keys(['admin'])).toEqual([
      'home',
      'plan',
      'reporting',
      'dashboard',
      'meetings',
      'bodies',
      'assignments',
      'coordinationSummary',
      'organizations',
      'users',
      'audit',
      'notifications',
      'outbox',
      'account',
    ])
  })

  it('shows an auditor the audit log but not the outbox', () => {
    expect(keys(['auditor'])).toEqual([
      'home',
      'plan',
      'reporting',
      'dashboard',
      'meetings',
      'bodies',
      'assignments',
      'coordinationSummary',
      'organizations',
      'users',
      'audit',
      'notifications',
      'account',
    ])
  })

  it('shows a focal point no administration', () => {
    expect(keys(['focal_point'])).toEqual([
      'home',
      'plan',
      'reporting',
      'dashboard',
      'meetings',
      'bodies',
      'assignments',
      'coordinationSummary',
      'organizations',
      'users',
      'notifications',
      'account',
    ])
  })

  it('shows a viewer only what everyone has', () => {
    expect(keys(['viewer'])).toEqual([
      'home',
      'plan',
      'reporting',
      'dashboard',
      'organizations',
      'notifications',
      'account',
    ])
    expect(keys([])).toEqual(['home', 'notifications', 'account'])
  })

  it('keeps the coordination pages together under their heading', () => {
    const groups = navGroups(navigationFor(meWith(['secretariat'])))
    const coordination = groups.filter((g) => g.section === 'coordination')
    expect(coordination).toHaveLength(1)
    expect(coordination[0]?.items.map((i) => i.to)).toEqual([
      '/coordination',
      '/coordination/bodies',
      '/coordination/assignments',
      '/coordination/summary',
    ])
    expect(groups.filter((g) => !g.section).every((g) => g.items.length === 1)).toBe(true)
    expect(keys(['viewer'])).not.toContain('meetings')
  })

  it('combines roles held in different organisations', () => {
    expect(keys(['viewer', 'auditor'])).toContain('audit')
  })

  it('offers only two-factor enrolment until a required second factor is set up', () => {
    expect(keys(['admin'], true)).toEqual(['twoFactorSetup'])
    expect(allowedDuringMfaSetup('/two-factor-setup')).toBe(true)
    expect(allowedDuringMfaSetup('/users')).toBe(false)
  })
})

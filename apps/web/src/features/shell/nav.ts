import type { Me, Permission } from '@qalxan/contracts'

export interface NavItem {
  key: string
  to: string
  labelKey: string
  /** Shown only to people who hold this permission somewhere; the server still decides. */
  permission?: Permission
  /** Items of one section stand together under its heading. */
  section?: NavSection
  /** Active only on its own path, not on the paths below it (a section's first page). */
  exact?: boolean
}

export type NavSection = 'coordination'

export const NAV_SECTIONS: Record<NavSection, { labelKey: string }> = {
  coordination: { labelKey: 'nav.coordination' },
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', to: '/', labelKey: 'nav.home' },
  { key: 'plan', to: '/plan', labelKey: 'plan.nav', permission: 'plan.read' },
  { key: 'reporting', to: '/reporting', labelKey: 'reporting.nav', permission: 'plan.read' },
  { key: 'dashboard', to: '/dashboard', labelKey: 'dashboard.nav', permission: 'plan.read' },
  {
    key: 'meetings',
    to: '/coordination',
    labelKey: 'nav.meetings',
    permission: 'coord.read',
    section: 'coordination',
    exact: true,
  },
  {
    key: 'bodies',
    to: '/coordination/bodies',
    labelKey: 'nav.bodies',
    permission: 'coord.read',
    section: 'coordination',
  },
  {
    key: 'assignments',
    to: '/coordination/assignments',
    labelKey: 'nav.assignments',
    permission: 'coord.read',
    section: 'coordination',
  },
  {
    key: 'coordinationSummary',
    to: '/coordination/summary',
    labelKey: 'nav.execution',
    permission: 'coord.read',
    section: 'coordination',
  },
  { key: 'organizations', to: '/organizations', labelKey: 'nav.organizations', permission: 'org.read' },
  { key: 'users', to: '/users', labelKey: 'nav.users', permission: 'user.read' },
  { key: 'audit', to: '/audit', labelKey: 'nav.audit', permission: 'audit.read' },
  { key: 'notifications', to: '/notifications', labelKey: 'nav.notifications' },
  { key: 'outbox', to: '/admin/outbox', labelKey: 'nav.outbox', permission: 'outbox.read' },
  { key: 'account', to: '/account', labelKey: 'nav.account' },
]

export const TWO_FACTOR_SETUP_PATH = '/two-factor-setup'

const SETUP_ITEM: NavItem = {
  key: 'twoFactorSetup',
  to: TWO_FACTOR_SETUP_PATH,
  labelKey: 'nav.twoFactorSetup',
}

export const hasPermission = (me: Pick<Me, 'permissions'>, permission: Permission): boolean =>
  me.permissions.includes(permission)

/** The navigation someone sees; until a required second factor is set up, only the enrolment page. */
export function navigationFor(me: Pick<Me, 'permissions' | 'mfaSetupRequired'>): NavItem[] {
  if (me.mfaSetupRequired) return [SETUP_ITEM]
  return NAV_ITEMS.filter((item) => !item.permission || hasPermission(me, item.permission))
}

export interface NavGroup {
  section?: NavSection
  items: NavItem[]
}

/** Consecutive items of one section become one group; items outside a section stand alone. */
export function navGroups(items: readonly NavItem[]): NavGroup[] {
  const out: NavGroup[] = []
  for (const item of items) {
    const last = out.at(-1)
    if (item.section && last?.section === item.section) last.items.push(item)
    else out.push({ section: item.section, items: [item] })
  }
  return out
}

/** Paths that stay open while a required second factor is not set up yet. */
export function allowedDuringMfaSetup(pathname: string): boolean {
  return pathname === TWO_FACTOR_SETUP_PATH
}

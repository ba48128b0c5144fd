import { Burger, Group, Text } from '@mantine/core'
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ShieldMark } from '../../../components/shield-mark.tsx'
import { useCurrentMe } from '../../me/api/me.ts'
import {
  allowedDuringMfaSetup,
  NAV_SECTIONS,
  type NavItem,
  navGroups,
  navigationFor,
  TWO_FACTOR_SETUP_PATH,
} from '../nav.ts'
import { LanguageSwitcher } from './language-switcher.tsx'
import { NotificationBell } from './notification-bell.tsx'
import { SearchBox } from './search-box.tsx'
import { UserMenu } from './user-menu.tsx'

function isActive(pathname: string, item: Pick<NavItem, 'to' | 'exact'>): boolean {
  const { to } = item
  if (to === '/' || item.exact) return pathname === to
  return pathname === to || pathname.startsWith(`${to}/`)
}

/** Header, navigation and main landmark of every signed-in page. */
export function AppLayout() {
  const { t } = useTranslation()
  const me = useCurrentMe()
  const pathname = useRouterState({ select: (s) => s.location.pathname })
  const [navOpen, setNavOpen] = useState(false)
  const items = navigationFor(me)

  const navigate = useNavigate()
  // A second factor can become required while the page is open (role granted, factor removed).
  useEffect(() => {
    if (me.mfaSetupRequired && !allowedDuringMfaSetup(pathname)) void navigate({ to: TWO_FACTOR_SETUP_PATH })
  }, [me.mfaSetupRequired, pathname, navigate])

  // Escape closes the navigation drawer on a tablet.
  useEffect(() => {
    if (!navOpen) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setNavOpen(false)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [navOpen])

  // On a tablet the navigation is a drawer: close it after each navigation.
  useEffect(() => {
    if (pathname) setNavOpen(false)
  }, [pathname])

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="app-header">
        <Group gap="xs" wrap="nowrap">
          <Burger
            className="nav-toggle"
            opened={navOpen}
            onClick={() => setNavOpen((o) => !o)}
            size="sm"
            aria-label={t('shell.toggleNavigation')}
            aria-expanded={navOpen}
            aria-controls="app-nav"
          />
          <Link to="/" className="brand">
            <ShieldMark />
            <Text fw={700} component="span">
              {t('app.name')}
            </Text>
          </Link>
        </Group>
        <Group gap="sm" wrap="nowrap">
          {!me.mfaSetupRequired && <SearchBox />}
          <LanguageSwitcher />
          {!me.mfaSetupRequired && <NotificationBell />}
          <UserMenu />
        </Group>
      </header>
      <div className="app-body">
        <nav
          id="app-nav"
          className={navOpen ? 'app-nav open' : 'app-nav'}
          aria-label={t('shell.mainNavigation')}
        >
          <ul>
            {navGroups(items).map((group) => {
              const links = group.items.map((item) => {
                const active = isActive(pathname, item)
                return (
                  <li key={item.key}>
                    <Link
                      to={item.to}
                      activeOptions={item.exact ? { exact: true } : undefined}
                      className={active ? 'nav-link active' : 'nav-link'}
                      aria-current={active ? 'page' : undefined}
                    >
                      {t(item.labelKey)}
                    </Link>
                  </li>
                )
              })
              if (!group.section) return links
              const headingId = `nav-section-${group.section}`
              return (
                <li key={group.section}>
                  <Text id={headingId} size="xs" fw={700} c="dimmed" tt="uppercase" px={12} pt={12} pb={4}>
                    {t(NAV_SECTIONS[group.section].labelKey)}
                  </Text>
                  <ul aria-labelledby={headingId}>{links}</ul>
                </li>
              )
            })}
          </ul>
        </nav>
        <main id="main" className="app-main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  )
}

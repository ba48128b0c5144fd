import type { Permission } from '@qalxan/contracts'
import type { QueryClient } from '@tanstack/react-query'
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Outlet,
  redirect,
} from '@tanstack/react-router'
import type { ComponentType } from 'react'
import { ErrorPage, NoAccessPage, NotFoundPage } from '../components/status-pages.tsx'
import { AccountPage } from '../features/account/components/account-page.tsx'
import { AuditPage } from '../features/audit/components/audit-page.tsx'
import { ForgotPasswordPage } from '../features/auth/components/forgot-password-page.tsx'
import { ResetPasswordPage } from '../features/auth/components/reset-password-page.tsx'
import { SignInPage } from '../features/auth/components/sign-in-page.tsx'
import { TwoFactorSetupPage } from '../features/auth/components/two-factor-setup-page.tsx'
import { HomePage } from '../features/home/home-page.tsx'
import { meQuery, useCurrentMe } from '../features/me/api/me.ts'
import { NotificationsPage } from '../features/notifications/components/notifications-page.tsx'
import { OrganizationCreatePage } from '../features/organizations/components/organization-create-page.tsx'
import { OrganizationDetailPage } from '../features/organizations/components/organization-detail-page.tsx'
import { OrganizationImportPage } from '../features/organizations/components/organization-import-page.tsx'
import { OrganizationsPage } from '../features/organizations/components/organizations-page.tsx'
import { OutboxPage } from '../features/outbox/components/outbox-page.tsx'
import { AppLayout } from '../features/shell/components/app-layout.tsx'
import { allowedDuringMfaSetup, hasPermission, TWO_FACTOR_SETUP_PATH } from '../features/shell/nav.ts'
import { UserCreatePage } from '../features/users/components/user-create-page.tsx'
import { UserImportPage } from '../features/users/components/user-import-page.tsx'
import { UsersPage } from '../features/users/components/users-page.tsx'
import { parseOrgSearch, parseRedirectSearch, parseTokenSearch } from './search.ts'

export interface RouterContext {
  queryClient: QueryClient
}

/** Hides a page from people without the permission; the server still answers for itself. */
function guarded(permission: Permission, Page: ComponentType) {
  return function Guarded() {
    const me = useCurrentMe()
    return hasPermission(me, permission) ? <Page /> : <NoAccessPage />
  }
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: ({ error, reset }) => <ErrorPage error={error} reset={reset} />,
})

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: parseRedirectSearch,
  component: function SignInRoute() {
    const { redirect: to } = signInRoute.useSearch()
    return <SignInPage redirect={to} />
  },
})

const forgotRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: ForgotPasswordPage,
})

const resetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: parseTokenSearch,
  component: function ResetRoute() {
    const { token } = resetRoute.useSearch()
    return <ResetPasswordPage token={token} />
  },
})

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery())
    if (!me) throw redirect({ to: '/sign-in', search: { redirect: location.href } })
    if (me.mfaSetupRequired && !allowedDuringMfaSetup(location.pathname))
      throw redirect({ to: TWO_FACTOR_SETUP_PATH })
  },
  component: AppLayout,
  notFoundComponent: NotFoundPage,
})

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: HomePage })

const twoFactorSetupRoute = createRoute({
  getParentRoute: () => appRoute,
  path: TWO_FACTOR_SETUP_PATH,
  component: TwoFactorSetupPage,
})

const organizationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organizations',
  component: guarded('org.read', OrganizationsPage),
})

const organizationNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organizations/new',
  component: guarded('org.manage', OrganizationCreatePage),
})

const organizationImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organizations/import',
  component: guarded('org.manage', OrganizationImportPage),
})

const organizationDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organizations/$orgId',
  component: guarded('org.read', function OrganizationDetailRoute() {
    const { orgId } = organizationDetailRoute.useParams()
    return <OrganizationDetailPage key={orgId} orgId={orgId} />
  }),
})

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/users',
  validateSearch: parseOrgSearch,
  component: guarded('user.read', function UsersRoute() {
    const { orgId } = usersRoute.useSearch()
    return <UsersPage key={orgId ?? 'all'} orgId={orgId} />
  }),
})

const userNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/users/new',
  validateSearch: parseOrgSearch,
  component: guarded('user.manage', function UserNewRoute() {
    const { orgId } = userNewRoute.useSearch()
    return <UserCreatePage orgId={orgId} />
  }),
})

const userImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/users/import',
  component: guarded('user.manage', UserImportPage),
})

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/audit',
  component: guarded('audit.read', AuditPage),
})

const notificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/notifications',
  component: NotificationsPage,
})

const outboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/outbox',
  component: guarded('outbox.read', OutboxPage),
})

const accountRoute = createRoute({ getParentRoute: () => appRoute, path: '/account', component: AccountPage })

export const routeTree = rootRoute.addChildren([
  signInRoute,
  forgotRoute,
  resetRoute,
  appRoute.addChildren([
    homeRoute,
    twoFactorSetupRoute,
    organizationsRoute,
    organizationNewRoute,
    organizationImportRoute,
    organizationDetailRoute,
    usersRoute,
    userNewRoute,
    userImportRoute,
    auditRoute,
    notificationsRoute,
    outboxRoute,
    accountRoute,
  ]),
])

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: false,
    scrollRestoration: true,
  })
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>
  }
}

import type { Permission } from '@qalxan/contracts'
import type { QueryClient } from '@tanstack/react-query'
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router'
import type { ComponentType } from 'react'
import { ErrorPage, NoAccessPage, NotFoundPage } from '../components/status-pages.tsx'
import { ForgotPasswordPage } from '../features/auth/components/forgot-password-page.tsx'
import { ResetPasswordPage } from '../features/auth/components/reset-password-page.tsx'
import { SignInPage } from '../features/auth/components/sign-in-page.tsx'
import {
  parseAssignmentSearch,
  parseCalendarSearch,
  parseSummarySearch,
} from '../features/coordination/search.ts'
import { HomePage } from '../features/home/home-page.tsx'
import { meQuery, useCurrentMe } from '../features/me/api/me.ts'
import {
  parseChangesSearch,
  parseMeasureSearch,
  parsePeriodSearch,
  parseStrategySearch,
} from '../features/plan/search.ts'
import { AppLayout } from '../features/shell/components/app-layout.tsx'
import { allowedDuringMfaSetup, hasPermission, TWO_FACTOR_SETUP_PATH } from '../features/shell/nav.ts'
import { parseOrgSearch, parseRedirectSearch, parseTokenSearch } from './search.ts'

// Pages other than sign-in and home load on first visit, so the first screen comes quickly.
const AccountPage = lazyRouteComponent(
  () => import('../features/account/components/account-page.tsx'),
  'AccountPage',
)
const AuditPage = lazyRouteComponent(() => import('../features/audit/components/audit-page.tsx'), 'AuditPage')
const NotificationsPage = lazyRouteComponent(
  () => import('../features/notifications/components/notifications-page.tsx'),
  'NotificationsPage',
)
const OrganizationCreatePage = lazyRouteComponent(
  () => import('../features/organizations/components/organization-create-page.tsx'),
  'OrganizationCreatePage',
)
const OrganizationDetailPage = lazyRouteComponent(
  () => import('../features/organizations/components/organization-detail-page.tsx'),
  'OrganizationDetailPage',
)
const OrganizationImportPage = lazyRouteComponent(
  () => import('../features/organizations/components/organization-import-page.tsx'),
  'OrganizationImportPage',
)
const OrganizationsPage = lazyRouteComponent(
  () => import('../features/organizations/components/organizations-page.tsx'),
  'OrganizationsPage',
)
const OutboxPage = lazyRouteComponent(
  () => import('../features/outbox/components/outbox-page.tsx'),
  'OutboxPage',
)
const UserCreatePage = lazyRouteComponent(
  () => import('../features/users/components/user-create-page.tsx'),
  'UserCreatePage',
)
const UserImportPage = lazyRouteComponent(
  () => import('../features/users/components/user-import-page.tsx'),
  'UserImportPage',
)
const UsersPage = lazyRouteComponent(() => import('../features/users/components/users-page.tsx'), 'UsersPage')
const TwoFactorSetupPage = lazyRouteComponent(
  () => import('../features/auth/components/two-factor-setup-page.tsx'),
  'TwoFactorSetupPage',
)
const PlanPage = lazyRouteComponent(() => import('../features/plan/components/plan-page.tsx'), 'PlanPage')
const PlanImportPage = lazyRouteComponent(
  () => import('../features/plan/components/plan-import-page.tsx'),
  'PlanImportPage',
)
const ChangesPage = lazyRouteComponent(
  () => import('../features/plan/components/changes-page.tsx'),
  'ChangesPage',
)
const MeasurePage = lazyRouteComponent(
  () => import('../features/plan/components/measure-page.tsx'),
  'MeasurePage',
)
const PeriodsPage = lazyRouteComponent(
  () => import('../features/reporting/components/periods-page.tsx'),
  'PeriodsPage',
)
// The dashboards carry ECharts: they load only when opened.
const DashboardPage = lazyRouteComponent(
  () => import('../features/dashboard/components/dashboard-page.tsx'),
  'DashboardPage',
)
const OrganisationPage = lazyRouteComponent(
  () => import('../features/dashboard/components/organisation-page.tsx'),
  'OrganisationPage',
)
const PublicResultsPage = lazyRouteComponent(
  () => import('../features/public-results/components/public-results-page.tsx'),
  'PublicResultsPage',
)

// Coordination: one chunk for its pages (features/coordination/pages.ts); the summary carries ECharts.
const coordinationPages = () => import('../features/coordination/pages.ts')
const CalendarPage = lazyRouteComponent(coordinationPages, 'CalendarPage')
const BodiesPage = lazyRouteComponent(coordinationPages, 'BodiesPage')
const BodyPage = lazyRouteComponent(coordinationPages, 'BodyPage')
const MeetingPage = lazyRouteComponent(coordinationPages, 'MeetingPage')
const AssignmentsPage = lazyRouteComponent(coordinationPages, 'AssignmentsPage')
const ExecutionSummaryPage = lazyRouteComponent(
  () => import('../features/coordination/components/summary-page.tsx'),
  'ExecutionSummaryPage',
)

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
  notFoundComponent: () => <NotFoundPage standalone />,
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

// Published results are for anyone: outside the signed-in layout, no session needed.
const publicResultsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/results',
  validateSearch: parseStrategySearch,
  component: function PublicResultsRoute() {
    const { strategy } = publicResultsRoute.useSearch()
    return <PublicResultsPage strategyId={strategy} />
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
  notFoundComponent: () => <NotFoundPage />,
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

const planRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plan',
  validateSearch: parseMeasureSearch,
  component: guarded('plan.read', function PlanRoute() {
    return <PlanPage filters={planRoute.useSearch()} />
  }),
})

const planImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plan/import',
  validateSearch: parseStrategySearch,
  component: guarded('plan.manage', function PlanImportRoute() {
    const { strategy } = planImportRoute.useSearch()
    return <PlanImportPage strategyId={strategy} />
  }),
})

const planChangesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plan/changes',
  validateSearch: parseChangesSearch,
  component: guarded('plan.read', function PlanChangesRoute() {
    const { strategy, measure } = planChangesRoute.useSearch()
    return <ChangesPage strategyId={strategy} measureId={measure} />
  }),
})

const measureRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plan/measures/$measureId',
  validateSearch: parsePeriodSearch,
  component: guarded('plan.read', function MeasureRoute() {
    const { measureId } = measureRoute.useParams()
    const { period } = measureRoute.useSearch()
    return <MeasurePage key={measureId} measureId={measureId} periodId={period} />
  }),
})

const reportingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reporting',
  validateSearch: parseStrategySearch,
  component: guarded('plan.read', function ReportingRoute() {
    const { strategy } = reportingRoute.useSearch()
    return <PeriodsPage strategyId={strategy} />
  }),
})

const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dashboard',
  validateSearch: parsePeriodSearch,
  component: guarded('plan.read', function DashboardRoute() {
    const { strategy, period } = dashboardRoute.useSearch()
    return <DashboardPage strategyId={strategy} periodId={period} />
  }),
})

const organisationViewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dashboard/organisations/$orgId',
  validateSearch: parsePeriodSearch,
  component: guarded('plan.read', function OrganisationViewRoute() {
    const { orgId } = organisationViewRoute.useParams()
    const { strategy, period } = organisationViewRoute.useSearch()
    return <OrganisationPage key={orgId} orgId={orgId} strategyId={strategy} periodId={period} />
  }),
})

const calendarRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/coordination',
  validateSearch: parseCalendarSearch,
  component: guarded('coord.read', function CalendarRoute() {
    const { month, body } = calendarRoute.useSearch()
    return <CalendarPage month={month} bodyId={body} />
  }),
})

const bodiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/coordination/bodies',
  component: guarded('coord.read', BodiesPage),
})

const bodyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/coordination/bodies/$bodyId',
  component: guarded('coord.read', function BodyRoute() {
    const { bodyId } = bodyRoute.useParams()
    return <BodyPage key={bodyId} bodyId={bodyId} />
  }),
})

const meetingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/coordination/meetings/$meetingId',
  component: guarded('coord.read', function MeetingRoute() {
    const { meetingId } = meetingRoute.useParams()
    return <MeetingPage key={meetingId} meetingId={meetingId} />
  }),
})

const assignmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/coordination/assignments',
  validateSearch: parseAssignmentSearch,
  component: guarded('coord.read', function AssignmentsRoute() {
    return <AssignmentsPage search={assignmentsRoute.useSearch()} />
  }),
})

const executionSummaryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/coordination/summary',
  validateSearch: parseSummarySearch,
  component: guarded('coord.read', function ExecutionSummaryRoute() {
    const { body, org } = executionSummaryRoute.useSearch()
    return <ExecutionSummaryPage bodyId={body} orgId={org} />
  }),
})

const accountRoute = createRoute({ getParentRoute: () => appRoute, path: '/account', component: AccountPage })

export const routeTree = rootRoute.addChildren([
  signInRoute,
  forgotRoute,
  resetRoute,
  publicResultsRoute,
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
    planRoute,
    planImportRoute,
    planChangesRoute,
    measureRoute,
    reportingRoute,
    dashboardRoute,
    organisationViewRoute,
    calendarRoute,
    bodiesRoute,
    bodyRoute,
    meetingRoute,
    assignmentsRoute,
    executionSummaryRoute,
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

import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from '@tanstack/react-router'
import { useEffect, useState } from 'react'
import { I18nextProvider } from 'react-i18next'
import { StepUpDialog } from './features/auth/components/step-up-dialog.tsx'
import { meKeys } from './features/me/api/me.ts'
import { i18n, initI18n, isLanguage, rememberLanguage } from './i18n/index.ts'
import { setApiLocale } from './lib/api.ts'
import { isApiError } from './lib/api-client.ts'
import { createQueryClient } from './lib/query-client.ts'
import { createAppRouter } from './routes/router.tsx'
import { theme } from './theme.ts'

initI18n()
setApiLocale(i18n.language)

function createApp() {
  // A session that ends while the page is open (expiry, revocation) sends the person to sign in.
  const queryClient = createQueryClient((error) => {
    if (isApiError(error) && error.status === 401 && router.state.location.pathname !== '/sign-in') {
      void router.navigate({ to: '/sign-in', search: { redirect: router.state.location.href } })
    }
  })
  const router = createAppRouter(queryClient)
  // The profile's language wins once someone is signed in.
  queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.query.queryKey.join('/') !== meKeys.me().join('/')) return
    const locale = (event.query.state.data as { user?: { locale?: string } } | null)?.user?.locale
    if (event.action.type === 'success' && isLanguage(locale) && locale !== i18n.language) {
      void i18n.changeLanguage(locale)
      rememberLanguage(locale)
      setApiLocale(locale)
    }
  })
  return { queryClient, router }
}

export function App() {
  const [{ queryClient, router }] = useState(createApp)
  useEffect(() => {
    const onChange = (lng: string) => {
      document.documentElement.lang = lng
      setApiLocale(lng)
    }
    i18n.on('languageChanged', onChange)
    return () => i18n.off('languageChanged', onChange)
  }, [])
  return (
    <I18nextProvider i18n={i18n}>
      {/* No <style> tags from Mantine: CSS variables and classes come from files, so CSP style-src 'self' holds. */}
      <MantineProvider
        theme={theme}
        withCssVariables={false}
        withGlobalClasses={false}
        forceColorScheme="light"
      >
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <StepUpDialog />
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  )
}

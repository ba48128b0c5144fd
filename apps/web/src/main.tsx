import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import './styles/app.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app.tsx'
import { i18nReady } from './i18n/index.ts'

const root = document.getElementById('root')
// English and Russian load as their own chunks: draw the first screen once the chosen one is in
// (a failed load leaves the Azerbaijani fallback, which is better than no page).
if (root)
  void i18nReady().finally(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  )

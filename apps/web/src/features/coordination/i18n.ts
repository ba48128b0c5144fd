import { i18n } from '../../i18n/index.ts'
import az from './i18n/az.json'
import en from './i18n/en.json'
import ru from './i18n/ru.json'

/**
 * The coordination pages' words, in their own i18next namespace (`t('coord:…')`). They arrive with
 * the pages' lazy chunk rather than in the main catalogues, which the first screen downloads and
 * whose size counts against its 300 kB budget. `i18n.test.ts` beside this file keeps the three
 * languages complete, as `src/i18n/catalogues.test.ts` does for the main catalogues.
 */
export const COORD_NS = 'coord'
export const COORD_CATALOGUES = { az, en, ru } as const

function register() {
  for (const [lng, resources] of Object.entries(COORD_CATALOGUES))
    if (!i18n.hasResourceBundle(lng, COORD_NS)) i18n.addResourceBundle(lng, COORD_NS, resources)
}

// Pages load after start-up, when i18next is ready; tests may import them before initialising it.
if (i18n.isInitialized) register()
else i18n.on('initialized', register)

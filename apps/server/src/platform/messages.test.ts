import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { localeOf, translate } from './messages.ts'

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    if (statSync(p).isDirectory()) return sources(p)
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : []
  })

/** Every message written for people in the server, with `${…}` parts replaced by sample values. */
const userMessages = () => {
  const found = new Set<string>()
  const patterns = [
    /new AppError\(\s*'[A-Z_]+',\s*(['`])((?:(?!\1).)*)\1/gs,
    /message: (['`])((?:(?!\1)[^\n])*)\1/g,
    /notFound\('([^']+)'/g,
  ]
  for (const file of sources(join(import.meta.dirname, '..'))) {
    const text = readFileSync(file, 'utf8')
    for (const [i, re] of patterns.entries()) {
      for (const m of text.matchAll(re)) {
        const raw = i === 2 ? `${m[1]} "\${id}" was not found` : (m[2] as string)
        // Keys, log text, and the generic not-found template (its nouns are in the catalogue one by one).
        if (/^[a-z]/.test(raw) || raw.includes('\\n') || raw.startsWith('${')) continue
        found.add(raw.replace(/\$\{[^}]+\}/g, 'X1'))
      }
    }
  }
  return [...found]
}

describe('server messages', () => {
  it('picks the language from Accept-Language, Azerbaijani (the portal default) when none fits', () => {
    expect(localeOf('ru-RU,ru;q=0.9,en;q=0.8')).toBe('ru')
    expect(localeOf('az')).toBe('az')
    expect(localeOf('en-GB')).toBe('en')
    expect(localeOf('de-DE, fr')).toBe('az')
    expect(localeOf(undefined)).toBe('az')
    expect(localeOf('')).toBe('az')
  })

  it('renders templates with their values in Azerbaijani and Russian', () => {
    expect(translate('An organisation with code "MIN-A" already exists', 'az')).toBe(
      '"MIN-A" kodlu təşkilat artıq var',
    )
    expect(translate('The code "X" is also on row 7', 'ru')).toBe('Код «X» есть также в строке 7')
    expect(translate('Something unknown', 'ru')).toBe('Something unknown')
    expect(translate('Sign in to continue', 'en')).toBe('Sign in to continue')
  })

  it('has Azerbaijani and Russian for every message the server writes for people', () => {
    const messages = userMessages()
    expect(messages.length).toBeGreaterThan(40)
    const missing = messages.filter((m) => translate(m, 'az') === m || translate(m, 'ru') === m)
    expect(missing).toEqual([])
  })
})

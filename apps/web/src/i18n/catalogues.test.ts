import {
  CLEARANCES,
  ERROR_CODES,
  JURISDICTIONS,
  LOCALES,
  ORG_TYPES,
  OutboxMailSchema,
  ROLES,
  TOKEN_SCOPES,
} from '@qalxan/contracts'
import { describe, expect, it } from 'vitest'
import az from './az.json'
import en from './en.json'
import ru from './ru.json'

type Tree = { [k: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(key, v)
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv)
  }
  return out
}

const catalogues = { az: flatten(az), en: flatten(en), ru: flatten(ru) }
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort()

const sources = import.meta.glob(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts', '!../**/*.test.tsx'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>

describe('translation catalogues', () => {
  it('have exactly the same keys in az, en and ru', () => {
    const keys = [...catalogues.en.keys()].sort()
    expect([...catalogues.az.keys()].sort()).toEqual(keys)
    expect([...catalogues.ru.keys()].sort()).toEqual(keys)
  })

  it('have no empty value', () => {
    for (const [lang, map] of Object.entries(catalogues))
      for (const [key, value] of map) expect(value.trim(), `${lang}:${key}`).not.toBe('')
  })

  it('use the same placeholders in every language', () => {
    for (const [key, value] of catalogues.en) {
      expect(placeholders(catalogues.az.get(key) ?? ''), `az:${key}`).toEqual(placeholders(value))
      expect(placeholders(catalogues.ru.get(key) ?? ''), `ru:${key}`).toEqual(placeholders(value))
    }
  })

  it('contain every key the code asks for literally', () => {
    const used = new Set<string>()
    for (const text of Object.values(sources)) {
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1] as string)
      for (const m of text.matchAll(/labelKey: '([a-zA-Z0-9_.]+)'/g)) used.add(m[1] as string)
    }
    expect(used.size).toBeGreaterThan(100)
    const missing = [...used].filter((k) => !catalogues.en.has(k))
    expect(missing).toEqual([])
  })

  it('name every value of the shared vocabularies', () => {
    const families: [string, readonly string[]][] = [
      ['role', ROLES],
      ['orgType', ORG_TYPES],
      ['jurisdiction', JURISDICTIONS],
      ['clearance', CLEARANCES],
      ['language', LOCALES],
      ['errors', Object.keys(ERROR_CODES)],
      ['outbox.status', OutboxMailSchema.shape.status.options],
      ['tokens.scope', TOKEN_SCOPES],
      ['outcome', ['success', 'denied', 'failure']],
      ['import.hint', ['organizations', 'users']],
    ]
    const missing = families.flatMap(([prefix, values]) =>
      values.map((v) => `${prefix}.${v}`).filter((k) => !catalogues.en.has(k)),
    )
    expect(missing).toEqual([])
  })

  it('write Azerbaijani in its own alphabet', () => {
    expect(catalogues.az.get('nav.organizations')).toBe('Təşkilatlar')
    const text = [...catalogues.az.values()].join(' ')
    for (const letter of ['ə', 'ğ', 'ı', 'ö', 'ş', 'ç', 'ü']) expect(text).toContain(letter)
  })
})

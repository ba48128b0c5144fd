import {
  AGENDA_LINK_KINDS,
  ASSIGNMENT_STATES,
  ATTENDANCE_STATUSES,
  BODY_KINDS,
  ITEM_REQUEST_STATES,
  MEETING_STATES,
  MEMBER_ROLES,
  MINUTES_STATES,
} from '@qalxan/contracts'
import { describe, expect, it } from 'vitest'
import main from '../../i18n/en.json'
import az from './i18n/az.json'
import en from './i18n/en.json'
import ru from './i18n/ru.json'

/**
 * The coordination namespace (`t('coord:…')`) kept as complete as the main catalogues:
 * `src/i18n/catalogues.test.ts` checks those, this file checks these the same way.
 */
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
const mainKeys = flatten(main as Tree)
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort()

const sources = import.meta.glob(['./**/*.ts', './**/*.tsx', '!./**/*.test.ts', '!./**/*.test.tsx'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>

describe('coordination catalogues', () => {
  it('have the same keys in az, en and ru, none empty, with the same placeholders', () => {
    const keys = [...catalogues.en.keys()].sort()
    expect([...catalogues.az.keys()].sort()).toEqual(keys)
    expect([...catalogues.ru.keys()].sort()).toEqual(keys)
    for (const [lang, map] of Object.entries(catalogues))
      for (const [key, value] of map) expect(value.trim(), `${lang}:${key}`).not.toBe('')
    for (const [key, value] of catalogues.en) {
      expect(placeholders(catalogues.az.get(key) ?? ''), `az:${key}`).toEqual(placeholders(value))
      expect(placeholders(catalogues.ru.get(key) ?? ''), `ru:${key}`).toEqual(placeholders(value))
    }
  })

  it('contain every key the pages ask for, and the main catalogue every other key', () => {
    const used = new Set<string>()
    const shared = new Set<string>()
    for (const text of Object.values(sources)) {
      for (const m of text.matchAll(/\bt\(\s*'coord:([a-zA-Z0-9_.]+)'/g)) used.add(m[1] as string)
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) shared.add(m[1] as string)
    }
    expect(used.size).toBeGreaterThan(200)
    expect([...used].filter((k) => !catalogues.en.has(k))).toEqual([])
    expect([...shared].filter((k) => !mainKeys.has(k))).toEqual([])
  })

  it('name every value of the coordination vocabularies', () => {
    const families: [string, readonly string[]][] = [
      ['kind', BODY_KINDS],
      ['role', MEMBER_ROLES],
      ['meetingState', MEETING_STATES],
      ['minutesState', MINUTES_STATES],
      ['assignmentState', ASSIGNMENT_STATES],
      ['attendance', ATTENDANCE_STATUSES],
      ['link.kind', AGENDA_LINK_KINDS],
      ['request.state', ITEM_REQUEST_STATES],
    ]
    const missing = families.flatMap(([prefix, values]) =>
      values.map((v) => `${prefix}.${v}`).filter((k) => !catalogues.en.has(k)),
    )
    expect(missing).toEqual([])
  })

  it('use the state’s own words in Azerbaijani and Russian', () => {
    expect(catalogues.az.get('tab.agenda')).toBe('Gündəlik')
    expect(catalogues.az.get('tab.minutes')).toBe('Protokol')
    expect(catalogues.az.get('role.chair')).toBe('Sədr')
    expect(catalogues.az.get('role.secretary')).toBe('Katib')
    expect(catalogues.az.get('kind.working_group')).toBe('İşçi qrup')
    expect(catalogues.ru.get('tab.agenda')).toBe('Повестка дня')
    expect(catalogues.ru.get('assignment.title')).toBe('Поручения')
    expect(catalogues.ru.get('role.member')).toBe('Член')
  })
})

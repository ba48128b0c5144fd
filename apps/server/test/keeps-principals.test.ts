import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * Writes declared `keepsPrincipals` leave the short cache of who is signed in as it is
 * (`identity.routes.ts`), so they must not change anyone's identity. These checks keep the
 * declaration honest as the code grows: only the modules listed here may make it, and none of them
 * writes a table that a principal is read from, or reaches a module that does.
 */
const MODULES = join(import.meta.dirname, '../src/modules')
const KEEPING = ['coordination', 'evaluation', 'reporting', 'strategy']

const IDENTITY_TABLES = [
  'user',
  'session',
  'account',
  'passkey',
  'twoFactor',
  'verification',
  'roleGrants',
  'memberships',
  'organizations',
  'orgUnits',
  'apiTokens',
]
const IDENTITY_SQL = [
  '"user"',
  'session',
  'account',
  'passkey',
  'two_factor',
  'role_grants',
  'memberships',
  'organizations',
  'org_units',
  'api_tokens',
]

const sources = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }))

describe('writes that keep the principal cache', () => {
  it('are declared only by the modules that change no identity', () => {
    const declaring = readdirSync(MODULES).filter((m) =>
      sources(join(MODULES, m)).some((s) => /keepsPrincipals:\s*true/.test(s.text)),
    )
    expect(declaring.sort()).toEqual(KEEPING)
  })

  it('come from modules that write no identity table and call no module that does', () => {
    const problems: string[] = []
    const builderWrite = new RegExp(`\\.(insert|update|delete)\\((${IDENTITY_TABLES.join('|')})\\)`)
    const sqlWrite = new RegExp(
      `\\b(insert\\s+into|update|delete\\s+from)\\s+(${IDENTITY_SQL.join('|')})\\b`,
      'i',
    )
    // What these modules may take from identity and organisations: who the caller is, the upload parser.
    const allowedImport = /from '\.\.\/(identity\/identity\.routes|organizations\/organizations\.routes)\.ts'/
    for (const m of KEEPING)
      for (const { file, text } of sources(join(MODULES, m))) {
        const name = file.slice(MODULES.length + 1)
        if (builderWrite.test(text)) problems.push(`${name}: writes an identity table`)
        if (sqlWrite.test(text)) problems.push(`${name}: writes an identity table in SQL`)
        for (const line of text.split('\n'))
          if (/from '\.\.\/(identity|organizations)\//.test(line) && !allowedImport.test(line))
            problems.push(`${name}: ${line.trim()}`)
      }
    expect(problems).toEqual([])
  })
})

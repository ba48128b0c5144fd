import { describe, expect, it } from 'vitest'
import { addGrant } from './roles-editor.tsx'

const A = '11111111-1111-4111-8111-111111111111'
const B = '22222222-2222-4222-8222-222222222222'

describe('addGrant', () => {
  it('adds a role held in another organisation', () => {
    expect(addGrant([{ role: 'viewer', orgId: A }], { role: 'viewer', orgId: B })).toHaveLength(2)
  })
  it('does not add the same role in the same organisation twice', () => {
    expect(addGrant([{ role: 'auditor', orgId: A }], { role: 'auditor', orgId: A })).toEqual([
      { role: 'auditor', orgId: A },
    ])
  })
})

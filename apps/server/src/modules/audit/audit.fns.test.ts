import { describe, expect, it } from 'vitest'
import { type ChainedFields, canonicalJson, chainHash, GENESIS_HASH, verifyChain } from './audit.fns.ts'

const event = (seq: number, data: Record<string, unknown> = {}): ChainedFields => ({
  seq,
  occurredAt: `2026-01-0${seq}T10:00:00.000Z`,
  actorUserId: 'u1',
  actorOrgId: null,
  action: 'org.created',
  outcome: 'success',
  targetType: 'organization',
  targetId: `o${seq}`,
  requestId: null,
  ip: '10.0.0.1',
  data,
})

const chain = (n: number) => {
  let prev = GENESIS_HASH
  return Array.from({ length: n }, (_, i) => {
    const e = event(i + 1, { i })
    const hash = chainHash(prev, e)
    const row = { ...e, prevHash: prev, hash }
    prev = hash
    return row
  })
}

describe('canonical JSON', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"y":2,"z":1}]},"b":1}',
    )
  })
})

describe('audit chain', () => {
  it('hashes the same event the same way whatever the timestamp text', () => {
    const e = event(1)
    expect(chainHash(GENESIS_HASH, e)).toBe(
      chainHash(GENESIS_HASH, { ...e, occurredAt: '2026-01-01 10:00:00+00' }),
    )
    expect(chainHash(GENESIS_HASH, e)).not.toBe(chainHash(GENESIS_HASH, { ...e, action: 'org.updated' }))
  })

  it('accepts an intact chain', async () => {
    expect(await verifyChain(chain(5))).toMatchObject({ ok: true, checked: 5 })
  })

  it('names an edited event', async () => {
    const c = chain(5)
    c[2] = { ...(c[2] as (typeof c)[number]), data: { i: 99 } }
    expect(await verifyChain(c)).toMatchObject({
      ok: false,
      brokenAt: 3,
      checked: 2,
      reason: expect.stringMatching(/changed/),
    })
  })

  it('names the event after a removed one', async () => {
    const c = chain(5)
    c.splice(1, 1)
    expect(await verifyChain(c)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: expect.stringMatching(/missing/),
    })
  })

  it('names an event re-linked to the wrong predecessor', async () => {
    const c = chain(3)
    const third = c[2] as (typeof c)[number]
    c[2] = { ...third, prevHash: GENESIS_HASH, hash: chainHash(GENESIS_HASH, third) }
    expect(await verifyChain(c)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: expect.stringMatching(/link/),
    })
  })
})

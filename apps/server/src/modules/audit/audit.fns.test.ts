import { describe, expect, it } from 'vitest'
import {
  type ChainedFields,
  canonicalJson,
  chainHash,
  formatHead,
  GENESIS_HASH,
  parseHead,
  verifyChain,
} from './audit.fns.ts'

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

  it('cannot see deleted newest events without a kept head, and names them with one', async () => {
    const c = chain(5)
    const head = { seq: 5, hash: (c[4] as (typeof c)[number]).hash }
    const cut = c.slice(0, 3)
    expect(await verifyChain(cut)).toMatchObject({ ok: true, checked: 3 })
    expect(await verifyChain(cut, undefined, head)).toMatchObject({
      ok: false,
      brokenAt: 4,
      reason: 'events 4 to 5 are missing: the trail ends at 3 but the kept head is 5',
    })
    // Newer events after the kept head are fine.
    expect(
      await verifyChain(c, undefined, { seq: 3, hash: (c[2] as (typeof c)[number]).hash }),
    ).toMatchObject({
      ok: true,
      checked: 5,
    })
  })

  it('names a rewritten trail whose event at the kept head differs', async () => {
    // A forger who rebuilds the whole chain from event 2 on leaves every link intact.
    const c = chain(4)
    const head = { seq: 4, hash: (c[3] as (typeof c)[number]).hash }
    let prev = (c[0] as (typeof c)[number]).hash
    const forged = [
      c[0] as (typeof c)[number],
      ...c.slice(1).map((e) => {
        const f = { ...e, data: { forged: true }, prevHash: prev }
        f.hash = chainHash(prev, f)
        prev = f.hash
        return f
      }),
    ]
    expect(await verifyChain(forged)).toMatchObject({ ok: true })
    expect(await verifyChain(forged, undefined, head)).toMatchObject({
      ok: false,
      brokenAt: 4,
      reason: expect.stringMatching(/rewritten/),
    })
  })

  it('writes and reads a head as SEQ:HASH', () => {
    const h = { seq: 42, hash: 'a'.repeat(64) }
    expect(parseHead(formatHead(h))).toEqual(h)
    expect(parseHead('42:xyz')).toBeNull()
    expect(parseHead('')).toBeNull()
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

import { describe, expect, it } from 'vitest'
import { createKeyedLimiter, mapPool } from './limiter.ts'

const tick = () => new Promise((r) => setTimeout(r, 5))

describe('createKeyedLimiter', () => {
  it('never runs more than the limit per key, while other keys proceed', async () => {
    const limiter = createKeyedLimiter(2)
    const running: Record<string, number> = {}
    const peak: Record<string, number> = {}
    const task = (key: string) =>
      limiter.run(key, async () => {
        running[key] = (running[key] ?? 0) + 1
        peak[key] = Math.max(peak[key] ?? 0, running[key] as number)
        await tick()
        running[key] = (running[key] as number) - 1
      })
    await Promise.all([
      ...Array.from({ length: 8 }, () => task('10.0.0.1')),
      task('10.0.0.2'),
      task('10.0.0.3'),
    ])
    expect(peak).toEqual({ '10.0.0.1': 2, '10.0.0.2': 1, '10.0.0.3': 1 })
  })

  it('releases the slot when a task throws', async () => {
    const limiter = createKeyedLimiter(1)
    await expect(limiter.run('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    await expect(limiter.run('k', async () => 'ok')).resolves.toBe('ok')
  })
})

describe('mapPool', () => {
  it('keeps input order and bounds concurrency', async () => {
    let active = 0
    let peak = 0
    const out = await mapPool([5, 1, 3, 2, 4], 2, async (n) => {
      active++
      peak = Math.max(peak, active)
      await new Promise((r) => setTimeout(r, n))
      active--
      return n * 10
    })
    expect(out).toEqual([50, 10, 30, 20, 40])
    expect(peak).toBe(2)
  })

  it.each([Number.NaN, 0, -1, 1.5])('refuses concurrency %s instead of starting no worker', async (n) => {
    let called = 0
    await expect(
      mapPool([1, 2], n, async () => {
        called++
      }),
    ).rejects.toThrow(RangeError)
    expect(called).toBe(0)
  })

  it('returns an empty list for no items', async () => {
    await expect(mapPool([], 4, async () => 1)).resolves.toEqual([])
  })
})

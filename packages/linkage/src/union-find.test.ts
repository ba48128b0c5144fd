import { describe, expect, it } from 'vitest'
import { createUnionFind } from './union-find.ts'

describe('union-find', () => {
  it('joins chains transitively and keeps singletons apart', () => {
    const uf = createUnionFind(6)
    uf.union(0, 1)
    uf.union(2, 1)
    uf.union(4, 5)
    expect(uf.find(0)).toBe(uf.find(2))
    expect(uf.sizeOf(2)).toBe(3)
    expect(uf.find(3)).toBe(3)
    expect(uf.sizeOf(3)).toBe(1)
    expect(uf.find(4)).not.toBe(uf.find(0))
  })
  it('is idempotent on repeated unions', () => {
    const uf = createUnionFind(3)
    uf.union(0, 1)
    uf.union(1, 0)
    expect(uf.sizeOf(0)).toBe(2)
  })
})

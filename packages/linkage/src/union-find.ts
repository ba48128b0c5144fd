/** Union-find over dense record numbers 0..n-1, path halving and union by size; typed arrays keep 6.5 M nodes small. */
export const createUnionFind = (n: number) => {
  const parent = new Int32Array(n)
  const size = new Int32Array(n).fill(1)
  for (let i = 0; i < n; i++) parent[i] = i

  const find = (x: number): number => {
    let i = x
    while (parent[i] !== i) {
      const p = parent[i] as number
      parent[i] = parent[p] as number
      i = parent[i] as number
    }
    return i
  }

  const union = (a: number, b: number): void => {
    let ra = find(a)
    let rb = find(b)
    if (ra === rb) return
    if ((size[ra] as number) < (size[rb] as number)) [ra, rb] = [rb, ra]
    parent[rb] = ra
    size[ra] = (size[ra] as number) + (size[rb] as number)
  }

  const sizeOf = (x: number): number => size[find(x)] as number

  return { find, union, sizeOf, count: n }
}

export type UnionFind = ReturnType<typeof createUnionFind>

import type { Organization } from '@qalxan/contracts'
import { describe, expect, it } from 'vitest'
import { buildOrgTree, filterOrgTree, type OrgNode } from './tree.ts'

const org = (id: string, parentId: string | null, az = id): Organization => ({
  id,
  code: id.toUpperCase(),
  name: { az },
  shortName: null,
  type: 'ministry',
  jurisdiction: 'national',
  parentId,
  archivedAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
})

const shape = (nodes: OrgNode[]): unknown => nodes.map((n) => [n.org.id, shape(n.children)])

describe('buildOrgTree', () => {
  it('nests children under parents and sorts by name', () => {
    const tree = buildOrgTree(
      [
        org('b', 'cab', 'Nazirlik B'),
        org('cab', null, 'Kabinet'),
        org('a', 'cab', 'Nazirlik A'),
        org('x', 'a'),
      ],
      (o) => o.name.az,
    )
    expect(shape(tree)).toEqual([
      [
        'cab',
        [
          ['a', [['x', []]]],
          ['b', []],
        ],
      ],
    ])
  })

  it('keeps orphans as roots and survives cycles', () => {
    const tree = buildOrgTree([org('a', 'missing'), org('p', 'q'), org('q', 'p')], (o) => o.id)
    const ids = JSON.stringify(shape(tree))
    for (const id of ['a', 'p', 'q']) expect(ids).toContain(`"${id}"`)
  })

  it('filters and keeps the path to each match', () => {
    const tree = buildOrgTree(
      [org('cab', null), org('m1', 'cab', 'Rəqəmsal İnkişaf'), org('m2', 'cab', 'Müdafiə')],
      (o) => o.id,
    )
    expect(shape(filterOrgTree(tree, (o) => o.name.az.includes('Rəqəmsal')))).toEqual([['cab', [['m1', []]]]])
  })
})

import { describe, expect, it } from 'vitest'
import { groupHits, type SearchHit } from './search-box.tsx'

const hit = (kind: SearchHit['kind'], id: string): SearchHit => ({
  kind,
  id,
  measureId: 'm',
  measureCode: '1.1',
  title: id,
  snippet: '',
  link: '/plan/measures/m',
})

describe('header search', () => {
  it('groups hits by kind in a fixed order and leaves empty groups out', () => {
    const groups = groupHits([
      hit('comment', 'c1'),
      hit('measure', 'm1'),
      hit('comment', 'c2'),
      hit('evidence', 'e1'),
    ])
    expect(groups.map((g) => [g.kind, g.hits.map((h) => h.id)])).toEqual([
      ['measure', ['m1']],
      ['evidence', ['e1']],
      ['comment', ['c1', 'c2']],
    ])
  })
})

import type { Organization } from '@qalxan/contracts'

export interface OrgNode {
  org: Organization
  children: OrgNode[]
}

/**
 * Turns the flat list into a forest. An organisation whose parent is missing (archived, or not
 * visible) becomes a root rather than disappearing; cycles cannot hang the page.
 */
export function buildOrgTree(orgs: readonly Organization[], sortKey: (o: Organization) => string): OrgNode[] {
  const nodes = new Map<string, OrgNode>()
  for (const org of orgs) nodes.set(org.id, { org, children: [] })
  const roots: OrgNode[] = []
  for (const node of nodes.values()) {
    const parentId = node.org.parentId
    const parent = parentId && parentId !== node.org.id ? nodes.get(parentId) : undefined
    if (parent && !isAncestor(node, parent, nodes)) parent.children.push(node)
    else roots.push(node)
  }
  const sort = (list: OrgNode[]) => {
    list.sort((a, b) => sortKey(a.org).localeCompare(sortKey(b.org)))
    for (const n of list) sort(n.children)
  }
  sort(roots)
  return roots
}

function isAncestor(node: OrgNode, candidate: OrgNode, nodes: Map<string, OrgNode>): boolean {
  const seen = new Set<string>()
  let cur: OrgNode | undefined = candidate
  while (cur && !seen.has(cur.org.id)) {
    if (cur.org.id === node.org.id) return true
    seen.add(cur.org.id)
    cur = cur.org.parentId ? nodes.get(cur.org.parentId) : undefined
  }
  return false
}

/** Keeps the nodes that match, with the path that leads to them. */
export function filterOrgTree(nodes: OrgNode[], match: (o: Organization) => boolean): OrgNode[] {
  const out: OrgNode[] = []
  for (const n of nodes) {
    const children = filterOrgTree(n.children, match)
    if (match(n.org) || children.length > 0) out.push({ org: n.org, children })
  }
  return out
}

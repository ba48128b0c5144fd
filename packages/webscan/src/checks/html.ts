import { parse } from 'parse5'

export interface PageRefs {
  /** tag, attribute value, resolved URL (or undefined when unresolvable), integrity present */
  resources: { tag: string; attr: string; raw: string; url?: string; integrity: boolean; rel?: string }[]
  httpEquiv: Map<string, string[]>
  generator?: string
  metaRefresh?: string
}

interface Node {
  nodeName: string
  attrs?: { name: string; value: string }[]
  childNodes?: Node[]
  content?: Node
}

const RESOURCE_ATTRS: Record<string, string> = {
  script: 'src',
  link: 'href',
  iframe: 'src',
  frame: 'src',
  img: 'src',
  audio: 'src',
  video: 'src',
  source: 'src',
  object: 'data',
  embed: 'src',
  form: 'action',
}

const MAX_NODES = 200_000

/** Static references of the page; the walk is bounded so hostile HTML cannot run away with the scan. */
export const extractRefs = (html: string, base: string): PageRefs => {
  const refs: PageRefs = { resources: [], httpEquiv: new Map() }
  const doc = parse(html) as unknown as Node
  const stack: Node[] = [doc]
  let visited = 0
  while (stack.length > 0 && visited++ < MAX_NODES) {
    const node = stack.pop() as Node
    const attrs = new Map((node.attrs ?? []).map((a) => [a.name.toLowerCase(), a.value]))
    const attrName = RESOURCE_ATTRS[node.nodeName]
    const raw = attrName ? attrs.get(attrName)?.trim() : undefined
    if (attrName && raw) {
      let url: string | undefined
      try {
        url = new URL(raw, base).href
      } catch {
        url = undefined
      }
      const rel = attrs.get('rel')?.toLowerCase()
      refs.resources.push({
        tag: node.nodeName,
        attr: attrName,
        raw,
        ...(url ? { url } : {}),
        integrity: attrs.has('integrity'),
        ...(rel ? { rel } : {}),
      })
    }
    if (node.nodeName === 'meta') {
      const equiv = attrs.get('http-equiv')?.toLowerCase()
      const content = attrs.get('content')
      if (equiv && content !== undefined) {
        refs.httpEquiv.set(equiv, [...(refs.httpEquiv.get(equiv) ?? []), content])
        if (equiv === 'refresh') refs.metaRefresh = content
      }
      if (attrs.get('name')?.toLowerCase() === 'generator' && content) refs.generator = content
    }
    for (const child of node.childNodes ?? []) stack.push(child)
    if (node.content) stack.push(node.content)
  }
  return refs
}

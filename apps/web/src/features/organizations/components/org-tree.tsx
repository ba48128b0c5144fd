import { TextInput, UnstyledButton } from '@mantine/core'
import type { Organization } from '@qalxan/contracts'
import { Link } from '@tanstack/react-router'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { localized } from '../../../lib/format.ts'
import { buildOrgTree, filterOrgTree, type OrgNode } from '../tree.ts'

function Node({
  node,
  lang,
  open,
  toggle,
}: {
  node: OrgNode
  lang: string
  open: Set<string>
  toggle: (id: string) => void
}) {
  const { t } = useTranslation()
  const expanded = open.has(node.org.id)
  const name = localized(node.org.name, lang)
  return (
    <li>
      <div className="tree-row">
        {node.children.length > 0 ? (
          <UnstyledButton
            className="tree-toggle"
            onClick={() => toggle(node.org.id)}
            aria-expanded={expanded}
            aria-label={expanded ? t('tree.collapse', { name }) : t('tree.expand', { name })}
          >
            {expanded ? '▾' : '▸'}
          </UnstyledButton>
        ) : (
          <span className="tree-spacer" />
        )}
        <Link to="/organizations/$orgId" params={{ orgId: node.org.id }} className="tree-link">
          {name}
        </Link>
        {node.org.archivedAt && <span className="tree-muted">({t('organizations.archived')})</span>}
      </div>
      {expanded && node.children.length > 0 && (
        <ul>
          {node.children.map((c) => (
            <Node key={c.org.id} node={c} lang={lang} open={open} toggle={toggle} />
          ))}
        </ul>
      )}
    </li>
  )
}

export function OrgTree({ orgs }: { orgs: Organization[] }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const [filter, setFilter] = useState('')
  // Until the user folds or unfolds something, the top level is shown unfolded.
  const [userOpen, setOpen] = useState<Set<string> | null>(null)
  const tree = useMemo(() => buildOrgTree(orgs, (o) => localized(o.name, lang)), [orgs, lang])
  const open = useMemo(() => userOpen ?? new Set(tree.map((n) => n.org.id)), [userOpen, tree])
  const needle = filter.trim().toLocaleLowerCase()
  const shown = useMemo(
    () =>
      needle
        ? filterOrgTree(tree, (o) =>
            [o.code, o.shortName ?? '', o.name.az, o.name.en ?? '', o.name.ru ?? ''].some((s) =>
              s.toLocaleLowerCase().includes(needle),
            ),
          )
        : tree,
    [tree, needle],
  )
  // While filtering, everything that matched is shown unfolded.
  const openSet = useMemo(() => (needle ? new Set(orgs.map((o) => o.id)) : open), [needle, orgs, open])
  const toggle = (id: string) =>
    setOpen(() => {
      const next = new Set(open)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  return (
    <div>
      <TextInput
        label={t('organizations.filterTree')}
        size="xs"
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
        mb="xs"
      />
      {shown.length === 0 ? (
        <p className="muted">{t('common.nothingFound')}</p>
      ) : (
        <ul className="org-tree" aria-label={t('organizations.tree')}>
          {shown.map((n) => (
            <Node key={n.org.id} node={n} lang={lang} open={openSet} toggle={toggle} />
          ))}
        </ul>
      )}
    </div>
  )
}

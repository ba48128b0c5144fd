import { Loader, Popover, Text, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../../lib/api.ts'
import { describeError } from '../../../lib/errors.ts'
import { safeRedirect } from '../../../lib/redirect.ts'
import { useDebounced } from '../../../lib/use-debounced.ts'
import './search-box.css'

/**
 * One hit of GET /api/search. @qalxan/contracts has no schema for the search yet; this is the
 * documented answer of the route.
 */
export interface SearchHit {
  kind: 'measure' | 'report' | 'evidence' | 'comment'
  id: string
  measureId: string
  measureCode: string
  title: string
  snippet: string
  link: string
}
const KINDS = ['measure', 'report', 'evidence', 'comment'] as const

/** Hits grouped by kind, in a fixed order, empty groups left out. */
export const groupHits = (hits: readonly SearchHit[]) =>
  KINDS.map((kind) => ({ kind, hits: hits.filter((h) => h.kind === kind) })).filter((g) => g.hits.length > 0)

/** The header's search over measures, reports, evidence and comments; the server filters by access. */
export function SearchBox() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [q, setQ] = useState('')
  const [open, setOpen] = useState(false)
  const term = useDebounced(q.trim(), 300)
  const enabled = term.length >= 2
  const res = useQuery({
    queryKey: ['search', term],
    queryFn: ({ signal }) =>
      api.get<{ items: SearchHit[] }>('/api/search', { query: { q: term, limit: 20 }, signal }),
    enabled,
    staleTime: 30_000,
  })
  const groups = groupHits(res.data?.items ?? [])
  const go = (link: string) => {
    setOpen(false)
    setQ('')
    void navigate({ href: safeRedirect(link) })
  }
  return (
    <Popover
      opened={open && enabled}
      onChange={setOpen}
      position="bottom-start"
      width={420}
      withinPortal={false}
    >
      <Popover.Target>
        <search>
          <form
            className="qx-search"
            onSubmit={(e) => {
              e.preventDefault()
              const first = groups[0]?.hits[0]
              if (first) go(first.link)
            }}
          >
            <TextInput
              type="search"
              size="xs"
              aria-label={t('search.label')}
              placeholder={t('search.placeholder')}
              value={q}
              onChange={(e) => {
                setQ(e.currentTarget.value)
                setOpen(true)
              }}
              onFocus={() => setOpen(true)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setOpen(false)
              }}
              rightSection={res.isFetching ? <Loader size={14} /> : null}
            />
          </form>
        </search>
      </Popover.Target>
      <Popover.Dropdown className="qx-search-results" aria-live="polite">
        {res.error ? (
          <Text size="sm" c="red">
            {describeError(t, res.error).title}
          </Text>
        ) : res.data && groups.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('search.none')}
          </Text>
        ) : (
          groups.map((g) => (
            <section key={g.kind} aria-label={t(`search.kind.${g.kind}`)}>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt={4}>
                {t(`search.kind.${g.kind}`)}
              </Text>
              <ul className="plain-list">
                {g.hits.map((h) => (
                  <li key={`${h.kind}-${h.id}`}>
                    <a
                      href={safeRedirect(h.link)}
                      onClick={(e) => {
                        e.preventDefault()
                        go(h.link)
                      }}
                    >
                      {!h.title.startsWith(h.measureCode) && (
                        <Text span size="sm" fw={600} mr={4}>
                          {h.measureCode}
                        </Text>
                      )}
                      <Text span size="sm">
                        {h.title}
                      </Text>
                    </a>
                    {h.snippet && (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {h.snippet}
                      </Text>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ))
        )}
      </Popover.Dropdown>
    </Popover>
  )
}

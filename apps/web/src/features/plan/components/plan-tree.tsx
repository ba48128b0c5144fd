import { UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { localized } from '../../../lib/format.ts'
import type { PlanTree as Tree } from '../api/plan.ts'

/** Directions and their goals with measure counts; choosing one filters the measure list. */
export function PlanTree({
  tree,
  directionId,
  goalId,
  onChoose,
}: {
  tree: Tree
  directionId?: string
  goalId?: string
  onChoose: (choice: { directionId?: string; goalId?: string }) => void
}) {
  const { t, i18n } = useTranslation()
  const total = tree.directions.reduce((n, d) => n + d.goals.reduce((m, g) => m + g.measureCount, 0), 0)
  return (
    <nav aria-label={t('plan.tree')}>
      <ul className="qx-tree">
        <li>
          <UnstyledButton
            className={!directionId && !goalId ? 'qx-tree-item active' : 'qx-tree-item'}
            aria-current={!directionId && !goalId ? 'true' : undefined}
            onClick={() => onChoose({ directionId: undefined, goalId: undefined })}
          >
            <span>{t('plan.allMeasures')}</span>
            <span className="qx-count">{total}</span>
          </UnstyledButton>
        </li>
        {tree.directions.map((d) => {
          const count = d.goals.reduce((m, g) => m + g.measureCount, 0)
          const dActive = directionId === d.id && !goalId
          return (
            <li key={d.id}>
              <UnstyledButton
                className={dActive ? 'qx-tree-item direction active' : 'qx-tree-item direction'}
                aria-current={dActive ? 'true' : undefined}
                onClick={() => onChoose({ directionId: d.id, goalId: undefined })}
              >
                <span>
                  <strong>{d.code}</strong> {localized(d.title, i18n.language)}
                </span>
                <span className="qx-count">{count}</span>
              </UnstyledButton>
              <ul>
                {d.goals.map((g) => {
                  const gActive = goalId === g.id
                  return (
                    <li key={g.id}>
                      <UnstyledButton
                        className={gActive ? 'qx-tree-item active' : 'qx-tree-item'}
                        aria-current={gActive ? 'true' : undefined}
                        onClick={() => onChoose({ directionId: d.id, goalId: g.id })}
                      >
                        <span>
                          <strong>{g.code}</strong> {localized(g.title, i18n.language)}
                        </span>
                        <span className="qx-count" title={t('plan.measureCount', { n: g.measureCount })}>
                          {g.measureCount}
                        </span>
                      </UnstyledButton>
                    </li>
                  )
                })}
              </ul>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}

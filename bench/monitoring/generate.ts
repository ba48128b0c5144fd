import type { Database } from '../../apps/server/src/platform/db.ts'
import { generateAuditTrail } from './audit-trail.ts'
import { checkForeignKeys, openLoader } from './copy.ts'
import { generateOrgs, generatePeople } from './people.ts'
import { generatePeriods, generatePlan } from './plan.ts'
import { generateReports } from './reports.ts'
import { prng } from './vocab.ts'

export type Scale = {
  organizations: number
  users: number
  measures: number
  auditEvents: number
  seed: number
}

export type Generated = Awaited<ReturnType<typeof generate>>

/**
 * A national-scale monitoring database, written straight into the tables with COPY in the order of
 * their foreign keys, then vacuumed and analysed as a database that has been running would be. The
 * steps that need the portal's own logic (the approved baseline, locking periods with their
 * snapshots) are done afterwards through the API, by `finishThroughApi` in run.ts.
 */
export const generate = async (database: Database, scale: Scale, log: (s: string) => void) => {
  const rnd = prng(scale.seed)
  const loader = await openLoader(database)
  const seconds: Record<string, number> = {}
  const timed = async <T>(name: string, fn: () => Promise<T>) => {
    const t = performance.now()
    const r = await fn()
    seconds[name] = (performance.now() - t) / 1000
    log(`  ${name}: ${seconds[name].toFixed(1)} s`)
    return r
  }
  const now = Date.now()
  const today = new Date(now).toISOString().slice(0, 10)
  try {
    const orgs = await timed('organisations', () => generateOrgs(loader, rnd, scale.organizations))
    const people = await timed('people', () => generatePeople(loader, rnd, orgs, scale.users))
    const plan = await timed('plan', () => generatePlan(loader, rnd, orgs, scale.measures))
    const periods = await timed('periods', () => generatePeriods(loader, rnd, plan.strategyId, today))
    const reports = await timed('reports', () =>
      generateReports(loader, rnd, {
        measures: plan.measures,
        periods,
        people: people.people,
        orgName: new Map(orgs.map((o) => [o.id, o.name.az])),
        today,
        now,
      }),
    )
    const audit = await timed('audit trail', () =>
      generateAuditTrail(loader, rnd, {
        count: scale.auditEvents,
        from: Date.parse('2024-01-08T06:00:00Z'),
        to: now - 2 * 3_600_000,
        people: people.people,
        reportIds: reports.reportIds,
        contributionIds: reports.contributionIds,
        measureCodes: plan.measures.map((m) => m.code),
        periodLabels: periods.map((p) => p.label),
      }),
    )
    const fks = await timed('foreign-key check', () => checkForeignKeys(loader))
    if (fks.broken.length) throw new Error(`generated rows break foreign keys:\n${fks.broken.join('\n')}`)
    // Visibility maps and planner statistics, as autovacuum would have left them.
    await timed('vacuum analyze', () => loader.query('vacuum analyze'))
    return {
      strategyId: plan.strategyId,
      orgs,
      people: people.people,
      measures: plan.measures,
      periods,
      openDrafts: reports.openDrafts,
      auditHead: audit.head,
      foreignKeysChecked: fks.checked,
      counts: {
        organizations: orgs.length,
        users: people.people.length,
        memberships: people.memberships,
        roleGrants: people.grants,
        ...plan.counts,
        reportingPeriods: periods.length,
        ...reports.counts,
        auditEvents: scale.auditEvents,
      } as Record<string, number>,
      seconds,
    }
  } finally {
    await loader.close()
  }
}

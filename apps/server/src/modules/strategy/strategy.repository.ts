import type { Clearance, MeasureListQuery } from '@qalxan/contracts'
import {
  and,
  asc,
  count,
  desc,
  eq,
  exists,
  getTableColumns,
  inArray,
  isNull,
  or,
  type SQL,
  sql,
} from 'drizzle-orm'
import {
  changeRequests,
  directions,
  goals,
  indicators,
  indicatorValues,
  measureExecutors,
  measures,
  milestones,
  organizations,
  planVersions,
  strategies,
} from '../../db/schema/index.ts'
import type { Executor } from '../../platform/db.ts'
import { prepared, preparedByShape } from '../../platform/prepared.ts'
import { foldForSearch } from './strategy.fns.ts'

const like = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`

export type MeasureRow = Omit<typeof measures.$inferSelect, 'searchText'> & {
  goalCode: string
  directionId: string
  directionCode: string
}
export type ExecutorRow = {
  measureId: string
  orgId: string
  role: string
  code: string
  name: typeof organizations.$inferSelect.name
  position: number
}

/** A milestone as a JSON column gives it (its dates as text, as the date columns are read). */
export type MilestoneRow = Omit<typeof milestones.$inferSelect, 'updatedAt'>
export type IndicatorRow = typeof indicators.$inferSelect & { values: IndicatorValueRow[] }
export type IndicatorValueRow = Pick<
  typeof indicatorValues.$inferSelect,
  'indicatorId' | 'year' | 'value' | 'source'
>
export type MeasureWithExecutors = MeasureRow & { executors: ExecutorRow[] }

// Every column but the folded text the list's filter matches, which no reader is answered with.
const { searchText: _searchText, ...measureOwnColumns } = getTableColumns(measures)
const measureColumns = {
  m: measureOwnColumns,
  goalCode: goals.code,
  directionId: directions.id,
  directionCode: directions.code,
}
const flatten = (r: {
  m: Omit<typeof measures.$inferSelect, 'searchText'>
  goalCode: string
  directionId: string
  directionCode: string
}) =>
  ({ ...r.m, goalCode: r.goalCode, directionId: r.directionId, directionCode: r.directionCode }) as MeasureRow

/** The measure's executors in plan order, as a column of the measure's row (one statement, not two). */
const executorsColumn = sql<
  ExecutorRow[]
>`(select coalesce(json_agg(json_build_object('measureId', e.measure_id,
    'orgId', e.org_id, 'role', e.role, 'code', o.code, 'name', o.name, 'position', e.position) order by e.position),
    '[]'::json)
  from ${measureExecutors} e join ${organizations} o on o.id = e.org_id where e.measure_id = "measures"."id")`
const withExecutors = (r: Parameters<typeof flatten>[0] & { executors: ExecutorRow[] }) =>
  ({ ...flatten(r), executors: r.executors }) as MeasureWithExecutors

/** The filters a list request uses: each set of them is one prepared statement (`listPage`, `listCount`). */
type ListFilter =
  | 'q'
  | 'directionId'
  | 'goalId'
  | 'outputType'
  | 'confidentiality'
  | 'deadlineYear'
  | 'orgId'
  | 'executorRole'
const LIST_FILTERS: ListFilter[] = [
  'q',
  'directionId',
  'goalId',
  'outputType',
  'confidentiality',
  'deadlineYear',
  'orgId',
  'executorRole',
]

/** The list's conditions for the filters in use, with their values as placeholders (see `listValues`). */
const measureWhere = (used: ReadonlySet<ListFilter>): SQL | undefined => {
  const p = (name: string) => sql.placeholder(name)
  const w: (SQL | undefined)[] = [
    eq(measures.strategyId, p('strategyId')),
    sql`${measures.confidentiality} = any(${p('levels')}::text[])`,
  ]
  if (used.has('q')) w.push(sql`${measures.searchText} like ${p('q')}`)
  if (used.has('directionId')) w.push(eq(directions.id, p('directionId')))
  if (used.has('goalId')) w.push(eq(measures.goalId, p('goalId')))
  if (used.has('outputType')) w.push(eq(measures.outputType, p('outputType')))
  if (used.has('confidentiality')) w.push(eq(measures.confidentiality, p('confidentiality')))
  if (used.has('deadlineYear')) {
    w.push(sql`${measures.deadlineStart} <= ${p('yearEnd')}::date`)
    w.push(or(isNull(measures.deadlineEnd), sql`${measures.deadlineEnd} >= ${p('yearStart')}::date`))
  }
  if (used.has('orgId')) {
    const ex = [eq(measureExecutors.measureId, measures.id), eq(measureExecutors.orgId, p('orgId'))]
    if (used.has('executorRole')) ex.push(eq(measureExecutors.role, p('executorRole')))
    // A correlated EXISTS: the executor filter must not multiply the rows.
    w.push(exists(sql`(select 1 from ${measureExecutors} where ${and(...ex)})`))
  }
  return and(...w)
}
const usedFilters = (f: Partial<MeasureListQuery>) =>
  new Set(LIST_FILTERS.filter((k) => f[k] && (k !== 'executorRole' || f.orgId)))
const listValues = (strategyId: string, f: Partial<MeasureListQuery>, levels: Clearance[]) => ({
  strategyId,
  levels,
  q: f.q ? like(foldForSearch(f.q)) : null,
  directionId: f.directionId,
  goalId: f.goalId,
  outputType: f.outputType,
  confidentiality: f.confidentiality,
  yearEnd: f.deadlineYear ? `${f.deadlineYear}-12-31` : null,
  yearStart: f.deadlineYear ? `${f.deadlineYear}-01-01` : null,
  orgId: f.orgId,
  executorRole: f.executorRole,
  limit: f.limit,
  offset: f.offset,
})

/** A page of the list, with the total beside each row, prepared once for each set of filters. */
const listPages = preparedByShape(
  'strategy_measure_list',
  (used: ReadonlySet<ListFilter>) => (db) =>
    db
      .select({
        ...measureColumns,
        executors: executorsColumn,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(measures)
      .innerJoin(goals, eq(goals.id, measures.goalId))
      .innerJoin(directions, eq(directions.id, goals.directionId))
      .where(measureWhere(used))
      .orderBy(asc(directions.position), asc(goals.position), asc(measures.position), asc(measures.code))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset')),
)
/** What a page past the end counts instead (the total its filters match). */
const listCounts = preparedByShape(
  'strategy_measure_count',
  (used: ReadonlySet<ListFilter>) => (db) =>
    db
      .select({ n: count() })
      .from(measures)
      .innerJoin(goals, eq(goals.id, measures.goalId))
      .innerJoin(directions, eq(directions.id, goals.directionId))
      .where(measureWhere(used)),
)
const shapeOf = (used: ReadonlySet<ListFilter>) => LIST_FILTERS.filter((k) => used.has(k)).join(',')

// Read by nearly every request about a measure (its visibility, its executors): prepared once.
const measureById = prepared('strategy_measure_by_id', (db) =>
  db
    .select({ ...measureColumns, executors: executorsColumn })
    .from(measures)
    .innerJoin(goals, eq(goals.id, measures.goalId))
    .innerJoin(directions, eq(directions.id, goals.directionId))
    .where(eq(measures.id, sql.placeholder('id'))),
)
/** The measure page's measure: with its milestones and indicators (each with its observed values). */
const measureDetailById = prepared('strategy_measure_detail_by_id', (db) =>
  db
    .select({
      ...measureColumns,
      executors: executorsColumn,
      milestones: sql<
        MilestoneRow[]
      >`(select coalesce(json_agg(json_build_object('id', s.id, 'measureId', s.measure_id,
        'title', s.title, 'originalPlannedDate', s.original_planned_date, 'plannedDate', s.planned_date,
        'actualDate', s.actual_date, 'stage', s.stage, 'actType', s.act_type, 'actNumber', s.act_number,
        'actDate', s.act_date, 'position', s.position) order by s.position, s.planned_date), '[]'::json)
      from ${milestones} s where s.measure_id = "measures"."id")`,
      indicators: sql<IndicatorRow[]>`(select coalesce(json_agg(json_build_object('id', i.id,
        'strategyId', i.strategy_id, 'measureId', i.measure_id, 'code', i.code, 'name', i.name, 'unit', i.unit,
        'baseline', i.baseline, 'baselineYear', i.baseline_year, 'direction', i.direction, 'targets', i.targets,
        'values', (select coalesce(json_agg(json_build_object('indicatorId', v.indicator_id, 'year', v.year,
          'value', v.value, 'source', v.source) order by v.year, v.created_at), '[]'::json)
          from ${indicatorValues} v where v.indicator_id = i.id)) order by i.code), '[]'::json)
      from ${indicators} i where i.strategy_id = "measures"."strategy_id" and i.measure_id = "measures"."id")`,
    })
    .from(measures)
    .innerJoin(goals, eq(goals.id, measures.goalId))
    .innerJoin(directions, eq(directions.id, goals.directionId))
    .where(eq(measures.id, sql.placeholder('id'))),
)
const changeRequestsOfMeasure = prepared('strategy_change_requests_of_measure', (db) =>
  db
    .select({ c: changeRequests, measureCode: measures.code })
    .from(changeRequests)
    .innerJoin(measures, eq(measures.id, changeRequests.measureId))
    .where(eq(changeRequests.measureId, sql.placeholder('measureId')))
    .orderBy(desc(changeRequests.createdAt)),
)
const measureOfReport = prepared('strategy_measure_of_report', (db) =>
  db
    .select({ ...measureColumns, executors: executorsColumn })
    .from(measures)
    .innerJoin(goals, eq(goals.id, measures.goalId))
    .innerJoin(directions, eq(directions.id, goals.directionId))
    .where(
      eq(
        measures.id,
        sql`(select r.measure_id from measure_reports r where r.id = ${sql.placeholder('reportId')})`,
      ),
    ),
)

export const strategyRepository = {
  strategies: (db: Executor) => db.select().from(strategies).orderBy(desc(strategies.periodStart)),
  async strategyById(db: Executor, id: string) {
    const [s] = await db.select().from(strategies).where(eq(strategies.id, id))
    return s ?? null
  },
  async strategyByCode(db: Executor, code: string) {
    const [s] = await db.select().from(strategies).where(eq(strategies.code, code))
    return s ?? null
  },
  async insertStrategy(db: Executor, row: typeof strategies.$inferInsert) {
    const [s] = await db.insert(strategies).values(row).returning()
    return s as typeof strategies.$inferSelect
  },
  setBaseline: (db: Executor, id: string, version: number) =>
    db.update(strategies).set({ baselineVersion: version }).where(eq(strategies.id, id)),

  directions: (db: Executor, strategyId: string) =>
    db
      .select()
      .from(directions)
      .where(eq(directions.strategyId, strategyId))
      .orderBy(asc(directions.position)),
  goals: (db: Executor, strategyId: string) =>
    db.select().from(goals).where(eq(goals.strategyId, strategyId)).orderBy(asc(goals.position)),
  async insertDirection(db: Executor, row: typeof directions.$inferInsert) {
    const [d] = await db.insert(directions).values(row).returning()
    return d as typeof directions.$inferSelect
  },
  async insertGoal(db: Executor, row: typeof goals.$inferInsert) {
    const [g] = await db.insert(goals).values(row).returning()
    return g as typeof goals.$inferSelect
  },
  /** Measures per goal that the clearance opens, for the plan tree. */
  async measureCounts(db: Executor, strategyId: string, levels: Clearance[]) {
    const rows = await db
      .select({ goalId: measures.goalId, n: count() })
      .from(measures)
      .where(and(eq(measures.strategyId, strategyId), inArray(measures.confidentiality, levels)))
      .groupBy(measures.goalId)
    return new Map(rows.map((r) => [r.goalId, r.n]))
  },

  /**
   * A page of the measure list with each measure's executors and the count of all that match, in
   * one statement (`count(*) over ()`). A page past the end has no row to carry the count: only
   * then is it counted on its own.
   */
  async listMeasures(db: Executor, strategyId: string, f: MeasureListQuery, levels: Clearance[]) {
    const used = usedFilters(f)
    const values = listValues(strategyId, f, levels)
    const rows = await listPages(shapeOf(used), used)(db, values)
    if (rows.length > 0 || f.offset === 0)
      return { items: rows.map(withExecutors), total: rows[0]?.total ?? 0 }
    const [t] = await listCounts(shapeOf(used), used)(db, values)
    return { items: [], total: t?.n ?? 0 }
  },
  /** Every measure of a strategy (all levels): for roll-ups, exports and snapshots. */
  async allMeasures(db: Executor, strategyId: string) {
    const rows = await db
      .select(measureColumns)
      .from(measures)
      .innerJoin(goals, eq(goals.id, measures.goalId))
      .innerJoin(directions, eq(directions.id, goals.directionId))
      .where(eq(measures.strategyId, strategyId))
      .orderBy(asc(directions.position), asc(goals.position), asc(measures.position), asc(measures.code))
    return rows.map(flatten)
  },
  /** The measure with its goal, direction and executors. */
  /**
   * The active measures of a strategy with only what their figures need, the lead executors (id and
   * code) as a column: for the dashboards, snapshots and reminders, which read every measure.
   */
  figureMeasures: (db: Executor, strategyId: string) =>
    db
      .select({
        id: measures.id,
        code: measures.code,
        title: measures.title,
        weight: measures.weight,
        confidentiality: measures.confidentiality,
        deadlineKind: measures.deadlineKind,
        deadlineValue: measures.deadlineValue,
        deadlineStart: measures.deadlineStart,
        deadlineEnd: measures.deadlineEnd,
        goalId: measures.goalId,
        goalCode: goals.code,
        directionId: directions.id,
        directionCode: directions.code,
        leads: sql<
          { orgId: string; code: string }[]
        >`(select coalesce(json_agg(json_build_object('orgId', e.org_id,
          'code', o.code) order by e.position), '[]'::json)
          from ${measureExecutors} e join ${organizations} o on o.id = e.org_id
          where e.measure_id = "measures"."id" and e.role = 'lead')`,
      })
      .from(measures)
      .innerJoin(goals, eq(goals.id, measures.goalId))
      .innerJoin(directions, eq(directions.id, goals.directionId))
      .where(and(eq(measures.strategyId, strategyId), eq(measures.state, 'active')))
      .orderBy(asc(directions.position), asc(goals.position), asc(measures.position), asc(measures.code)),
  /** The measure with its goal, direction and executors. */
  async measureById(db: Executor, id: string) {
    const [r] = await measureById(db, { id })
    return r ? withExecutors(r) : null
  },
  async insertMeasure(db: Executor, row: typeof measures.$inferInsert) {
    const [m] = await db.insert(measures).values(row).returning()
    return m as typeof measures.$inferSelect
  },
  updateMeasure: (db: Executor, id: string, set: Partial<typeof measures.$inferInsert>) =>
    db.update(measures).set(set).where(eq(measures.id, id)),

  executors: (db: Executor, measureIds: string[]): Promise<ExecutorRow[]> =>
    measureIds.length
      ? db
          .select({
            measureId: measureExecutors.measureId,
            orgId: measureExecutors.orgId,
            role: measureExecutors.role,
            code: organizations.code,
            name: organizations.name,
            position: measureExecutors.position,
          })
          .from(measureExecutors)
          .innerJoin(organizations, eq(organizations.id, measureExecutors.orgId))
          .where(inArray(measureExecutors.measureId, measureIds))
          .orderBy(asc(measureExecutors.position))
      : Promise.resolve([]),
  async setExecutors(db: Executor, measureId: string, rows: { orgId: string; role: string }[]) {
    await db.delete(measureExecutors).where(eq(measureExecutors.measureId, measureId))
    if (rows.length)
      await db.insert(measureExecutors).values(rows.map((r, i) => ({ measureId, ...r, position: i })))
  },
  /** The measures in which an organisation takes part, with its role. */
  measuresOfOrg: (db: Executor, orgId: string) =>
    db
      .select({ measureId: measureExecutors.measureId, role: measureExecutors.role })
      .from(measureExecutors)
      .where(eq(measureExecutors.orgId, orgId)),
  orgsByCodes: (db: Executor, codes: string[]) =>
    codes.length
      ? db
          .select({ id: organizations.id, code: organizations.code, name: organizations.name })
          .from(organizations)
          .where(inArray(organizations.code, codes))
      : Promise.resolve([]),

  milestones: (db: Executor, measureIds: string[]) =>
    measureIds.length
      ? db
          .select()
          .from(milestones)
          .where(inArray(milestones.measureId, measureIds))
          .orderBy(asc(milestones.position), asc(milestones.plannedDate))
      : Promise.resolve([]),
  async milestoneById(db: Executor, id: string) {
    const [m] = await db.select().from(milestones).where(eq(milestones.id, id))
    return m ?? null
  },
  async insertMilestone(db: Executor, row: typeof milestones.$inferInsert) {
    const [m] = await db.insert(milestones).values(row).returning()
    return m as typeof milestones.$inferSelect
  },
  async updateMilestone(db: Executor, id: string, set: Partial<typeof milestones.$inferInsert>) {
    const [m] = await db.update(milestones).set(set).where(eq(milestones.id, id)).returning()
    return m ?? null
  },

  indicators: (db: Executor, strategyId: string, measureId?: string | null) =>
    db
      .select()
      .from(indicators)
      .where(
        and(
          eq(indicators.strategyId, strategyId),
          measureId === undefined
            ? undefined
            : measureId === null
              ? isNull(indicators.measureId)
              : eq(indicators.measureId, measureId),
        ),
      )
      .orderBy(asc(indicators.code)),
  /** The measure of a report, with its goal, direction and executors. */
  async measureOfReport(db: Executor, reportId: string) {
    const [r] = await measureOfReport(db, { reportId })
    return r ? withExecutors(r) : null
  },
  /**
   * The measure with its goal, direction and executors, and its milestones and indicators (each with
   * its observed values) as columns: what the measure page shows of the plan, in one statement.
   */
  async measureDetailById(db: Executor, id: string) {
    const [r] = await measureDetailById(db, { id })
    return r ? { ...withExecutors(r), milestones: r.milestones, indicators: r.indicators } : null
  },
  async insertIndicator(db: Executor, row: typeof indicators.$inferInsert) {
    const [i] = await db.insert(indicators).values(row).returning()
    return i as typeof indicators.$inferSelect
  },
  indicatorValues: (db: Executor, indicatorIds: string[]) =>
    indicatorIds.length
      ? db
          .select()
          .from(indicatorValues)
          .where(inArray(indicatorValues.indicatorId, indicatorIds))
          .orderBy(asc(indicatorValues.year), asc(indicatorValues.createdAt))
      : Promise.resolve([]),
  insertIndicatorValue: (db: Executor, row: typeof indicatorValues.$inferInsert) =>
    db.insert(indicatorValues).values(row),

  versions: (db: Executor, strategyId: string) =>
    db
      .select({
        version: planVersions.version,
        note: planVersions.note,
        decision: planVersions.decision,
        changeRequestId: planVersions.changeRequestId,
        createdAt: planVersions.createdAt,
      })
      .from(planVersions)
      .where(eq(planVersions.strategyId, strategyId))
      .orderBy(desc(planVersions.version)),
  async version(db: Executor, strategyId: string, version: number) {
    const [v] = await db
      .select()
      .from(planVersions)
      .where(and(eq(planVersions.strategyId, strategyId), eq(planVersions.version, version)))
    return v ?? null
  },
  insertVersion: (db: Executor, row: typeof planVersions.$inferInsert) => db.insert(planVersions).values(row),

  changeRequests: (db: Executor, strategyId: string, measureId?: string) =>
    db
      .select({ c: changeRequests, measureCode: measures.code, confidentiality: measures.confidentiality })
      .from(changeRequests)
      .innerJoin(measures, eq(measures.id, changeRequests.measureId))
      .where(
        and(
          eq(changeRequests.strategyId, strategyId),
          measureId ? eq(changeRequests.measureId, measureId) : undefined,
        ),
      )
      .orderBy(desc(changeRequests.createdAt)),
  changeRequestsOfMeasure: (db: Executor, measureId: string) => changeRequestsOfMeasure(db, { measureId }),
  async changeRequestById(db: Executor, id: string) {
    const [r] = await db
      .select({ c: changeRequests, measureCode: measures.code })
      .from(changeRequests)
      .innerJoin(measures, eq(measures.id, changeRequests.measureId))
      .where(eq(changeRequests.id, id))
    return r ?? null
  },
  async insertChangeRequest(db: Executor, row: typeof changeRequests.$inferInsert) {
    const [c] = await db.insert(changeRequests).values(row).returning()
    return c as typeof changeRequests.$inferSelect
  },
  /** Decides a request still open; null when someone else decided it first. */
  async decideChangeRequest(db: Executor, id: string, set: Partial<typeof changeRequests.$inferInsert>) {
    const [c] = await db
      .update(changeRequests)
      .set(set)
      .where(and(eq(changeRequests.id, id), eq(changeRequests.state, 'proposed')))
      .returning()
    return c ?? null
  },
}
export type StrategyRepository = typeof strategyRepository

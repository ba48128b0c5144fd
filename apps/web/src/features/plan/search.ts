import {
  CLEARANCES,
  type Clearance,
  EXECUTOR_ROLES,
  type ExecutorRole,
  OUTPUT_TYPES,
  type OutputType,
} from '@qalxan/contracts'

/** Rows per page of the measure list. */
export const MEASURE_PAGE_SIZE = 25

/** The measure list's filters as they stand in the address, so a filtered list can be linked. */
export interface MeasureFilters {
  strategy?: string
  q?: string
  directionId?: string
  goalId?: string
  orgId?: string
  executorRole?: ExecutorRole
  outputType?: OutputType
  deadlineYear?: number
  confidentiality?: Clearance
  page?: number
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const uuid = (v: unknown): string | undefined => (typeof v === 'string' && UUID.test(v) ? v : undefined)
const oneOf = <T extends string>(values: readonly T[], v: unknown): T | undefined =>
  values.includes(v as T) ? (v as T) : undefined
/** Search values come as strings or, when they look like numbers, as numbers. */
const int = (v: unknown, min: number, max: number): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,7}$/.test(v) ? Number(v) : Number.NaN
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined
}

/** Only well-formed values pass: the address is user input. */
export function parseMeasureSearch(s: Record<string, unknown>): MeasureFilters {
  const q = typeof s.q === 'string' ? s.q.trim().slice(0, 100) : typeof s.q === 'number' ? String(s.q) : ''
  const out: MeasureFilters = {
    strategy: uuid(s.strategy),
    q: q || undefined,
    directionId: uuid(s.directionId),
    goalId: uuid(s.goalId),
    orgId: uuid(s.orgId),
    executorRole: oneOf(EXECUTOR_ROLES, s.executorRole),
    outputType: oneOf(OUTPUT_TYPES, s.outputType),
    deadlineYear: int(s.deadlineYear, 2000, 2100),
    confidentiality: oneOf(CLEARANCES, s.confidentiality),
    page: int(s.page, 2, 40_000),
  }
  return compact(out)
}

/** Drops unset values so links and cache keys carry only what was chosen. */
export function compact<T extends object>(o: T): T {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== null && v !== '') out[k] = v
  return out as T
}

/** The list endpoint's query for these filters: the page becomes limit and offset. */
export function toMeasureQuery(f: MeasureFilters): Record<string, string | number | undefined> {
  const { strategy: _s, page, ...rest } = f
  return { ...rest, limit: MEASURE_PAGE_SIZE, offset: ((page ?? 1) - 1) * MEASURE_PAGE_SIZE }
}

/** A change of one filter starts again from the first page. */
export function withFilter(f: MeasureFilters, patch: Partial<MeasureFilters>): MeasureFilters {
  const next: MeasureFilters = { ...f, ...patch }
  if (!('page' in patch) || next.page === 1) delete next.page
  // A goal belongs to one direction: choosing another direction forgets the goal.
  if ('directionId' in patch && patch.directionId !== f.directionId && !('goalId' in patch))
    delete next.goalId
  return compact(next)
}

/** How many filters beyond the strategy and page are set, for the "clear filters" button. */
export const activeFilterCount = (f: MeasureFilters): number =>
  Object.keys(compact({ ...f, strategy: undefined, page: undefined })).length

/** `?period=` of the measure page and the dashboards. */
export function parsePeriodSearch(s: Record<string, unknown>): { period?: string; strategy?: string } {
  return compact({ period: uuid(s.period), strategy: uuid(s.strategy) })
}

/** `?strategy=` alone. */
export function parseStrategySearch(s: Record<string, unknown>): { strategy?: string } {
  return compact({ strategy: uuid(s.strategy) })
}

/** `?strategy=&measure=` of the change requests page (a measure opens the proposal form). */
export function parseChangesSearch(s: Record<string, unknown>): { strategy?: string; measure?: string } {
  return compact({ strategy: uuid(s.strategy), measure: uuid(s.measure) })
}

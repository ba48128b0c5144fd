import { ident } from './comparisons.ts'
import type { LinkageConfig } from './config.ts'
import type { Db } from './db.ts'

export type AreaStats = {
  level: 'precinct' | 'constituency'
  area: string
  voters: number
  male: number
  female: number
  meanAge: number | null
  age18to29: number
  age30to44: number
  age45to59: number
  age60plus: number
  /** Voting-age population given as input, when known. */
  expected: number | null
  /** voters / expected - 1. */
  deviation: number | null
  flags: string[]
}

export type StatsOptions = {
  electionDate: string
  /** Voting-age population per precinct or constituency code. */
  population?: ReadonlyMap<string, number>
  /** Relative gap from the population figure that is flagged (0.1 = 10 %). */
  tolerance?: number
  /** Robust z-score (median and MAD over all areas of a level) above which a share is flagged. */
  zLimit?: number
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}

/** Flags areas whose value is far from the others', using the median and MAD so outliers do not hide each other. */
export const robustOutliers = (values: number[], limit: number): boolean[] => {
  const m = median(values)
  const mad = median(values.map((v) => Math.abs(v - m)))
  // When more than half the areas share one value the MAD is 0; the mean absolute deviation
  // (scaled to match a standard deviation) still separates the odd ones out.
  const spread =
    mad > 0 ? mad / 0.6745 : (values.reduce((a, v) => a + Math.abs(v - m), 0) / values.length) * 1.2533
  if (spread === 0) return values.map(() => false)
  return values.map((v) => Math.abs(v - m) / spread > limit)
}

/** Counts, sex and age structure per precinct and constituency, with outliers flagged. */
export const areaStatistics = async (
  db: Db,
  config: LinkageConfig,
  options: StatsOptions,
): Promise<AreaStats[]> => {
  const birth = Object.entries(config.columns).find(([, c]) => c.kind === 'date')?.[0]
  const sex = Object.entries(config.columns).find(([, c]) => c.kind === 'sex')?.[0]
  const e = `DATE '${options.electionDate.replace(/[^0-9-]/g, '')}'`
  const b = birth ? `TRY_CAST(${ident(birth)} AS DATE)` : 'NULL::DATE'
  const age = `(year(${e}) - year(${b}) - CASE WHEN month(${b}) * 100 + day(${b}) > month(${e}) * 100 + day(${e}) THEN 1 ELSE 0 END)`
  const s = sex ? ident(sex) : 'NULL'
  const out: AreaStats[] = []
  const levels = [
    ['precinct', config.quality.precinct],
    ['constituency', config.quality.constituency],
  ] as const
  for (const [level, column] of levels) {
    if (!column) continue
    const rows = await db.all<Omit<AreaStats, 'level' | 'expected' | 'deviation' | 'flags'>>(
      `WITH a AS (SELECT ${ident(column)} AS area, ${age} AS age, ${s} AS sex FROM records)
       SELECT coalesce(area, '(none)') AS area, count(*) AS voters,
         count(*) FILTER (WHERE sex = 'm') AS male, count(*) FILTER (WHERE sex = 'f') AS female,
         round(avg(age), 2) AS "meanAge",
         count(*) FILTER (WHERE age BETWEEN 18 AND 29) AS "age18to29", count(*) FILTER (WHERE age BETWEEN 30 AND 44) AS "age30to44",
         count(*) FILTER (WHERE age BETWEEN 45 AND 59) AS "age45to59", count(*) FILTER (WHERE age >= 60) AS "age60plus"
       FROM a GROUP BY 1 ORDER BY 1`,
    )
    const z = options.zLimit ?? 3.5
    const share = (f: (r: (typeof rows)[number]) => number) =>
      rows.map((r) => (r.voters ? f(r) / r.voters : 0))
    const maleOut = robustOutliers(
      share((r) => r.male),
      z,
    )
    const oldOut = robustOutliers(
      share((r) => r.age60plus),
      z,
    )
    const youngOut = robustOutliers(
      share((r) => r.age18to29),
      z,
    )
    rows.forEach((r, i) => {
      const expected = options.population?.get(r.area) ?? null
      const deviation = expected ? r.voters / expected - 1 : null
      const flags: string[] = []
      if (deviation !== null && Math.abs(deviation) > (options.tolerance ?? 0.1))
        flags.push(`voters ${r.voters} vs population ${expected} (${(deviation * 100).toFixed(1)} %)`)
      if (maleOut[i]) flags.push('unusual share of men')
      if (oldOut[i]) flags.push('unusual share of voters aged 60 and over')
      if (youngOut[i]) flags.push('unusual share of voters aged 18-29')
      out.push({ level, ...r, expected, deviation, flags })
    })
  }
  return out
}

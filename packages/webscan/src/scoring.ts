import type {
  BaselineResult,
  Cap,
  Category,
  CheckResult,
  Score,
  Severity,
  SiteResult,
  Verdict,
} from './types.ts'

export const SCORING_VERSION = 'qalxan-score/1'

const POINTS: Record<Severity, number> = { critical: 10, high: 10, medium: 5, low: 2, info: 0 }
const BONUS_POINTS = 5
const WEIGHTS: Record<Category, number> = { transport: 45, web: 25, mail: 15, dns: 10, hygiene: 5 }
const CAP_ORDER: Cap[] = ['F', 'C', 'B']
const GRADES: [number, Score['grade']][] = [
  [90, 'A'],
  [80, 'B'],
  [65, 'C'],
  [50, 'D'],
  [0, 'F'],
]

const gradeOf = (score: number): Score['grade'] => GRADES.find(([min]) => score >= min)?.[1] ?? 'F'
const rank = (g: string) => ['A+', 'A', 'B', 'C', 'D', 'F'].indexOf(g)

/**
 * Internet.nl-style points (pass full, warn half, fail none) per category, weighted and renormalised over
 * the categories that apply, then capped by critical failures as SSL Labs does. A pure function of the check
 * results, so a stored scan can be rescored.
 */
export const scoreSite = (all: CheckResult[]): Score => {
  const checks = all.filter((c) => !c.explained)
  const categories: Score['categories'] = {}
  const points: Score['points'] = {}
  for (const c of checks) {
    if (c.bonus || !['pass', 'warn', 'fail'].includes(c.verdict)) continue
    const max = POINTS[c.severity === 'info' ? 'info' : c.severity]
    if (max === 0) continue
    const earned = c.verdict === 'pass' ? max : c.verdict === 'warn' ? max / 2 : 0
    points[c.id] = { earned, max }
    const cat = categories[c.category] ?? { earned: 0, max: 0, percent: 0 }
    cat.earned += earned
    cat.max += max
    categories[c.category] = cat
  }
  let weighted = 0
  let weights = 0
  for (const [name, cat] of Object.entries(categories) as [
    Category,
    NonNullable<Score['categories'][Category]>,
  ][]) {
    cat.percent = Math.round((1000 * cat.earned) / cat.max) / 10
    weighted += WEIGHTS[name] * cat.percent
    weights += WEIGHTS[name]
  }
  const base = weights > 0 ? Math.round(weighted / weights) : 0
  // Bonuses only lift a score that is already high, so they can never paper over a failure.
  const bonuses = base >= 90 ? checks.filter((c) => c.bonus && c.verdict === 'pass').length * BONUS_POINTS : 0
  const score = Math.min(100, base + bonuses)
  const caps = checks.flatMap((c) => c.caps.map((cap) => ({ cap, check: c.id })))
  const warnings = checks.filter((c) => c.verdict === 'warn' && !c.bonus).length
  const fails = checks.filter((c) => c.verdict === 'fail' && !c.bonus).length
  let grade: Score['grade'] = gradeOf(score)
  // A+ as testssl gives it: an A with nothing left to fix.
  const uncappedGrade = grade === 'A' && warnings === 0 && fails === 0 ? 'A+' : grade
  grade = uncappedGrade as Score['grade']
  const worstCap = CAP_ORDER.find((cap) => caps.some((c) => c.cap === cap))
  if (worstCap && rank(worstCap) > rank(grade)) grade = worstCap as Score['grade']
  const failed = (sev: Severity[]) => checks.some((c) => c.verdict === 'fail' && sev.includes(c.severity))
  const light = failed(['critical', 'high']) ? 'red' : failed(['medium']) ? 'orange' : 'green'
  return {
    algorithm: SCORING_VERSION,
    score,
    grade,
    uncappedGrade,
    caps,
    light,
    categories,
    points,
    bonus: score - base,
    warnings,
    errors: checks.filter((c) => c.verdict === 'error').length,
    explained: all.filter((c) => c.explained).map((c) => c.id),
  }
}

interface Requirement {
  check: string
  accept: readonly Verdict[]
  /** A failure of these severities still meets the requirement (a finding the baseline does not cover). */
  acceptFailOf?: readonly Severity[]
}

/**
 * The national baseline: a named, versioned set of mandatory requirements over check results.
 * Version 2 follows the reference's "C4 (not expired)": a certificate that expires within 7 days fails
 * `cert-expiry` (severity high, red light) but the site still meets the baseline until it has expired
 * (severity critical). Version 1 counted the 7-day failure as unmet.
 */
export const BASELINE: { id: string; requirements: readonly Requirement[] } = {
  id: 'az-gov-web-baseline/2',
  requirements: [
    { check: 'https-reachable', accept: ['pass', 'warn'] },
    { check: 'http-redirect', accept: ['pass', 'warn'] },
    { check: 'no-downgrade', accept: ['pass'] },
    { check: 'hsts', accept: ['pass'] },
    { check: 'tls-protocols', accept: ['pass', 'warn'] },
    { check: 'tls-ciphers', accept: ['pass', 'warn'] },
    { check: 'cert-trust', accept: ['pass', 'warn'] },
    { check: 'cert-hostname', accept: ['pass'] },
    { check: 'cert-expiry', accept: ['pass', 'warn'], acceptFailOf: ['high'] },
    { check: 'spf', accept: ['pass', 'warn'] },
    { check: 'dmarc', accept: ['pass', 'warn'] },
  ],
}

const meets = (r: Requirement, c: CheckResult) =>
  r.accept.includes(c.verdict) || (c.verdict === 'fail' && Boolean(r.acceptFailOf?.includes(c.severity)))

/** A requirement whose check was not run or could not be evaluated counts as not met: compliance must be shown. */
export const evaluateBaseline = (checks: CheckResult[]): BaselineResult => {
  const failing = BASELINE.requirements
    .filter((r) => {
      const c = checks.find((x) => x.id === r.check)
      return !c || (!c.explained && !meets(r, c))
    })
    .map((r) => r.check)
  return { id: BASELINE.id, compliant: failing.length === 0, failing }
}

/**
 * Whether a run showed every requested site meeting the baseline. An empty or short result list is not
 * proof of anything (`[].every()` is true), so it counts as "not met".
 */
export const allCompliant = (results: readonly (SiteResult | undefined)[], requested: number): boolean =>
  requested > 0 && results.length === requested && results.every((r) => r?.baseline?.compliant === true)

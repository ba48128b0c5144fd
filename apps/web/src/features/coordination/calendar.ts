/**
 * The month view's arithmetic. Dates are calendar days (YYYY-MM-DD) computed in UTC, so no
 * daylight-saving change moves a day; a meeting's day is the reader's local day of its start.
 */

export interface DayCell {
  date: string
  day: number
  /** The day belongs to the month shown (the grid starts and ends with whole weeks). */
  inMonth: boolean
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const DAY = 86_400_000

function parseMonth(month: string): [number, number] {
  const [y, m] = month.split('-').map(Number)
  return [y ?? 1970, (m ?? 1) - 1]
}

/** Two-digit padding for months, days, hours and minutes. */
export const pad = (n: number) => String(n).padStart(2, '0')

/** The month (YYYY-MM) `by` months after `month`. */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = parseMonth(month)
  const d = new Date(Date.UTC(y, m + by, 1))
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`
}

/** The weeks of a month, Monday first, padded with the neighbouring months' days. */
export function monthGrid(month: string): DayCell[][] {
  const [y, m] = parseMonth(month)
  const first = Date.UTC(y, m, 1)
  // getUTCDay: 0 = Sunday; Monday-first offset 0..6.
  const lead = (new Date(first).getUTCDay() + 6) % 7
  const daysInMonth = new Date(Date.UTC(y, m + 1, 0)).getUTCDate()
  const cells = Math.ceil((lead + daysInMonth) / 7) * 7
  const weeks: DayCell[][] = []
  for (let i = 0; i < cells; i++) {
    const ms = first + (i - lead) * DAY
    const d = new Date(ms)
    if (i % 7 === 0) weeks.push([])
    weeks.at(-1)?.push({ date: iso(ms), day: d.getUTCDate(), inMonth: d.getUTCMonth() === m })
  }
  return weeks
}

/** First and last day the grid shows, for the calendar query. */
export function gridRange(weeks: DayCell[][]): { from: string; to: string } {
  return { from: weeks[0]?.[0]?.date ?? '', to: weeks.at(-1)?.at(-1)?.date ?? '' }
}

/** The reader's local calendar day of an instant. */
export function localDay(instant: string | Date): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** The reader's local month of an instant (YYYY-MM). */
export const localMonth = (instant: string | Date = new Date()) => localDay(instant).slice(0, 7)

/** `date` plus `n` days (n may be negative). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number)
  return iso(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) + n * DAY)
}

/** Meetings by their local day, each day in order of start. */
export function byDay<T extends { startsAt: string }>(meetings: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const m of [...meetings].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))) {
    const day = localDay(m.startsAt)
    const list = out.get(day)
    if (list) list.push(m)
    else out.set(day, [m])
  }
  return out
}

/**
 * The names the month view shows, from the catalogue: browsers lack Azerbaijani in their date
 * formats (Chromium falls back to English weekdays and "2026 M12"), so Intl cannot be relied on.
 * Each list is one catalogue string with its names separated by "|".
 */
export interface CalendarNames {
  /** Month names for a title, January first. */
  months: readonly string[]
  /** Month names after a day number ("21 dekabr", "21 декабря"). */
  monthsOf: readonly string[]
  /** Weekday names, Monday first. */
  weekdays: readonly string[]
  weekdaysShort: readonly string[]
}

export const splitNames = (list: string, n: number): string[] => {
  const names = list.split('|').map((s) => s.trim())
  return names.length === n ? names : Array.from({ length: n }, (_, i) => names[i] ?? String(i + 1))
}

/** "Dekabr 2026". */
export function monthTitle(month: string, names: Pick<CalendarNames, 'months'>): string {
  const [y, m] = parseMonth(month)
  return `${names.months[m] ?? m + 1} ${y}`
}

/** "21 dekabr", for a screen reader in a day cell. */
export function dayLabel(date: string, names: Pick<CalendarNames, 'monthsOf'>): string {
  const [, m, d] = date.split('-').map(Number)
  return `${d} ${names.monthsOf[(m ?? 1) - 1] ?? ''}`.trim()
}

/**
 * A `datetime-local` value (the reader's wall clock) as an instant with the reader's offset,
 * e.g. 2025-03-10T10:00 → 2025-03-10T10:00:00+04:00 in Baku. Anything else is returned as it is,
 * for the schema to refuse.
 */
export function fromLocalInput(local: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return local
  const d = new Date(local)
  if (Number.isNaN(d.getTime())) return local
  const offset = -d.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  const abs = Math.abs(offset)
  return `${local}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/** An instant as a `datetime-local` value on the reader's wall clock. */
export function toLocalInput(instant: string | null | undefined): string {
  if (!instant) return ''
  const d = new Date(instant)
  if (Number.isNaN(d.getTime())) return ''
  return `${localDay(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** Local wall-clock time of an instant, HH:mm. */
export function localTime(instant: string): string {
  const d = new Date(instant)
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`
}

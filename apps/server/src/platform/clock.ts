/** Injected so jobs and deadlines can be tested at any date. */
export interface Clock {
  now(): Date
}
export const systemClock: Clock = { now: () => new Date() }

/** The calendar day (UTC) of an instant, as the portal stores dates: "2024-02-01". */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10)

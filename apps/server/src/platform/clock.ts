/** Injected so jobs and deadlines can be tested at any date. */
export interface Clock {
  now(): Date
}
export const systemClock: Clock = { now: () => new Date() }

/**
 * Runs independent reads at once (each its own round trip on PostgreSQL's pool) but fails as if they
 * had run one after another: with the first failure in the order given, so that, for instance, a
 * measure the reader may not see answers "not found" whatever else was asked in the same request.
 */
export const allInOrder = async <T extends readonly unknown[]>(
  reads: readonly [...{ [K in keyof T]: Promise<T[K]> }],
): Promise<T> => {
  const settled = await Promise.allSettled(reads)
  for (const s of settled) if (s.status === 'rejected') throw s.reason
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T
}

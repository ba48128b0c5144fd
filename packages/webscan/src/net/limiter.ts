/** Keyed semaphore: at most `perKey` tasks run at once for one key (one IP address, for politeness). */
export const createKeyedLimiter = (perKey: number) => {
  const active = new Map<string, number>()
  const waiting = new Map<string, (() => void)[]>()

  const release = (key: string) => {
    const next = waiting.get(key)?.shift()
    if (next) return next()
    const count = (active.get(key) ?? 1) - 1
    if (count <= 0) active.delete(key)
    else active.set(key, count)
    if (waiting.get(key)?.length === 0) waiting.delete(key)
  }

  const run = async <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const count = active.get(key) ?? 0
    if (count < perKey) active.set(key, count + 1)
    else {
      await new Promise<void>((resolve) => {
        const queue = waiting.get(key) ?? []
        queue.push(resolve)
        waiting.set(key, queue)
      })
    }
    try {
      return await task()
    } finally {
      release(key)
    }
  }

  return { run }
}

/**
 * Runs `worker` over `items` with at most `concurrency` in flight, keeping input order in the output.
 * A concurrency that is not a positive whole number is refused: NaN used to start no worker at all and
 * return an array of holes, which looked like a finished run.
 */
export const mapPool = async <T, R>(
  items: readonly T[],
  concurrency: number,
  worker: (item: T, index: number) => Promise<R>,
): Promise<R[]> => {
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new RangeError(`concurrency must be a whole number of at least 1, not ${String(concurrency)}`)
  const results = new Array<R>(items.length)
  let next = 0
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await worker(items[index] as T, index)
    }
  })
  await Promise.all(lanes)
  return results
}

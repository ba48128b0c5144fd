/**
 * The load generator, in its own process so that it does not share the server's event loop. The
 * parent sends one job at a time over IPC; the answer is a summary of autocannon's result.
 */
import autocannon from 'autocannon'

export type LoadJob = {
  id: number
  origin: string
  path: string
  /** Sent with every request; one request template per entry of `clientIps`. */
  headers: Record<string, string>
  /** Rotated through X-Forwarded-For, so per-client rate limits see many clients (see README). */
  clientIps: string[]
  connections: number
  seconds: number
  maxRequests: number
}

export type LoadSummary = {
  requests: number
  seconds: number
  perSecond: number
  p50: number
  p99: number
  non2xx: number
  errors: number
  timeouts: number
  statuses: Record<string, number>
}

export type LoadReply = { id: number; summary?: LoadSummary; error?: string }

const run = async (job: LoadJob): Promise<LoadSummary> => {
  const r = await autocannon({
    url: job.origin,
    connections: job.connections,
    duration: job.seconds,
    maxOverallRequests: job.maxRequests,
    timeout: 10,
    requests: job.clientIps.map((ip) => ({
      method: 'GET' as const,
      path: job.path,
      headers: { ...job.headers, 'x-forwarded-for': ip },
    })),
  })
  const statuses: Record<string, number> = {}
  for (const [code, s] of Object.entries(r.statusCodeStats ?? {})) statuses[code] = s.count ?? 0
  return {
    requests: r.requests.total,
    seconds: r.duration,
    perSecond: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statuses,
  }
}

process.on('message', (job: LoadJob) => {
  run(job).then(
    (summary) => process.send?.({ id: job.id, summary } satisfies LoadReply),
    (err: unknown) => process.send?.({ id: job.id, error: String(err) } satisfies LoadReply),
  )
})
process.on('disconnect', () => process.exit(0))

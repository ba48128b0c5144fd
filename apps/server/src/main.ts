import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildApp, buildServices } from './app.ts'
import type { Config } from './config.ts'
import { openInfrastructure } from './platform/infra.ts'
import { type DemoLogin, isEmpty, printDemoLogins, seedDemo } from './seed/demo.ts'

/** The job handlers every worker runs; modules add theirs here. */
const jobsOf = (services: ReturnType<typeof buildServices>) => [
  services.outbox.flushJob,
  services.reminders.job,
  services.assignmentReminders.job,
]

const onSignals = (stop: () => Promise<void>) => {
  let stopping = false
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      if (stopping) return
      stopping = true
      stop().then(
        () => process.exit(0),
        (err) => {
          console.error(err)
          process.exit(1)
        },
      )
    })
  }
}

/**
 * The API. With PGlite it is also the worker (one process owns the data folder); with PostgreSQL
 * `withWorker` is a choice, and `qalxan worker` processes can run beside it.
 */
export const serve = async (config: Config, opts: { demo: boolean; withWorker: boolean }) => {
  const infra = await openInfrastructure(config, { jobs: true })
  const { app, services } = await buildApp({ config, ...infra })
  await infra.jobs?.prepare(jobsOf(services))
  if (opts.demo && (await isEmpty(infra.database))) {
    app.log.info('empty database: loading demo data')
    printDemoLogins(
      await seedDemo(infra.database, services, config.dataDir, config.publicUrl, config.mailFrom),
    )
  } else if (opts.demo) {
    const file = join(config.dataDir, 'demo-logins.json')
    if (existsSync(file)) printDemoLogins(JSON.parse(readFileSync(file, 'utf8')) as DemoLogin[])
  }
  const embedded = infra.database.kind === 'pglite'
  if (infra.jobs && (embedded || opts.withWorker)) {
    infra.jobs.register(jobsOf(services))
    await infra.jobs.startWorking()
  }
  onSignals(async () => {
    await app.close()
    await infra.close()
  })
  await app.listen({ port: config.port, host: config.host })
  console.log(
    `Qalxan is ready at ${config.publicUrl} (database: ${embedded ? `embedded, ${config.dataDir}` : 'PostgreSQL'})`,
  )
  return app
}

export const worker = async (config: Config) => {
  if (!config.databaseUrl) {
    throw new Error(
      'A separate worker needs PostgreSQL (DATABASE_URL); the embedded database runs its jobs inside `qalxan serve`.',
    )
  }
  const infra = await openInfrastructure(config, { jobs: true })
  const services = buildServices({ config, ...infra })
  infra.jobs?.register(jobsOf(services))
  await infra.jobs?.startWorking()
  onSignals(() => infra.close())
  console.log('Qalxan worker is processing jobs')
}

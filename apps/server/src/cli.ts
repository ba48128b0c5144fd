import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Command } from 'commander'
import { eq } from 'drizzle-orm'
import { buildServices } from './app.ts'
import { loadConfig } from './config.ts'
import { memberships, organizations, roleGrants, user } from './db/schema/index.ts'
import { serve, worker } from './main.ts'
import { systemActor } from './modules/access/actor.ts'
import { formatHead, parseHead } from './modules/audit/audit.fns.ts'
import { backupTo, restoreFrom } from './platform/backup.ts'
import { openDatabase, runMigrations } from './platform/db.ts'
import { openInfrastructure } from './platform/infra.ts'
import { totpFromUri } from './platform/totp.ts'
import { type DemoLogin, enrolTotp, isEmpty, printDemoLogins, seedDemo, setPassword } from './seed/demo.ts'

const program = new Command('qalxan').description('Qalxan information-security coordination portal')
const fail = (msg: string): never => {
  console.error(msg)
  process.exit(1)
}

program
  .command('serve')
  .description('run the API and web portal (and, on the embedded database, the job worker)')
  .option('--demo', 'load demo data into an empty database and print the demo sign-ins')
  .option('--no-worker', 'with PostgreSQL: do not process jobs in this process')
  .action(async (o: { demo?: boolean; worker: boolean }) => {
    await serve(loadConfig(), { demo: Boolean(o.demo), withWorker: o.worker })
  })

program
  .command('worker')
  .description('process background jobs (PostgreSQL only; run as many as needed)')
  .action(async () => worker(loadConfig()))

program
  .command('migrate')
  .description('apply database migrations and exit')
  .action(async () => {
    const config = loadConfig()
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
    await runMigrations(database)
    await database.close()
    console.log('Migrations applied')
  })

const withServices = async <T>(
  fn: (
    ctx: Awaited<ReturnType<typeof openInfrastructure>> & { services: ReturnType<typeof buildServices> },
  ) => Promise<T>,
) => {
  const config = loadConfig()
  const infra = await openInfrastructure(config, { jobs: false })
  try {
    return await fn({ ...infra, services: buildServices({ config, ...infra }) })
  } finally {
    await infra.close()
  }
}

program
  .command('create-admin')
  .description('create a platform administrator (with TOTP) in an organisation')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .requiredOption('--org <code>', 'code of an existing organisation, or of a new one to create')
  .option('--org-name <name>', 'Azerbaijani name when the organisation is new')
  .action(async (o: { email: string; name: string; org: string; orgName?: string }) => {
    const password =
      process.env.QALXAN_ADMIN_PASSWORD ??
      fail('Set QALXAN_ADMIN_PASSWORD (at least 12 characters) for the new administrator')
    if (password.length < 12) fail('The password must have at least 12 characters')
    await withServices(async ({ database, services }) => {
      const email = o.email.trim().toLowerCase()
      if ((await database.db.select().from(user).where(eq(user.email, email))).length)
        fail(`A user "${email}" already exists`)
      const id = crypto.randomUUID()
      await database.db.transaction(async (tx) => {
        let [org] = await tx.select().from(organizations).where(eq(organizations.code, o.org))
        if (!org) {
          if (!o.orgName) fail(`No organisation "${o.org}": give --org-name to create it`)
          ;[org] = await tx
            .insert(organizations)
            .values({ code: o.org, name: { az: o.orgName as string }, type: 'service' })
            .returning()
        }
        const orgId = org?.id as string
        await tx
          .insert(user)
          .values({ id, email, name: o.name, clearance: 'restricted', emailVerified: true })
        await tx
          .insert(memberships)
          .values({ userId: id, orgId, validFrom: new Date().toISOString().slice(0, 10) })
        await tx.insert(roleGrants).values({ userId: id, orgId, role: 'admin', grantedBy: 'system' })
        await services.audit.record(tx, systemActor, {
          action: 'user.admin_created',
          targetType: 'user',
          targetId: id,
          data: { email },
        })
      })
      await setPassword(database, id, password)
      const { totpUri, recoveryCodes } = await enrolTotp(services, email, password)
      console.log(`Administrator ${email} created.`)
      console.log(`Add this to an authenticator app: ${totpUri}`)
      console.log(`Recovery codes (keep them offline): ${recoveryCodes.join(' ')}`)
    })
  })

program
  .command('seed-demo')
  .description('load demo organisations and users into an empty database')
  .action(async () => {
    const config = loadConfig()
    await withServices(async ({ database, services }) => {
      if (!(await isEmpty(database)))
        fail('The database already has organisations: demo data is loaded only into an empty one')
      printDemoLogins(await seedDemo(database, services, config.dataDir, config.publicUrl, config.mailFrom))
    })
  })

program
  .command('totp <email>')
  .description('print the current TOTP code of a demo sign-in (reads data/demo-logins.json)')
  .action(async (email: string) => {
    const file = join(loadConfig().dataDir, 'demo-logins.json')
    if (!existsSync(file)) fail('No demo sign-ins here: run `qalxan serve --demo` first')
    const login = (JSON.parse(readFileSync(file, 'utf8')) as DemoLogin[]).find((l) => l.email === email)
    if (!login?.totpUri) fail(`"${email}" is not a demo sign-in with TOTP`)
    console.log(await totpFromUri(login?.totpUri as string))
  })

program
  .command('backup <dir>')
  .description(
    'write the database and the evidence files to a new folder (stop the server first when embedded)',
  )
  .action(async (dir: string) => {
    console.log(`Backup written to ${await backupTo(loadConfig(), dir)}`)
  })

program
  .command('restore <dir>')
  .description('replace the database and evidence files with a backup (the server must be stopped)')
  .option('--yes', 'confirm that the current data will be replaced')
  .action(async (dir: string, o: { yes?: boolean }) => {
    if (!o.yes) fail('Restoring replaces all current data: run again with --yes')
    const { previous } = await restoreFrom(loadConfig(), dir)
    if (previous) console.log(`Previous data kept in ${previous}`)
    console.log('Restore finished')
  })

const audit = program.command('audit').description('audit trail tools')
audit
  .command('head')
  .description(
    'print the newest event as SEQ:HASH; keep it outside the database for `audit verify --expect-head`',
  )
  .action(async () => {
    await withServices(async ({ services }) => {
      const head = await services.audit.head()
      if (!head) fail('The audit trail is empty')
      console.log(formatHead(head as NonNullable<typeof head>))
    })
  })
audit
  .command('verify')
  .description('check the hash chain of the audit trail; names the first broken event')
  .option(
    '--expect-head <seq:hash>',
    'a head printed earlier by `audit head`: also detects deleted newest events',
  )
  .action(async (o: { expectHead?: string }) => {
    const expectHead = o.expectHead === undefined ? undefined : parseHead(o.expectHead)
    if (expectHead === null) fail('--expect-head takes SEQ:HASH as printed by `qalxan audit head`')
    await withServices(async ({ services }) => {
      const r = await services.audit.verify(expectHead ?? undefined)
      if (r.ok)
        console.log(
          `Audit trail intact: ${r.checked} events verified${expectHead ? `, including the kept head ${expectHead.seq}` : ''}`,
        )
      else
        fail(
          `Audit trail BROKEN at event ${r.brokenAt}: ${r.reason} (${r.checked} events before it are intact)`,
        )
    })
  })

program.parseAsync().catch((err: Error) => {
  console.error(err.message)
  process.exit(1)
})

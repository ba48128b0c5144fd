import { resolve } from 'node:path'
import { z } from 'zod'

/** Every setting comes from the environment; docs/OPERATIONS.md lists them. */
const EnvSchema = z.object({
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: z.string().url().optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Qalxan <no-reply@qalxan.local>'),
  MAX_UPLOAD_MB: z.coerce.number().min(1).max(1024).default(25),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUSTED_ORIGINS: z.string().default(''),
  SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  WEB_DIST: z.string().optional(),
})

export type Config = {
  databaseUrl: string | undefined
  dataDir: string
  port: number
  host: string
  publicUrl: string
  authSecret: string | undefined
  smtpUrl: string | undefined
  mailFrom: string
  maxUploadBytes: number
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL']
  trustedOrigins: string[]
  secureCookies: boolean
  webDist: string | undefined
}

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const parsed = EnvSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '')
  return {
    databaseUrl: e.DATABASE_URL || undefined,
    dataDir: resolve(e.DATA_DIR),
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    authSecret: e.AUTH_SECRET,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    maxUploadBytes: Math.round(e.MAX_UPLOAD_MB * 1024 * 1024),
    logLevel: e.LOG_LEVEL,
    trustedOrigins: e.TRUSTED_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    secureCookies: e.SECURE_COOKIES === 'auto' ? publicUrl.startsWith('https:') : e.SECURE_COOKIES === 'true',
    webDist: e.WEB_DIST,
  }
}

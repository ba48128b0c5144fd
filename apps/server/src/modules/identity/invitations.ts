import { randomBytes } from 'node:crypto'
import type { Locale } from '@qalxan/contracts'
import { eq } from 'drizzle-orm'
import type { Config } from '../../config.ts'
import { user } from '../../db/schema/index.ts'
import type { Database } from '../../platform/db.ts'
import type { OutboxService } from '../notifications/outbox.service.ts'
import type { Auth } from './auth.ts'

export const INVITATION_HOURS = 72

const MAIL: Record<Locale, (name: string, url: string) => { subject: string; text: string }> = {
  az: (name, url) => ({
    subject: 'Qalxan: şifrənizi təyin edin',
    text: `Hörmətli ${name},\n\nQalxan portalında sizin üçün hesab yaradılıb. Şifrənizi təyin etmək üçün bu keçiddən istifadə edin (${INVITATION_HOURS} saat etibarlıdır):\n${url}\n\nBu məktubu gözləmirdinizsə, ona məhəl qoymayın.`,
  }),
  en: (name, url) => ({
    subject: 'Qalxan: set your password',
    text: `Dear ${name},\n\nAn account has been created for you on the Qalxan portal. Use this link to set your password (valid ${INVITATION_HOURS} hours):\n${url}\n\nIf you did not expect this message, ignore it.`,
  }),
  ru: (name, url) => ({
    subject: 'Qalxan: задайте пароль',
    text: `Уважаемый(ая) ${name},\n\nНа портале Qalxan для вас создана учётная запись. Чтобы задать пароль, перейдите по ссылке (действует ${INVITATION_HOURS} часа):\n${url}\n\nЕсли вы не ждали этого письма, не обращайте на него внимания.`,
  }),
}

/**
 * A set-password invitation for a user an administrator created or imported. It uses better-auth's
 * password-reset token, so the link works with the ordinary reset page, but it is not subject to the
 * per-address limit on reset requests: one administrator may invite a whole import at once.
 */
export const createInviter = (deps: {
  auth: Auth
  database: Database
  outbox: OutboxService
  config: Config
}) => {
  return async (email: string) => {
    const [u] = await deps.database.db.select().from(user).where(eq(user.email, email))
    if (!u) return
    const token = randomBytes(18).toString('base64url')
    const ctx = await deps.auth.$context
    await ctx.internalAdapter.createVerificationValue({
      value: u.id,
      identifier: `reset-password:${token}`,
      expiresAt: new Date(Date.now() + INVITATION_HOURS * 3600_000),
    })
    const url = `${deps.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`
    const locale = (['az', 'en', 'ru'].includes(u.locale) ? u.locale : 'az') as Locale
    await deps.outbox.enqueueAlone({ to: u.email, ...MAIL[locale](u.name, url) })
  }
}

import { z } from 'zod'

export const LOCALES = ['az', 'en', 'ru'] as const
export const LocaleSchema = z.enum(LOCALES)
export type Locale = z.infer<typeof LocaleSchema>

export const idSchema = z.uuid()
export const nameSchema = z.string().trim().min(1).max(300)
export const codeSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'Use letters, digits, dot, slash, dash or underscore')
export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email())
export const isoDateSchema = z.iso.date()

/** Text in the three portal languages; Azerbaijani is required, the others fall back to it. */
export const i18nTextSchema = z.object({
  az: nameSchema,
  en: z.string().trim().max(300).optional(),
  ru: z.string().trim().max(300).optional(),
})
export type I18nText = z.infer<typeof i18nTextSchema>

export const paginationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
})

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int() })

export const okSchema = z.object({ ok: z.literal(true) })

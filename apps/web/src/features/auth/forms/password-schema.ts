import type { TFunction } from 'i18next'
import { z } from 'zod'
import { formErrorMap } from '../../../lib/form-errors.ts'

/** The portal's password rule as the user sees it; the server enforces its own copy. */
export const NewPasswordSchema = z
  .object({
    newPassword: z.string().min(12).max(128),
    confirm: z.string().min(1).max(128),
  })
  .refine((v) => v.newPassword === v.confirm, { path: ['confirm'], params: { mismatch: true } })

/** The mismatch refinement is the only custom issue of the password forms. */
export function passwordErrorMap(t: TFunction) {
  const base = formErrorMap(t)
  return (issue: Parameters<typeof base>[0]) =>
    issue.code === 'custom' ? t('validation.passwordMismatch') : base(issue)
}

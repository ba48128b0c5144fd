import { CreateUserSchema, OrganizationInputSchema } from '@qalxan/contracts'
import type { TFunction } from 'i18next'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from './api-client.ts'
import { applyServerErrors, formErrorMap, formResolver } from './form-errors.ts'

const t = ((key: string, opts?: Record<string, unknown>) =>
  opts ? `${key} ${JSON.stringify(opts)}` : key) as TFunction

describe('formErrorMap', () => {
  it('turns schema issues into catalogue messages', () => {
    const result = OrganizationInputSchema.safeParse(
      { code: 'bad code!', name: { az: '' }, type: 'nonsense' },
      { error: formErrorMap(t) },
    )
    expect(result.success).toBe(false)
    const byPath = Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]))
    expect(byPath['name.az']).toBe('validation.required')
    expect(byPath.type).toBe('validation.choose')
  })

  it('translates schema-level messages too, through formResolver', async () => {
    const resolver = formResolver(OrganizationInputSchema, t)
    const result = await resolver({ code: 'bad code!', name: { az: '' }, type: 'ministry' }, undefined, {
      fields: {},
      shouldUseNativeValidation: false,
    })
    const errors = result.errors as Record<string, { message?: string; az?: { message?: string } }>
    expect(errors.code?.message).toBe('validation.code')
    expect(errors.name?.az?.message).toBe('validation.required')
  })

  it('says "required" for an empty e-mail, "invalid" for a wrong one', async () => {
    const resolver = formResolver(CreateUserSchema, t)
    const base = { name: 'Rauf Əliyev', orgId: '11111111-1111-4111-8111-111111111111' }
    const opts = { fields: {}, shouldUseNativeValidation: false }
    const empty = await resolver({ ...base, email: '' }, undefined, opts)
    expect((empty.errors as Record<string, { message?: string }>).email?.message).toBe('validation.required')
    const wrong = await resolver({ ...base, email: 'not-an-address' }, undefined, opts)
    expect((wrong.errors as Record<string, { message?: string }>).email?.message).toBe('validation.email')
  })

  it('gives the limits of long values', () => {
    const result = OrganizationInputSchema.safeParse(
      { code: 'A'.repeat(65), name: { az: 'x' }, type: 'ministry' },
      { error: formErrorMap(t) },
    )
    expect(result.error?.issues[0]?.message).toBe('validation.tooLong {"max":64}')
  })
})

describe('applyServerErrors', () => {
  it('puts 422 issues on matching fields and returns the rest', () => {
    const setError = vi.fn()
    const error = new ApiError({
      status: 422,
      code: 'VALIDATION_FAILED',
      message: 'Invalid',
      details: [
        { path: 'name.az', message: 'Bu ad artıq mövcuddur' },
        { path: 'unknown', message: 'Other' },
      ],
    })
    expect(applyServerErrors(error, setError, ['name', 'code'])).toEqual(['unknown: Other'])
    expect(setError).toHaveBeenCalledWith('name.az', { type: 'server', message: 'Bu ad artıq mövcuddur' })
  })
})

import { zodResolver } from '@hookform/resolvers/zod'
import type { TFunction } from 'i18next'
import type { FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form'
import type { z } from 'zod'
import { isApiError } from './api-client.ts'

interface ZodIssueLike {
  code?: string
  origin?: string
  minimum?: number | bigint
  maximum?: number | bigint
  format?: string
  input?: unknown
}

/**
 * Zod error map that speaks the user's language; pass it as `zodResolver(schema, { error })`.
 * Schemas come from contracts, so their English messages are replaced here by code.
 */
export function formErrorMap(t: TFunction) {
  return (issue: ZodIssueLike): string => {
    switch (issue.code) {
      case 'too_small':
        if (issue.origin === 'string')
          return Number(issue.minimum) <= 1
            ? t('validation.required')
            : t('validation.tooShort', { min: Number(issue.minimum) })
        if (issue.origin === 'array') return t('validation.chooseAtLeast', { min: Number(issue.minimum) })
        return t('validation.tooSmall', { min: Number(issue.minimum) })
      case 'too_big':
        if (issue.origin === 'string') return t('validation.tooLong', { max: Number(issue.maximum) })
        return t('validation.tooBig', { max: Number(issue.maximum) })
      case 'invalid_format':
        if (issue.input === '') return t('validation.required')
        if (issue.format === 'email') return t('validation.email')
        if (issue.format === 'uuid' || issue.format === 'guid') return t('validation.choose')
        if (issue.format === 'date') return t('validation.date')
        if (issue.format === 'regex') return t('validation.code')
        return t('validation.format')
      case 'invalid_type':
        return issue.input === undefined || issue.input === null || issue.input === ''
          ? t('validation.required')
          : t('validation.format')
      case 'invalid_value':
        return t('validation.choose')
      default:
        return t('validation.format')
    }
  }
}

/**
 * Put the server's 422 issues on the form's fields. Returns the issues that match no field,
 * so the caller can show them in a summary.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
): string[] {
  if (!isApiError(error)) return []
  const rest: string[] = []
  for (const issue of error.validationIssues) {
    const field = fields.find((f) => issue.path === f || issue.path.startsWith(`${f}.`))
    if (field) setError(issue.path as Path<T>, { type: 'server', message: issue.message })
    else rest.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message)
  }
  return rest
}

type ErrorNode = { type?: unknown; message?: unknown; [k: string]: unknown }

/** Schema-level messages (e.g. the code regex in contracts) win over the error map; translate those too. */
function localizeLeftovers(node: unknown, produced: Set<string>, t: TFunction): void {
  if (!node || typeof node !== 'object') return
  const n = node as ErrorNode
  if (typeof n.message === 'string' && typeof n.type === 'string' && !produced.has(n.message))
    n.message = n.type === 'invalid_format' ? t('validation.code') : t('validation.format')
  for (const [k, v] of Object.entries(n)) if (k !== 'ref' && k !== 'types') localizeLeftovers(v, produced, t)
}

/** zodResolver whose every message comes from the user's catalogue. */
export function formResolver<T extends z.ZodType<unknown, FieldValues>>(
  schema: T,
  t: TFunction,
  map: (issue: ZodIssueLike & { params?: Record<string, unknown> }) => string = formErrorMap(t),
): Resolver<z.input<T> & FieldValues, unknown, z.output<T>> {
  return async (values, context, options) => {
    const produced = new Set<string>()
    const inner = zodResolver(schema as never, {
      // The input lets an empty field say "required" rather than "not a valid e-mail".
      reportInput: true,
      error: (issue) => {
        const m = map(issue as ZodIssueLike)
        produced.add(m)
        return m
      },
    }) as unknown as Resolver<z.input<T> & FieldValues, unknown, z.output<T>>
    const result = await inner(values, context, options)
    localizeLeftovers(result.errors, produced, t)
    return result
  }
}

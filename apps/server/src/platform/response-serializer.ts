import type { FastifySchema, FastifySerializerCompiler } from 'fastify'
import { InvalidSchemaError, ResponseSerializationError } from 'fastify-type-provider-zod'
import { $ZodType, safeEncode, safeParse } from 'zod/v4/core'

/**
 * Every answer is checked against its route's response schema before it is sent, as
 * fastify-type-provider-zod's own serializer does, and stripped of what the schema does not name
 * (so that a column added to a query cannot leak). The library checks with `safeEncode`, which runs
 * codecs backwards; the contracts' response schemas have no codecs, so `safeParse` gives the same
 * answer and takes Zod's compiled fast path: on the 200 KB measure list, 0.4 ms against 1.3 ms.
 *
 * Under the test runner every answer is also encoded the library's way and the two compared, so a
 * response schema that ever comes to need encoding (a codec, a transform) fails its route's tests.
 */
const resolve = (maybe: unknown): $ZodType => {
  if (maybe instanceof $ZodType) return maybe
  const inner = (maybe as { properties?: unknown } | null)?.properties
  if (inner instanceof $ZodType) return inner
  throw new InvalidSchemaError(JSON.stringify(maybe))
}

const crossCheck = process.env.VITEST !== undefined

export const responseSerializerCompiler: FastifySerializerCompiler<FastifySchema> = ({
  schema,
  method,
  url,
}) => {
  const zod = resolve(schema)
  return (data: unknown) => {
    const checked = safeParse(zod, data)
    if (!checked.success) throw new ResponseSerializationError(method, url, { cause: checked.error })
    const text = JSON.stringify(checked.data)
    if (crossCheck) {
      const encoded = safeEncode(zod, data)
      if (!encoded.success || JSON.stringify(encoded.data) !== text)
        throw new Error(`${method} ${url}: the response schema needs encoding; parse and encode disagree`)
    }
    return text
  }
}

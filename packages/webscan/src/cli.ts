import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { LIGHT_CHECKS } from './checks/index.ts'
import { createScanner } from './engine.ts'
import { checkResolver, LIMITS, OptionError, type Ports } from './options.ts'
import { colorsFor, progressBar, renderTable } from './render.ts'
import { allCompliant } from './scoring.ts'

const USAGE = `usage: webscan <host>... [--json] [--checks id,id|light] [--resolver ip[:port]] [--ca file.pem]
                         [--roots file.pem] [--suffix zone] [--ports map.json] [--concurrency N]
                         [--timeout ms] [--lang az|en|ru]
Exit code 0 when every site meets the national baseline, 1 when one does not, 2 on bad usage.`

const LANGS = ['az', 'en', 'ru'] as const
type Lang = (typeof LANGS)[number]

/** Bad command-line input: reported in one line with the usage text and exit code 2, never a stack trace. */
class UsageError extends Error {}

const reason = (err: unknown) => {
  const e = err as NodeJS.ErrnoException
  return e.code === 'ENOENT'
    ? 'no such file'
    : e.code === 'EACCES'
      ? 'permission denied'
      : (e.code ?? e.message)
}

const readText = (flag: string, file: string) => {
  try {
    return readFileSync(file, 'utf8')
  } catch (err) {
    throw new UsageError(`--${flag}: cannot read "${file}" (${reason(err)}).`)
  }
}

const readPems = (flag: string, file: string) => {
  const pems = readText(flag, file)
    .split(/(?=-----BEGIN CERTIFICATE-----)/)
    .filter((p) => p.includes('BEGIN CERTIFICATE'))
  if (pems.length === 0) throw new UsageError(`--${flag}: "${file}" holds no PEM certificate.`)
  return pems
}

/** Digits only: `Number()` would turn "", "0x10", "1e3" and " 8 " into numbers and "foo" into NaN. */
const whole = (flag: string, text: string, [min, max]: readonly [number, number]) => {
  const value = /^\d{1,10}$/.test(text) ? Number(text) : Number.NaN
  if (!(value >= min && value <= max))
    throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, not "${text}".`)
  return value
}

const PORT_KEYS = new Set(['http', 'https', 'smtp'])

/** `{ "host": { "https": 8443, "http": 8080, "smtp": 2525 } }`, checked entry by entry. */
const readPortMap = (file: string): Record<string, Partial<Ports>> => {
  const text = readText('ports', file)
  let map: unknown
  try {
    map = JSON.parse(text)
  } catch (err) {
    throw new UsageError(`--ports: "${file}" is not valid JSON (${(err as Error).message}).`)
  }
  const shape = `--ports: "${file}" must map host names to { "http", "https", "smtp" } port numbers`
  if (typeof map !== 'object' || map === null || Array.isArray(map)) throw new UsageError(`${shape}.`)
  for (const [host, ports] of Object.entries(map)) {
    if (typeof ports !== 'object' || ports === null || Array.isArray(ports))
      throw new UsageError(`${shape}; "${host}" is not an object.`)
    for (const [key, port] of Object.entries(ports)) {
      const [min, max] = LIMITS.port
      if (!PORT_KEYS.has(key) || !Number.isInteger(port) || (port as number) < min || (port as number) > max)
        throw new UsageError(`${shape}; "${host}"."${key}" is ${JSON.stringify(port)}.`)
    }
  }
  return map as Record<string, Partial<Ports>>
}

const parse = (args: string[]) =>
  parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      checks: { type: 'string' },
      resolver: { type: 'string' },
      ca: { type: 'string', multiple: true },
      roots: { type: 'string' },
      suffix: { type: 'string', multiple: true },
      ports: { type: 'string' },
      concurrency: { type: 'string' },
      timeout: { type: 'string' },
      lang: { type: 'string', default: 'en' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })

export const main = async (
  argv: string[],
  out: NodeJS.WritableStream & { isTTY?: boolean } = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> => {
  let values: ReturnType<typeof parse>['values']
  let positionals: string[]
  try {
    ;({ values, positionals } = parse(argv))
  } catch (e) {
    err.write(`webscan: ${(e as Error).message}\n${USAGE}\n`)
    return 2
  }
  if (values.help || positionals.length === 0) {
    err.write(`${USAGE}\n`)
    return values.help ? 0 : 2
  }
  const tty = Boolean(out.isTTY) && !values.json
  const controller = new AbortController()
  let scanner: ReturnType<typeof createScanner>
  let lang: Lang
  try {
    if (!LANGS.includes(values.lang as Lang))
      throw new UsageError(`--lang must be one of ${LANGS.join(', ')}, not "${values.lang}".`)
    lang = values.lang as Lang
    const portMap = values.ports ? readPortMap(values.ports) : {}
    const checks = values.checks === 'light' ? LIGHT_CHECKS : values.checks?.split(',').map((s) => s.trim())
    if (values.resolver !== undefined) {
      try {
        checkResolver(values.resolver)
      } catch {
        throw new UsageError(
          `--resolver must be an IP address with an optional port, not "${values.resolver}".`,
        )
      }
    }
    scanner = createScanner({
      ...(values.resolver ? { resolver: values.resolver } : {}),
      ...(values.ca ? { nationalRoots: values.ca.flatMap((file) => readPems('ca', file)) } : {}),
      ...(values.roots ? { roots: readPems('roots', values.roots) } : {}),
      ...(values.suffix ? { extraSuffixes: values.suffix } : {}),
      ...(checks ? { checks } : {}),
      ...(values.timeout !== undefined
        ? { requestTimeoutMs: whole('timeout', values.timeout, LIMITS.requestTimeoutMs) }
        : {}),
      ports: (host) => portMap[host],
      concurrency:
        values.concurrency === undefined ? 8 : whole('concurrency', values.concurrency, LIMITS.concurrency),
      signal: controller.signal,
      onProgress: ({ done, total }) => {
        if (tty) err.write(`\r${progressBar(done, total)}${done === total ? '\n' : ''}`)
      },
    })
  } catch (e) {
    // Usage mistakes, option errors from the library and unreadable certificates alike: one line, exit 2.
    const message =
      e instanceof UsageError || e instanceof OptionError ? e.message : `${(e as Error).message}`
    err.write(`webscan: ${message}\n${USAGE}\n`)
    return 2
  }
  const stop = () => controller.abort()
  process.once('SIGINT', stop)
  let results: Awaited<ReturnType<typeof scanner.scan>>
  try {
    results = await scanner.scan(positionals)
  } catch (e) {
    err.write(`webscan: the scan stopped: ${(e as Error).message}\n`)
    return 1
  } finally {
    process.off('SIGINT', stop)
  }
  out.write(
    tty
      ? `${renderTable(results, lang, colorsFor(out, env))}\n`
      : `${JSON.stringify(results, null, values.json ? 2 : 0)}\n`,
  )
  return allCompliant(results, positionals.length) ? 0 : 1
}

import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { LIGHT_CHECKS } from './checks/index.ts'
import { createScanner } from './engine.ts'
import type { Ports } from './options.ts'
import { progressBar, renderTable } from './render.ts'

const USAGE = `usage: webscan <host>... [--json] [--checks id,id|light] [--resolver ip[:port]] [--ca file.pem]
                         [--roots file.pem] [--suffix zone] [--ports map.json] [--concurrency N]
                         [--timeout ms] [--lang az|en|ru]
Exit code 0 when every site meets the national baseline, 1 when one does not, 2 on bad usage.`

const readPems = (file: string) =>
  readFileSync(file, 'utf8')
    .split(/(?=-----BEGIN CERTIFICATE-----)/)
    .filter((p) => p.includes('BEGIN CERTIFICATE'))

export const main = async (argv: string[], out = process.stdout, err = process.stderr): Promise<number> => {
  let parsed: ReturnType<typeof parse>
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
  try {
    parsed = parse(argv)
  } catch (e) {
    err.write(`${(e as Error).message}\n${USAGE}\n`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.help || positionals.length === 0) {
    err.write(`${USAGE}\n`)
    return values.help ? 0 : 2
  }
  const portMap: Record<string, Partial<Ports>> = values.ports
    ? JSON.parse(readFileSync(values.ports, 'utf8'))
    : {}
  const checks = values.checks === 'light' ? LIGHT_CHECKS : values.checks?.split(',').map((s) => s.trim())
  const tty = Boolean((out as NodeJS.WriteStream).isTTY) && !values.json
  const controller = new AbortController()
  let scanner: ReturnType<typeof createScanner>
  try {
    scanner = createScanner({
      ...(values.resolver ? { resolver: values.resolver } : {}),
      ...(values.ca ? { nationalRoots: values.ca.flatMap(readPems) } : {}),
      ...(values.roots ? { roots: readPems(values.roots) } : {}),
      ...(values.suffix ? { extraSuffixes: values.suffix } : {}),
      ...(checks ? { checks } : {}),
      ...(values.timeout ? { requestTimeoutMs: Number(values.timeout) } : {}),
      ports: (host) => portMap[host],
      concurrency: Number(values.concurrency ?? 8),
      signal: controller.signal,
      onProgress: ({ done, total }) => {
        if (tty) err.write(`\r${progressBar(done, total)}${done === total ? '\n' : ''}`)
      },
    })
  } catch (e) {
    err.write(`${(e as Error).message}\n`)
    return 2
  }
  const stop = () => controller.abort()
  process.once('SIGINT', stop)
  const results = await scanner.scan(positionals).finally(() => process.off('SIGINT', stop))
  const lang = (['az', 'en', 'ru'].includes(values.lang as string) ? values.lang : 'en') as 'az' | 'en' | 'ru'
  out.write(
    tty ? `${renderTable(results, lang)}\n` : `${JSON.stringify(results, null, values.json ? 2 : 0)}\n`,
  )
  return results.every((r) => r.baseline.compliant) ? 0 : 1
}

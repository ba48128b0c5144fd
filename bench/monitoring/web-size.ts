import { spawn } from 'node:child_process'
import { existsSync, openSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

const ROOT = resolve(import.meta.dirname, '../..')

export type WebSize = {
  seconds: number
  files: { file: string; bytes: number; gzip: number }[]
  js: { bytes: number; gzip: number }
  css: { bytes: number; gzip: number }
  lazyChunks: number
}

/**
 * Builds the web app with its own npm script into `outDir` (not apps/web/dist, which other work may be
 * serving), logging to `logFile`. Resolves with the build's duration; rejects when the build fails.
 */
export const buildWeb = (outDir: string, logFile: string) =>
  new Promise<number>((ok, fail) => {
    const t = performance.now()
    const log = openSync(logFile, 'w')
    const child = spawn(
      'npm',
      ['run', 'build', '-w', 'apps/web', '--', '--outDir', outDir, '--emptyOutDir'],
      {
        cwd: ROOT,
        stdio: ['ignore', log, log],
      },
    )
    child.on('error', fail)
    child.on('exit', (code) =>
      code === 0
        ? ok((performance.now() - t) / 1000)
        : fail(
            new Error(
              `web build failed (exit ${code}); see ${logFile}:\n${readFileSync(logFile, 'utf8').slice(-2000)}`,
            ),
          ),
    )
  })

/** Relative static imports of an ES module chunk: `import … from "./x.js"`, `import "./x.js"`, `export … from`. Not `import()`. */
const staticImports = (code: string) => {
  const out = new Set<string>()
  for (const re of [/\bfrom\s*["'](\.{1,2}\/[^"']+\.js)["']/g, /\bimport\s*["'](\.{1,2}\/[^"']+\.js)["']/g])
    for (const m of code.matchAll(re)) out.add(m[1] as string)
  return out
}

const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length

/**
 * What a first visit downloads before the app can run: the entry chunk of index.html, every chunk it
 * imports statically (followed transitively) and the modulepreload links; gzip level 9 per file, as
 * gzip-size measures. Lazily loaded route chunks are counted only as a number.
 */
export const measureInitialJs = (dist: string, seconds: number): WebSize => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const entries = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map(
    (m) => m[1] as string,
  )
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map(
    (m) => m[1] as string,
  )
  const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map(
    (m) => m[1] as string,
  )
  if (!entries.length) throw new Error(`no module script in ${dist}/index.html`)
  const seen = new Set<string>()
  const queue = [...entries, ...preloads].map((p) => join(dist, p))
  while (queue.length) {
    const f = queue.shift() as string
    if (seen.has(f) || !existsSync(f)) continue
    seen.add(f)
    const dir = f.slice(0, f.lastIndexOf('/'))
    for (const rel of staticImports(readFileSync(f, 'utf8'))) queue.push(resolve(dir, rel))
  }
  const files = [...seen].map((f) => {
    const b = readFileSync(f)
    return { file: f.slice(dist.length + 1), bytes: b.length, gzip: gz(b) }
  })
  const css = styles.map((s) => readFileSync(join(dist, s)))
  const assets = join(dist, 'assets')
  const allJs = existsSync(assets) ? readdirSync(assets).filter((f) => f.endsWith('.js')) : []
  return {
    seconds,
    files: files.sort((a, b) => b.gzip - a.gzip),
    js: { bytes: files.reduce((s, f) => s + f.bytes, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) },
    css: { bytes: css.reduce((s, b) => s + b.length, 0), gzip: css.reduce((s, b) => s + gz(b), 0) },
    lazyChunks: allJs.length - files.length,
  }
}

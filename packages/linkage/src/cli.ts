import { createWriteStream, type WriteStream } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import type { LinkageConfigInput } from './config.ts'
import { evaluate } from './evaluate.ts'
import { readRows } from './input.ts'
import { createLinker } from './linker.ts'
import { normaliseCode } from './normalise.ts'
import { writeClusters, writePairs } from './output.ts'
import { presets } from './presets.ts'
import { createProgressPrinter } from './progress.ts'
import { createRowRules, crossRowFindings, type Finding } from './quality.ts'
import { areaStatistics } from './stats.ts'

const USAGE = `usage:
  linkage dedupe <file>... --config <voters|febrl|fake_1000|rules.json> --out <pairs.csv>
        [--clusters clusters.csv] [--problems problems.csv] [--db state.duckdb]
        [--model model.json | --save-model model.json]
        [--link] [--evaluate] [--threads N] [--memory 8GB]
  linkage link-new <file>... --db state.duckdb --config <...> --out <new-pairs.csv>
  linkage quality <file>... [--config <...>, default voters] [--out findings.csv] [--stats stats.csv]
        [--election-date YYYY-MM-DD] [--population population.csv]`

const COMMANDS = ['dedupe', 'link-new', 'quality']

const csvCell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v)
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

const csvWriter = (path: string, columns: string[]) => {
  const stream: WriteStream = createWriteStream(path)
  stream.write(`${columns.join(',')}\n`)
  return {
    write: (row: Record<string, unknown>) =>
      stream.write(`${columns.map((c) => csvCell(row[c])).join(',')}\n`),
    close: () => new Promise<void>((resolve) => stream.end(resolve)),
  }
}

// `quality` reads a list and reports on it, so a missing --config falls back to the voters' list, which
// is what the tool is for; `dedupe` and `link-new` train and store a model from their rules, and a wrong
// guess there costs a long run, so they need the rules named.
const DEFAULT_PRESET: Partial<Record<string, string>> = { quality: 'voters' }

const loadConfig = async (command: string, name: string | undefined): Promise<LinkageConfigInput> => {
  const chosen = name ?? DEFAULT_PRESET[command]
  if (!chosen)
    throw new Error(`--config is required for ${command} (a preset such as "voters", or rules.json)`)
  if (!name) process.stderr.write(`linkage: no --config given; using the "${chosen}" preset\n`)
  const preset = presets[chosen]
  if (preset) return preset
  return JSON.parse(await readFile(chosen, 'utf8')) as LinkageConfigInput
}

const PROBLEM_COLUMNS = ['file', 'line', 'column', 'code', 'severity', 'message']

const main = async (argv: string[]): Promise<number> => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      config: { type: 'string' },
      out: { type: 'string' },
      clusters: { type: 'string' },
      problems: { type: 'string' },
      db: { type: 'string' },
      model: { type: 'string' },
      'save-model': { type: 'string' },
      link: { type: 'boolean' },
      evaluate: { type: 'boolean' },
      threads: { type: 'string' },
      memory: { type: 'string' },
      stats: { type: 'string' },
      'election-date': { type: 'string' },
      population: { type: 'string' },
      help: { type: 'boolean' },
    },
  })
  const [command, ...files] = positionals
  if (values.help || !command || files.length === 0) {
    process.stdout.write(`${USAGE}\n`)
    return values.help ? 0 : 2
  }
  if (!COMMANDS.includes(command)) throw new Error(`unknown command "${command}"\n${USAGE}`)
  const config = {
    ...(await loadConfig(command, values.config)),
    ...(values.link ? { mode: 'link' as const } : {}),
  }
  const abort = new AbortController()
  process.once('SIGINT', () => abort.abort(new Error('interrupted')))
  const problems = csvWriter(values.problems ?? `${values.out ?? 'linkage'}.problems.csv`, PROBLEM_COLUMNS)
  const findings: Finding[] = []
  const quality = command === 'quality'
  let rowRules: ReturnType<typeof createRowRules> | null = null
  const linker = await createLinker({
    config,
    db: {
      ...(values.db ? { path: values.db } : {}),
      ...(values.threads ? { threads: Number(values.threads) } : {}),
      ...(values.memory ? { memoryLimit: values.memory } : {}),
    },
    onProgress: createProgressPrinter(process.stderr),
    onProblem: (p) => problems.write(p),
    ...(quality ? { onRow: (row) => findings.push(...(rowRules?.(row) ?? [])) } : {}),
    signal: abort.signal,
  })
  const electionDate = values['election-date'] ?? linker.config.quality.electionDate
  rowRules = createRowRules(linker.config, electionDate ? { electionDate } : {})
  try {
    if (values.model) await linker.setModel(JSON.parse(await readFile(values.model, 'utf8')))
    if (command === 'dedupe') {
      if (!values.out) throw new Error('--out is required')
      if ((await linker.db.scalar('SELECT count(*) FROM records')) > 0)
        throw new Error(`${values.db} already holds a list: use link-new to add entries, or a new --db file`)
      await linker.load(files)
      const summary = await linker.run()
      if (!linker.model) throw new Error('no model')
      await writePairs(linker.db, linker.config, linker.model, values.out)
      if (values.clusters) await writeClusters(linker.db, values.clusters)
      if (values['save-model']) await writeFile(values['save-model'], JSON.stringify(linker.model, null, 2))
      process.stderr.write('\n')
      process.stdout.write(`${JSON.stringify({ summary, problems: linker.problemCounts() }, null, 2)}\n`)
      if (values.evaluate)
        process.stdout.write(`${JSON.stringify(await evaluate(linker.db, linker.config), null, 2)}\n`)
    } else if (command === 'link-new') {
      if (!values.out) throw new Error('--out is required')
      if (!values.db) throw new Error('--db is required: the stored list to link against')
      const from = await linker.db.scalar('SELECT coalesce(max(rid) + 1, 0) FROM records')
      const summary = await linker.linkNew(files)
      if (!linker.model) throw new Error('no model')
      await writePairs(linker.db, linker.config, linker.model, values.out, `WHERE s.rid_r >= ${from}`)
      process.stderr.write('\n')
      process.stdout.write(`${JSON.stringify({ summary, problems: linker.problemCounts() }, null, 2)}\n`)
    } else if (quality) {
      const rows = await linker.load(files)
      findings.push(...(await crossRowFindings(linker.db, linker.config)))
      const out = csvWriter(values.out ?? 'quality.csv', ['id', ...PROBLEM_COLUMNS])
      for (const f of findings) out.write(f)
      await out.close()
      const population = values.population ? await readPopulation(values.population) : undefined
      const stats = await areaStatistics(linker.db, linker.config, {
        electionDate: electionDate ?? new Date().toISOString().slice(0, 10),
        ...(population ? { population } : {}),
      })
      if (values.stats) {
        const s = csvWriter(values.stats, Object.keys(stats[0] ?? { level: 0 }))
        for (const row of stats) s.write({ ...row, flags: row.flags.join('; ') })
        await s.close()
      }
      const byCode: Record<string, number> = {}
      for (const f of findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1
      process.stderr.write('\n')
      process.stdout.write(
        `${JSON.stringify({ rows, findings: byCode, problems: linker.problemCounts(), flaggedAreas: stats.filter((s) => s.flags.length > 0).length }, null, 2)}\n`,
      )
    }
  } finally {
    await problems.close()
    linker.close()
  }
  return 0
}

/** Population figures: a CSV with an area code and a number, one area per line. */
const readPopulation = async (path: string): Promise<Map<string, number>> => {
  const map = new Map<string, number>()
  for await (const row of readRows(path, {
    expected: ['area', 'population'],
    maxFieldLength: 200,
    onProblem: () => {},
  })) {
    const area = normaliseCode(row.values.area ?? '')
    const n = Number(row.values.population)
    if (area && Number.isFinite(n)) map.set(area, n)
  }
  return map
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`\nlinkage: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  },
)

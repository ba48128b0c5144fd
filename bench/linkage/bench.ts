// Accuracy and speed of packages/linkage on the public data sets and on synthetic voters' lists.
//   node --import tsx bench/linkage/bench.ts [--sizes 100000,1000000,6500000] [--work /tmp/linkage-bench]
//        [--datasets ../shared/datasets/linkage] [--skip-public] [--threads 2] [--memory 12GB]
// Each synthetic size runs in its own process so that its peak memory is its own.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import {
  createLinker,
  evaluate,
  fake1000Preset,
  febrlPreset,
  type LinkageConfigInput,
  votersPreset,
} from '../../packages/linkage/src/index.ts'
import { ELECTION_DATE, generateVoters } from './generate-voters.ts'

const here = fileURLToPath(new URL('.', import.meta.url))
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,1000000' },
    work: { type: 'string', default: '/tmp/linkage-bench' },
    datasets: { type: 'string', default: resolve(here, '../../../shared/datasets/linkage') },
    'skip-public': { type: 'boolean' },
    one: { type: 'string' },
    threads: { type: 'string', default: '2' },
    memory: { type: 'string', default: '12GB' },
  },
})

const fmt = (x: number | undefined, d = 4) => (x === undefined ? '-' : x.toFixed(d))
const mib = () => Math.round(process.resourceUsage().maxRSS / 1024)

const runOne = async (name: string, config: LinkageConfigInput, files: string[], truth?: string) => {
  const started = performance.now()
  const cpu = process.cpuUsage()
  const linker = await createLinker({
    config: { ...config, quality: { ...config.quality, electionDate: ELECTION_DATE } },
    db: {
      threads: Number(values.threads),
      memoryLimit: values.memory,
      tempDirectory: join(values.work, 'tmp'),
    },
  })
  try {
    const rows = await linker.load(files)
    const loaded = performance.now()
    if (truth)
      await linker.db.run(
        `UPDATE records SET truth = t.person_id FROM read_csv('${truth}', header = true, all_varchar = true) t WHERE records.id = t.voter_id`,
      )
    const truthAt = performance.now()
    const s = await linker.run()
    const done = performance.now()
    const e = await evaluate(linker.db, linker.config, [0.5, 0.99])
    const [p50, p99] = e.byThreshold
    const load = (loaded - started) / 1000
    const link = (done - truthAt) / 1000
    return {
      name,
      rows,
      candidatePairs: s.candidatePairs,
      blockingRecall: fmt(e.blockingRecall),
      'P@0.5': fmt(p50?.precision),
      'R@0.5': fmt(p50?.recall),
      'F1@0.5': fmt(p50?.f1),
      'F1@0.99': fmt(p99?.f1),
      'F1 clusters': fmt(e.clusters.f1),
      'load s': fmt(load, 1),
      'block s': fmt(s.seconds.block, 1),
      'train s': fmt(s.seconds.train, 1),
      'score s': fmt(s.seconds.score, 1),
      'cluster s': fmt(s.seconds.cluster, 1),
      'wall s': fmt((done - started) / 1000, 1),
      'rows/s (load)': Math.round(rows / load),
      'pairs/s (block+score)': Math.round(
        s.candidatePairs / Math.max(0.001, s.seconds.block + s.seconds.score),
      ),
      'link s': fmt(link, 1),
      'peak RSS MiB': mib(),
      // CPU seconds of the process (DuckDB's threads included): comparable when the machine is shared.
      'cpu s': fmt((process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1e6, 1),
    }
  } finally {
    linker.close()
  }
}

const synthetic = async (rows: number) => {
  mkdirSync(values.work, { recursive: true })
  const base = join(values.work, `voters-${rows}`)
  let generated = 0
  if (!existsSync(`${base}.truth.csv`)) {
    const t = performance.now()
    await generateVoters({ rows, out: base, seed: 1 })
    generated = (performance.now() - t) / 1000
  }
  const result = await runOne(
    `voters ${rows.toLocaleString('en')}`,
    votersPreset,
    [`${base}.csv`],
    `${base}.truth.csv`,
  )
  return { ...result, 'generate s': fmt(generated, 1) }
}

if (values.one) {
  process.stdout.write(`${JSON.stringify(await synthetic(Number(values.one)))}\n`)
} else {
  const results: Record<string, unknown>[] = []
  // Each figure is printed as soon as it exists, so a long run still leaves the earlier ones.
  const add = (row: Record<string, unknown>) => {
    results.push(row)
    process.stderr.write(`${JSON.stringify(row)}\n`)
  }
  if (!values['skip-public']) {
    const d = (f: string) => join(values.datasets, f)
    add(await runOne('FEBRL 1', febrlPreset, [d('febrl-dataset1.csv')]))
    add(await runOne('FEBRL 2', febrlPreset, [d('febrl-dataset2.csv')]))
    add(await runOne('FEBRL 3', febrlPreset, [d('febrl-dataset3.csv')]))
    add(
      await runOne('FEBRL 4 (link)', { ...febrlPreset, mode: 'link' }, [
        d('febrl-dataset4a.csv'),
        d('febrl-dataset4b.csv'),
      ]),
    )
    add(await runOne('fake_1000', fake1000Preset, [d('fake_1000.csv')]))
  }
  for (const size of values.sizes.split(',').filter(Boolean)) {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2), '--one', size],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 1 << 24,
      },
    )
    add(JSON.parse(out.trim().split('\n').pop() ?? '{}'))
  }
  console.table(results)
  console.log(JSON.stringify(results))
}

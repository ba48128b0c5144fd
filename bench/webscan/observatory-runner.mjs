// Runs the MDN HTTP Observatory scanner on fixture hosts. It is started as a child process by run.ts so that
// NODE_EXTRA_CA_CERTS (the test root) is in place before Node builds its trust store.
import dns from 'node:dns'
import fs from 'node:fs'

const hosts = JSON.parse(fs.readFileSync(process.env.RIG_HOSTS, 'utf8'))
const preload = fs.readFileSync(process.env.RIG_PRELOAD, 'utf8')

// The fixture zone is not in the system resolver: answer its names from the rig's own table.
const originalLookup = dns.lookup
dns.lookup = (name, options, callback) => {
  const cb = typeof options === 'function' ? options : callback
  const opts = typeof options === 'object' && options ? options : {}
  const address = hosts[name]
  if (!address) return originalLookup(name, options, callback)
  return opts.all ? cb(null, [{ address, family: 4 }]) : cb(null, address, 4)
}

// The package downloads Chromium's HSTS preload list in a postinstall script, which cannot run offline.
// Give it the same preload list the scanner is configured with instead.
const originalRead = fs.readFileSync
fs.readFileSync = (file, ...rest) =>
  String(file).endsWith('hsts-preload.json') ? preload : originalRead.call(fs, file, ...rest)

const { scan } = await import('@mdn/mdn-http-observatory/src/scanner/index.js')

for (const host of process.argv.slice(2)) {
  const started = performance.now()
  try {
    const result = await scan(host)
    const tests = Object.fromEntries(Object.entries(result.tests).map(([k, t]) => [k, t.result]))
    process.stdout.write(
      `${JSON.stringify({ host, ms: performance.now() - started, grade: result.scan.grade, tests })}\n`,
    )
  } catch (error) {
    process.stdout.write(
      `${JSON.stringify({ host, ms: performance.now() - started, error: error.message })}\n`,
    )
  }
}

import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const repositoryRoot = resolve(fileURLToPath(new URL('../../../', import.meta.url)))

/** The public data sets, read in place: `LINKAGE_DATASETS` or `../shared/datasets/linkage` beside the repository. */
export const datasetsDir = resolve(
  process.env.LINKAGE_DATASETS ?? join(repositoryRoot, '../shared/datasets/linkage'),
)

export const dataset = (name: string): string => {
  const path = join(datasetsDir, name)
  if (!existsSync(path)) throw new Error(`data set ${path} not found; set LINKAGE_DATASETS`)
  return path
}

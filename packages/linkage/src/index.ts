export { comparisonColumns, levelLabels, levelSql } from './comparisons.ts'
export {
  type ComparisonSpec,
  type LinkageConfig,
  type LinkageConfigInput,
  LinkageConfigSchema,
  parseConfig,
} from './config.ts'
export { type Db, type DbOptions, openDb } from './db.ts'
export { type Pattern, runEm } from './em.ts'
export { type Evaluation, evaluate } from './evaluate.ts'
export { type InputRow, type Problem, readRows } from './input.ts'
export { createLinker, type Linker, type LinkSummary, type PairExplanation, type Progress } from './linker.ts'
export { levelWeights, type Model, priorWeight, probabilityForWeight } from './model.ts'
export * from './normalise.ts'
export { pairsQuery, writeClusters, writePairs } from './output.ts'
export { fake1000Preset, febrlPreset, presets, votersPreset } from './presets.ts'
export { ageOn, createRowRules, crossRowFindings, type Finding } from './quality.ts'
export { type AreaStats, areaStatistics, robustOutliers } from './stats.ts'
export { cleanText, fold, hasMixedScripts, lowerAz, transliterate } from './text.ts'
export { createUnionFind } from './union-find.ts'

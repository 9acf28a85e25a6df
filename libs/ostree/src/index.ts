export {
  buildInitArgv,
  buildCommitArgv,
  buildRevParseArgv,
  buildShowMetadataArgv,
  buildSetRefArgv,
  buildSummaryUpdateArgv,
  buildFsckArgv,
  buildLsArgv,
} from './ostree-argv.js';
export type { CommitSpec, RepoMode } from './ostree-argv.js';
export {
  isRepo,
  ensureRepo,
  resolveRev,
  readCommitMetadata,
  commitTree,
  setRef,
  updateSummary,
  checkRepo,
  listTree,
  parseLsOutput,
  parseGVariantString,
} from './ostree-repo.js';
export type { OstreeRunOptions, TreeEntry } from './ostree-repo.js';

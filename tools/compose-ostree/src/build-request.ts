import type { Logger } from '@compose/log';
import type { SourceRepo } from './source-repos.js';
import type { Treefile } from './treefile.js';

/** Everything a builder (dnf or rpm-ostree) needs for one deliverable. */
export interface BuildRequest {
  composeId: string;
  variant: string;
  arch: string;
  basearch: string;
  /** "<variant>.<arch>" for messages. */
  label: string;
  treefile: Treefile;
  treefilePath: string;
  treefileDir: string;
  ref: string;
  version: string | undefined;
  releasever: string;
  repos: SourceRepo[];
  keepOriginalSources: boolean;
  ostreeRepo: string;
  tagRef: boolean;
  forceNewCommit: boolean;
  unifiedCore: boolean;
  workDir: string;
  logDir: string;
  /** The build log (create-ostree-repo.log, Pungi's name). */
  logFile: string;
  log: Logger;
  signal?: AbortSignal;
}

export interface BuildResult {
  /** The new commit; null when nothing changed. */
  commitid: string | null;
  /** What the ref (or, with tag_ref False, the orphan) now stands for: the new commit or the unchanged head. */
  head: string | undefined;
  refUpdated: boolean;
  inputHash: string | null;
  packages: string[];
}

// Which file paths an index keeps from filelists.xml: only paths some requirement names.
// Most of a distribution's 300k file entries are never required; skipping them shrinks the
// index and its build. A file one repo requires may be owned by another repo's package, so
// loadRepos re-indexes a repo with the other repos' required paths it has not kept yet.
import type { RepoIndex } from './repo-index.js';

const SLASH = 0x2f;
const OPEN = 0x28;
/** A path inside a rich dependency: starts after `(` or a space, ends before one or `)`. */
const RICH_PATH = /(?:^|[\s(])(\/[^\s()]+)/g;

/** The file paths named by a rich dependency text, e.g. `(/usr/bin/sh or busybox)`. */
export function pathsInRichDep(text: string): string[] {
  return [...text.matchAll(RICH_PATH)].map((match) => match[1]!);
}

/**
 * Walks a repo's requirement names (string ids, `strings` of them in all; the requires of
 * package i are depName[depStart[i], provFrom[i])) and returns every file path they name.
 */
export function collectRequiredPaths(
  deps: { count: number; strings: number; depStart: Int32Array; provFrom: Int32Array; depName: Int32Array },
  firstByte: (id: number) => number,
  text: (id: number) => string,
): Set<string> {
  const paths = new Set<string>();
  const seen = new Uint8Array(deps.strings);
  const { depStart, provFrom, depName } = deps;
  for (let pkg = 0; pkg < deps.count; pkg++) {
    for (let d = depStart[pkg]!; d < provFrom[pkg]!; d++) {
      const id = depName[d]!;
      if (seen[id]) continue;
      seen[id] = 1;
      const first = firstByte(id);
      if (first === SLASH) paths.add(text(id));
      else if (first === OPEN) {
        const rich = text(id);
        if (rich.includes('/')) for (const path of pathsInRichDep(rich)) paths.add(path);
      }
    }
  }
  return paths;
}

/** File paths required by the packages of a built index. */
export function requiredPathsOf(index: RepoIndex): Set<string> {
  const bytes = index.strings.bytes;
  const offsets = index.strings.offsets;
  const c = index.cols;
  return collectRequiredPaths(
    { count: index.size, strings: index.strings.size, depStart: c.depStart, provFrom: c.provFrom, depName: c.depName },
    (id) => (offsets[id + 1]! > offsets[id]! ? bytes[offsets[id]!]! : -1),
    (id) => index.str(id),
  );
}

/**
 * Per repo, the paths other repos require that it does not require itself (sorted, so they
 * can key a cache entry); empty lists when only one repo is loaded.
 */
export function foreignRequiredPaths(indexes: readonly RepoIndex[]): string[][] {
  if (indexes.length < 2) return indexes.map(() => []);
  const own = indexes.map(requiredPathsOf);
  return indexes.map((_, i) => {
    const foreign = new Set<string>();
    own.forEach((paths, j) => {
      if (j !== i) for (const path of paths) if (!own[i]!.has(path)) foreign.add(path);
    });
    return [...foreign].sort();
  });
}

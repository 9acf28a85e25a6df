import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FailedError } from '@compose/errors';
import { runTool } from '@compose/exec';
import { buildRepoclosureArgv, type RepoclosureOptions } from './repoclosure-argv.js';

export interface UnresolvedPackage {
  /** NEVRA as dnf prints it, e.g. dummy-glusterfs-resource-agents-3.9.5-8.x86_64. */
  package: string;
  repo: string;
  unresolved: string[];
}

export interface RepoclosureResult {
  ok: boolean;
  problems: UnresolvedPackage[];
  argv: string[];
  /** dnf's whole output, for the phase log. */
  log: string;
  /** How long the check took, when known per check. */
  durationMs?: number;
}

/**
 * Parses dnf repoclosure's report: a "package: NEVRA from REPO" line, a "unresolved deps"
 * header, then one indented line per dependency. Progress lines around it are ignored.
 */
export function parseRepoclosureOutput(text: string): UnresolvedPackage[] {
  const problems: UnresolvedPackage[] = [];
  let current: UnresolvedPackage | undefined;
  for (const line of text.split(/\r?\n/)) {
    const header = /^package: (\S+) from (\S+)\s*$/.exec(line);
    if (header) {
      current = { package: header[1]!, repo: header[2]!, unresolved: [] };
      problems.push(current);
    } else if (current && /^\s+unresolved deps/.test(line)) {
      continue;
    } else if (current && /^\s{3,}\S/.test(line)) {
      current.unresolved.push(line.trim());
    } else {
      current = undefined;
    }
  }
  return problems;
}

/**
 * Runs dnf repoclosure in a throwaway installroot (so no dnf cache outlives it, which Pungi
 * has to clean up by hand) and reports unresolved dependencies as data. Exit 1 with a report
 * is a finding, not a failure; anything else dnf cannot do is a FailedError.
 */
export async function runRepoclosure(options: RepoclosureOptions & { signal?: AbortSignal }): Promise<RepoclosureResult> {
  const { signal, ...closure } = options;
  const root = closure.installroot ? undefined : await mkdtemp(path.join(tmpdir(), 'repoclosure-'));
  const argv = buildRepoclosureArgv({ ...closure, installroot: closure.installroot ?? root });
  try {
    const result = await runTool(argv, { signal, okExitCodes: [0, 1], cwd: root ?? closure.installroot });
    return { ...interpretRepoclosure(options, argv, result), durationMs: result.durationMs };
  } finally {
    if (root) await rm(root, { recursive: true, force: true });
  }
}

/** A finished `dnf repoclosure`: exit 1 with a report is a finding, exit 1 without one a failure. */
export function interpretRepoclosure(options: RepoclosureOptions, argv: string[], result: { exitCode: number; stdout: string; stderr: string }): RepoclosureResult {
  const problems = parseRepoclosureOutput(result.stdout);
  if (result.exitCode !== 0 && !problems.length) {
    throw new FailedError('REPOCLOSURE_FAILED', `dnf repoclosure failed for ${describeRepos(options)}:\n${(result.stderr || result.stdout).trim()}`);
  }
  return { ok: problems.length === 0, problems, argv, log: `${result.stdout}${result.stderr}` };
}

function describeRepos(options: RepoclosureOptions): string {
  return options.repos.map((repo) => `${repo.id} (${repo.path})`).join(', ');
}

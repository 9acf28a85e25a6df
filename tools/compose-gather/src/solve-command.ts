// `compose-gather solve --input CASE.json`: the depsolver alone, as `pungi-gather` is.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { finishToolCli, startToolCli } from '@compose/phase-io';
import { DEFAULT_SOLVE_OPTIONS, loadRepos, parseSolveInput, solve, type SolveInput } from '@compose/depsolve';
import { EXIT_OK, InputError, type ExitCode } from '@compose/errors';
import { printJson } from '@compose/log';

const PROGRAM = 'compose-gather solve';

/** Parses `solve` argv, solves the input file and prints {rpm, srpm, debuginfo}. */
export async function runSolveCli(argv: readonly string[]): Promise<ExitCode> {
  const args = await finishToolCli(startToolCli(argv, PROGRAM, '$0 --input CASE.json\n\nRuns the depsolver alone on a solve input (DESIGN.md section 3; a conformance case\n{name, input, expected} is accepted too) and prints {"rpm": [...], "srpm": [...], "debuginfo": [...]}:\nsorted RPM file names, lookaside packages left out.'), PROGRAM)
    .option('input', { type: 'string', demandOption: true, describe: 'solve input JSON; repo paths are relative to it' })
    .option('broken-deps', { type: 'boolean', describe: 'also print the unresolvable dependencies (brokenDeps)' })
    .example('$0 --input ../shared/conformance/gather/test_bash_greedy.json', 'solve one conformance case')
    .parseAsync();
  const input = await readSolveInput(args.input);
  const result = solve(input, await loadRepos(input));
  const output: Record<string, unknown> = { rpm: result.rpm, srpm: result.srpm, debuginfo: result.debuginfo };
  if (args['broken-deps']) output['broken_deps'] = result.brokenDeps;
  printJson(output);
  return EXIT_OK;
}

/** Reads and checks a solve input: unknown options and missing repos are bad input, not crashes. */
async function readSolveInput(file: string): Promise<SolveInput> {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (cause) {
    throw new InputError('BAD_SOLVE_INPUT', `cannot read ${absolute}: ${(cause as Error).message}`, { location: { file: absolute } });
  }
  const input = parseSolveInput(text, absolute);
  rejectUnknownOptions(text, absolute);
  for (const repo of [...input.repos, ...input.lookaside_repos]) {
    if (!existsSync(path.join(repo.path, 'repodata', 'repomd.xml'))) {
      throw new InputError('MISSING_REPO', `${absolute}: repo '${repo.id}' has no repodata/repomd.xml at ${repo.path}`, {
        hint: 'repo paths are relative to the input file',
        location: { file: absolute },
      });
    }
  }
  return input;
}

// parseSolveInput fills defaults over whatever it is given, so a misspelt option would be
// silently ignored; a person debugging a solve wants to hear about it.
function rejectUnknownOptions(text: string, file: string): void {
  const data = JSON.parse(text) as Record<string, unknown>;
  const raw = (data['input'] && typeof data['input'] === 'object' ? data['input'] : data) as Record<string, unknown>;
  const options = raw['options'];
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InputError('BAD_SOLVE_INPUT', `${file}: options must be an object`, { location: { file } });
  }
  const known = Object.keys(DEFAULT_SOLVE_OPTIONS);
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new InputError('BAD_SOLVE_INPUT', `${file}: unknown option '${key}'`, { hint: `known options: ${known.join(', ')}`, location: { file } });
    }
  }
}

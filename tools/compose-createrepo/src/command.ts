import path from 'node:path';
import { CREATEREPO_MANIFEST, REPOCLOSURE_MANIFEST } from '@compose/contracts';
import { EXIT_OK, InputError, type ExitCode } from '@compose/errors';
import { printJson } from '@compose/log';
import { openPhaseCompose, startPhaseCli, writePhaseOutput } from '@compose/phase-io';
import { assertNoFatalFindings, runRepoclosurePhase } from './repoclosure.js';
import { runCreaterepoPhase } from './run.js';

const PROGRAM = 'compose-createrepo';

/** Parses argv, runs the createrepo phase (or the repoclosure subcommand) and prints; returns the exit code. */
export async function runCli(argv: readonly string[], signal: AbortSignal): Promise<ExitCode> {
  if (argv[0] === 'repoclosure') return runRepoclosureCli(argv.slice(1), signal);
  const args = await configure(argv, '$0 --compose-dir DIR [options]\n\nThe createrepo phase: createrepo_c for every os, debug and source tree of the compose (comps,\nproduct certificates, deltas as configured), .treeinfo/.discinfo/media.repo for os and source trees,\nand the extra_files phase. Writes work/global/createrepo.json.\n\nSubcommand: $0 repoclosure --compose-dir DIR   (dnf repoclosure per variant.arch)')
    .option('output', { type: 'string', describe: 'also write the createrepo manifest here ("-" = stdout)' })
    .option('old-composes', { type: 'string', array: true, default: [], describe: 'target dirs of earlier composes to make deltarpms against (createrepo_deltas)' })
    .option('workers', { type: 'number', describe: 'createrepo runs in parallel (default: createrepo_num_workers)' })
    .example('$0 --compose-dir /composes/DP-1.0-20261122.t.0', 'index every tree of a compose')
    .example('$0 --compose-dir D --old-composes /composes', 'with createrepo_deltas = True: deltarpms against the last compose')
    .example('$0 repoclosure --compose-dir D', 'check dependency closure of every variant.arch')
    .parseAsync();
  const { composeDir, compose, log, io } = await openCompose(args);
  if (args.json && args.output === '-') throw new InputError('USAGE', '--json and --output - both want stdout', { hint: 'use one of them' });
  if (args.workers !== undefined && (!Number.isInteger(args.workers) || args.workers < 1)) throw new InputError('USAGE', `--workers must be a positive integer, got ${args.workers}`);
  const started = performance.now();
  const manifest = await runCreaterepoPhase(compose, {
    composeDir,
    oldComposes: args['old-composes'].map((dir) => path.resolve(dir)),
    parallel: args.workers,
    log,
    signal,
  });
  manifest.timings_ms['total'] = Math.round(performance.now() - started);
  const written = await writePhaseOutput(CREATEREPO_MANIFEST, manifest, { ...io, output: args.output }, 'work/global/createrepo.json');
  const packages = manifest.trees.reduce((sum, tree) => sum + tree.packages, 0);
  log.info(`createrepo: ${manifest.trees.length} repos (${packages} packages), ${manifest.tree_metadata.length} tree metadata files, ${manifest.extra_files.length} extra files`);
  if (args.json) {
    printJson({
      compose_id: manifest.compose_id,
      manifest: written ?? null,
      repos: manifest.trees.length,
      packages,
      tree_metadata: manifest.tree_metadata.length,
      extra_files: manifest.extra_files.length,
      createrepo_version: manifest.createrepo_version,
      timings_ms: manifest.timings_ms,
    });
  }
  return EXIT_OK;
}

async function runRepoclosureCli(argv: readonly string[], signal: AbortSignal): Promise<ExitCode> {
  const args = await configure(argv, `${PROGRAM} repoclosure --compose-dir DIR [options]\n\nRuns dnf repoclosure for every non-empty variant.arch of the compose after createrepo. repoclosure_strictness\ndecides per variant.arch: off (skip), lenient (warn, the default) or fatal (exit 1).`)
    .option('old-composes', { type: 'string', array: true, default: [], describe: 'target dirs of earlier composes whose results are taken over for checks with unchanged inputs' })
    .example(`${PROGRAM} repoclosure --compose-dir D`, 'check every variant.arch; logs in logs/<arch>/repoclosure-<uid>.<arch>.log')
    .example(`${PROGRAM} repoclosure --compose-dir D --old-composes /composes`, 'reuse the results of checks whose repos are unchanged since an earlier compose')
    .parseAsync();
  const { composeDir, compose, log } = await openCompose(args);
  const manifest = await runRepoclosurePhase(compose, composeDir, log, signal, args['old-composes'].map((dir) => path.resolve(dir)));
  await writePhaseOutput(REPOCLOSURE_MANIFEST, manifest, { composeDir }, 'work/global/repoclosure.json');
  const { checks } = manifest;
  const failed = checks.filter((check) => !check.ok);
  const reused = checks.filter((check) => check.reused_from).length;
  log.info(`repoclosure: ${checks.length} checks${reused ? ` (${reused} reused)` : ''}, ${failed.length} with unresolved dependencies`);
  if (args.json) printJson({ compose_id: compose.compose_id, checks });
  assertNoFatalFindings(checks);
  return EXIT_OK;
}

function configure(argv: readonly string[], usage: string) {
  return startPhaseCli(argv, PROGRAM, usage, 'compose-gather');
}

const openCompose = (args: { 'compose-dir'?: string; input?: string; quiet?: boolean }) => openPhaseCompose(args, PROGRAM);

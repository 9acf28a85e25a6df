import { homedir } from 'node:os';
import path from 'node:path';
import { COMPOSE_MANIFEST, PKGSET_MANIFEST, type ComposeManifest } from '@compose/contracts';
import { EXIT_OK, InputError, type ExitCode } from '@compose/errors';
import { createLogger, printJson } from '@compose/log';
import { finishToolCli, startToolCli, readPhaseInput, requireComposeDir, writePhaseOutput } from '@compose/phase-io';
import { runPkgset } from './run.js';

const PROGRAM = 'compose-pkgset';

/** Parses argv, runs the pkgset phase and prints; returns the exit code. */
export async function runCli(argv: readonly string[], signal: AbortSignal): Promise<ExitCode> {
  const args = await finishToolCli(startToolCli(argv, PROGRAM, '$0 --compose-dir DIR [options]\n\nThe pkgset phase: reads the repos (or Koji tag) of the config, keeps the newest package of each\nname.arch that the signature rules accept, and writes work/global/pkgset.json plus a package-set\nrepo per tree arch under work/<arch>/repo/ for gather.'), PROGRAM)
    .option('compose-dir', { type: 'string', describe: 'compose directory made by compose-orchestrate init' })
    .option('input', { type: 'string', describe: 'compose.compose manifest to read instead of <compose-dir>/work/global/compose.json ("-" = stdin)' })
    .option('output', { type: 'string', describe: 'also write the pkgset manifest here ("-" = stdout)' })
    .option('old-composes', { type: 'string', array: true, default: [], describe: 'target dirs of earlier composes whose package set may be reused' })
    .option('cache-dir', { type: 'string', describe: 'cache for remote repodata and packages (default ~/.cache/compose)' })
    .option('koji-event', { type: 'number', describe: 'Koji event to take the tag contents at' })
    .option('json', { type: 'boolean', describe: 'print a JSON summary on stdout' })
    .option('quiet', { type: 'boolean', describe: 'only warnings and errors on stderr' })
    .example('$0 --compose-dir /composes/DP-1.0-20261122.t.0', 'run the phase on a compose')
    .example('$0 --compose-dir D --output - | compose-gather --compose-dir D --input -', 'feed gather through a pipe')
    .example('$0 --compose-dir D --old-composes /composes', 'reuse the set of an older compose when nothing changed')
    .parseAsync();
  const composeDir = requireComposeDir({ composeDir: args['compose-dir'] }, PROGRAM);
  if (args.json && args.output === '-') throw new InputError('USAGE', '--json and --output - both want stdout', { hint: 'use one of them' });
  const log = createLogger({ program: PROGRAM, quiet: args.quiet });
  const io = { composeDir, input: args.input, output: args.output };
  const compose = await readPhaseInput<ComposeManifest>(COMPOSE_MANIFEST, io, 'work/global/compose.json');
  const timings: Record<string, number> = {};
  const started = performance.now();
  const manifest = await runPkgset(compose, {
    timings,
    composeDir,
    oldComposes: args['old-composes'].map((d) => path.resolve(d)),
    cacheDir: path.resolve(args['cache-dir'] ?? process.env['COMPOSE_CACHE_DIR'] ?? path.join(homedir(), '.cache', 'compose')),
    kojiEvent: args['koji-event'],
    log,
    signal,
  });
  const beforeWrite = performance.now();
  const written = await writePhaseOutput(PKGSET_MANIFEST, manifest, io, 'work/global/pkgset.json');
  timings['write_manifest'] = Math.round(performance.now() - beforeWrite);
  timings['total'] = Math.round(performance.now() - started);
  const perArch = Object.fromEntries(manifest.arches.map((arch) => [arch, manifest.packages.filter((p) => p.tree_arches.includes(arch)).length]));
  log.info(`package set: ${manifest.packages.length} packages (${Object.entries(perArch).map(([a, n]) => `${a} ${n}`).join(', ')}), ${manifest.excluded.length} left out`);
  if (args.json) printJson({ compose_id: manifest.compose_id, manifest: written ?? null, packages: manifest.packages.length, per_arch: perArch, excluded: manifest.excluded.length, reused_from: manifest.reused_from, timings_ms: timings });
  return EXIT_OK;
}

import { COMPOSE_MANIFEST, PKGSET_MANIFEST, type ComposeManifest, type PkgsetManifest } from '@compose/contracts';
import { EXIT_OK, InputError, type ExitCode } from '@compose/errors';
import { createLogger, printJson } from '@compose/log';
import { finishToolCli, startToolCli, readPhaseInput, requireComposeDir } from '@compose/phase-io';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readManifest } from '@compose/manifest';
import { runGather } from './run.js';
import { runSolveCli } from './solve-command.js';

const PROGRAM = 'compose-gather';

/** `solve` runs the depsolver alone; anything else is the gather phase on a compose. */
export async function runCli(argv: readonly string[], signal: AbortSignal): Promise<ExitCode> {
  if (argv[0] === 'solve') return runSolveCli(argv.slice(1));
  return runPhaseCli(argv, signal);
}

async function runPhaseCli(argv: readonly string[], _signal: AbortSignal): Promise<ExitCode> {
  const args = await finishToolCli(startToolCli(argv, PROGRAM, '$0 --compose-dir DIR [options]\n$0 solve --input CASE.json\n\nThe gather phase: decides which packages go into every variant.arch (comps groups, additional and\nfilter packages, JSON mapping, prepopulate, deps/nodeps, greedy, fulltree, selfhosting, multilib,\nlookaside, addons/layered products/optional), links them into the trees, and writes\ncompose/metadata/rpms.json plus work/<arch>/gather-<variant>.json (why each package is there).\n`solve` runs the depsolver alone on one solve input.'), PROGRAM)
    .option('compose-dir', { type: 'string', describe: 'compose directory made by compose-orchestrate init' })
    .option('input', { type: 'string', describe: 'compose.pkgset manifest to read instead of <compose-dir>/work/global/pkgset.json ("-" = stdin)' })
    .option('output', { type: 'string', describe: 'also write the rpms.json metadata here ("-" = stdout)' })
    .option('old-composes', { type: 'string', array: true, default: [] as string[], describe: 'target dirs (or compose dirs) of earlier composes whose gather result may be reused when its inputs digest is unchanged' })
    .option('json', { type: 'boolean', describe: 'print a JSON summary on stdout' })
    .option('quiet', { type: 'boolean', describe: 'only warnings and errors on stderr' })
    .example('$0 --compose-dir /composes/DP-1.0-20261122.t.0', 'run the phase on a compose')
    .example('$0 --compose-dir D --old-composes /composes', 'reuse the result of an older finished compose when nothing changed')
    .example('compose-pkgset --compose-dir D --output - | $0 --compose-dir D --input -', 'take the package set from a pipe')
    .example('$0 solve --input case.json', 'depsolve one input, print {rpm, srpm, debuginfo}')
    .parseAsync();
  const composeDir = requireComposeDir({ composeDir: args['compose-dir'] }, PROGRAM);
  if (args.json && args.output === '-') throw new InputError('USAGE', '--json and --output - both want stdout', { hint: 'use one of them' });
  const log = createLogger({ program: PROGRAM, quiet: args.quiet });
  const compose = await readManifest<ComposeManifest>(path.join(composeDir, 'work/global/compose.json'), COMPOSE_MANIFEST);
  if (!args.input && !existsSync(path.join(composeDir, 'work/global/pkgset.json'))) {
    throw new InputError('NO_PKGSET', `${composeDir} has no work/global/pkgset.json`, { hint: `run compose-pkgset --compose-dir ${composeDir} first` });
  }
  const pkgset = await readPhaseInput<PkgsetManifest>(PKGSET_MANIFEST, { composeDir, input: args.input }, 'work/global/pkgset.json');
  const timings: Record<string, number> = {};
  const started = performance.now();
  const result = await runGather(compose, pkgset, { composeDir, log, timings, oldComposes: args['old-composes'].map((d) => path.resolve(d)) });
  timings['total'] = Math.round(performance.now() - started);
  if (args.output) await copyRpmsJson(result.rpmsJson, args.output);
  const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
  log.info(`gather: ${total} packages in ${Object.keys(result.counts).length} variant.arch trees; ${result.rpmsJson}`);
  if (args.json) printJson({ compose_id: compose.compose_id, rpms_json: result.rpmsJson, manifests: result.manifests.map((m) => m.file), per_variant_arch: result.counts, packages: total, inputs_digest: result.inputsDigest, reused_from: result.reusedFrom, warnings: log.warnings.length, timings_ms: timings });
  return EXIT_OK;
}

async function copyRpmsJson(file: string, output: string): Promise<void> {
  const { readFile, writeFile } = await import('node:fs/promises');
  const text = await readFile(file, 'utf8');
  if (output === '-') process.stdout.write(text + '\n');
  else await writeFile(path.resolve(output), text);
}

import path from 'node:path';
import { CREATEISO_MANIFEST, IMAGE_TEST_MANIFEST } from '@compose/contracts';
import { EXIT_OK, FailedError, InputError, type ExitCode } from '@compose/errors';
import { printJson } from '@compose/log';
import { createNotifier } from '@compose/notify';
import { openPhaseCompose, startPhaseCli, writePhaseOutput } from '@compose/phase-io';
import { parseBootTrees } from './boot-tree.js';
import { runCreateisoPhase, type CreateisoPhase } from './run.js';
import { runTestPhase } from './test-phase.js';

const PROGRAM = 'compose-createiso';
const PHASES: readonly CreateisoPhase[] = ['createiso', 'extra_isos'];

/** Parses argv, runs createiso/extra_isos (or the test subcommand) and prints; returns the exit code. */
export async function runCli(argv: readonly string[], signal: AbortSignal): Promise<ExitCode> {
  if (argv[0] === 'test') return runTestCli(argv.slice(1), signal);
  const args = await configure(argv, `$0 --compose-dir DIR [options]\n\nThe createiso and extra_isos phases: DVD ISOs per variant.arch and source (split over discs when a\ntree does not fit iso_size), extra ISOs combining variants, implanted MD5, *.iso.manifest listings and\ncompose/metadata/images.json. Writes work/global/createiso.json. Checksums are compose-checksum's job.\n\nSubcommand: $0 test --compose-dir DIR   (the test phase: checks every image in images.json)`)
    .option('output', { type: 'string', describe: 'also write the createiso manifest here ("-" = stdout)' })
    .option('phase', { type: 'string', array: true, choices: PHASES as string[], describe: 'run only these phases (default: both)' })
    .option('boot-tree', { type: 'string', array: true, default: [], describe: 'VARIANT.ARCH=DIR or ARCH=DIR: boot files (isolinux/, images/, EFI/ as lorax makes them) that make that media bootable' })
    .option('workers', { type: 'number', describe: 'images made at once (default: eight per core when every image is small (they mostly wait), else one per core)' })
    .option('old-composes', { type: 'string', array: true, default: [], describe: 'target dirs of earlier composes: an image with unchanged contents, options and tools is hard-linked from there (createiso_allow_reuse, extraiso_allow_reuse)' })
    .option('notification-script', { type: 'string', describe: 'called with createiso-targets/-imagedone/-imagefail (default: $COMPOSE_NOTIFICATION_SCRIPT)' })
    .example('$0 --compose-dir /composes/DP-1.0-20261122.t.0', 'every ISO and extra ISO of a compose')
    .example('$0 --compose-dir D --phase extra_isos', 'remake only the extra ISOs')
    .example('$0 --compose-dir D --old-composes /composes', 'link the images that did not change since an earlier compose')
    .example('$0 --compose-dir D --boot-tree Server.x86_64=/composes/old/compose/Server/x86_64/os', 'bootable Server media from an older compose\'s boot files')
    .example('$0 test --compose-dir D', 'check every image listed in images.json')
    .parseAsync();
  if (args.json && args.output === '-') throw new InputError('USAGE', '--json and --output - both want stdout', { hint: 'use one of them' });
  if (args.workers !== undefined && (!Number.isInteger(args.workers) || args.workers < 1)) throw new InputError('USAGE', `--workers must be a positive integer, got ${args.workers}`);
  const { composeDir, compose, log, io } = await openCompose(args);
  const notifier = createNotifier({ script: args['notification-script'], composeDir, logger: log });
  const phases = new Set<CreateisoPhase>((args.phase as CreateisoPhase[] | undefined) ?? PHASES);
  const started = performance.now();
  const { manifest, fatal } = await runCreateisoPhase(compose, {
    composeDir, phases, bootTrees: await parseBootTrees(args['boot-tree']), oldComposes: args['old-composes'].map((dir) => path.resolve(dir)), workers: args.workers, log, notifier, signal,
  });
  manifest.timings_ms['total'] = Math.round(performance.now() - started);
  const written = await writePhaseOutput(CREATEISO_MANIFEST, manifest, { ...io, output: args.output }, 'work/global/createiso.json');
  const made = manifest.images.filter((image) => image.status === 'done');
  log.info(`createiso: ${made.length} images made, ${manifest.images.length - made.length} failed`);
  if (args.json) {
    printJson({ compose_id: manifest.compose_id, manifest: written ?? null, iso_tool: manifest.iso_tool, images: manifest.images.map(({ commands: _c, ...image }) => image), deliverables: manifest.deliverables, timings_ms: manifest.timings_ms });
  }
  if (fatal.length) {
    throw new FailedError('CREATEISO_FAILED', `${fatal.length} image(s) failed: ${fatal.join('; ')}`, { hint: 'see the logs named above; failable_deliverables (iso) or failable_arches (extra_isos) let a compose finish without them' });
  }
  return EXIT_OK;
}

async function runTestCli(argv: readonly string[], signal: AbortSignal): Promise<ExitCode> {
  const args = await configure(argv, `${PROGRAM} test --compose-dir DIR\n\nThe test phase: every image in compose/metadata/images.json is checked — ISO 9660 header, size and\nvolume ID as recorded, implanted MD5 (checkisomd5), bootable flag, recorded checksums. Writes\nwork/global/image-test.json. Exit 1 when one is wrong.`)
    .example(`${PROGRAM} test --compose-dir D`, 'check the images of a compose')
    .parseAsync();
  const { composeDir, compose, log } = await openCompose(args);
  const report = await runTestPhase(composeDir, log, signal);
  await writePhaseOutput(IMAGE_TEST_MANIFEST, { compose_id: compose.compose_id, ...report }, { composeDir }, 'work/global/image-test.json');
  if (args.json) printJson(report);
  if (report.failed.length) {
    throw new FailedError('IMAGE_TEST_FAILED', `${report.failed.length} of ${report.checked} images failed the test phase: ${report.failed.map((f) => `${f.path}: ${f.problems.join(', ')}`).join('; ')}`);
  }
  return EXIT_OK;
}

function configure(argv: readonly string[], usage: string) {
  return startPhaseCli(argv, PROGRAM, usage, 'compose-createrepo');
}

const openCompose = (args: { 'compose-dir'?: string; input?: string; quiet?: boolean }) => openPhaseCompose(args, PROGRAM);

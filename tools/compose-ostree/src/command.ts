import { COMPOSE_MANIFEST, OSTREE_MANIFEST, type ComposeManifest } from '@compose/contracts';
import { EXIT_FAILED, EXIT_OK, InputError, type ExitCode } from '@compose/errors';
import { createLogger, printJson } from '@compose/log';
import { finishToolCli, readPhaseInput, requireComposeDir, startToolCli, writePhaseOutput } from '@compose/phase-io';
import { runOstreePhase } from './run.js';

const PROGRAM = 'compose-ostree';

const USAGE = `$0 --compose-dir DIR [options]

The ostree phase: for every variant, config block of the \`ostree\` option and arch, a new commit in
the ostree repository (ostree_repo, outside the compose) made from the compose's packages, with the
treefile taken from config_url/config_branch (git). Without rpm-ostree the tree is installed with
dnf --installroot, made ostree-ready (/usr/etc, /var as tmpfiles.d, /boot) and committed with ostree.
Writes work/global/ostree.json and compose/metadata/ostree.json; logs in logs/<arch>/<variant>/ostree-<n>/.

Exit status: 0 when every deliverable that may not fail succeeded (failed failable ones are
warnings), 1 when one that may not fail failed, 2 for bad input.`;

/** Parses argv, runs the ostree phase and prints; returns the exit code. */
export async function runCli(argv: readonly string[], signal: AbortSignal): Promise<ExitCode> {
  const args = await finishToolCli(startToolCli(argv, PROGRAM, USAGE), PROGRAM)
    .option('compose-dir', { type: 'string', describe: 'compose directory (after compose-createrepo)' })
    .option('input', { type: 'string', describe: 'compose.compose manifest to read instead of <compose-dir>/work/global/compose.json ("-" = stdin)' })
    .option('output', { type: 'string', describe: 'also write the compose.ostree manifest here ("-" = stdout)' })
    .option('notification-script', { type: 'string', describe: 'send the "ostree" message through this script (default: $COMPOSE_NOTIFICATION_SCRIPT)' })
    .option('json', { type: 'boolean', describe: 'print a JSON summary on stdout' })
    .option('quiet', { type: 'boolean', describe: 'only warnings and errors on stderr' })
    .example('$0 --compose-dir /composes/DP-1.0-20261122.t.0', 'commit every configured ostree tree of the compose')
    .example('$0 --compose-dir D --json', 'the same, with a JSON summary of the commits on stdout')
    .parseAsync();
  if (args.json && args.output === '-') throw new InputError('USAGE', '--json and --output - both want stdout', { hint: 'use one of them' });
  const composeDir = requireComposeDir({ composeDir: args['compose-dir'] }, PROGRAM);
  const log = createLogger({ program: PROGRAM, quiet: args.quiet });
  const io = { composeDir, input: args.input, output: args.output };
  const compose = await readPhaseInput<ComposeManifest>(COMPOSE_MANIFEST, io, 'work/global/compose.json');
  const manifest = await runOstreePhase(compose, { composeDir, log, signal, notificationScript: args['notification-script'] });
  const written = await writePhaseOutput(OSTREE_MANIFEST, manifest, io, 'work/global/ostree.json');
  const failed = manifest.deliverables.filter((d) => d.status === 'failed');
  const blocking = failed.filter((d) => !d.failable);
  const made = manifest.commits.filter((c) => c.new_commit).length;
  log.info(`ostree: ${manifest.deliverables.length} deliverables, ${made} new commits, ${manifest.commits.length - made} unchanged, ${failed.length} failed (${failed.length - blocking.length} failable)`);
  if (args.json) {
    printJson({
      compose_id: manifest.compose_id,
      manifest: written ?? null,
      commits: manifest.commits.map(({ variant, arch, ref, commitid, new_commit, version, repo_path, builder }) => ({ variant, arch, ref, commitid, new_commit, version, repo_path, builder })),
      deliverables: manifest.deliverables,
      timings_ms: manifest.timings_ms,
    });
  }
  return blocking.length ? EXIT_FAILED : EXIT_OK;
}

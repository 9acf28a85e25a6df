import type { Argv } from 'yargs';
import { finishToolCli, startToolCli } from '@compose/phase-io';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, InputError, describeError, formatErrorLines, type ExitCode } from '@compose/errors';
import { createLogger, printJson } from '@compose/log';
import { runDumpConfig, runValidateConfig } from './config-commands.js';
import { runInit } from './init/run-init.js';
import { runCompose } from './compose/run-compose.js';
import { listKnownPhases } from './compose/phase-plan.js';
import { COMPOSE_TYPES, type ComposeType } from '@compose/compose-info';
import { createPartsCommand } from './parts/parts-command.js';

const PROGRAM = 'compose-orchestrate';

interface IdentityArgs {
  config: string;
  'target-dir': string;
  label?: string;
  'no-label'?: boolean;
  'compose-type': string;
  'compose-date'?: string;
  json?: boolean;
  quiet?: boolean;
}

function addIdentityOptions<T>(y: Argv<T>) {
  return y
    .option('config', { type: 'string', demandOption: true, describe: 'Pungi config file' })
    .option('target-dir', { type: 'string', demandOption: true, describe: 'directory the compose directory is created in' })
    .option('label', { type: 'string', describe: 'compose label, e.g. Beta-1.0 or RC-1.2 (productmd rules)' })
    .option('no-label', { type: 'boolean', describe: 'explicitly make a compose without a label' })
    .option('compose-type', { choices: COMPOSE_TYPES, default: 'production', describe: 'compose type; sets the ID suffix' })
    .option('compose-date', { type: 'string', describe: 'compose date YYYYMMDD (default: today, UTC)' })
    .conflicts('label', 'no-label')
    .check((args) => {
      // As pungi-koji: a production compose must say whether it is labelled, so an unlabelled
      // release compose is never made by accident.
      if (args['compose-type'] === 'production' && !args.label && !args['no-label']) {
        throw new InputError('LABEL_REQUIRED', 'a production compose needs --label (e.g. RC-1.0) or --no-label', {
          hint: 'or choose --compose-type test|nightly|ci',
        });
      }
      return true;
    });
}

/** Parses argv and runs one subcommand; returns the exit code, throws ComposeErrors. */
export async function runCli(argv: readonly string[], signal: AbortSignal): Promise<ExitCode> {
  let exitCode: ExitCode = EXIT_OK;
  const log = createLogger({ program: PROGRAM, quiet: argv.includes('--quiet') });
  await finishToolCli(startToolCli(argv, PROGRAM, '$0 <command> [options]\n\nRuns composes: a whole compose (every phase tool in dependency order), the init phase alone, config checks.'), PROGRAM)
    .option('json', { type: 'boolean', describe: 'machine-readable summary on stdout' })
    .option('quiet', { type: 'boolean', describe: 'only warnings and errors on stderr' })
    .command(
      'validate-config',
      'check a Pungi config: syntax, options, types, mandatory options, semantic rules',
      (y) => y.option('config', { type: 'string', demandOption: true, describe: 'Pungi config file' })
        .example('$0 validate-config --config dummy-pungi.conf', 'exit 0 when valid, else one FILE:LINE:COL line per problem and exit 2'),
      (args) => {
        const result = runValidateConfig(args.config);
        for (const warning of result.warnings) log.warn(warning);
        if (args.json) printJson({ file: result.file, valid: result.valid, problems: result.problems.map((p) => describeError(p)), warnings: result.warnings });
        for (const problem of result.problems) for (const line of formatErrorLines(problem)) process.stderr.write(`${line}\n`);
        if (!result.valid) {
          log.error(`${result.problems.length} problem(s) in ${result.file}`);
          exitCode = EXIT_BAD_INPUT;
        } else if (!args.json) log.info(`${result.file}: config is valid`);
      },
    )
    .command(
      'dump-config',
      'print the parsed config as JSON (values as written, after imports and % formatting)',
      (y) => y.option('config', { type: 'string', demandOption: true, describe: 'Pungi config file' })
        .option('effective', { type: 'boolean', default: false, describe: "add Pungi's defaults for every option not set" })
        .example('$0 dump-config --config server.conf', 'values of server.conf and what it imports')
        .example('$0 dump-config --config dummy-pungi.conf --effective', 'the config the compose will use'),
      (args) => {
        process.stdout.write(runDumpConfig(args.config, args.effective));
      },
    )
    .command(
      'init',
      'create the compose directory and run the init phase; prints its path',
      (y) => addIdentityOptions(y)
        .example('$0 init --config dummy-pungi.conf --target-dir /mnt/composes --compose-type test', 'creates /mnt/composes/DP-1.0-<date>.t.0'),
      async (args) => {
        const identity = args as unknown as IdentityArgs;
        const result = await runInit({
          configFile: identity.config,
          targetDir: identity['target-dir'],
          composeType: identity['compose-type'] as ComposeType,
          label: identity['no-label'] ? undefined : identity.label,
          composeDate: identity['compose-date'],
          signal,
          log,
        });
        if (args.json) printJson(result);
        else process.stdout.write(`${result.composeDir}\n`);
      },
    )
    .command(
      'compose',
      'run a whole compose: init, then every phase tool in dependency order; prints the compose directory',
      (y) => addIdentityOptions(y)
        .option('skip-phase', { type: 'string', array: true, default: [], choices: [...listKnownPhases(), 'productimg'], describe: "skip a phase (Pungi's names); repeatable" })
        .option('just-phase', { type: 'string', array: true, default: [], choices: [...listKnownPhases(), 'productimg'], describe: 'run only these phases; repeatable' })
        .option('old-composes', { type: 'string', array: true, default: [], describe: 'target dirs (or compose dirs) of earlier composes whose results the phases may reuse' })
        .option('notification-script', { type: 'string', describe: 'script called with each progress message (Pungi interface); also $COMPOSE_NOTIFICATION_SCRIPT' })
        .example('$0 compose --config dummy-pungi.conf --target-dir /mnt/composes --compose-type test --skip-phase buildinstall', 'a whole test compose; the last stdout line is its directory')
        .example('$0 compose --config dummy-pungi.conf --target-dir /mnt/composes --compose-type test --old-composes /mnt/composes', 'reuse package set, gather and repodata of the newest earlier compose where inputs are unchanged')
        .example('$0 compose --config prod.conf --target-dir /mnt/composes --label RC-1.0 --notification-script ./notify.sh', 'a labelled production compose that reports its progress'),
      async (args) => {
        const identity = args as unknown as IdentityArgs;
        const result = await runCompose({
          configFile: identity.config,
          targetDir: identity['target-dir'],
          composeType: identity['compose-type'] as ComposeType,
          label: identity['no-label'] ? undefined : identity.label,
          composeDate: identity['compose-date'],
          skipPhases: args['skip-phase'] as string[],
          justPhases: args['just-phase'] as string[],
          oldComposes: args['old-composes'] as string[],
          notificationScript: args['notification-script'],
          quiet: args.quiet === true,
          signal,
          log,
          argv,
        });
        if (args.json) printJson(result);
        else process.stdout.write(`${result.composeDir}\n`);
        exitCode = result.status === 'FINISHED' || result.status === 'FINISHED_INCOMPLETE' ? EXIT_OK : EXIT_FAILED;
      },
    )
    .command(createPartsCommand({ log, signal, setExitCode: (code) => { exitCode = code; } }))
    .demandCommand(1, 'name a command: compose, validate-config, dump-config, init or parts')
    .parseAsync();
  return exitCode;
}

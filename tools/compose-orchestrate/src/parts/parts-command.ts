import type { Argv, CommandModule } from 'yargs';
import { EXIT_FAILED, EXIT_OK, type ExitCode } from '@compose/errors';
import { printJson, type Logger } from '@compose/log';
import { startParts } from './run-parts.js';
import { restartParts } from './restart-parts.js';
import type { PartsResult } from './run-parts.js';

export interface PartsCommandContext {
  log: Logger;
  signal: AbortSignal;
  setExitCode(code: ExitCode): void;
}

/** `parts start|restart`: multi-part composes from a pungi-orchestrate INI file. */
export function createPartsCommand(context: PartsCommandContext): CommandModule<object, object> {
  const report = (result: PartsResult, json: boolean): void => {
    if (json) printJson(result);
    else process.stdout.write(`${result.composeDir}\n`);
    const ok = (result.status === 'FINISHED' || result.status === 'FINISHED_INCOMPLETE') && !result.scriptError;
    context.setExitCode(ok ? EXIT_OK : EXIT_FAILED);
  };
  return {
    command: 'parts',
    describe: 'multi-part composes (pungi-orchestrate INI): parts run in parallel as depends_on allows, merged into one compose',
    builder: (y: Argv) => y
      .command(
        'start',
        'start a multi-part compose; prints its directory',
        (s) => s
          .option('config', { type: 'string', demandOption: true, describe: 'parts INI file ([general] and one section per part)' })
          .option('target-dir', { type: 'string', describe: "directory the compose is created in (overrides [general] target)" })
          .option('label', { type: 'string', describe: 'label of the compose and its parts (production composes), e.g. RC-1.0' })
          .option('no-label', { type: 'boolean', describe: 'a production compose without a label' })
          .option('compose-date', { type: 'string', describe: 'compose date YYYYMMDD of the whole and its parts (default: today, UTC)' })
          .conflicts('label', 'no-label')
          .example('$0 parts start --config multi-compose.conf', 'composes every part under <target>/<ID>/parts/ and links them into <target>/<ID>/compose/')
          .example('$0 parts start --config multi-compose.conf --target-dir /mnt/composes', 'the same, in another directory'),
        async (args) => {
          const result = await startParts({
            configFile: args.config, targetDir: args['target-dir'], label: args.label, noLabel: args['no-label'] === true,
            composeDate: args['compose-date'], signal: context.signal, log: context.log,
          });
          report(result, (args as { json?: boolean }).json === true);
        },
      )
      .command(
        'restart',
        'run parts of an existing multi-part compose again; prints its directory',
        (s) => s
          .option('config', { type: 'string', demandOption: true, describe: 'the parts INI file the compose was started with' })
          .option('compose-dir', { type: 'string', demandOption: true, describe: 'the multi-part compose directory' })
          .option('part', { type: 'string', array: true, default: [] as string[], describe: 'part to run again (repeatable); default: every part that did not finish' })
          .example('$0 parts restart --config multi-compose.conf --compose-dir /mnt/composes/multi-1.0-20261122.n.0 --part server', 'runs server again, and its dependents that had not finished'),
        async (args) => {
          const result = await restartParts({
            configFile: args.config, composeDir: args['compose-dir'], parts: args.part as string[], signal: context.signal, log: context.log,
          });
          report(result, (args as { json?: boolean }).json === true);
        },
      )
      .demandCommand(1, 'name a parts command: start or restart'),
    handler: () => undefined,
  };
}

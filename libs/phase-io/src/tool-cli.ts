import yargs, { type Argv } from 'yargs';
import { InputError } from '@compose/errors';
import { joinDashValues } from './phase-io.js';

/** A yargs parser with what every compose executable shares: `-` values, no `--no-x` negation. */
export function startToolCli(argv: readonly string[], program: string, usage: string): Argv {
  return yargs(joinDashValues(argv)).scriptName(program).usage(usage).parserConfiguration({ 'boolean-negation': false });
}

/**
 * The common ending: strict options, --help, no --version, plain wrapping when piped, and usage
 * mistakes as InputErrors (exit 2) pointing at --help instead of yargs printing and exiting.
 */
export function finishToolCli<T>(y: Argv<T>, program: string): Argv<T> {
  return y
    .strict()
    .help()
    .alias('h', 'help')
    .version(false)
    .wrap(process.stdout.isTTY ? Math.min(110, process.stdout.columns ?? 100) : null)
    .fail((message, error) => {
      if (error) throw error;
      throw new InputError('USAGE', message, { hint: `see ${program} --help` });
    });
}

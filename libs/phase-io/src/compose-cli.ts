import type { Argv } from 'yargs';
import { COMPOSE_MANIFEST, type ComposeManifest } from '@compose/contracts';
import { createLogger, type Logger } from '@compose/log';
import { finishToolCli, startToolCli } from './tool-cli.js';
import { readPhaseInput, requireComposeDir } from './phase-io.js';

/** The options every phase tool working on a compose directory takes. */
export function startPhaseCli(argv: readonly string[], program: string, usage: string, after: string) {
  return finishToolCli(startToolCli(argv, program, usage), program)
    .option('compose-dir', { type: 'string', describe: `compose directory (after ${after})` })
    .option('input', { type: 'string', describe: 'compose.compose manifest to read instead of <compose-dir>/work/global/compose.json ("-" = stdin)' })
    .option('json', { type: 'boolean', describe: 'print a JSON summary on stdout' })
    .option('quiet', { type: 'boolean', describe: 'only warnings and errors on stderr' }) as Argv<{ 'compose-dir': string | undefined; input: string | undefined; json: boolean | undefined; quiet: boolean | undefined }>;
}

export interface OpenedCompose {
  composeDir: string;
  compose: ComposeManifest;
  log: Logger;
  io: { composeDir: string; input: string | undefined };
}

/** Resolves --compose-dir, makes the logger and reads compose.json (or --input). */
export async function openPhaseCompose(args: { 'compose-dir'?: string; input?: string; quiet?: boolean }, program: string): Promise<OpenedCompose> {
  const composeDir = requireComposeDir({ composeDir: args['compose-dir'] }, program);
  const log = createLogger({ program, quiet: args.quiet });
  const io = { composeDir, input: args.input };
  const compose = await readPhaseInput<ComposeManifest>(COMPOSE_MANIFEST, io, 'work/global/compose.json');
  return { composeDir, compose, log, io };
}

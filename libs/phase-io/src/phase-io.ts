import path from 'node:path';
import { existsSync } from 'node:fs';
import { InputError } from '@compose/errors';
import { readManifest, serializeJson, wrapManifest, writeManifest, type ManifestKind } from '@compose/manifest';

/** The I/O options every phase tool takes (DESIGN.md section 3). */
export interface PhaseIoOptions {
  composeDir?: string;
  /** Input manifest: a file, or '-' for stdin; defaults to its place in the compose dir. */
  input?: string;
  /** Output manifest: a file, or '-' for stdout; defaults to its place in the compose dir. */
  output?: string;
}

/** Resolves and checks --compose-dir: it must be a compose made by `compose-orchestrate init`. */
export function requireComposeDir(options: PhaseIoOptions, tool: string): string {
  if (!options.composeDir) {
    throw new InputError('NO_COMPOSE_DIR', `${tool} needs --compose-dir`, { hint: 'create one with compose-orchestrate init, then pass its path' });
  }
  const dir = path.resolve(options.composeDir);
  if (!existsSync(path.join(dir, 'COMPOSE_ID'))) {
    throw new InputError('NOT_A_COMPOSE', `${dir} is not a compose directory (no COMPOSE_ID)`, {
      hint: 'pass the directory compose-orchestrate init printed',
    });
  }
  return dir;
}

/** Reads the phase's input manifest from --input, or from `defaultRelative` inside the compose dir. */
export async function readPhaseInput<T>(kind: ManifestKind, options: PhaseIoOptions, defaultRelative: string): Promise<T> {
  if (options.input) return readManifest<T>(options.input === '-' ? '-' : path.resolve(options.input), kind);
  if (!options.composeDir) {
    throw new InputError('NO_INPUT', `no ${kind.type} manifest given`, { hint: 'pass --compose-dir DIR or --input FILE|-' });
  }
  return readManifest<T>(path.join(path.resolve(options.composeDir), defaultRelative), kind);
}

/**
 * Writes the phase's output manifest: always to its place in the compose dir (when there is one,
 * so later phases find it), and also to --output (a file, or '-' for stdout in pipelines).
 */
export async function writePhaseOutput<T>(kind: ManifestKind, payload: T, options: PhaseIoOptions, defaultRelative: string): Promise<string | undefined> {
  let written: string | undefined;
  if (options.composeDir) {
    written = path.join(path.resolve(options.composeDir), defaultRelative);
    await writeManifest(written, kind, payload);
  }
  if (options.output === '-') {
    await new Promise<void>((resolve, reject) =>
      process.stdout.write(serializeJson(wrapManifest(kind, payload), { indent: 2 }), (error) => (error ? reject(error) : resolve())),
    );
  } else if (options.output) {
    written = path.resolve(options.output);
    await writeManifest(written, kind, payload);
  }
  return written;
}

/**
 * yargs reads a lone "-" as a positional argument, not as the value of the option before it;
 * `--input -` / `--output -` are the pipeline idiom, so glue them into `--input=-`.
 */
export function joinDashValues(argv: readonly string[], options: readonly string[] = ['--input', '--output']): string[] {
  const result: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (options.includes(arg) && argv[i + 1] === '-') {
      result.push(`${arg}=-`);
      i++;
    } else result.push(arg);
  }
  return result;
}

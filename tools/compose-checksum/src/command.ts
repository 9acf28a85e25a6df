import path from 'node:path';
import { CHECKSUM_MANIFEST, COMPOSE_MANIFEST, type ComposeManifest } from '@compose/contracts';
import { EXIT_OK, InputError, type ExitCode } from '@compose/errors';
import { createLogger, printJson } from '@compose/log';
import { writeManifest } from '@compose/manifest';
import { finishToolCli, readPhaseInput, requireComposeDir, startToolCli } from '@compose/phase-io';
import { readImagesInput, readPreviousManifest, writeImagesOutput } from './images-io.js';
import { runChecksumPhase } from './run.js';

const PROGRAM = 'compose-checksum';
const MANIFEST_PATH = 'work/global/checksum.json';

/** Parses argv, runs the image_checksum phase and prints; returns the exit code. */
export async function runCli(argv: readonly string[], signal: AbortSignal): Promise<ExitCode> {
  const args = await finishToolCli(
    startToolCli(
      argv,
      PROGRAM,
      '$0 --compose-dir DIR [options]\n\nThe image_checksum phase: hashes every image listed in compose/metadata/images.json once with\nmedia_checksums (each file read once, the digests spread over the cores), writes the checksum files\nPungi writes (NAME.iso.SHA256SUM per image and SHA256SUM per directory, or one CHECKSUM file per\ndirectory with media_checksum_one_file; media_checksum_base_filename prefixes the directory files)\nand puts the digests into images.json. Writes work/global/checksum.json.',
    ),
    PROGRAM,
  )
    .option('compose-dir', { type: 'string', describe: 'compose directory (after compose-createiso)' })
    .option('input', { type: 'string', describe: 'images.json to read instead of <compose-dir>/compose/metadata/images.json ("-" = stdin)' })
    .option('output', { type: 'string', describe: 'also write the updated images.json here ("-" = stdout)' })
    .option('json', { type: 'boolean', describe: 'print a JSON summary on stdout' })
    .option('quiet', { type: 'boolean', describe: 'only warnings and errors on stderr' })
    .option('old-composes', { type: 'string', array: true, default: [], describe: 'target dirs of earlier composes: an image that is the same file (hard link, same inode/size/mtime) as one they hashed takes over those digests' })
    .example('$0 --compose-dir /composes/DP-1.0-20261122.t.0', 'checksum every image of a compose')
    .example('$0 --compose-dir D --input images.json --output -', 'read images.json from a file, print the updated one')
    .example('$0 --compose-dir D --old-composes /composes', 'reuse digests of images linked from an earlier compose')
    .parseAsync();
  if (args.json && args.output === '-') throw new InputError('USAGE', '--json and --output - both want stdout', { hint: 'use one of them' });
  const composeDir = requireComposeDir({ composeDir: args['compose-dir'] }, PROGRAM);
  const log = createLogger({ program: PROGRAM, quiet: args.quiet });
  const compose = await readPhaseInput<ComposeManifest>(COMPOSE_MANIFEST, { composeDir }, 'work/global/compose.json');
  const document = await readImagesInput(composeDir, args.input);
  const manifestFile = path.join(composeDir, MANIFEST_PATH);
  const previous = await readPreviousManifest(manifestFile, log);

  const oldComposes = (args['old-composes'] as string[]).map((dir) => path.resolve(dir));
  const result = await runChecksumPhase(compose, document, { composeDir, log, signal, previous, oldComposes });
  await writeManifest(manifestFile, CHECKSUM_MANIFEST, result.manifest);
  const output = await writeImagesOutput(result.document, args.output);
  const { manifest } = result;
  const bytes = manifest.images.reduce((sum, image) => sum + image.size, 0);
  log.info(`checksum: ${manifest.images.length} images (${bytes} bytes) hashed with ${manifest.algorithms.join(', ')}; ${manifest.files.length} checksum files written`);
  if (args.json) {
    printJson({
      compose_id: manifest.compose_id,
      manifest: manifestFile,
      images_json: result.imagesJson,
      output: output ?? null,
      algorithms: manifest.algorithms,
      one_file: manifest.one_file,
      images: manifest.images.length,
      bytes,
      files: manifest.files,
      removed_files: manifest.removed_files,
      timings_ms: manifest.timings_ms,
    });
  }
  return EXIT_OK;
}

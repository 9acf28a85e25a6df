import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runTool } from '@compose/exec';
import type { ImageRecord } from '@compose/images';

export interface IsoSpec {
  /** Relative to compose/. */
  path: string;
  volumeId: string;
  /** Random payload bytes in the tree (big enough, the image passes checkisomd5). */
  payloadBytes: number;
  /** Make it El Torito bootable (-b) from a small no-emulation boot image. */
  bootable?: boolean;
  implant?: boolean;
  /** Extra xorrisofs arguments, e.g. ['-no-pad']. */
  extraArgs?: string[];
}

/** A directory laid out like a compose: images go under <dir>/compose/. */
export async function makeComposeDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'image-check-'));
  await mkdir(path.join(dir, 'compose'), { recursive: true });
  return dir;
}

/** Builds an ISO with the real xorrisofs (and implantisomd5) and returns its images.json record. */
export async function makeIso(composeDir: string, spec: IsoSpec): Promise<ImageRecord> {
  const iso = path.join(composeDir, 'compose', spec.path);
  await mkdir(path.dirname(iso), { recursive: true });
  const tree = await mkdtemp(path.join(tmpdir(), 'image-check-tree-'));
  await writeFile(path.join(tree, 'payload.bin'), randomBytes(spec.payloadBytes));
  const boot: string[] = [];
  if (spec.bootable) {
    await mkdir(path.join(tree, 'isolinux'));
    // A boot image is only loaded by firmware; xorrisofs needs it to exist and be in the tree.
    await writeFile(path.join(tree, 'isolinux/boot.img'), Buffer.alloc(4 * 2048, 0x90));
    boot.push('-b', 'isolinux/boot.img', '-c', 'isolinux/boot.cat', '-no-emul-boot', '-boot-load-size', '4');
  }
  await runTool(['xorrisofs', '-quiet', '-R', '-J', '-V', spec.volumeId, ...boot, ...(spec.extraArgs ?? []), '-o', iso, tree]);
  await rm(tree, { recursive: true, force: true });
  let implanted: string | null = null;
  if (spec.implant) {
    const result = await runTool(['implantisomd5', iso]);
    implanted = /^md5 = ([0-9a-f]{32})$/m.exec(result.stdout)![1]!;
  }
  const content = await readFile(iso);
  return {
    arch: 'x86_64',
    bootable: spec.bootable === true,
    checksums: {
      md5: createHash('md5').update(content).digest('hex'),
      sha256: createHash('sha256').update(content).digest('hex'),
    },
    disc_count: 1,
    disc_number: 1,
    format: 'iso',
    implant_md5: implanted,
    mtime: Math.floor((await stat(iso)).mtimeMs / 1000),
    path: spec.path,
    size: content.length,
    subvariant: 'Server',
    type: 'dvd',
    volume_id: spec.volumeId,
  };
}

/** A copy of an image next to it, changed by `change`, with the record pointing at it. */
export async function corruptCopy(composeDir: string, record: ImageRecord, suffix: string, change: (bytes: Buffer) => Buffer): Promise<ImageRecord> {
  const content = await readFile(path.join(composeDir, 'compose', record.path));
  const copyPath = record.path.replace(/\.iso$/, `-${suffix}.iso`);
  await writeFile(path.join(composeDir, 'compose', copyPath), change(Buffer.from(content)));
  return { ...record, path: copyPath };
}

export function volumeSectors(bytes: Buffer): number {
  return bytes.readUInt32LE(16 * 2048 + 80);
}

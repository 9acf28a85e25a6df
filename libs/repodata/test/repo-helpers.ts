import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const shared = path.resolve(workspaceRoot, '../shared');
export const dummyRepo = path.resolve(shared, 'fixtures/pungi-dummy/repo');
export const pungiRepos = path.resolve(shared, 'fixtures/pungi-repos');

export function makeTempDir(prefix = 'repodata-test-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface TestFile {
  type: string;
  /** File name under repodata/. */
  name: string;
  /** The bytes as stored (compressed or not). */
  stored: Uint8Array;
  /** Checksum to write into repomd.xml (defaults to the real one). */
  checksum?: string;
}

/** Writes files and a repomd.xml listing them into `<repoDir>/repodata`. */
export async function writeTestRepo(repoDir: string, files: TestFile[]): Promise<void> {
  await mkdir(path.join(repoDir, 'repodata'), { recursive: true });
  const records: string[] = [];
  for (const file of files) {
    await writeFile(path.join(repoDir, 'repodata', file.name), file.stored);
    records.push(
      `  <data type="${file.type}">\n    <checksum type="sha256">${file.checksum ?? sha256(file.stored)}</checksum>\n` +
        `    <location href="repodata/${file.name}"/>\n    <size>${file.stored.length}</size>\n  </data>`,
    );
  }
  const repomd = `<?xml version="1.0" encoding="UTF-8"?>\n<repomd xmlns="http://linux.duke.edu/metadata/repo">\n  <revision>1</revision>\n${records.join('\n')}\n</repomd>\n`;
  await writeFile(path.join(repoDir, 'repodata', 'repomd.xml'), repomd);
}

/** A gzip-compressed test file from XML text. */
export function gzFile(type: string, xml: string): TestFile {
  return { type, name: `${type}.xml.gz`, stored: gzipSync(Buffer.from(xml, 'utf8')) };
}

export function primaryXml(packages: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<metadata xmlns="http://linux.duke.edu/metadata/common" xmlns:rpm="http://linux.duke.edu/metadata/rpm" packages="${packages.length}">\n${packages.join('\n')}\n</metadata>\n`;
}

export function filelistsXml(packages: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<filelists xmlns="http://linux.duke.edu/metadata/filelists" packages="${packages.length}">\n${packages.join('\n')}\n</filelists>\n`;
}

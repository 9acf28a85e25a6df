import { access, constants, copyFile, chmod } from 'node:fs/promises';
import path from 'node:path';
import { runTool } from '@compose/exec';

/** A throwaway GnuPG home with one signing key. */
export interface TestKey {
  home: string;
  uid: string;
  /** Long key ID (16 hex) and fingerprint as gpg lists them, lowercased. */
  keyId: string;
  fingerprint: string;
}

/** rpm's %__gpg may name gpg2, which Debian does not ship; point it at whatever gpg is on PATH. */
export async function locateGpg(): Promise<string> {
  for (const dir of (process.env['PATH'] ?? '').split(':').filter(Boolean)) {
    const candidate = path.join(dir, 'gpg');
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this PATH entry
    }
  }
  throw new Error('gpg is not installed: the signing tests need it (Debian package gnupg)');
}

export async function createTestKey(home: string, uid: string, algorithm: 'rsa2048' | 'ed25519'): Promise<TestKey> {
  await runTool(['gpg', '--homedir', home, '--batch', '--pinentry-mode', 'loopback', '--passphrase', '', '--quick-gen-key', uid, algorithm, 'sign', 'never']);
  const { stdout } = await runTool(['gpg', '--homedir', home, '--batch', '--with-colons', '--list-keys', uid]);
  const fields = stdout.split('\n').map((line) => line.split(':'));
  const pub = fields.find((row) => row[0] === 'pub');
  const fpr = fields.find((row) => row[0] === 'fpr');
  if (!pub?.[4] || !fpr?.[9]) throw new Error(`gpg --list-keys printed no key for ${uid}:\n${stdout}`);
  return { home, uid, keyId: pub[4].toLowerCase(), fingerprint: fpr[9].toLowerCase() };
}

/** Copies fixture RPMs into `dir` and signs the copies with rpmsign (header-only signatures). */
export async function signCopies(key: TestKey, sources: string[], dir: string): Promise<string[]> {
  const copies: string[] = [];
  for (const source of sources) {
    const copy = path.join(dir, path.basename(source));
    await copyFile(source, copy);
    await chmod(copy, 0o644);
    copies.push(copy);
  }
  const gpg = await locateGpg();
  await runTool(['rpmsign', '--addsign', '--define', `__gpg ${gpg}`, '--define', `_gpg_name ${key.uid}`, '--define', `_gpg_path ${key.home}`, ...copies]);
  return copies;
}

export async function stopGpgAgent(home: string): Promise<void> {
  await runTool(['gpgconf', '--homedir', home, '--kill', 'gpg-agent'], { okExitCodes: [0, 1, 2] });
}

import { describe, expect, it } from 'vitest';
import { lstat, mkdtemp, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputErrors } from '@compose/errors';
import { readPartsConfig } from '@compose/parts-config';
import { checkPartConfigs } from '../src/parts/check-part-configs.js';
import { createConfigMirror } from '../src/parts/config-mirror.js';
import { dummy, runOrchestrate } from './cli-helpers.js';

/** A config dir like the fixture's, with its own parts file. */
async function makeConfigDir(ini: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'parts-conf-'));
  for (const name of readdirSync(dummy)) if (name !== 'multi-compose.conf') await symlink(path.join(dummy, name), path.join(dir, name));
  await writeFile(path.join(dir, 'parts.ini'), ini);
  return dir;
}

const GENERAL = '[general]\nrelease_name = Multi Compose\nrelease_short = multi\nrelease_version = 1.0\ncompose_type = nightly\n';

describe('checkPartConfigs', () => {
  it('accepts the fixture parts and lists the files each part reads', () => {
    const checked = checkPartConfigs(readPartsConfig(path.join(dummy, 'multi-compose.conf')));
    expect(checked.get('resilient-storage')!.files.map((f) => path.basename(f))).toEqual(['resilient-storage.conf', 'dummy-pungi.conf']);
  });

  it('rejects {{part-NAME}} of a part that is not a dependency, pointing at the use', async () => {
    const dir = await makeConfigDir(`${GENERAL}[srv]\nconfig = server.conf\n[rs]\nconfig = resilient-storage.conf\ndepends_on = srv\n`);
    try {
      checkPartConfigs(readPartsConfig(path.join(dir, 'parts.ini')));
      expect.unreachable();
    } catch (error) {
      const problems = (error as InputErrors).problems;
      // resilient-storage.conf says {{part-server}}, but this parts file calls that part [srv].
      expect(problems.map((p) => [p.code, path.basename(p.location!.file), p.location!.line, p.location!.col])).toEqual([
        ['PARTS_UNKNOWN_PLACEHOLDER', 'resilient-storage.conf', 15, 14],
        ['PARTS_UNKNOWN_PLACEHOLDER', 'resilient-storage.conf', 16, 14],
      ]);
      expect(problems[0]!.hint).toBe('known: {{configdir}}, {{part-srv}}');
    }
    const named = await makeConfigDir(`${GENERAL}[server]\nconfig = server.conf\n[resilient-storage]\nconfig = resilient-storage.conf\n`);
    const result = await runOrchestrate(['parts', 'start', '--config', path.join(named, 'parts.ini'), '--target-dir', path.join(named, 'out')]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/resilient-storage\.conf:15:14: \{\{part-server\}\} is used by part \[resilient-storage\], which does not depend on part \[server\]/);
    expect(result.stderr).toMatch(/add server to depends_on of \[resilient-storage\]/);
    // Nothing was created.
    await expect(lstat(path.join(named, 'out'))).rejects.toThrow();
  });
});

describe('createConfigMirror', () => {
  it('fills placeholders in copies of the config files and links everything else', async () => {
    const mirrorDir = path.join(await mkdtemp(path.join(tmpdir(), 'mirror-')), 'rs');
    const config = path.join(dummy, 'resilient-storage.conf');
    const mirrored = await createConfigMirror({
      config, files: [config, path.join(dummy, 'dummy-pungi.conf')], values: { configdir: '/cfg', 'part-server': '/c/parts/Server-1.0-20261122.n.0' }, mirrorDir,
    });
    expect(mirrored).toBe(path.join(mirrorDir, 'resilient-storage.conf'));
    const text = await readFile(mirrored, 'utf8');
    expect(text).toContain('"/cfg/repo/"');
    expect(text).toContain('"/c/parts/Server-1.0-20261122.n.0/compose/Server/$basearch/os"');
    expect(text).not.toContain('{{');
    expect((await lstat(path.join(mirrorDir, 'dummy-pungi.conf'))).isSymbolicLink()).toBe(false);
    expect(await readlink(path.join(mirrorDir, 'repo'))).toBe(path.join(dummy, 'repo'));
    expect(await readFile(config, 'utf8')).toContain('{{part-server}}');
  });
});

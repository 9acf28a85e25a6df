import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateTool } from '../src/compose/locate-tool.js';

describe('locateTool', () => {
  it('finds a sibling tool, and tells a tool that is not built from one that is not there', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'locate-'));
    const own = path.join(root, 'tools/compose-orchestrate');
    await mkdir(own, { recursive: true });
    for (const tool of ['compose-built', 'compose-unbuilt']) {
      await mkdir(path.join(root, 'tools', tool, 'bin'), { recursive: true });
      await writeFile(path.join(root, 'tools', tool, 'bin', `${tool}.js`), '');
    }
    await mkdir(path.join(root, 'tools/compose-built/dist'), { recursive: true });
    await writeFile(path.join(root, 'tools/compose-built/dist/bin.js'), '');

    expect(locateTool('compose-built', own)).toEqual({ ok: true, script: path.join(root, 'tools/compose-built/bin/compose-built.js') });
    const unbuilt = locateTool('compose-unbuilt', own);
    expect(unbuilt.ok).toBe(false);
    expect(!unbuilt.ok && `${unbuilt.problem}; ${unbuilt.hint}`).toMatch(/compose-unbuilt is not built .*dist\/bin\.js is missing.*npx nx run @compose\/compose-unbuilt:build/);
    const missing = locateTool('compose-nothing', own);
    expect(!missing.ok && missing.problem).toBe('compose-nothing is not installed');
  });

  it('finds the real phase tools of this repository', () => {
    for (const tool of ['compose-pkgset', 'compose-gather', 'compose-createrepo']) expect(locateTool(tool).ok, tool).toBe(true);
  });
});

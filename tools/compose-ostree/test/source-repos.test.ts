import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ComposeManifestVariant } from '@compose/contracts';
import { parseRepoFile, readTreefileRepos, renderRepoFile, resolveConfigRepo } from '../src/index.js';

const variant = (uid: string, type: ComposeManifestVariant['type'] = 'variant', parent: string | null = null): ComposeManifestVariant => ({
  uid, id: uid.split('-').at(-1)!, name: uid, type, arches: ['x86_64'], parent, is_empty: false, has_optional: false, groups: [], environments: [], release: null,
});
const context = { composeDir: '/c/DP-1.0-20261122.0', variants: [variant('Server'), variant('Server-HA', 'addon', 'Server')], arch: 'x86_64' };

describe('source repos', () => {
  it("turns a variant UID into that variant's repository in this compose (addons inside their parent)", () => {
    expect(resolveConfigRepo('Server', context).options.baseurl).toBe('file:///c/DP-1.0-20261122.0/compose/Server/x86_64/os');
    expect(resolveConfigRepo('Server-HA', context).options.baseurl).toBe('file:///c/DP-1.0-20261122.0/compose/Server/x86_64/os/addons/HA');
    expect(resolveConfigRepo({ baseurl: 'Server', exclude: 'dummy-lvm2*' }, context).options).toEqual({ baseurl: 'file:///c/DP-1.0-20261122.0/compose/Server/x86_64/os', exclude: 'dummy-lvm2*' });
  });

  it("keeps URLs and names them as Pungi's repo ids", () => {
    expect(resolveConfigRepo('http://example.com/repo/$basearch/os', context)).toEqual({
      id: 'http:__example.com_repo__basearch_os', options: { baseurl: 'http://example.com/repo/$basearch/os' }, origin: 'config',
    });
    expect(resolveConfigRepo({ baseurl: 'https://x/y', name: 'extra', gpgcheck: true }, context)).toMatchObject({ id: 'extra', options: { baseurl: 'https://x/y', gpgcheck: '1' } });
  });

  it('rejects a name that is neither a URL nor a variant of the compose', () => {
    expect(() => resolveConfigRepo('Workstation', context)).toThrow('There is no variant Workstation to get repo from');
  });

  it('reads treefile repos from the .repo files beside it and renders a reposdir file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'repos-'));
    await writeFile(path.join(dir, 'fedora.repo'), '# comment\n[fedora]\nname=Fedora\nmetalink = https://m/?repo=fedora\n\n[updates]\nbaseurl=https://u/\n');
    expect(parseRepoFile('[a]\nbaseurl=x=y\n').get('a')).toEqual({ baseurl: 'x=y' });
    const repos = await readTreefileRepos(dir, ['updates', 'fedora']);
    expect(repos.map((r) => r.id)).toEqual(['updates', 'fedora']);
    expect(renderRepoFile(repos)).toBe('[updates]\nname=updates\ngpgcheck=0\nbaseurl=https://u/\nenabled=1\n\n[fedora]\nname=Fedora\ngpgcheck=0\nmetalink=https://m/?repo=fedora\nenabled=1\n');
    await expect(readTreefileRepos(dir, ['rawhide'])).rejects.toThrow(/'rawhide' is not defined/);
  });
});

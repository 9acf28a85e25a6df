import { describe, expect, it } from 'vitest';
import { buildCommitArgv, buildInitArgv, buildSetRefArgv } from '../src/index.js';

describe('ostree argv builders', () => {
  it('commits to a branch with sorted string metadata and the tree last', () => {
    expect(buildCommitArgv({ repo: '/r', tree: '/t', ref: 'a/b', subject: 'S', metadata: { version: '1', 'compose.id': 'X' }, bootable: true, consume: true })).toEqual([
      'ostree', 'commit', '--repo=/r', '--branch=a/b', '--subject=S', '--add-metadata-string=compose.id=X', '--add-metadata-string=version=1', '--bootable', '--consume', '--tree=dir=/t',
    ]);
  });

  it('makes an orphan commit with an explicit parent when no ref is to move', () => {
    expect(buildCommitArgv({ repo: '/r', tree: '/t', parent: 'abc', subject: 'S', metadata: {}, timestamp: 1700000000.5 })).toEqual([
      'ostree', 'commit', '--repo=/r', '--orphan', '--parent=abc', '--subject=S', '--timestamp=@1700000000', '--tree=dir=/t',
    ]);
  });

  it('inits archive repos and forces refs', () => {
    expect(buildInitArgv('/r')).toEqual(['ostree', 'init', '--repo=/r', '--mode=archive']);
    expect(buildSetRefArgv('/r', 'x', 'c')).toEqual(['ostree', 'refs', '--repo=/r', '--force', '--create=x', 'c']);
  });
});

import { describe, expect, it } from 'vitest';
import { compareEvrForMatch, formatDep, intersectRanges, PackageIndex } from '@compose/depsolve';
import { dep, fakeRepos } from './fake-repo.js';

const GT = 1;
const EQ = 2;
const LT = 4;

describe('versioned matching', () => {
  it('ignores the release when either side leaves it out', () => {
    expect(compareEvrForMatch({ epoch: '0', version: '1.0' }, { epoch: '0', version: '1.0', release: '5' })).toBe(0);
    expect(compareEvrForMatch({ epoch: '0', version: '1.0', release: '4' }, { epoch: '0', version: '1.0', release: '5' })).toBe(-1);
  });

  it('treats a missing epoch as 0, so any real epoch is newer', () => {
    expect(compareEvrForMatch({ epoch: '1', version: '0.1' }, { epoch: '0', version: '9.9' })).toBe(1);
  });

  it('intersects ranges the way rpm does', () => {
    const v = (version: string, release?: string) => ({ epoch: '0', version, ...(release ? { release } : {}) });
    expect(intersectRanges(EQ, v('2.0', '1'), GT | EQ, v('1.5'))).toBe(true);
    expect(intersectRanges(EQ, v('1.0', '1'), GT | EQ, v('1.5'))).toBe(false);
    expect(intersectRanges(LT, v('3.0'), GT, v('1.0'))).toBe(true);
    expect(intersectRanges(EQ, v('1.0'), LT, v('1.0'))).toBe(false);
    expect(intersectRanges(0, v(''), EQ, v('7'))).toBe(true);
  });

  it('prints requirements like hawkey, without a zero epoch', () => {
    expect(formatDep(dep('foo = 0:3.10.0-121'))).toBe('foo = 3.10.0-121');
    expect(formatDep(dep('foo >= 2:1.0'))).toBe('foo >= 2:1.0');
    expect(formatDep(dep('bar'))).toBe('bar');
  });
});

describe('PackageIndex.whatProvides', () => {
  const index = new PackageIndex(
    fakeRepos([
      { nvra: 'a-1.0-1.x86_64', provides: ['virt = 1.0'] },
      { nvra: 'b-2.0-1.x86_64', provides: ['virt = 2.0', 'libb.so.1()(64bit)'], files: ['/usr/bin/b'] },
      { nvra: 'c-1.0-1.x86_64', provides: ['virt'] },
      { nvra: 'd-1.0-1.noarch' },
    ]),
  );
  const names = (text: string) => index.whatProvides(dep(text)).map((id) => index.packages[id]!.name);

  it('matches versioned provides and unversioned provides that stand for every version', () => {
    expect(names('virt >= 1.5')).toEqual(['b', 'c']);
    expect(names('virt')).toEqual(['a', 'b', 'c']);
    expect(names('a = 1.0')).toEqual(['a']);
    expect(names('a > 1.0')).toEqual([]);
  });

  it('finds file requirements in the file lists', () => {
    expect(names('/usr/bin/b')).toEqual(['b']);
  });

  it('evaluates rich dependencies as libsolv collects their providers', () => {
    expect(names('(a or d)')).toEqual(['a', 'd']);
    expect(names('(a and d)')).toEqual(['a', 'd']);
    // c's unversioned provide stands for every version, so it is in both halves.
    expect(names('(virt with virt >= 2.0)')).toEqual(['b', 'c']);
    expect(names('(virt with b)')).toEqual(['b']);
    expect(names('(virt without c)')).toEqual(['a', 'b']);
    expect(names('(a if d)')).toEqual(['a']);
    expect(names('(a if d else c)')).toEqual(['a', 'c']);
    expect(names('(a unless d else (c or d))')).toEqual(['a', 'c', 'd']);
    expect(names('(libb.so.1()(64bit) or a)')).toEqual(['a', 'b']);
  });
});

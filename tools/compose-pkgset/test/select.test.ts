import { describe, expect, it } from 'vitest';
import { checkSigkeys, keepLatest, selectArchSubset } from '../src/index.js';
import type { Candidate } from '../src/select/candidate.js';

function pkg(file: string, extra: Partial<Candidate> = {}): Candidate {
  const m = /^(.+)-([^-]+)-([^-]+)\.([^.]+)\.rpm$/.exec(file);
  if (!m) throw new Error(file);
  const [, name, version, release, arch] = m as unknown as [string, string, string, string, string];
  return {
    name, epoch: 0, version, release, arch, file, path: `/r/${file}`, url: null, source: 'repo-0', checksum: null, size: 1,
    sourcerpm: arch === 'src' || arch === 'nosrc' ? '' : `${name.replace(/-(doc|devel)$/, '')}-${version}-${release}.src.rpm`, sigkey: null, ...extra,
  };
}

describe('keepLatest', () => {
  it('keeps the newest EVR per name.arch (rpmvercmp, epoch first)', () => {
    const result = keepLatest([pkg('a-1.10-1.x86_64.rpm'), pkg('a-1.9-1.x86_64.rpm'), pkg('a-1.0-1.i686.rpm'), pkg('b-2-1.noarch.rpm', { epoch: 1 }), pkg('b-3-1.noarch.rpm')]);
    expect(result.kept.map((c) => c.file).sort()).toEqual(['a-1.0-1.i686.rpm', 'a-1.10-1.x86_64.rpm', 'b-2-1.noarch.rpm']);
    expect(result.older.map((o) => o.candidate.file).sort()).toEqual(['a-1.9-1.x86_64.rpm', 'b-3-1.noarch.rpm']);
  });
});

describe('selectArchSubset', () => {
  const all = [
    pkg('a-1-1.x86_64.rpm'), pkg('a-1-1.i686.rpm'), pkg('a-1-1.s390x.rpm'), pkg('a-1-1.src.rpm'),
    pkg('a-doc-1-1.noarch.rpm'), pkg('lonely-1-1.src.rpm'),
    pkg('x-1-1.src.rpm', { exclusiveArch: ['i686'] }), pkg('x-doc-1-1.noarch.rpm', { sourcerpm: 'x-1-1.src.rpm' }),
  ];
  it('takes multilib arches only for multilib tree arches, and sources only of included binaries', () => {
    const multilib = selectArchSubset(all, 'x86_64', { multilib: true, exclusiveArchConsidersNoarch: true });
    expect(multilib.packages.map((c) => c.file).sort()).toEqual(['a-1-1.i686.rpm', 'a-1-1.src.rpm', 'a-1-1.x86_64.rpm', 'a-doc-1-1.noarch.rpm']);
    expect(multilib.excluded.map((e) => e.candidate.file)).toEqual(['x-doc-1-1.noarch.rpm']);
    const plain = selectArchSubset(all, 'x86_64', { multilib: false, exclusiveArchConsidersNoarch: true });
    expect(plain.packages.map((c) => c.file)).not.toContain('a-1-1.i686.rpm');
  });
  it("honours the noarch package's SRPM ExclusiveArch on the native arches", () => {
    const i386 = selectArchSubset(all, 'i386', { multilib: false, exclusiveArchConsidersNoarch: true });
    expect(i386.packages.map((c) => c.file).sort()).toEqual(['a-1-1.i686.rpm', 'a-1-1.src.rpm', 'a-doc-1-1.noarch.rpm', 'x-1-1.src.rpm', 'x-doc-1-1.noarch.rpm']);
  });
  it('lets ExclusiveArch: noarch include a package everywhere unless the option says otherwise', () => {
    const withNoarch = [pkg('y-1-1.src.rpm', { exclusiveArch: ['noarch'] }), pkg('y-1-1.noarch.rpm', { sourcerpm: 'y-1-1.src.rpm' })];
    expect(selectArchSubset(withNoarch, 's390x', { multilib: false, exclusiveArchConsidersNoarch: true }).packages).toHaveLength(2);
    expect(selectArchSubset(withNoarch, 's390x', { multilib: false, exclusiveArchConsidersNoarch: false }).packages).toHaveLength(0);
  });
});

describe('checkSigkeys', () => {
  const signed = pkg('a-1-1.x86_64.rpm', { sigkey: 'abcd1234' });
  const unsigned = pkg('b-1-1.x86_64.rpm');
  const otherKey = pkg('c-1-1.x86_64.rpm', { sigkey: 'ffff0000' });
  it('accepts listed keys in any case and form, None for unsigned', () => {
    expect(checkSigkeys([signed, unsigned, otherKey], ['ABCD1234']).accepted).toEqual([signed]);
    expect(checkSigkeys([signed], ['00000000abcd1234']).accepted).toEqual([signed]);
    expect(checkSigkeys([signed, unsigned, otherKey], [null]).accepted).toHaveLength(3);
    const strict = checkSigkeys([unsigned, otherKey], ['abcd1234']);
    expect(strict.rejected.map((r) => r.reason)).toEqual(['unsigned; sigkeys allow only abcd1234', 'signed with ffff0000, not one of abcd1234']);
  });
});

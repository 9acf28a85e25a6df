import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareEvr, formatNevra, formatRpmFilename, parseNevra, parseRpmFilename } from '@compose/rpm';
import { InputError } from '@compose/errors';

const RPMS_JSON = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/reference/pungi-dummy-compose/compose/metadata/rpms.json');

describe('parseNevra', () => {
  it('parses a NEVRA with epoch and a dashed name', () => {
    expect(parseNevra('dummy-bash-0:4.2.37-6.src')).toEqual({
      name: 'dummy-bash', epoch: 0, version: '4.2.37', release: '6', arch: 'src',
    });
  });

  it('defaults a missing epoch to 0 and keeps dotted releases', () => {
    expect(parseNevra('kernel-5.14.0-70.el9.x86_64')).toEqual({
      name: 'kernel', epoch: 0, version: '5.14.0', release: '70.el9', arch: 'x86_64',
    });
    expect(parseNevra('perl-Foo-2:1.0-1.fc39.noarch').epoch).toBe(2);
  });

  it.each(['foo', 'foo.x86_64', 'foo-1.0.x86_64', 'foo-x:1.0-1.x86_64', 'foo-1.0-1.'])('rejects %s', (bad) => {
    expect(() => parseNevra(bad)).toThrow(InputError);
  });
});

describe('parseRpmFilename', () => {
  it('parses a path to an RPM file', () => {
    expect(parseRpmFilename('Packages/d/dummy-glibc-debuginfo-2.14-5.i686.rpm')).toEqual({
      name: 'dummy-glibc-debuginfo', epoch: 0, version: '2.14', release: '5', arch: 'i686',
    });
  });

  it('rejects a name without .rpm', () => {
    expect(() => parseRpmFilename('foo-1.0-1.x86_64')).toThrow(/not an RPM file name/);
  });
});

describe('formatNevra', () => {
  it('round-trips every NEVRA key and file path of Pungi\'s rpms.json', () => {
    const rpms = JSON.parse(readFileSync(RPMS_JSON, 'utf8')).payload.rpms as Record<
      string,
      Record<string, Record<string, Record<string, { path: string }>>>
    >;
    let checked = 0;
    for (const arches of Object.values(rpms)) {
      for (const srpms of Object.values(arches)) {
        for (const [srpmNevra, packages] of Object.entries(srpms)) {
          expect(formatNevra(parseNevra(srpmNevra))).toBe(srpmNevra);
          for (const [nevra, entry] of Object.entries(packages)) {
            const parsed = parseNevra(nevra);
            expect(formatNevra(parsed)).toBe(nevra);
            expect(formatRpmFilename(parsed)).toBe(path.basename(entry.path));
            expect(parseRpmFilename(entry.path)).toEqual(parsed);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('leaves out a zero epoch on request', () => {
    const nevra = parseNevra('bash-0:5.2-1.x86_64');
    expect(formatNevra(nevra, 'nonzero')).toBe('bash-5.2-1.x86_64');
    expect(formatNevra({ ...nevra, epoch: 1 }, 'nonzero')).toBe('bash-1:5.2-1.x86_64');
  });
});

describe('compareEvr', () => {
  it('orders by epoch first, then version, then release', () => {
    expect(compareEvr({ epoch: 1, version: '1.0', release: '1' }, { epoch: 0, version: '9.0', release: '9' })).toBe(1);
    expect(compareEvr({ epoch: 0, version: '1.0', release: '10' }, { epoch: 0, version: '1.0', release: '9' })).toBe(1);
    expect(compareEvr({ epoch: 0, version: '1.0~rc1', release: '9' }, { epoch: 0, version: '1.0', release: '1' })).toBe(-1);
    expect(compareEvr({ epoch: 0, version: '1.0', release: '1.fc39' }, { epoch: 0, version: '1.0', release: '1.fc39' })).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { streamPrimary, type Dep } from '@compose/repodata';
import { dummyRepo } from './repo-helpers.js';
import { dnfRepoquery } from './dnf-helpers.js';

const OPERATORS: Record<string, string> = { EQ: '=', LT: '<', LE: '<=', GT: '>', GE: '>=' };

/** A dependency as libsolv prints it: epoch 0 is left out. */
function formatDep(dep: Dep): string {
  if (!dep.flags) return dep.name;
  const epoch = dep.epoch && dep.epoch !== '0' ? `${dep.epoch}:` : '';
  const release = dep.release ? `-${dep.release}` : '';
  return `${dep.name} ${OPERATORS[dep.flags]} ${epoch}${dep.version ?? ''}${release}`;
}

function sortedUnique(values: string[]): string[] {
  return [...new Set(values.filter((v) => v !== '' && !v.startsWith('rpmlib(')))].sort();
}

describe('parse agrees with dnf', () => {
  it('has the same requires and provides as dnf repoquery for every dummy package', async () => {
    const out = await dnfRepoquery(dummyRepo, ['--qf', '@@%{name}-%{version}-%{release}.%{arch}\nR:%{requires}\nP:%{provides}']);
    const fromDnf = new Map<string, { requires: string[]; provides: string[] }>();
    for (const record of out.split('@@').slice(1)) {
      const [nevra, ...rest] = record.split('\n');
      const text = rest.join('\n');
      const requires = text.slice(text.indexOf('R:') + 2, text.indexOf('\nP:')).split('\n');
      const provides = text.slice(text.indexOf('\nP:') + 3).split('\n');
      fromDnf.set(nevra!, { requires: sortedUnique(requires), provides: sortedUnique(provides) });
    }
    let compared = 0;
    await streamPrimary(dummyRepo, (pkg) => {
      const nevra = `${pkg.name}-${pkg.version}-${pkg.release}.${pkg.arch}`;
      expect(fromDnf.get(nevra), nevra).toEqual({ requires: sortedUnique(pkg.requires.map(formatDep)), provides: sortedUnique(pkg.provides.map(formatDep)) });
      compared++;
    });
    expect(compared).toBe(fromDnf.size);
    expect(compared).toBe(432);
  });
});

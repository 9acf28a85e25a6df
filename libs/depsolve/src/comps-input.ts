// What pungi-gather takes from comps: `@group` members, conditional entries and langpack rules.
import { InputError } from '@compose/errors';
import type { Comps, CompsGroup } from '@compose/comps';
import type { ConditionalPackage, LangpackRule, LoadedRepos } from './types.js';

/** dnf reads comps only from repos with groups enabled: pungi-gather disables them on lookaside. */
function mainComps(repos: LoadedRepos): Comps[] {
  return repos.repos.filter((repo) => !repo.lookaside && repo.comps).map((repo) => repo.comps!);
}

function findGroup(repos: LoadedRepos, id: string): CompsGroup {
  for (const comps of mainComps(repos)) {
    const group = comps.groups.find((g) => g.id === id);
    if (group) return group;
  }
  throw new InputError('UNKNOWN_GROUP', `comps group '${id}' is not in the comps of any repo`, {
    hint: 'check the group id against the <id> elements of the repos\' comps',
  });
}

/** `@group` as pungi-gather expands it: mandatory and default members (a missing type is mandatory). */
export function groupPackages(repos: LoadedRepos, groups: readonly string[]): string[] {
  const names = new Set<string>();
  for (const id of groups) {
    for (const req of findGroup(repos, id).packages) {
      const type = req.type ?? 'mandatory';
      if (type === 'mandatory' || type === 'default') names.add(req.name);
    }
  }
  return [...names];
}

/** The groups' `<packagereq type="conditional" requires="X">Y</packagereq>` as {name: X, install: Y}. */
export function conditionalsFromComps(repos: LoadedRepos, groups: readonly string[]): ConditionalPackage[] {
  const result: ConditionalPackage[] = [];
  for (const id of groups) {
    for (const req of findGroup(repos, id).packages) {
      if (req.type !== 'conditional' || !req.requires) continue;
      if (!result.some((c) => c.name === req.requires && c.install === req.name)) result.push({ name: req.requires, install: req.name });
    }
  }
  return result;
}

export function langpacksFromComps(repos: LoadedRepos): LangpackRule[] {
  const byName = new Map<string, string>();
  for (const comps of mainComps(repos)) for (const rule of comps.langpacks) byName.set(rule.name, rule.install);
  return [...byName].map(([name, install]) => ({ name, install }));
}

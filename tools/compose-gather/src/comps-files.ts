// The comps files init wrote per variant.arch, read once, and what gather takes from them.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseCompsFile, type Comps, type CompsGroup } from '@compose/comps';
import type { ComposeManifest, ComposeManifestVariant } from '@compose/contracts';
import type { ConditionalPackage, LangpackRule } from '@compose/depsolve';

/** Parsed comps per variant.arch key; null when the compose has no comps for it. */
export class CompsFiles {
  private readonly cache = new Map<string, Comps | null>();

  constructor(private readonly compose: ComposeManifest, private readonly composeDir: string) {}

  async read(variant: ComposeManifestVariant, arch: string): Promise<Comps | null> {
    const key = `${variant.uid}.${arch}`;
    if (this.cache.has(key)) return this.cache.get(key) ?? null;
    const relative = this.compose.comps.variant_arch[key];
    const file = relative ? path.join(this.composeDir, relative) : undefined;
    const comps = file && existsSync(file) ? await parseCompsFile(file) : null;
    this.cache.set(key, comps);
    return comps;
  }
}

/**
 * Groups of one comps source, merged the way dnf merges the comps of several repos: the same
 * group id in two files lists the packages of both.
 */
export function mergeComps(files: readonly Comps[]): { groups: Map<string, CompsGroup>; langpacks: LangpackRule[] } {
  const groups = new Map<string, CompsGroup>();
  const langpacks = new Map<string, string>();
  for (const comps of files) {
    for (const group of comps.groups) {
      const known = groups.get(group.id);
      if (!known) groups.set(group.id, { ...group, packages: [...group.packages] });
      else for (const req of group.packages) if (!known.packages.some((p) => p.name === req.name && p.type === req.type)) known.packages.push(req);
    }
    for (const rule of comps.langpacks) langpacks.set(rule.name, rule.install);
  }
  return { groups, langpacks: [...langpacks].map(([name, install]) => ({ name, install })) };
}

export interface ExpandedGroups {
  /** Package name -> groups that list it (mandatory, default or optional: `@group --optional`). */
  members: Map<string, string[]>;
  conditionals: ConditionalPackage[];
  /** The same members, for the nodeps method (which takes a group whole too). */
  allMembers: Map<string, string[]>;
  unknownGroups: string[];
}

/** `@group --optional` as pungi-gather reads it: every member but the conditional entries. */
export function expandGroups(groupIds: readonly string[], groups: Map<string, CompsGroup>): ExpandedGroups {
  const members = new Map<string, string[]>();
  const allMembers = new Map<string, string[]>();
  const conditionals: ConditionalPackage[] = [];
  const unknownGroups: string[] = [];
  const note = (into: Map<string, string[]>, name: string, group: string): void => {
    const list = into.get(name) ?? [];
    if (!list.includes(group)) list.push(group);
    into.set(name, list);
  };
  for (const id of groupIds) {
    const group = groups.get(id);
    if (!group) {
      unknownGroups.push(id);
      continue;
    }
    for (const req of group.packages) {
      const type = req.type ?? 'mandatory';
      if (type === 'conditional') {
        if (req.requires && !conditionals.some((c) => c.name === req.requires && c.install === req.name)) conditionals.push({ name: req.requires, install: req.name });
        continue;
      }
      note(allMembers, req.name, id);
      // Pungi writes every group as `@group --optional` into pungi-gather's kickstart.
      note(members, req.name, id);
    }
  }
  return { members, conditionals, allMembers, unknownGroups };
}

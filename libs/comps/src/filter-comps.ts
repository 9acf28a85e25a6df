import { cloneComps, type Comps, type CompsLabels } from './comps-model.js';
import { matchesGlob } from './match-glob.js';

/** The options of Pungi's comps_filter command. */
export interface CompsFilterOptions {
  arch: string;
  /** Keep only packages, groups and environments whose `variant` attribute lists this uid (or that have none). */
  variant?: string;
  /** Also drop groups / packages / environments that have no arch attribute (and, with `variant`, no variant attribute). */
  archOnlyGroups?: boolean;
  archOnlyPackages?: boolean;
  archOnlyEnvironments?: boolean;
  /** Remove empty groups, categories and environments and dangling group references (default true). */
  cleanup?: boolean;
  /** fnmatch patterns of groups kept even when empty. */
  keepEmptyGroups?: readonly string[];
  /** Groups defined elsewhere (a parent variant) that environments may keep referencing. */
  lookasideGroups?: readonly string[];
  removeCategories?: boolean;
  removeLangpacks?: boolean;
  removeTranslations?: boolean;
  removeEnvironments?: boolean;
}

interface Attributed {
  arch?: string;
  variant?: string;
}

function listAttrValues(value: string): string[] {
  return value.split(/[, ]+/).filter((v) => v !== '');
}

/**
 * Keeps items whose attribute lists the wanted value and deletes the attribute from them, as
 * comps_filter does; items without the attribute stay unless `onlyWithAttr`.
 */
function filterByAttr<T extends Attributed>(items: T[], attr: keyof Attributed, wanted: string, onlyWithAttr: boolean): T[] {
  return items.filter((item) => {
    const value = item[attr];
    if (value === undefined) return !onlyWithAttr;
    if (!listAttrValues(value).includes(wanted)) return false;
    delete item[attr];
    return true;
  });
}

function filterByArchAndVariant<T extends Attributed>(items: T[], options: CompsFilterOptions, onlyWithAttr: boolean): T[] {
  const byArch = filterByAttr(items, 'arch', options.arch, onlyWithAttr);
  // comps_filter passes the arch-only flag to the variant filter as well.
  return options.variant ? filterByAttr(byArch, 'variant', options.variant, onlyWithAttr) : byArch;
}

function cleanUp(comps: Comps, options: CompsFilterOptions): void {
  const keep = options.keepEmptyGroups ?? [];
  comps.groups = comps.groups.filter((g) => g.packages.length > 0 || keep.some((p) => matchesGlob(g.id, p)));
  const defined = new Set(comps.groups.map((g) => g.id));
  for (const category of comps.categories) category.groups = category.groups.filter((ref) => defined.has(ref.id));
  comps.categories = comps.categories.filter((c) => c.groups.length > 0);
  const referable = new Set([...defined, ...(options.lookasideGroups ?? [])]);
  for (const env of comps.environments) {
    // Only the mandatory grouplist is cleaned; comps_filter leaves optionlist alone.
    env.groups = env.groups.filter((ref) => referable.has(ref.id) && (ref.arch === undefined || listAttrValues(ref.arch).includes(options.arch)));
  }
  comps.environments = comps.environments.filter((e) => e.groups.length > 0);
}

function dropTranslations(labels: CompsLabels): void {
  labels.nameByLang = {};
  labels.descriptionByLang = {};
}

/**
 * Pungi's comps_filter: arch (and variant) filtering of packages, groups and environments,
 * then, unless `cleanup` is false, removal of whatever that left empty or dangling.
 * Returns a new object; the input is not changed.
 */
export function filterComps(source: Comps, options: CompsFilterOptions): Comps {
  const comps = cloneComps(source);
  for (const group of comps.groups) group.packages = filterByArchAndVariant(group.packages, options, options.archOnlyPackages ?? false);
  comps.groups = filterByArchAndVariant(comps.groups, options, options.archOnlyGroups ?? false);
  comps.environments = filterByArchAndVariant(comps.environments, options, options.archOnlyEnvironments ?? false);
  if (options.cleanup ?? true) cleanUp(comps, options);
  if (options.removeCategories) comps.categories = [];
  if (options.removeLangpacks) comps.langpacks = [];
  if (options.removeTranslations) [...comps.groups, ...comps.environments, ...comps.categories].forEach(dropTranslations);
  if (options.removeEnvironments) comps.environments = [];
  return comps;
}

/** The per-arch comps Pungi's init phase writes to work/<arch>/comps: arch filtering without cleanup. */
export function filterCompsForArch(comps: Comps, arch: string): Comps {
  return filterComps(comps, { arch, cleanup: false });
}

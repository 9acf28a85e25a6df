import { InputError } from '@compose/errors';
import type { XmlElement } from '@compose/xml';
import { toMetadataId, type Variant, type VariantOrigin, type VariantType } from './variant-model.js';

const byName = <T extends { id: string } | { name: string }>(a: T, b: T): number => {
  const ka = 'id' in a ? a.id : a.name;
  const kb = 'id' in b ? b.id : b.name;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

function grandchildren(el: XmlElement, list: string, item: string): XmlElement[] {
  return childrenNamed(el, list).flatMap((l) => childrenNamed(l, item));
}

function readBool(value: string | undefined): boolean | undefined {
  return value === undefined ? undefined : value === 'true';
}

type Problem = (at: XmlElement, message: string, hint?: string) => void;

/** Reads one <variant> element as written, children unresolved (uids and arches come later). */
function readVariantElement(el: XmlElement, origin: VariantOrigin, file: string, problem: Problem): Variant {
  const id = el.attrs.id ?? '';
  const type = (el.attrs.type ?? 'variant') as VariantType;
  const arches = [...new Set(grandchildren(el, 'arches', 'arch').map((a) => a.text))].sort();
  const variant: Variant = {
    id,
    uid: id,
    metadataId: toMetadataId(id),
    name: el.attrs.name ?? '',
    type,
    arches,
    declaredArches: arches,
    children: [],
    groups: grandchildren(el, 'groups', 'group')
      .map((g) => ({
        id: g.text,
        glob: g.attrs.glob === 'true',
        ...(g.attrs.default !== undefined && { default: readBool(g.attrs.default) }),
        ...(g.attrs.uservisible !== undefined && { uservisible: readBool(g.attrs.uservisible) }),
      }))
      .sort(byName),
    environments: grandchildren(el, 'environments', 'environment')
      .map((e) => ({
        id: e.text,
        ...(e.attrs.display_order !== undefined && { displayOrder: parseInt(e.attrs.display_order, 10) }),
      }))
      .sort(byName),
    buildInstallPackages: grandchildren(el, 'buildinstallpackages', 'package').map((p) => p.text).sort(),
    isEmpty: el.attrs.is_empty === 'true',
    hasOptional: el.attrs.has_optional === 'true',
    origin,
    source: { file, line: el.line, col: el.col },
  };
  const modules = childrenNamed(el, 'modules');
  if (modules.length > 0) {
    variant.modules = modules.flatMap((m) => childrenNamed(m, 'module')).map((m) => ({ name: m.text, glob: m.attrs.glob === 'true' })).sort(byName);
    const tags = modules.flatMap((m) => childrenNamed(m, 'kojitag')).map((t) => t.text).sort();
    if (tags.length > 0) variant.modularKojiTags = tags;
  }
  if (type === 'layered-product') {
    const release = childrenNamed(el, 'release')[0];
    if (!release) {
      problem(el, `layered product "${id}" has no <release>`, 'add <release name="..." short="..." version="..."/> as its first child');
    } else {
      const missing = ['name', 'short', 'version'].filter((k) => release.attrs[k] === undefined);
      if (missing.length) problem(release, `<release> of layered product "${id}" lacks ${missing.join(', ')}`, 'a layered product release needs name, short and version');
      variant.release = { name: release.attrs.name ?? '', short: release.attrs.short ?? '', version: release.attrs.version ?? '' };
    }
  }
  return variant;
}

function cloneDeclaration(v: Variant, origin: VariantOrigin): Variant {
  return { ...v, origin, children: v.children.map((c) => cloneDeclaration(c, c.origin)) };
}

/**
 * Turns a checked <variants> tree into top-level variant declarations. As in Pungi, top-level
 * addons and layered products exist only through <ref>s from base variants, and every <ref>
 * gets its own copy, since the same addon can sit under several variants with different arches.
 */
export function readVariantDeclarations(root: XmlElement, file: string): { variants: Variant[]; problems: InputError[] } {
  const problems: InputError[] = [];
  const problem: Problem = (at, message, hint) => {
    problems.push(new InputError('VARIANTS_INVALID', message, { hint, location: { file, line: at.line, col: at.col } }));
  };

  const topLevel = childrenNamed(root, 'variant');
  const seen = new Map<string, XmlElement>();
  for (const el of topLevel) {
    const id = el.attrs.id ?? '';
    const earlier = seen.get(id);
    if (earlier) problem(el, `duplicate variant id "${id}" (first defined on line ${earlier.line})`, 'give every top-level variant a unique id');
    else seen.set(id, el);
    if (el.attrs.type === 'optional') {
      problem(el, `optional variant "${id}" is defined at top level, where Pungi ignores it`, 'define it inside its parent variant\'s <variants>, or use has_optional="true" on the parent');
    }
  }
  const readWithChildren = (el: XmlElement, origin: VariantOrigin): Variant => {
    const variant = readVariantElement(el, origin, file, problem);
    const childLists = childrenNamed(el, 'variants');
    const nested = childLists.flatMap((l) => childrenNamed(l, 'variant'));
    const refs = childLists.flatMap((l) => childrenNamed(l, 'ref'));
    if (variant.type !== 'variant' && nested.length + refs.length > 0) {
      problem(childLists[0] ?? el, `${variant.type} "${variant.id}" contains other variants`, 'only variants of type="variant" can contain other variants');
      return variant;
    }
    const childIds = new Set<string>();
    const adopt = (at: XmlElement, child: Variant): void => {
      if (child.id === variant.id) {
        problem(at, `child variant id "${child.id}" equals its parent's id`, 'a child id must differ from its parent id (both would be os/<id>)');
      } else if (childIds.has(child.id)) {
        problem(at, `variant "${variant.id}" has two children with id "${child.id}"`, 'remove the duplicate <variant> or <ref>');
      }
      childIds.add(child.id);
      variant.children.push(child);
    };
    for (const childEl of nested) adopt(childEl, readWithChildren(childEl, 'nested'));
    for (const refEl of refs) {
      const target = referable.get(refEl.attrs.id ?? '');
      if (!target) {
        problem(refEl, `variant "${variant.id}" references non-existing variant "${refEl.attrs.id}"`, 'a <ref id> must name a top-level variant of type addon or layered-product');
      } else {
        adopt(refEl, cloneDeclaration(target, 'ref'));
      }
    }
    return variant;
  };

  const referable = new Map<string, Variant>();
  for (const el of topLevel) {
    if (el.attrs.type === 'addon' || el.attrs.type === 'layered-product') {
      referable.set(el.attrs.id ?? '', readWithChildren(el, 'ref'));
    }
  }

  const variants = topLevel.filter((el) => el.attrs.type === 'variant').map((el) => readWithChildren(el, 'top-level'));
  return { variants, problems };
}

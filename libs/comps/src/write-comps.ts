import { PACKAGE_REQ_TYPES, type Comps, type CompsGroupRef, type CompsLabels } from './comps-model.js';

// Reproduces Pungi's CompsWrapper output byte for byte: a minidom document pretty-printed with
// two-space indentation, attributes in name order, `&<>"` escaped in text and attributes,
// empty elements self-closed, every line ending in "\n".

interface Node {
  name: string;
  attrs?: Record<string, string>;
  text?: string;
  children?: Node[];
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/>/g, '&gt;');
}

function renderNode(node: Node, indent: string, out: string[]): void {
  const attrs = Object.keys(node.attrs ?? {})
    .sort()
    .map((k) => ` ${k}="${escapeXml(node.attrs?.[k] ?? '')}"`)
    .join('');
  const children = node.children ?? [];
  if (node.text) out.push(`${indent}<${node.name}${attrs}>${escapeXml(node.text)}</${node.name}>\n`);
  else if (children.length === 0) out.push(`${indent}<${node.name}${attrs}/>\n`);
  else {
    out.push(`${indent}<${node.name}${attrs}>\n`);
    for (const child of children) renderNode(child, `${indent}  `, out);
    out.push(`${indent}</${node.name}>\n`);
  }
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function labelNodes(id: string, labels: CompsLabels, forceDescription: boolean): Node[] {
  const nodes: Node[] = [{ name: 'id', text: id }, { name: 'name', text: labels.name }];
  for (const lang of Object.keys(labels.nameByLang).sort(byCodePoint)) {
    nodes.push({ name: 'name', attrs: { 'xml:lang': lang }, text: labels.nameByLang[lang] ?? '' });
  }
  if (labels.description || forceDescription) {
    nodes.push({ name: 'description', text: labels.description ?? '' });
    for (const lang of Object.keys(labels.descriptionByLang).sort(byCodePoint)) {
      nodes.push({ name: 'description', attrs: { 'xml:lang': lang }, text: labels.descriptionByLang[lang] ?? '' });
    }
  }
  return nodes;
}

function groupListNode(name: string, refs: CompsGroupRef[]): Node {
  const ids = [...new Set(refs.map((r) => r.id))].sort(byCodePoint);
  return { name, children: ids.map((id) => ({ name: 'groupid', text: id })) };
}

function buildDocument(comps: Comps): Node[] {
  const nodes: Node[] = [];
  const groupIds = new Set(comps.groups.map((g) => g.id));
  for (const group of [...comps.groups].sort((a, b) => byCodePoint(a.id, b.id))) {
    const children = labelNodes(group.id, group, true);
    children.push({ name: 'default', text: group.default ? 'true' : 'false' });
    children.push({ name: 'uservisible', text: (group.uservisible ?? true) ? 'true' : 'false' });
    if (group.langonly) children.push({ name: 'langonly', text: group.langonly });
    const packages: Node[] = [];
    for (const type of PACKAGE_REQ_TYPES) {
      const ofType = group.packages.filter((p) => (p.type ?? 'mandatory') === type).sort((a, b) => byCodePoint(a.name, b.name));
      for (const pkg of ofType) {
        const attrs: Record<string, string> = { type };
        if (type === 'conditional') attrs.requires = pkg.requires ?? '';
        packages.push({ name: 'packagereq', attrs, text: pkg.name });
      }
    }
    children.push({ name: 'packagelist', children: packages });
    nodes.push({ name: 'group', children });
  }
  // Categories keep file order; environments are sorted. Both as CompsWrapper writes them.
  for (const category of comps.categories) {
    const refs = category.groups.filter((r) => groupIds.has(r.id));
    if (refs.length === 0) continue;
    const children = labelNodes(category.id, category, false);
    if (category.displayOrder !== undefined) children.push({ name: 'display_order', text: String(category.displayOrder) });
    children.push(groupListNode('grouplist', refs));
    nodes.push({ name: 'category', children });
  }
  for (const env of [...comps.environments].sort((a, b) => byCodePoint(a.id, b.id))) {
    if (env.groups.length === 0) continue;
    const children = labelNodes(env.id, env, false);
    if (env.displayOrder !== undefined) children.push({ name: 'display_order', text: String(env.displayOrder) });
    children.push(groupListNode('grouplist', env.groups));
    if (env.options.length > 0) children.push(groupListNode('optionlist', env.options));
    nodes.push({ name: 'environment', children });
  }
  // libcomps keeps langpacks in a map: the last <match> for a name wins.
  const langpacks = new Map(comps.langpacks.map((l) => [l.name, l.install]));
  if (langpacks.size > 0) {
    const matches = [...langpacks.keys()].sort(byCodePoint).map((name) => ({ name: 'match', attrs: { name, install: langpacks.get(name) ?? '' } }));
    nodes.push({ name: 'langpacks', children: matches });
  }
  return nodes;
}

/** Serialises comps the way Pungi's CompsWrapper writes variant comps files (what createrepo_c and dnf read). */
export function writeCompsXml(comps: Comps): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    "<!DOCTYPE comps\n  PUBLIC '-//Red Hat, Inc.//DTD Comps info//EN'\n  'comps.dtd'>\n",
  ];
  renderNode({ name: 'comps', children: buildDocument(comps) }, '', out);
  return out.join('');
}

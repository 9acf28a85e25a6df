import { readFile } from 'node:fs/promises';
import { InputError, InputErrors } from '@compose/errors';
import { readXmlElements, type XmlElement } from '@compose/xml';
import {
  PACKAGE_REQ_TYPES,
  type Comps,
  type CompsCategory,
  type CompsEnvironment,
  type CompsGroup,
  type CompsGroupRef,
  type CompsLabels,
  type CompsPackageReq,
  type PackageReqType,
} from './comps-model.js';

type Problem = (at: XmlElement, message: string, hint?: string) => void;

const LABEL_ELEMENTS = new Set(['id', 'name', 'description', 'display_order']);
const GROUP_ELEMENTS = new Set([...LABEL_ELEMENTS, 'default', 'uservisible', 'langonly', 'biarchonly', 'packagelist']);
const ENVIRONMENT_ELEMENTS = new Set([...LABEL_ELEMENTS, 'grouplist', 'optionlist']);
const CATEGORY_ELEMENTS = new Set([...LABEL_ELEMENTS, 'grouplist']);

function readBool(el: XmlElement, problem: Problem): boolean | undefined {
  const value = el.text.trim().toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  problem(el, `<${el.name}> must be true or false, found "${el.text.trim()}"`, `write <${el.name}>true</${el.name}> or <${el.name}>false</${el.name}>`);
  return undefined;
}

function readInt(el: XmlElement, problem: Problem): number | undefined {
  if (/^\s*[+-]?\d+\s*$/.test(el.text)) return parseInt(el.text, 10);
  problem(el, `<${el.name}> must be an integer, found "${el.text.trim()}"`, 'use a whole number, e.g. <display_order>10</display_order>');
  return undefined;
}

function readLabels(el: XmlElement, kind: string, allowed: Set<string>, problem: Problem): CompsLabels & { id: string; displayOrder?: number } {
  const labels: CompsLabels & { id: string; displayOrder?: number } = { id: '', name: '', nameByLang: {}, descriptionByLang: {} };
  let hasId = false;
  for (const child of el.children) {
    if (!allowed.has(child.name)) {
      problem(child, `unknown element <${child.name}> in <${kind}>`, `a <${kind}> holds: ${[...allowed].join(', ')}`);
      continue;
    }
    const lang = child.attrs['xml:lang'];
    if (child.name === 'id') {
      labels.id = child.text;
      hasId = true;
    } else if (child.name === 'name') {
      if (lang === undefined) labels.name = child.text;
      else labels.nameByLang[lang] = child.text;
    } else if (child.name === 'description') {
      if (lang === undefined) labels.description = child.text;
      else labels.descriptionByLang[lang] = child.text;
    } else if (child.name === 'display_order') {
      const order = readInt(child, problem);
      if (order !== undefined) labels.displayOrder = order;
    }
  }
  if (!hasId || labels.id.trim() === '') problem(el, `<${kind}> without an <id>`, `every <${kind}> needs <id>...</id>`);
  return labels;
}

function readGroupRefs(list: XmlElement | undefined, problem: Problem): CompsGroupRef[] {
  const refs: CompsGroupRef[] = [];
  for (const child of list?.children ?? []) {
    if (child.name !== 'groupid') {
      problem(child, `unknown element <${child.name}> in <${list?.name}>`, `<${list?.name}> holds <groupid> elements only`);
      continue;
    }
    const ref: CompsGroupRef = { id: child.text };
    if (child.attrs.arch !== undefined) ref.arch = child.attrs.arch;
    if (child.attrs.default !== undefined) ref.default = child.attrs.default.toLowerCase() === 'true';
    refs.push(ref);
  }
  return refs;
}

function readPackageReq(el: XmlElement, groupId: string, problem: Problem): CompsPackageReq | undefined {
  if (el.name !== 'packagereq') {
    problem(el, `unknown element <${el.name}> in <packagelist> of group "${groupId}"`, '<packagelist> holds <packagereq> elements only');
    return undefined;
  }
  const req: CompsPackageReq = { name: el.text };
  // Pungi refuses names with surrounding whitespace: dnf would look for a package that cannot exist.
  if (el.text !== el.text.trim() || el.text === '') {
    problem(el, `package name "${el.text.trim()}" in group "${groupId}" is empty or has leading or trailing whitespace`, 'write the package name without spaces or newlines around it');
  }
  const type = el.attrs.type;
  if (type !== undefined) {
    if (!PACKAGE_REQ_TYPES.includes(type as PackageReqType)) {
      problem(el, `package "${el.text}" in group "${groupId}" has unknown type "${type}"`, `type must be one of: ${PACKAGE_REQ_TYPES.join(', ')}`);
    } else req.type = type as PackageReqType;
  }
  if (el.attrs.requires !== undefined) req.requires = el.attrs.requires;
  if (req.type === 'conditional' && req.requires === undefined) {
    problem(el, `conditional package "${el.text}" in group "${groupId}" has no requires attribute`, 'add requires="<package that triggers it>"');
  }
  if (el.attrs.basearchonly !== undefined) req.basearchonly = el.attrs.basearchonly.toLowerCase() === 'true';
  if (el.attrs.arch !== undefined) req.arch = el.attrs.arch;
  if (el.attrs.variant !== undefined) req.variant = el.attrs.variant;
  return req;
}

function readGroup(el: XmlElement, problem: Problem): CompsGroup {
  const group: CompsGroup = { ...readLabels(el, 'group', GROUP_ELEMENTS, problem), packages: [] };
  for (const child of el.children) {
    if (child.name === 'default') group.default = readBool(child, problem);
    else if (child.name === 'uservisible') group.uservisible = readBool(child, problem);
    else if (child.name === 'biarchonly') group.biarchonly = readBool(child, problem);
    else if (child.name === 'langonly') group.langonly = child.text;
    else if (child.name === 'packagelist') {
      for (const req of child.children) {
        const parsed = readPackageReq(req, group.id, problem);
        if (parsed) group.packages.push(parsed);
      }
    }
  }
  if (el.attrs.arch !== undefined) group.arch = el.attrs.arch;
  if (el.attrs.variant !== undefined) group.variant = el.attrs.variant;
  return group;
}

function readEnvironment(el: XmlElement, problem: Problem): CompsEnvironment {
  const find = (name: string): XmlElement | undefined => el.children.find((c) => c.name === name);
  const env: CompsEnvironment = {
    ...readLabels(el, 'environment', ENVIRONMENT_ELEMENTS, problem),
    groups: readGroupRefs(find('grouplist'), problem),
    options: readGroupRefs(find('optionlist'), problem),
  };
  if (el.attrs.arch !== undefined) env.arch = el.attrs.arch;
  if (el.attrs.variant !== undefined) env.variant = el.attrs.variant;
  return env;
}

function readCategory(el: XmlElement, problem: Problem): CompsCategory {
  const list = el.children.find((c) => c.name === 'grouplist');
  return { ...readLabels(el, 'category', CATEGORY_ELEMENTS, problem), groups: readGroupRefs(list, problem) };
}

/** Parses a comps XML document (groups, environments, categories, langpacks and Pungi's arch/variant attributes). */
export function parseCompsXml(text: string, file: string): Comps {
  const root = readXmlElements(text, file);
  const problems: InputError[] = [];
  const problem: Problem = (at, message, hint) => {
    problems.push(new InputError('COMPS_INVALID', message, { hint, location: { file, line: at.line, col: at.col } }));
  };
  const comps: Comps = { groups: [], environments: [], categories: [], langpacks: [] };
  if (root.name !== 'comps') problem(root, `the root element is <${root.name}>, expected <comps>`, 'a comps file starts with <comps>');
  else {
    for (const el of root.children) {
      if (el.name === 'group') comps.groups.push(readGroup(el, problem));
      else if (el.name === 'environment') comps.environments.push(readEnvironment(el, problem));
      else if (el.name === 'category') comps.categories.push(readCategory(el, problem));
      else if (el.name === 'langpacks') {
        for (const match of el.children) {
          const { name, install } = match.attrs;
          if (match.name !== 'match' || name === undefined || install === undefined) {
            problem(match, `<langpacks> entries must be <match name="..." install="..."/>, found <${match.name}>`, 'e.g. <match name="hunspell" install="hunspell-%s"/>');
          } else comps.langpacks.push({ name, install });
        }
      } else problem(el, `unknown element <${el.name}> in <comps>`, '<comps> holds group, environment, category and langpacks elements');
    }
  }
  if (problems.length === 1 && problems[0]) throw problems[0];
  if (problems.length > 1) throw new InputErrors(problems, `${file}: ${problems.length} problems in the comps file`);
  return comps;
}

export async function parseCompsFile(path: string): Promise<Comps> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new InputError('COMPS_UNREADABLE', `cannot read comps file ${path}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}`, {
      hint: 'check comps_file in the config (relative paths are resolved against the config file directory)',
      location: { file: path },
      cause,
    });
  }
  return parseCompsXml(text, path);
}

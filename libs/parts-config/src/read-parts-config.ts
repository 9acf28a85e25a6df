import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError, InputErrors, NotImplementedError } from '@compose/errors';
import { getIniValue, parseIni, type IniDocument, type IniSection } from './parse-ini.js';
import { checkPartGraph } from './check-part-graph.js';
import { PART_COMPOSE_TYPES, type PartDefinition, type PartsComposeType, type PartsConfig, type PartsGeneral } from './types.js';

const GENERAL_KEYS = new Set([
  'target', 'compose_type', 'release_name', 'release_short', 'release_version', 'release_type', 'release_internal',
  'base_product_name', 'base_product_short', 'base_product_version', 'base_product_type', 'extra_args',
  'pre_compose_script', 'post_compose_script', 'notification_script', 'koji_profile', 'kerberos', 'kerberos_keytab', 'kerberos_principal',
]);
const PART_KEYS = new Set(['config', 'just_phase', 'skip_phase', 'depends_on', 'failable']);
const PART_NAME = /^[A-Za-z0-9_-]+$/;

/** Reads and checks a pungi-orchestrate parts file; every problem found is reported at once. */
export function readPartsConfig(file: string): PartsConfig {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new InputError('PARTS_CONFIG_UNREADABLE', `cannot read parts config ${absolute}: ${(error as Error).message}`, {
      hint: 'give --config the path of the parts INI file',
    });
  }
  return buildPartsConfig(parseIni(text, absolute));
}

/** Turns a parsed INI document into the parts config (exposed for tests on text). */
export function buildPartsConfig(doc: IniDocument): PartsConfig {
  const configDir = path.dirname(doc.file);
  const problems: InputError[] = [];
  const warnings: string[] = [];
  const generalSection = doc.sections.find((s) => s.name === 'general');
  if (!generalSection) {
    throw new InputError('PARTS_NO_GENERAL', `${doc.file} has no [general] section`, {
      location: { file: doc.file }, hint: 'add [general] with target, compose_type and release_name/short/version',
    });
  }
  const general = readGeneral(doc, generalSection, configDir, problems, warnings);
  const parts: PartDefinition[] = [];
  for (const section of doc.sections) {
    if (section === generalSection) continue;
    const part = readPart(doc, section, configDir, problems, warnings);
    if (part) parts.push(part);
  }
  if (parts.length === 0 && problems.length === 0) {
    problems.push(new InputError('PARTS_NONE', 'the parts config defines no part', { location: { file: doc.file }, hint: 'add a [NAME] section with config = PART.conf' }));
  }
  if (problems.length === 0) problems.push(...checkPartGraph(parts));
  if (problems.length > 0) throw new InputErrors(problems, `${doc.file} is not a valid parts config`);
  return { file: doc.file, configDir, general: general!, parts, warnings };
}

function readGeneral(doc: IniDocument, section: IniSection, configDir: string, problems: InputError[], warnings: string[]): PartsGeneral | undefined {
  warnUnknownKeys(doc, section, GENERAL_KEYS, warnings);
  const text = (key: string): string | undefined => getIniValue(doc, section, key)?.value.trim() || undefined;
  const required = (key: string): string => {
    const value = text(key);
    if (value === undefined) problems.push(at(doc, section, key, 'PARTS_MISSING_KEY', `[general] needs ${key}`, `set ${key} = ...`));
    return value ?? '';
  };
  rejectUnsupported(doc, section);
  const composeType = required('compose_type');
  if (composeType && !(PART_COMPOSE_TYPES as readonly string[]).includes(composeType)) {
    problems.push(at(doc, section, 'compose_type', 'PARTS_BAD_COMPOSE_TYPE', `compose_type '${composeType}' is not a compose type`, `use one of ${PART_COMPOSE_TYPES.join(', ')}`));
  }
  const release = {
    name: required('release_name'), short: required('release_short'), version: required('release_version'),
    type: (text('release_type') ?? 'ga').toLowerCase(),
    internal: readBoolean(doc, section, 'release_internal', problems) ?? false,
  };
  const baseName = text('base_product_name');
  const baseProduct = baseName
    ? { name: baseName, short: required('base_product_short'), version: required('base_product_version'), type: (text('base_product_type') ?? 'ga').toLowerCase() }
    : undefined;
  const target = text('target');
  const notificationScript = text('notification_script');
  return {
    ...(target ? { target: path.resolve(configDir, target) } : {}),
    composeType: composeType as PartsComposeType,
    release,
    ...(baseProduct ? { baseProduct } : {}),
    extraArgs: splitList(text('extra_args')),
    preComposeScript: splitLines(text('pre_compose_script')),
    postComposeScript: splitLines(text('post_compose_script')),
    ...(notificationScript ? { notificationScript } : {}),
  };
}

// Koji events and Kerberos tickets need a Koji hub; their integration point is here.
function rejectUnsupported(doc: IniDocument, section: IniSection): void {
  if (getIniValue(doc, section, 'koji_profile')) {
    throw new NotImplementedError('koji_profile in [general] (one Koji event for all parts)', 'remove koji_profile; parts then use their own pkgset settings');
  }
  const kerberos = getIniValue(doc, section, 'kerberos')?.value.trim().toLowerCase();
  if (kerberos && BOOLEAN_WORDS[kerberos] === true) {
    throw new NotImplementedError('kerberos = yes in [general] (kinit before the parts start)', 'run kinit yourself before parts start, and remove kerberos');
  }
}

function readPart(doc: IniDocument, section: IniSection, configDir: string, problems: InputError[], warnings: string[]): PartDefinition | undefined {
  warnUnknownKeys(doc, section, PART_KEYS, warnings);
  if (!PART_NAME.test(section.name)) {
    problems.push(new InputError('PARTS_BAD_NAME', `part name [${section.name}] may only use letters, digits, '-' and '_'`, {
      location: { file: doc.file, line: section.line }, hint: 'the name is used in {{part-NAME}} and logs/NAME.log; rename the section',
    }));
    return undefined;
  }
  const config = getIniValue(doc, section, 'config')?.value.trim();
  if (!config) {
    problems.push(new InputError('PARTS_MISSING_KEY', `part [${section.name}] needs config`, {
      location: { file: doc.file, line: section.line }, hint: 'set config = PART.conf (relative to the parts file)',
    }));
    return undefined;
  }
  const list = (key: string): string[] => splitList(getIniValue(doc, section, key)?.value);
  return {
    name: section.name,
    config: path.resolve(configDir, config),
    justPhase: list('just_phase'),
    skipPhase: list('skip_phase'),
    dependsOn: list('depends_on'),
    failable: readBoolean(doc, section, 'failable', problems) ?? false,
    location: { file: doc.file, line: section.line },
  };
}

// configparser's getboolean words.
const BOOLEAN_WORDS: Record<string, boolean> = { '1': true, yes: true, true: true, on: true, '0': false, no: false, false: false, off: false };

function readBoolean(doc: IniDocument, section: IniSection, key: string, problems: InputError[]): boolean | undefined {
  const raw = getIniValue(doc, section, key)?.value.trim();
  if (raw === undefined || raw === '') return undefined;
  const value = BOOLEAN_WORDS[raw.toLowerCase()];
  if (value === undefined) problems.push(at(doc, section, key, 'PARTS_BAD_BOOLEAN', `${key} = ${raw} is not a boolean`, 'use yes/no, true/false, on/off or 1/0'));
  return value;
}

/** Pungi splits list values on commas and spaces. */
export function splitList(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter(Boolean);
}

function splitLines(value: string | undefined): string[] {
  return (value ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
}

function warnUnknownKeys(doc: IniDocument, section: IniSection, known: ReadonlySet<string>, warnings: string[]): void {
  for (const [key, entry] of section.entries) {
    if (!known.has(key)) warnings.push(`${doc.file}:${entry.line}: unknown key '${key}' in [${section.name}] is ignored (known: ${[...known].join(', ')})`);
  }
}

function at(doc: IniDocument, section: IniSection, key: string, code: string, message: string, hint: string): InputError {
  const line = getIniValue(doc, section, key)?.line ?? section.line;
  return new InputError(code, message, { location: { file: doc.file, line }, hint });
}

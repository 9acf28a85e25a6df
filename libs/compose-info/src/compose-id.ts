// Compose IDs as productmd creates them (ComposeInfo.create_compose_id) and Pungi names
// compose directories: <short>-<version>[-<type>][-<base short>-<base version>[-<type>]]-<date><suffix>.<respin>
import { InputError } from '@compose/errors';

export const COMPOSE_TYPES = ['production', 'test', 'nightly', 'ci'] as const;
export type ComposeType = (typeof COMPOSE_TYPES)[number];

/** productmd's known release types; a type other than ga becomes part of the compose ID. */
export const RELEASE_TYPES = ['fast', 'ga', 'updates', 'updates-testing', 'eus', 'aus', 'els'] as const;

export interface ProductIdentity {
  short: string;
  version: string;
  /** Release type, `ga` when absent. */
  type?: string;
}

export interface ComposeIdentity {
  release: ProductIdentity;
  /** Only for layered products (release_is_layered / base_product_* in the config). */
  baseProduct?: ProductIdentity;
  /** YYYYMMDD */
  date: string;
  type: ComposeType;
  respin: number;
}

export interface ParsedComposeId {
  /** Everything before the date: release (and base product) short, version and type. */
  prefix: string;
  date: string;
  type: ComposeType;
  respin: number;
}

const TYPE_SUFFIXES: Record<ComposeType, string> = { production: '', test: '.t', nightly: '.n', ci: '.ci' };
// productmd also reads the long spellings that older composes used.
const SUFFIX_TYPES: Record<string, ComposeType> = {
  '': 'production', '.t': 'test', '.test': 'test', '.n': 'nightly', '.nightly': 'nightly', '.ci': 'ci',
};
const COMPOSE_ID_PATTERN = /^(.+)-(\d{8})(\.t|\.test|\.n|\.nightly|\.ci)?\.(\d+)$/;
// productmd's RELEASE_VERSION_RE: dotted numbers, or anything not starting with a digit (e.g. Rawhide).
const RELEASE_VERSION_PATTERN = /^([^0-9].*|[0-9]+(\.?[0-9]+)*)$/;

export function getComposeTypeSuffix(type: ComposeType): string {
  const suffix = TYPE_SUFFIXES[type];
  if (suffix === undefined) {
    throw new InputError('COMPOSE_BAD_TYPE', `unknown compose type '${type}'`, { hint: `use one of ${COMPOSE_TYPES.join(', ')}` });
  }
  return suffix;
}

function getReleaseTypeSuffix(type: string | undefined): string {
  const lowered = (type ?? 'ga').toLowerCase();
  return lowered === 'ga' ? '' : `-${lowered}`;
}

function validateProduct(product: ProductIdentity, what: string): void {
  if (!product.short) throw new InputError('COMPOSE_BAD_RELEASE', `${what} short name is empty`);
  if (!RELEASE_VERSION_PATTERN.test(product.version)) {
    throw new InputError('COMPOSE_BAD_RELEASE', `${what} version '${product.version}' is not valid`, {
      hint: 'use dotted numbers (1, 1.0, 39.1) or a name that does not start with a digit (Rawhide)',
    });
  }
  const type = (product.type ?? 'ga').toLowerCase();
  if (!(RELEASE_TYPES as readonly string[]).includes(type)) {
    throw new InputError('COMPOSE_BAD_RELEASE', `${what} type '${product.type}' is not a known release type`, {
      hint: `use one of ${RELEASE_TYPES.join(', ')}`,
    });
  }
}

/** The part of a compose ID before the date, shared by all composes of one release. */
export function getComposeIdPrefix(release: ProductIdentity, baseProduct?: ProductIdentity): string {
  validateProduct(release, 'release');
  let prefix = `${release.short}-${release.version}${getReleaseTypeSuffix(release.type)}`;
  if (baseProduct) {
    validateProduct(baseProduct, 'base product');
    prefix += `-${baseProduct.short}-${baseProduct.version}${getReleaseTypeSuffix(baseProduct.type)}`;
  }
  return prefix;
}

export function createComposeId(identity: ComposeIdentity): string {
  if (!/^\d{8}$/.test(identity.date)) {
    throw new InputError('COMPOSE_BAD_DATE', `compose date '${identity.date}' is not YYYYMMDD`);
  }
  if (!Number.isInteger(identity.respin) || identity.respin < 0) {
    throw new InputError('COMPOSE_BAD_RESPIN', `respin ${identity.respin} is not a non-negative integer`);
  }
  const prefix = getComposeIdPrefix(identity.release, identity.baseProduct);
  return `${prefix}-${identity.date}${getComposeTypeSuffix(identity.type)}.${identity.respin}`;
}

/** Split a compose ID into prefix, date, type and respin; undefined when it is not one. */
export function tryParseComposeId(composeId: string): ParsedComposeId | undefined {
  const match = COMPOSE_ID_PATTERN.exec(composeId);
  if (!match) return undefined;
  const [, prefix, date, suffix, respin] = match;
  return { prefix: prefix!, date: date!, type: SUFFIX_TYPES[suffix ?? '']!, respin: Number(respin) };
}

export function parseComposeId(composeId: string): ParsedComposeId {
  const parsed = tryParseComposeId(composeId);
  if (!parsed) {
    throw new InputError('COMPOSE_BAD_ID', `'${composeId}' is not a compose ID`, {
      hint: 'expected <short>-<version>-<YYYYMMDD>[.t|.n|.ci].<respin>, e.g. DP-1.0-20261122.t.0',
    });
  }
  return parsed;
}

/** Today's date in local time as YYYYMMDD, as Pungi stamps new composes. */
export function formatComposeDate(when: Date = new Date()): string {
  const month = String(when.getMonth() + 1).padStart(2, '0');
  const day = String(when.getDate()).padStart(2, '0');
  return `${when.getFullYear()}${month}${day}`;
}

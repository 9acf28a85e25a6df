import { InputError } from '@compose/errors';
import { formatComposeDate, type BaseProductInfo, type ComposeType, type ReleaseInfo } from '@compose/compose-info';

export interface ComposeIdentityFromConfig {
  release: { short: string; version: string; type?: string };
  baseProduct?: { short: string; version: string; type?: string };
  date: string;
  type: ComposeType;
  releaseInfo: ReleaseInfo;
  baseProductInfo?: BaseProductInfo;
}

/** Release and base product as Pungi takes them from the config (release_* and base_product_*). */
export function describeIdentity(config: Record<string, unknown>, options: { composeType: ComposeType; composeDate?: string }): ComposeIdentityFromConfig {
  const text = (key: string): string => String(config[key] ?? '');
  const releaseInfo: ReleaseInfo = {
    name: text('release_name'),
    short: text('release_short'),
    version: text('release_version'),
    type: (config['release_type'] as string | undefined) ?? 'ga',
    internal: config['release_internal'] === true,
  };
  const layered = config['release_is_layered'] === true || config['base_product_name'] !== undefined;
  const baseProductInfo: BaseProductInfo | undefined = layered
    ? { name: text('base_product_name'), short: text('base_product_short'), version: text('base_product_version'), type: (config['base_product_type'] as string | undefined) ?? 'ga' }
    : undefined;
  const date = options.composeDate ?? formatComposeDate();
  if (!/^\d{8}$/.test(date)) {
    throw new InputError('BAD_COMPOSE_DATE', `compose date '${date}' is not YYYYMMDD`, { hint: 'e.g. --compose-date 20261122' });
  }
  return {
    release: { short: releaseInfo.short, version: releaseInfo.version, type: releaseInfo.type },
    ...(baseProductInfo ? { baseProduct: { short: baseProductInfo.short, version: baseProductInfo.version, type: baseProductInfo.type } } : {}),
    date,
    type: options.composeType,
    releaseInfo,
    ...(baseProductInfo ? { baseProductInfo } : {}),
  };
}

import type { ComposeManifest, ComposeManifestVariant } from '@compose/contracts';
import { createComposeId, getComposeFormatValues, type ComposeType } from '@compose/compose-info';
import { getVariantValue } from '@compose/config';
import { computeVolumeId, formatNameTemplate, type TemplateValues } from '@compose/iso';

const DEFAULT_IMAGE_NAME = '%(compose_id)s-%(variant)s-%(arch)s-%(disc_type)s%(disc_num)s%(suffix)s';

/** Pungi's get_format_substs: the keys every image name and volume ID template may use. */
export function getFormatValues(compose: ComposeManifest, extra: TemplateValues = {}): TemplateValues {
  return getComposeFormatValues(compose, extra);
}

function majorVersion(version: string): string {
  return version.split('.')[0] ?? version;
}

/** The disc type word in names ("dvd" unless disc_types says otherwise). */
export function getDiscType(compose: ComposeManifest, kind = 'dvd'): string {
  const types = compose.config['disc_types'] as Record<string, string> | undefined;
  return types?.[kind] ?? kind;
}

/**
 * Image file name as Pungi's get_image_name: source media say "source"; a layered product's
 * image carries its own compose ID (its release on top of the base product's major version)
 * and its parent's variant UID.
 */
export function getImageName(compose: ComposeManifest, variant: ComposeManifestVariant, arch: string, discNumber: number | '', options: { discType?: string; suffix?: string; format?: string } = {}): string {
  const values: TemplateValues = { arch: arch === 'src' ? 'source' : arch, disc_type: options.discType ?? getDiscType(compose), disc_num: discNumber, suffix: options.suffix ?? '.iso', variant: variant.uid };
  if (variant.type === 'layered-product' && variant.release) {
    values['variant'] = variant.parent ?? variant.uid;
    values['compose_id'] = createComposeId({
      release: { short: variant.release.short, version: variant.release.version },
      baseProduct: { short: compose.release.short, version: majorVersion(compose.release.version) },
      date: compose.date,
      type: compose.type as ComposeType,
      respin: compose.respin,
    });
  }
  const format = options.format ?? getNameFormat(compose, variant);
  return formatNameTemplate(format, getFormatValues(compose, values), 'image_name_format');
}

function getNameFormat(compose: ComposeManifest, variant: ComposeManifestVariant): string {
  const option = compose.config['image_name_format'];
  if (typeof option === 'string') return option;
  const [first] = getVariantValue(compose.config as never, 'image_name_format', variant.uid);
  return typeof first === 'string' ? first : DEFAULT_IMAGE_NAME;
}

/**
 * Volume ID as Pungi's get_volid: optional variants use their parent; a layered product uses
 * the layered formats with its own release and the base product's major version.
 */
export function getVolumeId(compose: ComposeManifest, variant: ComposeManifestVariant | undefined, arch: string, options: { formats?: readonly string[]; discType?: string } = {}): string {
  let target = variant;
  if (target?.type === 'optional' && target.parent) target = compose.variants.find((v) => v.uid === target!.parent) ?? target;
  let values: TemplateValues = {
    release_short: compose.release.short,
    version: compose.release.version,
    base_product_short: compose.base_product?.short ?? '',
    base_product_version: compose.base_product?.version ?? '',
  };
  let layered = Boolean(compose.base_product);
  let variantUid = target?.uid;
  if (target?.type === 'layered-product' && target.release) {
    values = { release_short: target.release.short, version: target.release.version, base_product_short: compose.release.short, base_product_version: majorVersion(compose.release.version) };
    layered = true;
    variantUid = target.parent ?? target.uid;
  }
  const products = (compose.config['image_volid_formats'] as string[] | undefined) ?? [];
  const layeredProducts = (compose.config['image_volid_layered_product_formats'] as string[] | undefined) ?? [];
  const all = options.formats ?? (layered ? [...layeredProducts, ...products] : products);
  const extra: TemplateValues = { ...values, arch, disc_type: options.discType ?? getDiscType(compose) };
  if (variantUid !== undefined) extra['variant'] = variantUid;
  return computeVolumeId({
    formats: all,
    values: getFormatValues(compose, extra),
    substitutions: (compose.config['volume_id_substitutions'] as Record<string, string> | undefined) ?? {},
    restricted: compose.config['restricted_volid'] === true,
  });
}

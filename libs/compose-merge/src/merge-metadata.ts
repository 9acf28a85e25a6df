// Merging the productmd metadata of several composes into one, as pungi-orchestrate builds the
// metadata of a multi-part compose: the first part's file is copied (with the final compose's
// identity), later parts add their variants to it.
type Json = Record<string, unknown>;

export interface ProductmdDocument {
  header: { type: string; version: string };
  payload: Json;
}

/** Which payload map each productmd file type keeps its per-variant content in. */
const VARIANT_MAPS: Readonly<Record<string, string>> = {
  'productmd.composeinfo': 'variants',
  'productmd.rpms': 'rpms',
  'productmd.images': 'images',
  'productmd.modules': 'modules',
  'productmd.extra_files': 'extra_files',
};

// composeinfo's variants are whole records; the others map variant -> arch -> content, and two
// parts may each bring different arches of one variant, so those merge one level deeper.
const MERGE_DEPTH: Readonly<Record<string, number>> = { 'productmd.composeinfo': 1 };

/**
 * `existing` (the merged document so far, or undefined) with `source` merged in. The result
 * carries `compose` (the final compose's id/date/type/respin/label) wherever a payload has one.
 */
export function mergeMetadataDocument(existing: ProductmdDocument | undefined, source: ProductmdDocument, compose: Json): ProductmdDocument {
  if (existing === undefined) {
    const copy = structuredClone(source);
    if (isObject(copy.payload?.['compose'])) copy.payload['compose'] = { ...copy.payload['compose'], ...compose };
    return copy;
  }
  const key = VARIANT_MAPS[source.header?.type];
  if (key === undefined || !isObject(source.payload?.[key])) {
    // Not productmd per-variant metadata (e.g. OSBS): later parts win key by key.
    return { ...structuredClone(existing), ...structuredClone(source) };
  }
  const merged = structuredClone(existing);
  const target = isObject(merged.payload[key]) ? (merged.payload[key] as Json) : (merged.payload[key] = {});
  mergeLevels(target, source.payload[key] as Json, MERGE_DEPTH[source.header.type] ?? 2);
  return merged;
}

function mergeLevels(target: Json, source: Json, depth: number): void {
  for (const [name, value] of Object.entries(source)) {
    if (depth > 1 && isObject(target[name]) && isObject(value)) mergeLevels(target[name] as Json, value, depth - 1);
    else target[name] = structuredClone(value);
  }
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

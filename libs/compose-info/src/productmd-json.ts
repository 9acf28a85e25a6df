// JSON text byte-identical to productmd's: json.dump(indent=4, sort_keys=True,
// separators=(",", ": ")) with Python's default ensure_ascii and no trailing newline.

function escapeNonAscii(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== undefined) sorted[key] = sortKeysDeep(child);
    }
    return sorted;
  }
  return value;
}

/**
 * Serialize `value` exactly as productmd writes its metadata files. pungi-orchestrate writes
 * the merged metadata of multi-part composes with an indent of 2, hence the parameter.
 */
export function formatProductmdJson(value: unknown, indent = 4): string {
  return escapeNonAscii(JSON.stringify(sortKeysDeep(value), null, indent));
}

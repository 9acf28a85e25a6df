import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderConfigReference } from '../src/index.js';

const page = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../workspace-docs/config-reference.md');

describe('config reference page', () => {
  it('matches the schema (regenerate with node scripts/gen-config-reference.mjs)', async () => {
    const rendered = renderConfigReference();
    expect(rendered).toContain('| **release_short** |');
    expect(await readFile(page, 'utf8')).toBe(rendered);
  });
});

import { describe, expect, it } from 'vitest';
import { checkSchema } from '@compose/manifest';
import { COMPOSE_MANIFEST, PKGSET_MANIFEST } from '../src/index.js';

describe('manifest contracts', () => {
  it('name their types and versions as DESIGN.md section 5 asks', () => {
    for (const kind of [COMPOSE_MANIFEST, PKGSET_MANIFEST]) {
      expect(kind.type).toMatch(/^compose\.[a-z]+$/);
      expect(kind.version).toMatch(/^\d+\.\d+$/);
    }
  });

  it('reject a pkgset payload missing required fields and accept a minimal valid one', () => {
    const valid = {
      compose_id: 'DP-1.0-20261122.t.0', pkgset_source: 'repos', sigkeys: [null], inputs_digest: 'a'.repeat(64), reused_from: null,
      sources: [], arches: ['x86_64'], arch_repos: { x86_64: [] }, excluded: [],
      packages: [{ name: 'a', epoch: 0, version: '1', release: '1', arch: 'noarch', file: 'a-1-1.noarch.rpm', path: null, source: 'repo-0', checksum: null, size: null, sigkey: null, sourcerpm: 'a-1-1.src.rpm', tree_arches: ['x86_64'] }],
    };
    expect(checkSchema(PKGSET_MANIFEST.schema, valid).ok).toBe(true);
    const broken = { ...valid, packages: [{ ...valid.packages[0], epoch: -1 }] };
    const result = checkSchema(PKGSET_MANIFEST.schema, broken);
    expect(result.ok).toBe(false);
    expect(checkSchema(COMPOSE_MANIFEST.schema, { compose_id: 'x' }).ok).toBe(false);
  });
});

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRepos, parseSolveInput, solve } from '@compose/depsolve';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const casesDir = path.resolve(repoRoot, '../shared/conformance/gather');

describe('comps groups', () => {
  it('expands @group members and takes conditionals and langpacks from comps when absent', async () => {
    const file = path.join(casesDir, 'groups-input.json');
    const text = JSON.stringify({ arch: 'x86_64', repos: [{ id: 'r', path: '../../fixtures/pungi-repos/repo' }], packages: [], groups: ['core'] });
    const input = parseSolveInput(text, file);
    expect(input.conditional_packages).toBeUndefined();
    expect(input.options.greedy_method).toBe('none');
    const result = solve(input, await loadRepos(input));
    expect(result.rpm.length).toBeGreaterThan(0);
    for (const reasons of Object.values(result.reasons)) expect(reasons.length).toBeGreaterThan(0);
  });
});

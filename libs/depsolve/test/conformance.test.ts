import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSolveInput, solve } from '@compose/depsolve';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const casesDir = path.resolve(repoRoot, '../shared/conformance/gather');
const caseFiles = readdirSync(casesDir).filter((f) => f.endsWith('.json')).sort();

interface Case {
  expected: { rpm: string[]; srpm: string[]; debuginfo: string[] };
  expected_broken_deps?: Record<string, string[]>;
}

describe('Pungi gather conformance', () => {
  it('finds the cases', () => {
    expect(caseFiles.length).toBeGreaterThanOrEqual(37);
  });

  it.each(caseFiles)('%s', async (file) => {
    const caseFile = path.join(casesDir, file);
    const data = JSON.parse(readFileSync(caseFile, 'utf8')) as Case;
    const { input, repos } = await loadSolveInput(caseFile);
    const result = solve(input, repos);
    expect({ rpm: result.rpm, srpm: result.srpm, debuginfo: result.debuginfo }).toEqual(data.expected);
    if (data.expected_broken_deps) expect(result.brokenDeps).toEqual(data.expected_broken_deps);
  });
});

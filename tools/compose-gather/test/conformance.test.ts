// Every gather conformance case through the built `compose-gather solve`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGatherCli, shared } from './helpers.js';

const casesDir = path.join(shared, 'conformance/gather');
const cases = readdirSync(casesDir).filter((f) => f.endsWith('.json')).sort();

describe('compose-gather solve: conformance cases', () => {
  it('finds all 37 cases', () => {
    expect(cases.length).toBe(37);
  });

  it.each(cases)('%s', async (file) => {
    const data = JSON.parse(readFileSync(path.join(casesDir, file), 'utf8')) as { expected: { rpm: string[]; srpm: string[]; debuginfo: string[] } };
    const r = await runGatherCli(['solve', '--input', path.join(casesDir, file)]);
    expect(r.exitCode, r.stderr).toBe(0);
    const got = JSON.parse(r.stdout) as Record<string, string[]>;
    expect({ rpm: got['rpm'], srpm: got['srpm'], debuginfo: got['debuginfo'] }).toEqual({
      rpm: [...data.expected.rpm].sort(),
      srpm: [...data.expected.srpm].sort(),
      debuginfo: [...data.expected.debuginfo].sort(),
    });
  });
});

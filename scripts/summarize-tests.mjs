// Adds up every project's vitest JSON report into the one closing line CI reads.
// A project whose tests did not run (build failure, crash) counts as one failure.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const group of ['libs', 'tools', 'e2e']) {
  const base = path.join(root, group);
  if (!existsSync(base)) continue;
  const dirs = group === 'e2e' ? [base] : readdirSync(base).map((d) => path.join(base, d));
  for (const dir of dirs) {
    if (!existsSync(path.join(dir, 'package.json')) || !existsSync(path.join(dir, 'test'))) continue;
    const report = path.join(dir, 'test-results.json');
    if (!existsSync(report)) {
      missing.push(path.relative(root, dir));
      failed += 1;
      continue;
    }
    const data = JSON.parse(readFileSync(report, 'utf8'));
    passed += data.numPassedTests;
    failed += data.numFailedTests;
    skipped += data.numPendingTests + (data.numTodoTests ?? 0);
    // A file that failed to load has no tests in it but must still count.
    failed += (data.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  }
}
if (missing.length) console.log(`no test report (tests did not run) for: ${missing.join(', ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);

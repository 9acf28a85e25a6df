import { execa } from 'execa';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const boundary = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/error-boundary.js');

describe('runWithBoundary and closed pipes', () => {
  it('keeps working when the reader of stderr goes away, and finishes its work', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pipes-'));
    const script = path.join(dir, 'noisy.mjs');
    const done = path.join(dir, 'done');
    await writeFile(script, `import { runWithBoundary } from ${JSON.stringify(boundary)};
import { writeFileSync } from 'node:fs';
await runWithBoundary(async () => {
  for (let i = 0; i < 2000; i++) { process.stderr.write('progress line ' + i + ' '.repeat(200) + '\\n'); await new Promise((r) => setImmediate(r)); }
  writeFileSync(${JSON.stringify(done)}, 'ok');
  return 0;
}, { program: 'noisy' });
`);
    const r = await execa('sh', ['-c', `node ${script} 2>&1 >/dev/null | head -c 10 >/dev/null; echo "exit \${PIPESTATUS:-0}"`], { reject: false });
    expect(r.exitCode).toBe(0);
    expect(await import('node:fs/promises').then((fs) => fs.readFile(done, 'utf8'))).toBe('ok');
  });
});

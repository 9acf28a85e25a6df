// Measures @compose/repodata's streaming reader on the distribution-scale benchmark repo.
// Build first: npx tsc -p libs/repodata/tsconfig.json
// Usage: node scripts/bench/read-repodata.mjs [--filelists] [REPO_DIR]
// For peak RSS as the kernel sees it: /usr/bin/time -v node scripts/bench/read-repodata.mjs
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { streamPrimary } from '../../libs/repodata/dist/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const filelists = args.includes('--filelists');
const repoDir = args.find((a) => !a.startsWith('--')) ?? path.resolve(root, '../shared/bench/debian12-rpmmd');

let deps = 0;
let resultCount = 0;
let files = 0;
let peakHeap = 0;
const started = performance.now();
const result = await streamPrimary(
  repoDir,
  (pkg) => {
    // Touch what a depsolver reads, keep nothing.
    deps += pkg.requires.length + pkg.provides.length;
    files += pkg.files.length;
    if ((resultCount++ & 4095) === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().rss);
  },
  { filelists },
);

const seconds = (performance.now() - started) / 1000;
console.log(
  JSON.stringify({
    repo: path.relative(process.cwd(), repoDir) || '.',
    filelists,
    packages: result.packages,
    deps,
    files,
    wallSeconds: Number(seconds.toFixed(3)),
    peakRssMiB: Number((Math.max(peakHeap, process.resourceUsage().maxRSS * 1024) / 2 ** 20).toFixed(1)),
  }),
);

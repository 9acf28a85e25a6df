// Measures @compose/repodata's streaming reader on the distribution-scale benchmark repo,
// with a callback that keeps nothing (what a scan costs; memory a caller keeps is its own).
//   npx tsc -p libs/repodata/tsconfig.json     # the script imports the built library
//   /usr/bin/time -v node scripts/bench/read-repodata.mjs [--filelists] [REPO_DIR]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { streamPrimary } from '../../libs/repodata/dist/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const filelists = args.includes('--filelists');
const repoDir = args.find((a) => !a.startsWith('--')) ?? path.resolve(root, '../shared/bench/debian12-rpmmd');

let deps = 0;
let files = 0;
const started = performance.now();
const result = await streamPrimary(
  repoDir,
  (pkg) => {
    // Touch what a depsolver reads so nothing is optimized away.
    deps += pkg.requires.length + pkg.provides.length;
    files += pkg.files.length;
  },
  { filelists },
);
const seconds = (performance.now() - started) / 1000;
const usage = process.resourceUsage();
console.log(
  JSON.stringify({
    repo: path.relative(process.cwd(), repoDir) || '.',
    filelists,
    packages: result.packages,
    deps,
    files,
    wallSeconds: Number(seconds.toFixed(3)),
    cpuSeconds: Number(((usage.userCPUTime + usage.systemCPUTime) / 1e6).toFixed(3)),
    peakRssMiB: Number((usage.maxRSS / 1024).toFixed(1)),
  }),
);

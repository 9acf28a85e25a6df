// Runs the built depsolve library on one solve input and prints timings and package counts.
// Usage: node scripts/bench/solve-bench.mjs INPUT.json [--cache-dir DIR | --no-cache]
import { performance } from 'node:perf_hooks';
import { loadSolveInput, solve } from '../../libs/depsolve/dist/index.js';

const args = process.argv.slice(2);
const file = args[0];
if (!file) {
  console.error('usage: solve-bench.mjs INPUT.json [--cache-dir DIR | --no-cache]');
  process.exit(2);
}
const dirAt = args.indexOf('--cache-dir');
const options = {};
if (dirAt >= 0) options.cacheDir = args[dirAt + 1];
if (args.includes('--no-cache')) options.cacheDir = null;

const t0 = performance.now();
const { input, repos } = await loadSolveInput(file, options);
const t1 = performance.now();
const result = solve(input, repos);
const t2 = performance.now();
const mib = (n) => (n / 1048576).toFixed(0);
console.log(
  JSON.stringify({
    input: file,
    load_s: +((t1 - t0) / 1000).toFixed(3),
    solve_s: +((t2 - t1) / 1000).toFixed(3),
    rpm: result.rpm.length,
    srpm: result.srpm.length,
    debuginfo: result.debuginfo.length,
    broken: Object.keys(result.brokenDeps).length,
    heap_mib: +mib(process.memoryUsage().heapUsed),
  }),
);

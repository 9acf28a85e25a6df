// ISO creation time: compose's makeIsoImage (xorrisofs + implantisomd5 + listing) against a bare
// xorrisofs run on the same graft points. Usage: node scripts/bench/createiso.mjs [SIZE_MIB] [RUNS]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { collectGraftPoints, formatGraftPoints, makeIsoImage, buildMkisofsArgv } from '../../libs/iso/dist/index.js';

const sizeMib = Number(process.argv[2] ?? 1024);
const runs = Number(process.argv[3] ?? 3);
const dir = mkdtempSync(path.join(tmpdir(), 'bench-iso-'));
const tree = path.join(dir, 'tree');
// A tree shaped like an os tree: 4 MiB "packages" of incompressible bytes under Packages/<letter>/.
const chunk = Buffer.alloc(4 * 1024 * 1024);
for (let i = 0; i < sizeMib / 4; i++) {
  const letter = String.fromCharCode(97 + (i % 26));
  mkdirSync(path.join(tree, 'Packages', letter), { recursive: true });
  for (let j = 0; j < chunk.length; j += 4) chunk.writeUInt32LE((Math.random() * 2 ** 32) >>> 0, j);
  writeFileSync(path.join(tree, 'Packages', letter, `pkg-${i}.rpm`), chunk);
}
const graft = path.join(dir, 'graft');
writeFileSync(graft, formatGraftPoints(await collectGraftPoints([tree])));
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const bare = [];
const script = [];
const ours = [];
for (let run = 0; run < runs; run++) {
  const a = path.join(dir, 'bare.iso');
  let started = performance.now();
  execFileSync(buildMkisofsArgv({ tool: 'xorrisofs', output: a, volid: 'BENCH', graftPoints: graft, exclude: ['./lost+found'] })[0], buildMkisofsArgv({ tool: 'xorrisofs', output: a, volid: 'BENCH', graftPoints: graft, exclude: ['./lost+found'] }).slice(1), { stdio: 'ignore' });
  bare.push(performance.now() - started);
  rmSync(a);
  // What Pungi's createiso script runs: mkisofs, implantisomd5, the manifest listing.
  started = performance.now();
  execFileSync('sh', ['-c', `xorrisofs -untranslated-filenames -volid BENCH -J -joliet-long -rational-rock -input-charset utf-8 -x ./lost+found -o ${a} -graft-points -path-list ${graft} 2>/dev/null && implantisomd5 ${a} >/dev/null && xorriso -dev ${a} --find 2>/dev/null | tail -n+2 | tr -d "'" | cut -c2- | sort > ${a}.manifest`]);
  script.push(performance.now() - started);
  rmSync(a);
  rmSync(`${a}.manifest`);
  started = performance.now();
  const made = await makeIsoImage({ tool: 'xorrisofs', output: path.join(dir, 'ours.iso'), volid: 'BENCH', graftPoints: graft, exclude: ['./lost+found'], sourceDateEpoch: 1795305600, implantMd5: true, manifest: true });
  ours.push(performance.now() - started);
  rmSync(made.path);
  rmSync(`${made.path}.manifest`);
}
rmSync(dir, { recursive: true, force: true });
const fmt = (v) => (v / 1000).toFixed(2);
console.log(`tree ${sizeMib} MiB, ${runs} runs`);
console.log(`bare xorrisofs:        ${bare.map(fmt).join(' / ')} s (median ${fmt(median([...bare]))} s)`);
console.log(`bare script (xorrisofs; implantisomd5; listing): ${script.map(fmt).join(' / ')} s (median ${fmt(median([...script]))} s)`);
console.log(`makeIsoImage (+implantisomd5, listing): ${ours.map(fmt).join(' / ')} s (median ${fmt(median([...ours]))} s)`);
console.log(`ours / bare script ${(median([...ours]) / median([...script])).toFixed(3)}, ours / bare xorrisofs ${(median([...ours]) / median([...bare])).toFixed(3)}`);

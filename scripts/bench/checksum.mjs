// Computes md5+sha1+sha256 of FILE with the built @compose/checksum, printing them md5sum-style.
// usage: node scripts/bench/checksum.mjs FILE  (build first: npx tsc -p libs/checksum/tsconfig.json)
import { computeDigests } from '../../libs/checksum/dist/index.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/bench/checksum.mjs FILE');
  process.exit(2);
}
const { size, digests } = await computeDigests(file, ['md5', 'sha1', 'sha256']);
for (const [algorithm, hex] of Object.entries(digests)) console.log(`${hex}  ${file}  (${algorithm}, ${size} bytes)`);

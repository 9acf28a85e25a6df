import { execa } from 'execa';
import { mkdtemp, mkdir, readFile, writeFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectGraftPoints, formatGraftPoints, makeIsoImage } from '@compose/iso';

async function tinyTree(): Promise<{ dir: string; graft: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'iso-'));
  await mkdir(path.join(dir, 'tree/Packages/d'), { recursive: true });
  await writeFile(path.join(dir, 'tree/Packages/d/dummy.rpm'), 'x'.repeat(5000));
  await writeFile(path.join(dir, 'tree/.discinfo'), '1\nDummy\nx86_64\n');
  const graft = path.join(dir, 'graft');
  await writeFile(graft, formatGraftPoints(await collectGraftPoints([path.join(dir, 'tree')])));
  return { dir, graft };
}

const checkisomd5 = async (iso: string) => (await execa('checkisomd5', [iso], { reject: false })).exitCode;

describe('makeIsoImage with the real xorrisofs, implantisomd5 and checkisomd5', () => {
  it('pads a tiny image (hidden) so checkisomd5 can verify it; unpadded it cannot', async () => {
    const { dir, graft } = await tinyTree();
    const plain = await makeIsoImage({ tool: 'xorrisofs', output: path.join(dir, 'plain.iso'), volid: 'TINY', graftPoints: graft });
    expect(plain.size).toBeLessThan(700 * 1024);
    expect(await checkisomd5(plain.path)).not.toBe(0);
    const padded = await makeIsoImage({ tool: 'xorrisofs', output: path.join(dir, 'padded.iso'), volid: 'TINY', graftPoints: graft, minimumContentBytes: 1024 * 1024 });
    expect(padded.size).toBeGreaterThan(1024 * 1024);
    expect(await checkisomd5(padded.path)).toBe(0);
    expect(padded.volumeId).toBe('TINY');
    expect(padded.implantMd5).toMatch(/^[0-9a-f]{32}$/);
    expect(await readFile(padded.manifest!, 'utf8')).toBe('/.discinfo\n/Packages\n/Packages/d\n/Packages/d/dummy.rpm\n');
    expect((await readdir(dir)).filter((f) => f.includes('partial') || f.includes('padding'))).toEqual([]);
  });

  it('gives byte-identical images for the same inputs and date', async () => {
    const { dir, graft } = await tinyTree();
    const one = await makeIsoImage({ tool: 'xorrisofs', output: path.join(dir, 'one.iso'), volid: 'R', graftPoints: graft, sourceDateEpoch: 1795305600 });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await writeFile(path.join(dir, 'tree/.discinfo'), '1\nDummy\nx86_64\n'); // new mtime, same content
    const two = await makeIsoImage({ tool: 'xorrisofs', output: path.join(dir, 'two.iso'), volid: 'R', graftPoints: graft, sourceDateEpoch: 1795305600 });
    expect(Buffer.compare(await readFile(one.path), await readFile(two.path))).toBe(0);
  });

  it('leaves no image behind when mkisofs fails', async () => {
    const { dir } = await tinyTree();
    const graft = path.join(dir, 'bad-graft');
    await writeFile(graft, 'missing=/does/not/exist\n');
    await expect(makeIsoImage({ tool: 'xorrisofs', output: path.join(dir, 'bad.iso'), volid: 'B', graftPoints: graft })).rejects.toThrow();
    expect((await readdir(dir)).filter((f) => f.startsWith('bad.iso'))).toEqual([]);
  });
});

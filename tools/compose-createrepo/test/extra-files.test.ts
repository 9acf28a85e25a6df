import { execa } from 'execa';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gatherDummyCompose, runCreaterepoCli } from './helpers.js';

// extra_files from a local file, a git repository made here, and a package of the compose.
let composeDir = '';

beforeAll(async () => {
  const git = await mkdtemp(path.join(tmpdir(), 'extra-git-'));
  await mkdir(path.join(git, 'docs'));
  await writeFile(path.join(git, 'docs/README'), 'read me\n');
  await writeFile(path.join(git, 'GPL'), 'license text\n');
  for (const argv of [['init', '-q', '-b', 'main'], ['add', '.'], ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'files']]) await execa('git', ['-C', git, ...argv]);
  const overrides = `extra_files = [
    ("^Server$", {
        "x86_64": [
            {"scm": "file", "file": "dummy-comps.xml", "target": "comps"},
            {"scm": "git", "repo": "${git}", "branch": "main", "file": "GPL"},
            {"scm": "git", "repo": "${git}", "branch": "main", "dir": "docs", "target": "doc"},
                    ],
        "src": [{"scm": "git", "repo": "${git}", "file": ["GPL"]}, {"scm": "rpm", "repo": "dummy-bash", "file": "dummy-bash.spec", "target": "specs"}],
    }),
]`;
  ({ composeDir } = await gatherDummyCompose(overrides));
  const r = await runCreaterepoCli(['--compose-dir', composeDir, '--quiet']);
  expect(r.exitCode, r.stderr).toBe(0);
}, 120_000);

describe('extra_files', () => {
  it('copies every source into the tree, under its target', async () => {
    const tree = path.join(composeDir, 'compose/Server/x86_64/os');
    expect(await readFile(path.join(tree, 'GPL'), 'utf8')).toBe('license text\n');
    expect(await readFile(path.join(tree, 'doc/README'), 'utf8')).toBe('read me\n');
    expect(await readFile(path.join(tree, 'comps/dummy-comps.xml'), 'utf8')).toContain('<comps>');
    expect(await readFile(path.join(composeDir, 'compose/Server/source/tree/GPL'), 'utf8')).toBe('license text\n');
  });

  it('records them in the tree extra_files.json and compose/metadata/extra_files.json', async () => {
    const tree = JSON.parse(await readFile(path.join(composeDir, 'compose/Server/x86_64/os/extra_files.json'), 'utf8')) as { header: { version: string }; data: { file: string; size: number; checksums: Record<string, string> }[] };
    expect(tree.header.version).toBe('1.0');
    const gpl = tree.data.find((entry) => entry.file === 'GPL');
    expect(gpl).toEqual({ file: 'GPL', size: 13, checksums: { md5: hash('md5', 'license text\n'), sha1: hash('sha1', 'license text\n'), sha256: hash('sha256', 'license text\n') } });
    expect(tree.data.map((entry) => entry.file)).toEqual(expect.arrayContaining(['comps/dummy-comps.xml', 'doc/README']));
    const all = JSON.parse(await readFile(path.join(composeDir, 'compose/metadata/extra_files.json'), 'utf8')) as { header: { type: string; version: string }; payload: { compose: { id: string }; extra_files: Record<string, Record<string, { file: string }[]>> } };
    expect(all.header).toEqual({ type: 'productmd.extra_files', version: '1.2' });
    expect(all.payload.extra_files['Server']?.['x86_64']?.map((entry) => entry.file)).toContain('Server/x86_64/os/GPL');
    expect(all.payload.extra_files['Server']?.['src']?.map((entry) => entry.file)).toEqual(['Server/source/tree/GPL', 'Server/source/tree/specs/dummy-bash.spec']);
  });

  it('extracts files from a package of the compose (scm rpm)', async () => {
    // the dummy binary packages have empty payloads; their source packages carry the spec
    const tree = path.join(composeDir, 'compose/Server/source/tree');
    const rpmFile = path.join(tree, 'Packages/d/dummy-bash-4.2.37-6.src.rpm');
    const archive = await execa('rpm2cpio', [rpmFile], { encoding: 'buffer', stripFinalNewline: false });
    const expected = await execa('cpio', ['-i', '--quiet', '--to-stdout', 'dummy-bash.spec'], { input: archive.stdout, encoding: 'buffer', stripFinalNewline: false });
    expect(await readFile(path.join(tree, 'specs/dummy-bash.spec'))).toEqual(Buffer.from(expected.stdout));
  });

  it('fails with exit 2 naming a missing file', async () => {
    const { composeDir: other } = await gatherDummyCompose('extra_files = [("^Server$", {"x86_64": [{"scm": "file", "file": "no-such-file"}]})]');
    const r = await runCreaterepoCli(['--compose-dir', other]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('no-such-file');
  }, 120_000);
});

function hash(type: string, text: string): string {
  return createHash(type).update(text).digest('hex');
}

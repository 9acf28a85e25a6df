import { execa } from 'execa';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRepo, commitTree, ensureRepo, isRepo, listTree, parseGVariantString, readCommitMetadata, resolveRev, setRef } from '../src/index.js';

// Against the real ostree CLI: a repository made, committed to, read back and checked.
describe('ostree repository helpers', () => {
  it('creates a repo once, commits a tree and reads ref, metadata and listing back', async () => {
    const scratch = await mkdtemp(path.join(tmpdir(), 'ostree-lib-'));
    const repo = path.join(scratch, 'repo');
    expect(await ensureRepo(repo)).toBe(true);
    expect(await ensureRepo(repo)).toBe(false);
    expect(isRepo(repo)).toBe(true);
    expect(await resolveRev(repo, 'test/ref')).toBeUndefined();

    const tree = path.join(scratch, 'tree');
    await mkdir(path.join(tree, 'usr/share'), { recursive: true });
    await writeFile(path.join(tree, 'usr/share/hello'), 'hi\n');
    await symlink('usr/lib', path.join(tree, 'lib'));
    const first = await commitTree({ repo, tree, ref: 'test/ref', subject: 'first', metadata: { version: "1.0 'quoted'" } });
    expect(await resolveRev(repo, 'test/ref')).toBe(first);
    expect(await readCommitMetadata(repo, first, 'version')).toBe("1.0 'quoted'");
    expect(await readCommitMetadata(repo, first, 'no.such.key')).toBeUndefined();
    const entries = await listTree(repo, 'test/ref');
    expect(entries).toContainEqual({ type: 'file', mode: 0o644, uid: 0, gid: 0, size: 3, path: '/usr/share/hello' });
    expect(entries).toContainEqual(expect.objectContaining({ type: 'symlink', path: '/lib', target: 'usr/lib' }));

    const orphan = await commitTree({ repo, tree, parent: first, subject: 'orphan', metadata: {} });
    expect(await resolveRev(repo, 'test/ref')).toBe(first);
    expect(String((await execa('ostree', ['rev-parse', `--repo=${repo}`, `${orphan}^`])).stdout)).toBe(first);
    await setRef(repo, 'test/ref', orphan);
    expect(await resolveRev(repo, 'test/ref')).toBe(orphan);
    expect(await checkRepo(repo)).toMatch(/no errors found/);
  }, 60_000);

  it('reads GVariant text strings', () => {
    expect(parseGVariantString("'1.0'")).toBe('1.0');
    expect(parseGVariantString('"it\'s"')).toBe("it's");
    expect(parseGVariantString("'a\\'b'")).toBe("a'b");
  });
});

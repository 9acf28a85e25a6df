// Gather options beyond the dummy product's own config: nodeps, the json source, prepopulate,
// check_deps and the link types, each observed in the manifests or on disk.
import { lstatSync, readlinkSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeConfigDir, preparePkgset, readPayload, runGatherCli } from './helpers.js';

type Reason = { kind: string; from?: string; of?: string };
type Manifest = { inputs: { prepopulate: string[]; packages: string[] }; packages: { file: string; category: string; path: string; source_path: string; reasons: Reason[] }[] };

async function gatherWith(overrides: string, files: Record<string, unknown> = {}): Promise<{ composeDir: string; exitCode: number; stderr: string }> {
  const configDir = await makeConfigDir(overrides);
  for (const [name, data] of Object.entries(files)) await writeFile(path.join(configDir, name), JSON.stringify(data));
  const { composeDir } = await preparePkgset('', configDir);
  const r = await runGatherCli(['--compose-dir', composeDir]);
  return { composeDir, exitCode: r.exitCode, stderr: r.stderr };
}

function manifestOf(composeDir: string, variant: string, arch: string): Manifest {
  return readPayload<Manifest>(path.join(composeDir, `work/${arch}/gather-${variant}.json`));
}

function filesOf(manifest: Manifest, category: string): string[] {
  return manifest.packages.filter((p) => p.category === category).map((p) => p.file);
}

describe('gather_method "nodeps"', () => {
  it('takes exactly the listed packages (every arch of the tree), no dependencies', async () => {
    const { composeDir, exitCode, stderr } = await gatherWith('gather_method = "nodeps"');
    expect(exitCode, stderr).toBe(0);
    const server = manifestOf(composeDir, 'Server', 'x86_64');
    // Server's comps groups list dummy-bash (core), dummy-elinks (text-internet), dummy-lvm2 (standard).
    expect(filesOf(server, 'binary')).toEqual([
      'dummy-bash-4.2.37-6.i686.rpm', 'dummy-bash-4.2.37-6.x86_64.rpm',
      'dummy-elinks-2.6-2.i686.rpm', 'dummy-elinks-2.6-2.x86_64.rpm',
      'dummy-lvm2-2.02.84-4.i686.rpm', 'dummy-lvm2-2.02.84-4.x86_64.rpm',
    ]);
    expect(filesOf(server, 'source')).toEqual(['dummy-bash-4.2.37-6.src.rpm', 'dummy-elinks-2.6-2.src.rpm', 'dummy-lvm2-2.02.84-4.src.rpm']);
    expect(filesOf(server, 'debug')).toContain('dummy-bash-debuginfo-4.2.37-6.x86_64.rpm');
    for (const pkg of server.packages) expect(pkg.reasons.map((r) => r.kind)).not.toContain('dependency');
    // dummy-glibc (bash's dependency with deps) is not there.
    expect(server.packages.some((p) => p.file.startsWith('dummy-glibc'))).toBe(false);
  }, 120_000);
});

describe('the json gather source (gather_source_mapping)', () => {
  it('adds the mapped packages to that variant.arch only', async () => {
    const mapping = { Server: { x86_64: { 'dummy-postfix': ['x86_64'] } } };
    const { composeDir, exitCode, stderr } = await gatherWith('gather_source_mapping = "mapping.json"\ngather_method = {"^.*$": {"comps": "deps", "json": "deps"}}', { 'mapping.json': mapping });
    expect(exitCode, stderr).toBe(0);
    const server = manifestOf(composeDir, 'Server', 'x86_64');
    const postfix = server.packages.find((p) => p.file === 'dummy-postfix-2.9.2-2.x86_64.rpm');
    expect(postfix?.reasons).toContainEqual({ kind: 'input', from: 'gather_source_mapping' });
    expect(filesOf(server, 'source')).toContain('dummy-postfix-2.9.2-2.src.rpm');
    expect(filesOf(manifestOf(composeDir, 'Server', 's390x'), 'binary').some((f) => f.startsWith('dummy-postfix'))).toBe(false);
    expect(filesOf(manifestOf(composeDir, 'Client', 'x86_64'), 'binary').some((f) => f.startsWith('dummy-postfix'))).toBe(false);
  }, 120_000);
});

describe('gather_prepopulate', () => {
  it('puts the prepopulated name.arch into the variant.arch', async () => {
    const prepopulate = { Server: { x86_64: { 'dummy-sendmail-8.14.5-12': ['dummy-sendmail.x86_64'] } } };
    const { composeDir, exitCode, stderr } = await gatherWith('gather_prepopulate = "prepopulate.json"', { 'prepopulate.json': prepopulate });
    expect(exitCode, stderr).toBe(0);
    const server = manifestOf(composeDir, 'Server', 'x86_64');
    expect(server.inputs.prepopulate).toEqual(['dummy-sendmail.x86_64']);
    const sendmail = server.packages.find((p) => p.file.startsWith('dummy-sendmail-') && p.category === 'binary');
    expect(sendmail?.file).toMatch(/\.x86_64\.rpm$/);
    expect(sendmail?.reasons.map((r) => r.kind)).toContain('prepopulate');
    expect(filesOf(manifestOf(composeDir, 'Client', 'x86_64'), 'binary').some((f) => f.startsWith('dummy-sendmail'))).toBe(false);
  }, 120_000);
});

describe('check_deps = True', () => {
  it('fails on an unresolvable dependency, naming the package and the requirement', async () => {
    // Filtering dummy-glibc-common out of Server leaves dummy-glibc's requirement unresolvable there.
    const { exitCode, stderr } = await gatherWith('check_deps = True\nfilter_packages = [("^Server$", {"*": ["dummy-glibc-common"]})]');
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(/Unresolved dependencies in package dummy-glibc\.x86_64 \(Server\.x86_64\): dummy-glibc-common = 2\.14-5/);
    expect(stderr).toMatch(/Unresolved dependencies detected in Server\./);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});

describe('link_type', () => {
  const bash = 'Server/x86_64/os/Packages/d/dummy-bash-4.2.37-6.x86_64.rpm';
  async function linked(linkType: string): Promise<{ file: string; source: string }> {
    const { composeDir, exitCode, stderr } = await gatherWith(`link_type = "${linkType}"`);
    expect(exitCode, stderr).toBe(0);
    const pkg = manifestOf(composeDir, 'Server', 'x86_64').packages.find((p) => p.path === bash);
    return { file: path.join(composeDir, 'compose', bash), source: pkg!.source_path };
  }

  it('hardlink: the same inode as the package-set file', async () => {
    const { file, source } = await linked('hardlink');
    expect(lstatSync(file).isFile()).toBe(true);
    expect(statSync(file).ino).toBe(statSync(source).ino);
  }, 120_000);

  it('copy: a regular file of its own with the same content', async () => {
    const { file, source } = await linked('copy');
    expect(lstatSync(file).isFile()).toBe(true);
    expect(statSync(file).ino).not.toBe(statSync(source).ino);
    expect(statSync(file).size).toBe(statSync(source).size);
  }, 120_000);

  it('symlink: a relative symlink to the package-set file', async () => {
    const { file, source } = await linked('symlink');
    expect(lstatSync(file).isSymbolicLink()).toBe(true);
    const target = readlinkSync(file);
    expect(path.isAbsolute(target)).toBe(false);
    expect(path.resolve(path.dirname(file), target)).toBe(path.resolve(source));
  }, 120_000);
});

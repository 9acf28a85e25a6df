import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ComposeError } from '@compose/errors';
import { formatCommand, isToolAvailable, requireTools, runTool } from '../src/index.js';

describe('runTool', () => {
  it('returns stdout of a real process', async () => {
    const result = await runTool(['sh', '-c', 'printf "%s" hello; echo warn >&2']);
    expect(result.stdout).toBe('hello');
    expect(result.stderr.trim()).toBe('warn');
    expect(result.exitCode).toBe(0);
  });

  it('reports a failing command with its stderr', async () => {
    const error = await runTool(['sh', '-c', 'echo "bad thing happened" >&2; exit 3']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ComposeError);
    expect((error as ComposeError).exitCode).toBe(1);
    expect((error as Error).message).toMatch(/exit code 3/);
    expect((error as Error).message).toMatch(/bad thing happened/);
  });

  it('names the Debian package of a missing tool', async () => {
    const error = await runTool(['createrepo_c_not_here']).catch((e: unknown) => e);
    expect((error as ComposeError).code).toBe('TOOL_MISSING');
    const missing = await requireTools(['xorrisofs-missing']).catch((e: unknown) => e);
    expect((missing as ComposeError).exitCode).toBe(2);
    const known = await runTool(['/nonexistent/implantisomd5']).catch((e: unknown) => e);
    expect((known as ComposeError).code).toBe('TOOL_MISSING');
  });

  it('stops a process when the signal aborts', async () => {
    const controller = new AbortController();
    const pending = runTool(['sleep', '30'], { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    await expect(pending).rejects.toThrow(/stopped/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('stops the whole process group, grandchildren included, when the signal aborts', async () => {
    const controller = new AbortController();
    const pidFile = path.join(await mkdtemp(path.join(tmpdir(), 'exec-group-')), 'grandchild.pid');
    // The grandchild ignores SIGTERM, so only the group SIGKILL after the leader exits stops it.
    const running = runTool(['sh', '-c', `(trap '' TERM; exec sleep 60) & echo $! > ${pidFile}; wait`], { signal: controller.signal, processGroup: true });
    await waitFor(async () => (await readFile(pidFile, 'utf8').catch(() => '')).trim() !== '');
    const grandchild = Number((await readFile(pidFile, 'utf8')).trim());
    expect(isAlive(grandchild)).toBe(true);
    controller.abort();
    const error = await running.catch((e: unknown) => e);
    expect((error as ComposeError).code).toBe('TOOL_CANCELED');
    await waitFor(async () => !isAlive(grandchild));
    expect(isAlive(grandchild)).toBe(false);
  });

  it('streams stderr lines', async () => {
    const lines: string[] = [];
    await runTool(['sh', '-c', 'echo one >&2; echo two >&2'], { onStderrLine: (l) => lines.push(l) });
    expect(lines).toEqual(['one', 'two']);
  });

  it('feeds stdin', async () => {
    const result = await runTool(['cat'], { input: 'abc' });
    expect(result.stdout).toBe('abc');
  });
});

describe('helpers', () => {
  it('quotes arguments for logs', () => {
    expect(formatCommand(['xorrisofs', '-V', 'DP-1.0 Server.x86_64', "it's"])).toBe(`xorrisofs -V 'DP-1.0 Server.x86_64' 'it'\\''s'`);
  });
  it('finds tools on PATH', async () => {
    expect(await isToolAvailable('sh')).toBe(true);
    expect(await isToolAvailable('definitely-not-a-tool')).toBe(false);
  });
});

describe('streamTool', () => {
  it('streams a filter process with piped stdin', async () => {
    const { Readable } = await import('node:stream');
    const { streamTool } = await import('../src/index.js');
    const proc = streamTool(['tr', 'a-z', 'A-Z'], { stdin: Readable.from(['hello ', 'world']) });
    let text = '';
    for await (const chunk of proc.stdout) text += String(chunk);
    await proc.done;
    expect(text).toBe('HELLO WORLD');
  });

  it('reports a failing filter with its stderr', async () => {
    const { streamTool } = await import('../src/index.js');
    const proc = streamTool(['sh', '-c', 'echo corrupt input >&2; exit 1']);
    proc.stdout.resume();
    await expect(proc.done).rejects.toThrow(/corrupt input/);
    const missing = streamTool(['zstd-not-installed']);
    missing.stdout?.resume();
    await expect(missing.done).rejects.toMatchObject({ code: 'TOOL_MISSING' });
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

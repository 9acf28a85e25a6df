import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { createLogger, printJson } from '../src/index.js';

function capture(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY });
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, read: () => text };
}

describe('logger', () => {
  it('writes plain lines when not a TTY and records warnings', () => {
    const out = capture(false);
    const sinkLines: string[] = [];
    const log = createLogger({ program: 'compose-x', stream: out.stream, sink: (l) => sinkLines.push(l) });
    log.info('hello');
    log.warn('careful');
    log.debug('hidden');
    expect(out.read()).toBe('compose-x: hello\ncompose-x: warning: careful\n');
    expect(log.warnings).toEqual(['careful']);
    expect(sinkLines).toHaveLength(3);
    expect(sinkLines[2]).toMatch(/\[DEBUG\] hidden$/);
  });

  it('colors on a TTY', () => {
    const out = capture(true);
    const saved = process.env['NO_COLOR'];
    delete process.env['NO_COLOR'];
    createLogger({ program: 'p', stream: out.stream }).error('boom');
    if (saved !== undefined) process.env['NO_COLOR'] = saved;
    expect(out.read()).toContain('\u001b[');
    expect(out.read()).toContain('error: boom');
  });

  it('quiet keeps warnings and errors only', () => {
    const out = capture(false);
    const log = createLogger({ program: 'p', stream: out.stream, quiet: true });
    log.info('no');
    log.progress(1, 2, 'isos');
    log.error('yes');
    expect(out.read()).toBe('p: error: yes\n');
  });

  it('prints progress as lines when piped', () => {
    const out = capture(false);
    const log = createLogger({ program: 'p', stream: out.stream });
    for (let i = 1; i <= 3; i++) log.progress(i, 3, 'trees');
    expect(out.read()).toBe('p: trees 1/3\np: trees 2/3\np: trees 3/3\n');
  });

  it('prints JSON summaries', () => {
    const out = capture(false);
    printJson({ ok: true }, out.stream);
    expect(JSON.parse(out.read())).toEqual({ ok: true });
  });
});

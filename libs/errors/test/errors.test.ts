import { describe, expect, it } from 'vitest';
import { describeError, FailedError, formatErrorLines, InputError, InputErrors, NotImplementedError } from '../src/index.js';

describe('errors', () => {
  it('formats located problems one line each, with hints', () => {
    const problems = new InputErrors([
      new InputError('UNKNOWN_OPTION', "unknown option 'relase_name'", {
        hint: "did you mean 'release_name'?",
        location: { file: 'a.conf', line: 3, col: 1 },
      }),
      new InputError('WRONG_TYPE', "'check_deps' must be a boolean", { location: { file: 'b.conf', line: 7 } }),
      new InputError('MISSING', "missing mandatory option 'release_short'", { location: { file: 'a.conf' } }),
    ]);
    expect(formatErrorLines(problems)).toEqual([
      "a.conf:3:1: unknown option 'relase_name' (did you mean 'release_name'?)",
      "b.conf:7: 'check_deps' must be a boolean",
      "a.conf: missing mandatory option 'release_short'",
    ]);
    expect(problems.exitCode).toBe(2);
  });

  it('maps kinds to exit codes', () => {
    expect(new InputError('X', 'x').exitCode).toBe(2);
    expect(new FailedError('X', 'x').exitCode).toBe(1);
    const missing = new NotImplementedError('koji pkgset source', 'use pkgset_source = "repos"');
    expect(missing.message).toBe('koji pkgset source is not implemented');
    expect(missing.exitCode).toBe(2);
  });

  it('describes errors for --json', () => {
    expect(describeError(new InputError('BAD', 'bad', { hint: 'fix' }))).toEqual({ code: 'BAD', message: 'bad', hint: 'fix' });
    expect(describeError(new Error('boom'))).toEqual({ code: 'INTERNAL', message: 'boom' });
  });
});

describe('location prefixes', () => {
  it('are left out when the message already names the file and there is no line', () => {
    const error = new InputError('X', '/r/a.rpm: not an RPM package', { location: { file: '/r/a.rpm' } });
    expect(formatErrorLines(error)).toEqual(['/r/a.rpm: not an RPM package']);
    const located = new InputError('X', 'bad value in /r/a.conf', { location: { file: '/r/a.conf', line: 2, col: 1 } });
    expect(formatErrorLines(located)).toEqual(['/r/a.conf:2:1: bad value in /r/a.conf']);
  });
});

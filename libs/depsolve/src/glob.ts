// fnmatch-style globs (`*`, `?`, `[...]`, `[!...]`) as hawkey's name__glob and Python's fnmatch use them.

const cache = new Map<string, RegExp>();

function translate(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*') out += '.*';
    else if (ch === '?') out += '.';
    else if (ch === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) out += '\\[';
      else {
        let body = pattern.slice(i + 1, close);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        out += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else out += ch.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return out;
}

export function globToRegExp(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (!re) {
    re = new RegExp(`^${translate(pattern)}$`, 's');
    cache.set(pattern, re);
  }
  return re;
}

export function isGlob(pattern: string): boolean {
  return /[*?[]/.test(pattern);
}

/** A compiled pattern: the literal text before its first wildcard, and the RegExp (none when literal). */
interface Matcher {
  prefix: string;
  re: RegExp | undefined;
}

const matchers = new Map<string, Matcher>();

function matcherOf(pattern: string): Matcher {
  let matcher = matchers.get(pattern);
  if (!matcher) {
    const wild = pattern.search(/[*?[]/);
    matcher = wild < 0 ? { prefix: pattern, re: undefined } : { prefix: pattern.slice(0, wild), re: globToRegExp(pattern) };
    matchers.set(pattern, matcher);
  }
  return matcher;
}

/** Name scans test many names against few patterns: a prefix check rejects most before the RegExp. */
export function matchesGlob(name: string, pattern: string): boolean {
  const { prefix, re } = matcherOf(pattern);
  if (!re) return name === pattern;
  return name.startsWith(prefix) && re.test(name);
}

export function matchesAnyGlob(name: string, patterns: readonly string[]): boolean {
  for (const pattern of patterns) if (matchesGlob(name, pattern)) return true;
  return false;
}

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

export function matchesGlob(name: string, pattern: string): boolean {
  return isGlob(pattern) ? globToRegExp(pattern).test(name) : name === pattern;
}

export function matchesAnyGlob(name: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => matchesGlob(name, pattern));
}

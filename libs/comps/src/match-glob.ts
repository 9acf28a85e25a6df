// Python's fnmatch, which Pungi uses for group globs and --keep-empty-group patterns:
// `*`, `?`, `[seq]`, `[!seq]`; everything else literal; the whole name must match.
const cache = new Map<string, RegExp>();

function translateGlob(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === '*') out += '.*';
    else if (c === '?') out += '.';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close === -1) {
        out += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, close);
      if (body.startsWith('!')) body = `^${body.slice(1)}`;
      out += `[${body.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else out += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${out}$`, 's');
}

export function matchesGlob(name: string, pattern: string): boolean {
  let re = cache.get(pattern);
  if (!re) {
    re = translateGlob(pattern);
    cache.set(pattern, re);
  }
  return re.test(name);
}

// rpm's version segment comparison (rpmio/rpmvercmp.c in rpm 4.x), reimplemented so that
// package ordering here agrees with rpm, dnf and createrepo_c byte for byte.

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

// rpm uses the C locale's isalpha/isdigit: anything outside ASCII is a separator.
function isAlpha(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isAlnum(code: number): boolean {
  return isDigit(code) || isAlpha(code);
}

const TILDE = 126;
const CARET = 94;
const END = -1;

function codeAt(text: string, index: number): number {
  return index < text.length ? text.charCodeAt(index) : END;
}

function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * Compare two version (or release) strings the way rpm does: -1, 0 or 1.
 * `~` sorts before anything (even the end of the string), `^` sorts after the end of the string
 * but before any further segment; digit runs compare numerically, letter runs by bytes, and a
 * digit run is always newer than a letter run.
 */
export function rpmvercmp(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  let i = 0;
  let j = 0;

  while (i < a.length || j < b.length) {
    while (i < a.length && !isAlnum(codeAt(a, i)) && codeAt(a, i) !== TILDE && codeAt(a, i) !== CARET) i++;
    while (j < b.length && !isAlnum(codeAt(b, j)) && codeAt(b, j) !== TILDE && codeAt(b, j) !== CARET) j++;
    const ca = codeAt(a, i);
    const cb = codeAt(b, j);

    if (ca === TILDE || cb === TILDE) {
      if (ca !== TILDE) return 1;
      if (cb !== TILDE) return -1;
      i++;
      j++;
      continue;
    }

    // A caret marks a post-release snapshot: newer than the bare version, older than the next segment.
    if (ca === CARET || cb === CARET) {
      if (ca === END) return -1;
      if (cb === END) return 1;
      if (ca !== CARET) return 1;
      if (cb !== CARET) return -1;
      i++;
      j++;
      continue;
    }

    if (ca === END || cb === END) break;

    const numeric = isDigit(ca);
    const inSegment = numeric ? isDigit : isAlpha;
    let endA = i;
    let endB = j;
    while (endA < a.length && inSegment(a.charCodeAt(endA))) endA++;
    while (endB < b.length && inSegment(b.charCodeAt(endB))) endB++;

    // Segments of different kinds: the numeric one wins.
    if (endB === j) return numeric ? 1 : -1;

    let segA = a.slice(i, endA);
    let segB = b.slice(j, endB);
    if (numeric) {
      segA = segA.replace(/^0+/, '');
      segB = segB.replace(/^0+/, '');
      if (segA.length !== segB.length) return segA.length > segB.length ? 1 : -1;
    }
    const result = compareStrings(segA, segB);
    if (result !== 0) return result as -1 | 1;

    i = endA;
    j = endB;
  }

  const restA = i < a.length;
  const restB = j < b.length;
  if (!restA && !restB) return 0;
  return restA ? 1 : -1;
}

/**
 * Pungi's variant and arch patterns are Python regular expressions applied with `re.match`:
 * anchored at the start only. JavaScript spells named groups differently, so translate the
 * Python-only syntax before compiling.
 */
export function compilePythonRegex(pattern: string): RegExp {
  const translated = pattern
    .replace(/\(\?P<([A-Za-z_]\w*)>/g, '(?<$1>')
    .replace(/\(\?P=([A-Za-z_]\w*)\)/g, '\\k<$1>')
    // Python's \Z is JavaScript's end-of-input without multiline.
    .replace(/\\Z/g, '$');
  return new RegExp(`^(?:${translated})`);
}

/** Whether `pattern` compiles; Pungi refuses configs with broken variant patterns. */
export function isValidPythonRegex(pattern: string): boolean {
  try {
    compilePythonRegex(pattern);
    return true;
  } catch {
    return false;
  }
}

/** Python's `re.match(pattern, text)` truthiness. */
export function matchesPythonRegex(pattern: string, text: string): boolean {
  return compilePythonRegex(pattern).test(text);
}

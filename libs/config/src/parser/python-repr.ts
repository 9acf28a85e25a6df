import type { Node } from './nodes.js';

/**
 * Python's str()/repr() of parsed values. `%s` and `%r` formatting must print containers,
 * floats and strings exactly as Python would, e.g. `"%s" % [1, 'a']` gives "[1, 'a']".
 */

/** Python's repr(float): shortest round-trip digits, exponent form outside 1e-4 <= |x| < 1e16. */
export function formatPythonFloat(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const sign = value < 0 ? '-' : '';
  const [mantissa = '', exponentText = '0'] = Math.abs(value).toExponential().split('e');
  const exponent = Number(exponentText);
  const digits = mantissa.replace('.', '');
  if (exponent < -4 || exponent >= 16) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const expSign = exponent < 0 ? '-' : '+';
    return `${sign}${digits[0] ?? ''}${fraction}e${expSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1) || '0';
  return `${sign}${whole}.${fraction}`;
}

function escapeCharacter(ch: string, quote: string): string {
  if (ch === '\\') return '\\\\';
  if (ch === quote) return `\\${quote}`;
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  if (ch === '\t') return '\\t';
  const code = ch.codePointAt(0) ?? 0;
  // Python prints C0/C1 controls and DEL as \x escapes; everything else is treated as printable.
  if (code < 0x20 || (code >= 0x7f && code <= 0xa0)) return `\\x${code.toString(16).padStart(2, '0')}`;
  return ch;
}

/** Python's repr(str): single quotes unless the text has ' and no ". */
export function reprPythonString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) out += escapeCharacter(ch, quote);
  return out + quote;
}

/** Python's ascii(): repr with every non-ASCII character escaped. */
export function asciiOf(repr: string): string {
  let out = '';
  for (const ch of repr) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) out += ch;
    else if (code <= 0xff) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return out;
}

export function reprPython(node: Node): string {
  switch (node.kind) {
    case 'str':
      return reprPythonString(node.value);
    case 'int':
      return BigInt(node.value).toString();
    case 'float':
      return formatPythonFloat(node.value);
    case 'bool':
      return node.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'list':
      return `[${node.items.map(reprPython).join(', ')}]`;
    case 'tuple':
      return node.items.length === 1
        ? `(${reprPython(node.items[0] as Node)},)`
        : `(${node.items.map(reprPython).join(', ')})`;
    case 'dict':
      return `{${node.entries.map((e) => `${reprPython(e.key)}: ${reprPython(e.value)}`).join(', ')}}`;
  }
}

export function strPython(node: Node): string {
  return node.kind === 'str' ? node.value : reprPython(node);
}

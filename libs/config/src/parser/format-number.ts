import type { Node } from './nodes.js';
import { pythonTypeName } from './nodes.js';

/** Flags, width and precision of one `%` conversion. */
export interface ConversionSpec {
  left: boolean;
  plus: boolean;
  space: boolean;
  alt: boolean;
  zero: boolean;
  width?: number | undefined;
  precision?: number | undefined;
}

/** Numeric `%` conversions (d i u x X o e E f F g G) with Python's type rules and padding. */
export function formatNumberConversion(conversion: string, arg: Node, spec: ConversionSpec,
  fail: (m: string) => Error): string {
  const value = numberOf(conversion, arg, fail);
  const integral = 'diuxXo'.includes(conversion);
  // Python's int has no negative zero, its float has.
  const negative = value < 0 || (!integral && Object.is(value, -0));
  const sign = negative ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
  if (!Number.isFinite(value)) {
    if (integral) throw fail(`cannot convert float ${Number.isNaN(value) ? 'NaN' : 'infinity'} to integer`);
    const word = Number.isNaN(value) ? 'nan' : 'inf';
    const text = (Number.isNaN(value) ? (spec.plus ? '+' : spec.space ? ' ' : '') : sign) + word;
    return pad(conversion === conversion.toUpperCase() ? text.toUpperCase() : text, '', spec, false);
  }
  const magnitude = Math.abs(value);
  let prefix = '';
  let body: string;
  if ('diu'.includes(conversion)) {
    body = integerDigits(magnitude, 10, spec.precision);
  } else if (conversion === 'x' || conversion === 'X' || conversion === 'o') {
    body = integerDigits(magnitude, conversion === 'o' ? 8 : 16, spec.precision);
    if (spec.alt) prefix = conversion === 'o' ? '0o' : '0x';
  } else if (conversion === 'f' || conversion === 'F') {
    body = toFixedHalfEven(magnitude, spec.precision ?? 6);
    if (spec.alt && !body.includes('.')) body += '.';
  } else if (conversion === 'e' || conversion === 'E') {
    body = exponentForm(magnitude, spec.precision ?? 6, spec.alt);
  } else {
    body = generalForm(magnitude, spec.precision, spec.alt);
  }
  if (conversion === conversion.toUpperCase()) {
    body = body.toUpperCase();
    prefix = prefix.toUpperCase();
  }
  return pad(sign + prefix, body, spec, true);
}

function numberOf(conversion: string, arg: Node, fail: (m: string) => Error): number {
  const integerOnly = 'xXo'.includes(conversion);
  if (arg.kind === 'bool') return arg.value ? 1 : 0;
  if (arg.kind === 'int') return arg.value;
  if (arg.kind === 'float' && !integerOnly) return 'diu'.includes(conversion) ? Math.trunc(arg.value) : arg.value;
  const type = pythonTypeName(arg);
  if (integerOnly) throw fail(`%${conversion} format: an integer is required, not ${type}`);
  if ('diu'.includes(conversion)) throw fail(`%${conversion} format: a real number is required, not ${type}`);
  throw fail(`must be real number, not ${type}`);
}

function integerDigits(magnitude: number, radix: number, precision: number | undefined): string {
  const digits = BigInt(Math.trunc(magnitude)).toString(radix);
  return precision === undefined ? digits : digits.padStart(precision, '0');
}

/** toExponential with Python's at-least-two-digit exponent. */
function exponentForm(magnitude: number, digits: number, alt: boolean): string {
  const [mantissa = '', exponent = '+0'] = magnitude.toExponential(digits).split('e');
  const expSign = exponent.startsWith('-') ? '-' : '+';
  const withPoint = alt && !mantissa.includes('.') ? `${mantissa}.` : mantissa;
  return `${withPoint}e${expSign}${exponent.replace(/^[-+]/, '').padStart(2, '0')}`;
}

function generalForm(magnitude: number, precision: number | undefined, alt: boolean): string {
  const significant = precision === undefined ? 6 : Math.max(precision, 1);
  const exponent = magnitude === 0 ? 0 : Number(magnitude.toExponential(significant - 1).split('e')[1]);
  const text = exponent >= -4 && exponent < significant
    ? toFixedHalfEven(magnitude, significant - 1 - exponent)
    : exponentForm(magnitude, significant - 1, alt);
  if (alt) return text.includes('.') ? text : text.replace(/(?=e|$)/, '.');
  // Python drops trailing fraction zeros (and a bare point) from %g output unless `#` is given.
  const [mantissa = '', exponentPart] = text.split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  return exponentPart === undefined ? trimmed : `${trimmed}e${exponentPart}`;
}

/**
 * toFixed on the exact binary value, except that JS rounds an exact tie up where Python
 * rounds it to even ('%.0f' % 2.5 is '2'); very large values get plain digits, not 1e+21.
 */
function toFixedHalfEven(magnitude: number, digits: number): string {
  if (magnitude >= 1e21) return BigInt(magnitude).toString() + (digits > 0 ? `.${'0'.repeat(digits)}` : '');
  const rounded = magnitude.toFixed(digits);
  if (digits + 30 > 100) return rounded;
  const exact = magnitude.toFixed(digits + 30);
  const cut = exact.length - 30;
  if (!/^50*$/.test(exact.slice(cut))) return rounded;
  const kept = exact.slice(0, cut).replace(/\.$/, '');
  const lastDigit = Number(kept.replace('.', '').slice(-1));
  return lastDigit % 2 === 0 ? kept : rounded;
}

function pad(prefix: string, body: string, spec: ConversionSpec, numeric: boolean): string {
  const width = spec.width ?? 0;
  const length = prefix.length + body.length;
  if (length >= width) return prefix + body;
  if (spec.left) return prefix + body + ' '.repeat(width - length);
  if (spec.zero && numeric) return prefix + '0'.repeat(width - length) + body;
  return ' '.repeat(width - length) + prefix + body;
}

// Serialises JavaScript values as XML-RPC (with the `nil` and `i8` extensions Koji's hub accepts).
import { InputError } from '@compose/errors';

/** A value XML-RPC can carry. Structs skip `undefined` members; everything else must be typed. */
export type XmlRpcValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Date
  | Uint8Array
  | XmlRpcValue[]
  | { [member: string]: XmlRpcValue | undefined };

const I4_MIN = -(2 ** 31);
const I4_MAX = 2 ** 31 - 1;

function escapeXmlText(text: string): string {
  // \r is written as a character reference because XML parsers normalise a raw CR to LF.
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** XML-RPC dateTime has no zone; we always write and read UTC so a round trip keeps the instant. */
export function formatIsoDateTime(date: Date): string {
  return (
    `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}

function rejectValue(what: string): never {
  throw new InputError('XMLRPC_UNENCODABLE', `cannot encode ${what} as XML-RPC`, {
    hint: 'XML-RPC carries finite numbers, strings, booleans, null, dates, bytes, arrays and plain objects',
  });
}

function encodeNumber(value: number): string {
  if (!Number.isFinite(value)) rejectValue(String(value));
  if (Number.isInteger(value)) {
    if (value >= I4_MIN && value <= I4_MAX) return `<int>${value}</int>`;
    // Koji's hub marshals and accepts 64-bit integers as <i8>; plain XML-RPC stops at 32 bits.
    if (Number.isSafeInteger(value)) return `<i8>${value}</i8>`;
  }
  return `<double>${String(value)}</double>`;
}

/** The `<value>` element for one value. */
export function encodeValue(value: XmlRpcValue | undefined): string {
  if (value === null || value === undefined) return '<value><nil/></value>';
  switch (typeof value) {
    case 'boolean':
      return `<value><boolean>${value ? 1 : 0}</boolean></value>`;
    case 'number':
      return `<value>${encodeNumber(value)}</value>`;
    case 'bigint':
      return value >= BigInt(I4_MIN) && value <= BigInt(I4_MAX)
        ? `<value><int>${value}</int></value>`
        : `<value><i8>${value}</i8></value>`;
    case 'string':
      return `<value><string>${escapeXmlText(value)}</string></value>`;
    case 'object':
      break;
    default:
      rejectValue(typeof value);
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) rejectValue('an invalid Date');
    return `<value><dateTime.iso8601>${formatIsoDateTime(value)}</dateTime.iso8601></value>`;
  }
  if (value instanceof Uint8Array) {
    return `<value><base64>${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')}</base64></value>`;
  }
  if (Array.isArray(value)) {
    return `<value><array><data>${value.map((item) => encodeValue(item)).join('')}</data></array></value>`;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) rejectValue(`an instance of ${value.constructor?.name ?? 'a class'}`);
  const members = Object.entries(value)
    .filter(([, member]) => member !== undefined)
    .map(([name, member]) => `<member><name>${escapeXmlText(name)}</name>${encodeValue(member)}</member>`);
  return `<value><struct>${members.join('')}</struct></value>`;
}

/** A complete `<methodCall>` document. */
export function encodeMethodCall(method: string, params: readonly (XmlRpcValue | undefined)[]): string {
  const encoded = params.map((param) => `<param>${encodeValue(param)}</param>`).join('');
  return `<?xml version="1.0"?>\n<methodCall><methodName>${escapeXmlText(method)}</methodName><params>${encoded}</params></methodCall>\n`;
}

// Reads XML-RPC documents (responses from a hub, or calls when we play the hub in tests).
import { FailedError, isComposeError } from '@compose/errors';
import { readXmlElements, type XmlElement } from '@compose/xml';
import type { XmlRpcValue } from './xmlrpc-encode.js';

export type XmlRpcResponse =
  | { kind: 'result'; value: XmlRpcValue }
  | { kind: 'fault'; faultCode: number; faultString: string; fault: XmlRpcValue };

export interface XmlRpcCall {
  method: string;
  params: XmlRpcValue[];
}

function rejectDocument(why: string): never {
  throw new FailedError('XMLRPC_MALFORMED', `malformed XML-RPC document: ${why}`);
}

function parseDocument(text: string, root: string): XmlElement {
  let element: XmlElement;
  try {
    element = readXmlElements(text, 'XML-RPC document');
  } catch (cause) {
    // A broken reply is the server's failure, not the user's input: re-raise as FailedError.
    if (isComposeError(cause)) rejectDocument(cause.message);
    throw cause;
  }
  if (element.name !== root) rejectDocument(`expected <${root}>, got <${element.name}>`);
  return element;
}

function childNamed(parent: XmlElement, name: string): XmlElement {
  const child = parent.children.find((c) => c.name === name);
  if (!child) rejectDocument(`<${parent.name}> has no <${name}>`);
  return child;
}

function decodeInteger(text: string, tag: string): number | bigint {
  const trimmed = text.trim();
  if (!/^[+-]?\d+$/.test(trimmed)) rejectDocument(`<${tag}> holds '${trimmed}', not an integer`);
  const asNumber = Number(trimmed);
  // i8 values beyond 2^53 would silently lose digits as numbers, so they come back as bigint.
  return Number.isSafeInteger(asNumber) ? asNumber : BigInt(trimmed);
}

/** Parses `YYYYMMDDTHH:MM:SS` (the spec's form) and the dashed ISO form, as UTC unless zoned. */
export function parseIsoDateTime(text: string): Date {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!m) rejectDocument(`'${text}' is not an ISO 8601 date-time`);
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${frac ?? ''}${zone ? zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : 'Z'}`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) rejectDocument(`'${text}' is not a valid date-time`);
  return date;
}

function decodeStruct(struct: XmlElement): { [member: string]: XmlRpcValue } {
  const result: { [member: string]: XmlRpcValue } = {};
  for (const member of struct.children) {
    if (member.name !== 'member') rejectDocument(`unexpected <${member.name}> in <struct>`);
    const name = childNamed(member, 'name').text;
    result[name] = decodeValue(childNamed(member, 'value'));
  }
  return result;
}

/** Decodes one `<value>` element. A value without a type element is a string, as the spec says. */
export function decodeValue(value: XmlElement): XmlRpcValue {
  const typed = value.children[0];
  if (!typed) return value.text;
  if (value.children.length > 1) rejectDocument('<value> holds more than one element');
  // Apache's extension namespace (ex:nil, ex:i8) is what some Java servers send.
  const tag = typed.name.replace(/^ex:/, '');
  switch (tag) {
    case 'int':
    case 'i4':
    case 'i8':
      return decodeInteger(typed.text, typed.name);
    case 'boolean': {
      const text = typed.text.trim();
      if (text !== '0' && text !== '1') rejectDocument(`<boolean> holds '${text}'`);
      return text === '1';
    }
    case 'string':
      return typed.text;
    case 'double': {
      const number = Number(typed.text.trim());
      if (typed.text.trim() === '' || Number.isNaN(number)) rejectDocument(`<double> holds '${typed.text}'`);
      return number;
    }
    case 'dateTime.iso8601':
      return parseIsoDateTime(typed.text);
    case 'base64':
      return new Uint8Array(Buffer.from(typed.text.replace(/\s+/g, ''), 'base64'));
    case 'nil':
      return null;
    case 'array':
      return childNamed(typed, 'data').children.map((item) => {
        if (item.name !== 'value') rejectDocument(`unexpected <${item.name}> in <array>`);
        return decodeValue(item);
      });
    case 'struct':
      return decodeStruct(typed);
    default:
      return rejectDocument(`unknown value type <${typed.name}>`);
  }
}

/** Decodes a `<methodResponse>`: one result value, or a fault with its code and string. */
export function decodeMethodResponse(text: string): XmlRpcResponse {
  const root = parseDocument(text, 'methodResponse');
  const fault = root.children.find((c) => c.name === 'fault');
  if (fault) {
    const value = decodeValue(childNamed(fault, 'value'));
    const struct = value as { faultCode?: unknown; faultString?: unknown } | null;
    if (!struct || typeof struct !== 'object' || typeof struct.faultCode !== 'number') {
      rejectDocument('<fault> without an integer faultCode');
    }
    return { kind: 'fault', faultCode: struct.faultCode, faultString: String(struct.faultString ?? ''), fault: value };
  }
  const params = childNamed(root, 'params').children.filter((c) => c.name === 'param');
  if (params.length !== 1) rejectDocument(`a response carries exactly one <param>, got ${params.length}`);
  return { kind: 'result', value: decodeValue(childNamed(params[0]!, 'value')) };
}

/** Decodes a `<methodCall>`; the library only needs this to play a hub in tests. */
export function decodeMethodCall(text: string): XmlRpcCall {
  const root = parseDocument(text, 'methodCall');
  const method = childNamed(root, 'methodName').text.trim();
  const paramsElement = root.children.find((c) => c.name === 'params');
  const params = (paramsElement?.children ?? [])
    .filter((c) => c.name === 'param')
    .map((param) => decodeValue(childNamed(param, 'value')));
  return { method, params };
}

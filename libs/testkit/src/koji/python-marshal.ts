// Writes XML-RPC replies the way Python's xmlrpc.client marshaller (Koji's hub) lays them out:
// one element per line, <nil/> for None, <i8> past 32 bits. Written apart from the library's
// encoder so the client is checked against Koji's format, not against itself.

export type PyValue = null | boolean | number | string | PyValue[] | { [k: string]: PyValue } | { double: number };

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Marks a Python float that happens to be integral (Koji's event ts). */
export function pyFloat(value: number): { double: number } {
  return { double: value };
}

function dumpValue(value: PyValue, out: string[]): void {
  if (value === null) out.push('<value><nil/></value>');
  else if (typeof value === 'boolean') out.push(`<value><boolean>${value ? 1 : 0}</boolean></value>`);
  else if (typeof value === 'number') {
    if (!Number.isInteger(value)) out.push(`<value><double>${value}</double></value>`);
    else if (Math.abs(value) > 2147483647) out.push(`<value><i8>${value}</i8></value>`);
    else out.push(`<value><int>${value}</int></value>`);
  } else if (typeof value === 'string') out.push(`<value><string>${escape(value)}</string></value>`);
  else if (Array.isArray(value)) {
    out.push('<value><array><data>');
    for (const item of value) dumpValue(item, out);
    out.push('</data></array></value>');
  } else if ('double' in value && Object.keys(value).length === 1 && typeof value.double === 'number') {
    out.push(`<value><double>${value.double.toFixed(1)}</double></value>`);
  } else {
    out.push('<value><struct>');
    for (const [name, member] of Object.entries(value)) {
      out.push('<member>', `<name>${escape(name)}</name>`);
      dumpValue(member as PyValue, out);
      out.push('</member>');
    }
    out.push('</struct></value>');
  }
}

export function dumpPythonResponse(value: PyValue): string {
  const out = ["<?xml version='1.0'?>", '<methodResponse>', '<params>', '<param>'];
  dumpValue(value, out);
  out.push('</param>', '</params>', '</methodResponse>');
  return out.join('\n') + '\n';
}

export function dumpPythonFault(faultCode: number, faultString: string): string {
  const out = ["<?xml version='1.0'?>", '<methodResponse>', '<fault>'];
  dumpValue({ faultCode, faultString }, out);
  out.push('</fault>', '</methodResponse>');
  return out.join('\n') + '\n';
}

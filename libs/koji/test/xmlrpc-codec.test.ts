import { describe, expect, it } from 'vitest';
import { FailedError, InputError } from '@compose/errors';
import {
  decodeMethodCall,
  decodeMethodResponse,
  encodeMethodCall,
  encodeValue,
  type XmlRpcValue,
} from '@compose/koji';
import { dumpPythonFault } from '@compose/testkit';

function roundTrip(value: XmlRpcValue): XmlRpcValue {
  const doc = `<?xml version="1.0"?><methodResponse><params><param>${encodeValue(value)}</param></params></methodResponse>`;
  const response = decodeMethodResponse(doc);
  if (response.kind !== 'result') throw new Error('unexpected fault');
  return response.value;
}

describe('XML-RPC round trips', () => {
  const cases: [string, XmlRpcValue, string][] = [
    ['int', 42, '<int>42</int>'],
    ['negative int', -2147483648, '<int>-2147483648</int>'],
    ['i8 past 32 bits', 2 ** 40 + 3, '<i8>1099511627779</i8>'],
    ['bigint past 2^53', 2n ** 62n + 1n, '<i8>4611686018427387905</i8>'],
    ['boolean true', true, '<boolean>1</boolean>'],
    ['boolean false', false, '<boolean>0</boolean>'],
    ['string with markup', 'a <b> & "c"\r\n\ttab', '<string>a &lt;b&gt; &amp; "c"&#13;\n\ttab</string>'],
    ['empty string', '', '<string></string>'],
    ['unicode string', 'Ünïcödé ✓ 𝄞', '<string>Ünïcödé ✓ 𝄞</string>'],
    ['double', 3.25, '<double>3.25</double>'],
    ['negative double', -0.5, '<double>-0.5</double>'],
    ['huge double', 1e300, '<double>1e+300</double>'],
    ['dateTime', new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), '<dateTime.iso8601>20240102T03:04:05</dateTime.iso8601>'],
    ['base64', new Uint8Array([0, 1, 2, 250, 255]), '<base64>AAEC+v8=</base64>'],
    ['nil', null, '<nil/>'],
    ['empty array', [], '<array><data></data></array>'],
    ['empty struct', {}, '<struct></struct>'],
  ];
  it.each(cases)('%s encodes as Koji expects and decodes back', (_name, value, element) => {
    expect(encodeValue(value)).toBe(`<value>${element}</value>`);
    expect(roundTrip(value)).toEqual(value);
  });

  it('keeps nested arrays and structs, skipping undefined struct members', () => {
    const value = { id: 1, tags: ['a', null, { deep: [true, 2.5, new Uint8Array([9])] }], gone: undefined, 'a&b': 'x' };
    expect(roundTrip(value)).toEqual({ id: 1, tags: ['a', null, { deep: [true, 2.5, new Uint8Array([9])] }], 'a&b': 'x' });
  });

  it('round-trips every byte value through base64', () => {
    const bytes = new Uint8Array(256).map((_, i) => i);
    expect(roundTrip(bytes)).toEqual(bytes);
  });

  it('writes a methodCall with every parameter in order', () => {
    expect(encodeMethodCall('getTag', ['f40', { event: 5, __starstar: true }])).toBe(
      '<?xml version="1.0"?>\n<methodCall><methodName>getTag</methodName><params>' +
        '<param><value><string>f40</string></value></param>' +
        '<param><value><struct><member><name>event</name><value><int>5</int></value></member>' +
        '<member><name>__starstar</name><value><boolean>1</boolean></value></member></struct></value></param>' +
        '</params></methodCall>\n',
    );
    expect(decodeMethodCall(encodeMethodCall('m', [1, 'two', [3]]))).toEqual({ method: 'm', params: [1, 'two', [3]] });
  });

  it('refuses values XML-RPC cannot carry', () => {
    expect(() => encodeValue(Number.NaN)).toThrow(InputError);
    expect(() => encodeValue(Infinity)).toThrow(/Infinity/);
    expect(() => encodeValue(new Map() as unknown as XmlRpcValue)).toThrow(/Map/);
    expect(() => encodeValue((() => 1) as unknown as XmlRpcValue)).toThrow(/function/);
  });
});

describe('decoding what servers actually send', () => {
  it('reads Python-formatted replies with untyped strings, i4, ex: extensions and wrapped base64', () => {
    const doc = `<?xml version='1.0'?>
<methodResponse>
<params>
<param>
<value><array><data>
<value>plain text</value>
<value><i4>7</i4></value>
<value><ex:nil xmlns:ex="http://ws.apache.org/xmlrpc/namespaces/extensions"/></value>
<value><ex:i8 xmlns:ex="http://ws.apache.org/xmlrpc/namespaces/extensions">8589934592</ex:i8></value>
<value><dateTime.iso8601>2024-01-02T03:04:05Z</dateTime.iso8601></value>
<value><base64>
aGVs
bG8=
</base64></value>
<value><string><![CDATA[<raw>]]></string></value>
<value><string>&#65;&#x42;&amp;lt;</string></value>
</data></array></value>
</param>
</params>
</methodResponse>
`;
    expect(decodeMethodResponse(doc)).toEqual({
      kind: 'result',
      value: ['plain text', 7, null, 8589934592, new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), new Uint8Array(Buffer.from('hello')), '<raw>', 'AB&lt;'],
    });
  });

  it('reads a fault with its code and string', () => {
    const response = decodeMethodResponse(dumpPythonFault(1000, "No such tagInfo: 'x'"));
    expect(response).toMatchObject({ kind: 'fault', faultCode: 1000, faultString: "No such tagInfo: 'x'" });
  });

  it.each([
    ['not XML', '<html><body>Bad Gateway'],
    ['wrong root', '<?xml version="1.0"?><methodCall><methodName>x</methodName></methodCall>'],
    ['unknown type', '<methodResponse><params><param><value><float>1</float></value></param></params></methodResponse>'],
    ['bad int', '<methodResponse><params><param><value><int>1.5</int></value></param></params></methodResponse>'],
    ['bad boolean', '<methodResponse><params><param><value><boolean>yes</boolean></value></param></params></methodResponse>'],
    ['two params', '<methodResponse><params><param><value>a</value></param><param><value>b</value></param></params></methodResponse>'],
    ['fault without code', '<methodResponse><fault><value><struct></struct></value></fault></methodResponse>'],
  ])('rejects %s as a FailedError', (_name, doc) => {
    expect(() => decodeMethodResponse(doc)).toThrow(FailedError);
  });
});

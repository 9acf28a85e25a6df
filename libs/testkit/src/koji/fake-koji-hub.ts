// A Koji-shaped XML-RPC hub on 127.0.0.1 (port 0) for tests: real HTTP, Python-style replies.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeMethodCall, type XmlRpcValue } from '@compose/koji';
import { checkKwargs, HubFault, makeMethods } from './fake-koji-methods.js';
import { dumpPythonFault, dumpPythonResponse, type PyValue } from './python-marshal.js';
import { makeFakeKoji, type FakeKoji } from './fake-koji-data.js';

/** What a test can make the hub do instead of answering: an HTTP error, a stall, or a fault. */
export type Interception =
  | { status: number; body: string }
  | { stallMs: number }
  | { fault: [number, string] };

export interface RecordedCall {
  method: string;
  args: XmlRpcValue[];
  opts: Record<string, XmlRpcValue>;
}

export interface FakeKojiHub {
  url: string;
  koji: FakeKoji;
  /** Every method run, multicall entries included, in order. */
  calls: RecordedCall[];
  /** Raw request bodies, one per HTTP request. */
  bodies: string[];
  /** Called per HTTP request with the outer method and how often it has been requested (1-based). */
  intercept: ((method: string, nth: number) => Interception | undefined) | undefined;
  close(): Promise<void>;
}

function splitKwargs(params: XmlRpcValue[]): { args: XmlRpcValue[]; opts: Record<string, XmlRpcValue> } {
  const last = params[params.length - 1] as Record<string, XmlRpcValue> | undefined;
  if (last && typeof last === 'object' && !Array.isArray(last) && last.__starstar === true) {
    const { __starstar: _marker, ...opts } = last;
    return { args: params.slice(0, -1), opts };
  }
  return { args: params, opts: {} };
}

export async function startFakeKojiHub(koji: FakeKoji = makeFakeKoji()): Promise<FakeKojiHub> {
  const methods = makeMethods(koji);
  const requestCounts = new Map<string, number>();

  function dispatch(method: string, params: XmlRpcValue[]): PyValue {
    const impl = methods[method];
    if (!impl) throw new HubFault(1000, `Invalid method: ${method}`);
    const { args, opts } = splitKwargs(params);
    hub.calls.push({ method, args, opts });
    checkKwargs(method, opts);
    return impl(args, opts);
  }

  function multicall(calls: XmlRpcValue): PyValue {
    return (calls as { methodName: string; params: XmlRpcValue[] }[]).map((call) => {
      try {
        return [dispatch(call.methodName, call.params)];
      } catch (error) {
        if (!(error instanceof HubFault)) throw error;
        return { faultCode: error.faultCode, faultString: error.faultString, traceback: ['Traceback (most recent call last):\n'] };
      }
    });
  }

  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      hub.bodies.push(body);
      const call = decodeMethodCall(body);
      const nth = (requestCounts.get(call.method) ?? 0) + 1;
      requestCounts.set(call.method, nth);
      const interception = hub.intercept?.(call.method, nth);
      if (interception && 'stallMs' in interception) {
        // Answer eventually so no socket outlives the test, but long after the client gave up.
        setTimeout(() => res.end(dumpPythonResponse(null)), interception.stallMs).unref();
        return;
      }
      if (interception && 'status' in interception) {
        res.writeHead(interception.status, { 'Content-Type': 'text/html' }).end(interception.body);
        return;
      }
      let reply: string;
      try {
        if (interception && 'fault' in interception) throw new HubFault(...interception.fault);
        const value = call.method === 'system.multicall' || call.method === 'multiCall'
          ? multicall(call.params[0] ?? [])
          : dispatch(call.method, call.params);
        reply = dumpPythonResponse(value);
      } catch (error) {
        if (!(error instanceof HubFault)) throw error;
        reply = dumpPythonFault(error.faultCode, error.faultString);
      }
      res.writeHead(200, { 'Content-Type': 'text/xml' }).end(reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const hub: FakeKojiHub = {
    url: `http://127.0.0.1:${port}/kojihub`,
    koji,
    calls: [],
    bodies: [],
    intercept: undefined,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return hub;
}

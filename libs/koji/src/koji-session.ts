// An anonymous Koji hub session: plain XML-RPC calls, Koji's keyword arguments, and multicall.
import { FailedError, InputError } from '@compose/errors';
import { KojiFault, SERVER_OFFLINE_FAULT } from './koji-fault.js';
import { postXmlRpc, type TransportOptions } from './koji-transport.js';
import { decodeMethodResponse } from './xmlrpc-decode.js';
import { encodeMethodCall, type XmlRpcValue } from './xmlrpc-encode.js';

export interface KojiSessionOptions {
  /** Deadline for one HTTP attempt; default 300000 (large tags give multi-megabyte replies). */
  timeoutMs?: number;
  /** Extra attempts on timeouts, refused connections, HTTP 5xx and ServerOffline faults; default 3. */
  retries?: number;
  /** Wait before retry N is N * retryDelayMs; default 2000. */
  retryDelayMs?: number;
}

export type KojiArg = XmlRpcValue | undefined;

/** One call inside a multicall. */
export interface KojiCall {
  method: string;
  args: readonly KojiArg[];
}

export type MultiCallResult = { ok: true; value: XmlRpcValue } | { ok: false; error: KojiFault };

export interface KojiSession {
  readonly hubUrl: string;
  /** Calls one hub method; the result type is the caller's claim, not checked here. */
  call<T = XmlRpcValue>(method: string, ...args: KojiArg[]): Promise<T>;
  /** Runs several calls in one request; each result is its value or its own fault. */
  multiCall(calls: readonly KojiCall[]): Promise<MultiCallResult[]>;
}

const KWARGS_MARKER = '__starstar';

/**
 * Koji's hub reads a trailing struct with `__starstar: true` as Python keyword arguments
 * (koji.encode_args / decode_args). Undefined options are left out so the hub's defaults apply.
 */
export function kojiKwargs(options: Record<string, KojiArg>): { [member: string]: XmlRpcValue } {
  const struct: { [member: string]: XmlRpcValue } = {};
  for (const [name, value] of Object.entries(options)) if (value !== undefined) struct[name] = value;
  struct[KWARGS_MARKER] = true;
  return struct;
}

function checkHubUrl(hubUrl: string): string {
  let url: URL;
  try {
    url = new URL(hubUrl);
  } catch {
    throw new InputError('KOJI_BAD_HUB_URL', `'${hubUrl}' is not a URL`, {
      hint: 'give the hub XML-RPC endpoint, e.g. https://koji.fedoraproject.org/kojihub',
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError('KOJI_BAD_HUB_URL', `Koji hub URL '${hubUrl}' must be http or https`);
  }
  return hubUrl;
}

function readMultiCallItem(item: XmlRpcValue, call: KojiCall, hubUrl: string): MultiCallResult {
  if (Array.isArray(item) && item.length === 1) return { ok: true, value: item[0] as XmlRpcValue };
  const fault = item as { faultCode?: unknown; faultString?: unknown } | null;
  if (fault && typeof fault === 'object' && typeof fault.faultCode === 'number') {
    return { ok: false, error: new KojiFault(call.method, fault.faultCode, String(fault.faultString ?? ''), hubUrl) };
  }
  throw new FailedError('KOJI_BAD_RESPONSE', `Koji hub ${hubUrl} sent a malformed multicall result for ${call.method}`);
}

export function createKojiSession(hubUrl: string, options: KojiSessionOptions = {}): KojiSession {
  const url = checkHubUrl(hubUrl);
  const transport: TransportOptions = {
    timeoutMs: options.timeoutMs ?? 300_000,
    retries: options.retries ?? 3,
    retryDelayMs: options.retryDelayMs ?? 2000,
  };

  async function invoke(method: string, args: readonly KojiArg[]): Promise<XmlRpcValue> {
    const body = encodeMethodCall(method, args);
    for (let attempt = 0; ; attempt++) {
      const text = await postXmlRpc(url, body, method, transport);
      let response;
      try {
        response = decodeMethodResponse(text);
      } catch (cause) {
        throw new FailedError('KOJI_BAD_RESPONSE', `Koji hub ${url} sent an unreadable reply to ${method}: ${(cause as Error).message}`, {
          hint: 'is the URL the XML-RPC endpoint (…/kojihub) and not the web UI?',
          cause,
        });
      }
      if (response.kind === 'result') return response.value;
      // A hub in maintenance answers every call with ServerOffline; it is worth waiting out.
      if (response.faultCode === SERVER_OFFLINE_FAULT && attempt < transport.retries) {
        await new Promise((resolve) => setTimeout(resolve, transport.retryDelayMs * (attempt + 1)));
        continue;
      }
      throw new KojiFault(method, response.faultCode, response.faultString, url);
    }
  }

  return {
    hubUrl: url,
    call: async <T>(method: string, ...args: KojiArg[]) => (await invoke(method, args)) as T,
    async multiCall(calls) {
      if (calls.length === 0) return [];
      const encoded = calls.map((c) => ({ methodName: c.method, params: c.args.map((a) => a ?? null) }));
      const results = await invoke('system.multicall', [encoded]);
      if (!Array.isArray(results) || results.length !== calls.length) {
        throw new FailedError('KOJI_BAD_RESPONSE', `Koji hub ${url} answered ${calls.length} multicall entries with ${Array.isArray(results) ? results.length : 'a non-list'}`);
      }
      return results.map((item, i) => readMultiCallItem(item, calls[i]!, url));
    },
  };
}

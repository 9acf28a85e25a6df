import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** Replaces the normal answer for one path; `attempt` counts requests to that path from 1. */
export type Override = (res: ServerResponse, body: Buffer | undefined, attempt: number) => boolean | void;

/**
 * A loopback static file server for the tests: serves directories under URL prefixes, records
 * every request path, tracks the peak number of concurrent requests, and lets a test replace the
 * answer for a path (corrupt bytes, 5xx, hang, redirect).
 */
export interface StaticServer {
  origin: string;
  requests: string[];
  peakConcurrency: number;
  mounts: Map<string, string>;
  overrides: Map<string, Override>;
  countRequests(pathname: string): number;
  close(): Promise<void>;
}

export async function startStaticServer(mounts: Record<string, string>): Promise<StaticServer> {
  let active = 0;
  const state: StaticServer = {
    origin: '',
    requests: [],
    peakConcurrency: 0,
    mounts: new Map(Object.entries(mounts)),
    overrides: new Map(),
    countRequests: (pathname) => state.requests.filter((p) => p === pathname).length,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((req, res) => {
    active += 1;
    state.peakConcurrency = Math.max(state.peakConcurrency, active);
    res.on('close', () => (active -= 1));
    void answer(state, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

async function answer(state: StaticServer, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  state.requests.push(pathname);
  // Small delay so concurrent downloads really overlap on a fast loopback.
  await new Promise((resolve) => setTimeout(resolve, 5));
  const body = await readMounted(state, pathname);
  const override = state.overrides.get(pathname);
  if (override && override(res, body, state.countRequests(pathname)) !== false) return;
  if (body === undefined) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'content-length': body.length }).end(body);
}

async function readMounted(state: StaticServer, pathname: string): Promise<Buffer | undefined> {
  for (const [prefix, dir] of state.mounts) {
    if (!pathname.startsWith(prefix)) continue;
    const file = path.resolve(dir, pathname.slice(prefix.length));
    if (!file.startsWith(path.resolve(dir) + path.sep)) return undefined;
    try {
      return await readFile(file);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

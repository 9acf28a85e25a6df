import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FailedError, InputError } from '@compose/errors';
import { createKojiSession, KojiFault, kojiKwargs, type KojiSession } from '@compose/koji';
import { startFakeKojiHub, type FakeKojiHub } from '@compose/testkit';

let hub: FakeKojiHub;
let session: KojiSession;

beforeEach(async () => {
  hub = await startFakeKojiHub();
  session = createKojiSession(hub.url, { timeoutMs: 2000, retries: 2, retryDelayMs: 1 });
});
afterEach(() => hub.close());

describe('createKojiSession call', () => {
  it('calls a method and decodes the Python-marshalled reply', async () => {
    expect(await session.call('getLastEvent')).toEqual({ id: 300, ts: 1700200000 });
    expect(await session.call('getTag', 'no-such-tag')).toBeNull();
  });

  it("sends keyword arguments as Koji's trailing __starstar struct", async () => {
    const [rpms] = await session.call<[unknown[], unknown[]]>('listTaggedRPMS', 'dist-f40', kojiKwargs({ event: 100, latest: true, arch: undefined }));
    expect(rpms).toHaveLength(6);
    expect(hub.calls.at(-1)).toEqual({ method: 'listTaggedRPMS', args: ['dist-f40'], opts: { event: 100, latest: true } });
    expect(hub.bodies.at(-1)).toContain('<member><name>__starstar</name><value><boolean>1</boolean></value></member>');
  });

  it('turns a fault into a KojiFault carrying code, name and fault string', async () => {
    const error = await session.call('listTaggedRPMS', 'nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KojiFault);
    expect(error).toBeInstanceOf(FailedError);
    expect(error).toMatchObject({ faultCode: 1000, faultName: 'GenericError', faultString: "No such tagInfo: 'nope'", exitCode: 1 });
    expect((error as Error).message).toContain(hub.url);
    const bad = await session.call('getTag', 'x', kojiKwargs({ bogus: 1 })).catch((e: unknown) => e);
    expect(bad).toMatchObject({ faultCode: 1019, faultName: 'ParameterError' });
  });

  it('waits out a ServerOffline fault', async () => {
    hub.intercept = (method, nth) => (method === 'getLastEvent' && nth === 1 ? { fault: [1014, 'server is offline'] } : undefined);
    expect(await session.call('getLastEvent')).toMatchObject({ id: 300 });
    expect(hub.bodies).toHaveLength(2);
  });

  it('rejects a URL that is not http(s) as bad input', () => {
    expect(() => createKojiSession('koji.example.org')).toThrow(InputError);
    expect(() => createKojiSession('ftp://koji.example.org/kojihub')).toThrow(/http or https/);
  });
});

describe('createKojiSession multiCall', () => {
  it('returns each result or its own fault, in order', async () => {
    const results = await session.multiCall([
      { method: 'getBuild', args: ['bash-5.2.26-3.fc40'] },
      { method: 'getTag', args: ['missing'] },
      { method: 'getFullInheritance', args: ['missing'] },
      { method: 'queryRPMSigs', args: [kojiKwargs({ rpm_id: 3002 })] },
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true, false, true]);
    expect(results[0]).toMatchObject({ ok: true, value: { id: 2, nvr: 'bash-5.2.26-3.fc40', epoch: null } });
    expect(results[1]).toEqual({ ok: true, value: null });
    const fault = results[2];
    expect(fault?.ok === false && fault.error.faultString).toBe("No such tagInfo: 'missing'");
    expect(results[3]).toMatchObject({ ok: true, value: [{ sigkey: '' }, { sigkey: 'a15b79cc' }, { sigkey: 'deadbeef' }] });
    expect(hub.bodies).toHaveLength(1);
    expect(await session.multiCall([])).toEqual([]);
  });
});

describe('transport failures', () => {
  it('retries HTTP 5xx and then reports the status', async () => {
    hub.intercept = () => ({ status: 502, body: '<html>Proxy Error</html>' });
    const error = await session.call('getLastEvent').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FailedError);
    expect(error).toMatchObject({ code: 'KOJI_HTTP_ERROR' });
    expect((error as Error).message).toMatch(/HTTP 502.*Proxy Error.*3 attempts/);
    expect(hub.bodies).toHaveLength(3);
  });

  it('recovers when a retry succeeds', async () => {
    hub.intercept = (_m, nth) => (nth === 1 ? { status: 503, body: 'busy' } : undefined);
    expect(await session.call('getLastEvent')).toMatchObject({ id: 300 });
  });

  it('does not retry a 404 and hints at the hub URL', async () => {
    hub.intercept = () => ({ status: 404, body: 'Not Found' });
    const error = await session.call('getLastEvent').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'KOJI_HTTP_ERROR', hint: expect.stringContaining('kojihub') });
    expect(hub.bodies).toHaveLength(1);
  });

  it('gives up on a hub that does not answer in time', async () => {
    const slow = createKojiSession(hub.url, { timeoutMs: 150, retries: 1, retryDelayMs: 1 });
    hub.intercept = () => ({ stallMs: 3000 });
    const started = Date.now();
    const error = await slow.call('getLastEvent').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'KOJI_TIMEOUT' });
    expect((error as Error).message).toMatch(/within 150 ms.*2 attempts/);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('reports a refused connection', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await createKojiSession(`http://127.0.0.1:${port}/kojihub`, { retries: 1, retryDelayMs: 1 })
      .call('getLastEvent')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'KOJI_UNREACHABLE' });
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });

  it('reports a reply that is not XML-RPC', async () => {
    hub.intercept = () => ({ status: 200, body: '<html><body>Koji web UI</body></html>' });
    const error = await session.call('getLastEvent').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'KOJI_BAD_RESPONSE', hint: expect.stringContaining('kojihub') });
  });
});

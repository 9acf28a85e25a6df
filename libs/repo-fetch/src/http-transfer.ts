import { setTimeout as sleep } from 'node:timers/promises';
import { InputError } from '@compose/errors';
import { displayUrl } from './repo-url.js';

/** Network behaviour shared by every download. */
export interface TransferOptions {
  signal?: AbortSignal;
  /** Give up on a request when no bytes arrive for this long (default 60 s). */
  idleTimeoutMs?: number;
  /** Extra attempts after a network error or 5xx (default 3). */
  retries?: number;
  /** Wait before the first retry; doubles with each further one (default 1 s). */
  retryDelayMs?: number;
}

export interface TransferRequest {
  url: URL;
  /** The repo the file belongs to, named in "unreachable" messages. */
  repo: URL;
  /** Builds the error for a 404, which means different things for repomd.xml and for a package. */
  describeNotFound: (url: URL) => InputError;
}

/** A failure worth another attempt; turned into an InputError once attempts run out. */
class RetryableFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

const DEFAULT_IDLE_TIMEOUT_MS = 60_000;
const DEFAULT_RETRIES = 3;
const DEFAULT_RETRY_DELAY_MS = 1_000;

/**
 * GETs `request.url` (redirects followed) and hands the body to `consume` as a stream of chunks.
 * A network error, idle timeout or 5xx reruns the whole attempt, so `consume` must start from
 * scratch each time it is called (truncate its temp file, reset its hash).
 */
export async function transferBody<T>(
  request: TransferRequest,
  options: TransferOptions,
  consume: (chunks: AsyncIterable<Uint8Array>) => Promise<T>,
): Promise<T> {
  const retries = options.retries ?? DEFAULT_RETRIES;
  const baseDelay = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return await attemptTransfer(request, options, consume);
    } catch (error) {
      if (!(error instanceof RetryableFailure)) throw error;
      if (attempt >= retries) {
        throw new InputError(error.code, error.message, { hint: error.hint, cause: error });
      }
      await sleep(baseDelay * 2 ** attempt, undefined, { signal: options.signal });
    }
  }
}

async function attemptTransfer<T>(
  request: TransferRequest,
  options: TransferOptions,
  consume: (chunks: AsyncIterable<Uint8Array>) => Promise<T>,
): Promise<T> {
  const idleMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const idle = new AbortController();
  const timer = setTimeout(() => idle.abort(), idleMs);
  const signal = options.signal ? AbortSignal.any([options.signal, idle.signal]) : idle.signal;
  const explain = (error: unknown, phase: 'connect' | 'body'): unknown =>
    classifyNetworkError(error, request, options.signal, idle.signal, idleMs, phase);
  try {
    let response: Response;
    try {
      response = await fetch(request.url, { signal, redirect: 'follow' });
    } catch (error) {
      throw explain(error, 'connect');
    }
    timer.refresh();
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw describeHttpStatus(request, response);
    }
    const body = response.body;
    if (body === null) return await consume(emptyChunks());
    return await consume(readChunks(body, () => timer.refresh(), (error) => explain(error, 'body')));
  } finally {
    clearTimeout(timer);
  }
}

async function* readChunks(
  body: ReadableStream<Uint8Array>,
  onChunk: () => void,
  explain: (error: unknown) => unknown,
): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      let next: Awaited<ReturnType<typeof reader.read>>;
      try {
        next = await reader.read();
      } catch (error) {
        throw explain(error);
      }
      if (next.done) return;
      onChunk();
      yield next.value;
    }
  } finally {
    // Releases the socket when the consumer stops early (checksum mismatch, oversize body).
    await reader.cancel().catch(() => undefined);
  }
}

async function* emptyChunks(): AsyncGenerator<Uint8Array> {}

function describeHttpStatus(request: TransferRequest, response: Response): Error {
  const where = displayUrl(request.url);
  if (response.status === 404 || response.status === 410) return request.describeNotFound(request.url);
  const message = `${where} answered HTTP ${response.status} ${response.statusText}`.trimEnd();
  // 408 and 429 are the server asking us to come back later, like a 5xx.
  if (response.status >= 500 || response.status === 408 || response.status === 429) {
    return new RetryableFailure('REPO_HTTP_ERROR', message, 'the server failed; try again later');
  }
  return new InputError('REPO_HTTP_ERROR', message, { hint: 'check the repo URL and that it is readable without credentials' });
}

/**
 * Sorts a fetch failure into: the caller's own abort (passed through untouched so Ctrl-C is not
 * reported as a network problem), an idle timeout, or an unreachable host / broken connection.
 */
function classifyNetworkError(
  error: unknown,
  request: TransferRequest,
  userSignal: AbortSignal | undefined,
  idleSignal: AbortSignal,
  idleMs: number,
  phase: 'connect' | 'body',
): unknown {
  if (userSignal?.aborted) return userSignal.reason ?? error;
  const repo = displayUrl(request.repo);
  if (idleSignal.aborted) {
    return new RetryableFailure(
      'REPO_TIMEOUT',
      `repo ${repo} timed out: no data from ${displayUrl(request.url)} for ${idleMs / 1000} s`,
      'check the network or raise the timeout',
    );
  }
  const detail = describeCause(error);
  if (phase === 'connect') {
    return new RetryableFailure('REPO_UNREACHABLE', `repo ${repo} unreachable (${detail})`, 'check the URL, DNS and network access');
  }
  return new RetryableFailure('REPO_TRANSFER_FAILED', `download of ${displayUrl(request.url)} broke off (${detail})`, 'try again');
}

function describeCause(error: unknown): string {
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  const inner = (cause ?? error) as { code?: unknown; message?: unknown };
  if (typeof inner.code === 'string' && typeof inner.message === 'string') {
    return inner.message.includes(inner.code) ? inner.message : `${inner.code}: ${inner.message}`;
  }
  if (typeof inner.message === 'string') return inner.message;
  return String(error);
}

// One HTTP POST of an XML-RPC document, with a deadline and bounded retries on transient failures.
import { FailedError } from '@compose/errors';

export interface TransportOptions {
  /** Deadline for one attempt (connect, send, and read the whole reply). */
  timeoutMs: number;
  /** Extra attempts after the first on timeouts, refused connections and HTTP 5xx. */
  retries: number;
  /** Wait before retry N is N * retryDelayMs. */
  retryDelayMs: number;
}

/** A transient failure: another attempt may succeed. Anything else is reported at once. */
class RetryableError extends FailedError {}

function describeNetworkError(cause: unknown): string {
  const error = cause as { message?: string; cause?: { code?: string; message?: string } };
  return error.cause?.code ?? error.cause?.message ?? error.message ?? String(cause);
}

async function postOnce(hubUrl: string, body: string, method: string, timeoutMs: number): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let response: Response;
    try {
      response = await fetch(hubUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'text/xml', Accept: 'text/xml' },
        body,
        signal: controller.signal,
      });
    } catch (cause) {
      if (controller.signal.aborted) {
        throw new RetryableError('KOJI_TIMEOUT', `Koji hub ${hubUrl} did not answer ${method} within ${timeoutMs} ms`);
      }
      throw new RetryableError('KOJI_UNREACHABLE', `cannot reach Koji hub ${hubUrl} for ${method}: ${describeNetworkError(cause)}`, { cause });
    }
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      const why = controller.signal.aborted ? `no complete reply within ${timeoutMs} ms` : describeNetworkError(cause);
      throw new RetryableError('KOJI_TIMEOUT', `Koji hub ${hubUrl} broke off its reply to ${method}: ${why}`, { cause });
    }
    if (!response.ok) {
      const excerpt = text.slice(0, 200).replace(/\s+/g, ' ').trim();
      const message = `Koji hub ${hubUrl} answered ${method} with HTTP ${response.status} ${response.statusText}${excerpt ? `: ${excerpt}` : ''}`;
      if (response.status >= 500) throw new RetryableError('KOJI_HTTP_ERROR', message);
      throw new FailedError('KOJI_HTTP_ERROR', message, {
        hint: 'check the hub URL: it is the XML-RPC endpoint, e.g. https://koji.fedoraproject.org/kojihub',
      });
    }
    return text;
  } finally {
    clearTimeout(timer);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * POSTs `body` to the hub and returns the reply text. Every Koji call we make is a read, so
 * repeating one after a timeout or a 5xx cannot change anything on the hub.
 */
export async function postXmlRpc(hubUrl: string, body: string, method: string, options: TransportOptions): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await postOnce(hubUrl, body, method, options.timeoutMs);
    } catch (error) {
      if (!(error instanceof RetryableError)) throw error;
      if (attempt >= options.retries) {
        const tries = attempt + 1;
        throw new FailedError(error.code, `${error.message} (${tries} attempt${tries === 1 ? '' : 's'})`, {
          hint: 'check that the hub is up and reachable; raise the timeout or retries for a slow hub',
          cause: error,
        });
      }
      await sleep(options.retryDelayMs * (attempt + 1));
    }
  }
}

/**
 * Runs `work` over `items` with at most `concurrency` in flight. The first failure aborts the
 * signal handed to the others (so their downloads stop and clean up) and is the one rethrown,
 * after every worker has settled: no download keeps writing into the cache behind our back.
 */
export async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  signal: AbortSignal | undefined,
  work: (item: T, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const stop = new AbortController();
  const combined = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && !combined.aborted && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item, combined);
      } catch (error) {
        failure ??= { error };
        stop.abort();
      }
    }
  };
  const width = Math.max(1, Math.min(Math.floor(concurrency), items.length));
  await Promise.all(Array.from({ length: width }, () => worker()));
  if (failure !== undefined) throw failure.error;
  signal?.throwIfAborted();
}

/** What a download reports to its caller; `current` is the file last started or finished. */
export interface ProgressState {
  phase: 'repodata' | 'packages';
  doneBytes: number;
  totalBytes: number;
  doneFiles: number;
  totalFiles: number;
  current: string;
}

export type ProgressListener = (state: ProgressState) => void;

export interface ProgressTracker {
  startFile(name: string): void;
  addBytes(delta: number): void;
  /** `unplannedBytes` counts a file whose size the metadata did not give into the total. */
  finishFile(name: string, unplannedBytes?: number): void;
}

// Byte updates come per network chunk; a listener that redraws a terminal needs far fewer.
const BYTE_REPORT_INTERVAL_MS = 100;

/**
 * Keeps the running totals of one phase and tells the listener: always when a file starts or
 * finishes (so tests and logs see every file), at most every 100 ms for byte progress.
 */
export function createProgressTracker(
  phase: ProgressState['phase'],
  totals: { files: number; bytes: number },
  listener: ProgressListener | undefined,
): ProgressTracker {
  const state: ProgressState = { phase, doneBytes: 0, totalBytes: totals.bytes, doneFiles: 0, totalFiles: totals.files, current: '' };
  let lastReport = 0;
  const report = (): void => {
    lastReport = Date.now();
    listener?.({ ...state });
  };
  return {
    startFile(name) {
      state.current = name;
      report();
    },
    addBytes(delta) {
      state.doneBytes += delta;
      if (Date.now() - lastReport >= BYTE_REPORT_INTERVAL_MS) report();
    },
    finishFile(name, unplannedBytes = 0) {
      state.totalBytes += unplannedBytes;
      state.doneFiles += 1;
      state.current = name;
      report();
    },
  };
}

const MIN_BAR = 10;

/**
 * One terminal line, at most `width` characters: phase, bar, file count, bytes and the current
 * file. Detail is dropped from the right when the line would not fit, the bar never.
 */
export function renderProgressBar(state: ProgressState, width: number): string {
  const fraction = state.totalBytes > 0 ? state.doneBytes / state.totalBytes : state.totalFiles > 0 ? state.doneFiles / state.totalFiles : 1;
  const clamped = Math.min(1, Math.max(0, fraction));
  const head = `${state.phase} `;
  const details = [
    ` ${state.doneFiles}/${state.totalFiles} files`,
    ` ${formatBytes(state.doneBytes)}/${formatBytes(state.totalBytes)}`,
    ` ${Math.floor(clamped * 100)}%`,
  ];
  let tail = details.join('');
  while (tail !== '' && head.length + MIN_BAR + 2 + tail.length > width) {
    details.pop();
    tail = details.join('');
  }
  const room = width - head.length - 2 - tail.length;
  let current = '';
  if (state.current !== '' && room - MIN_BAR > 4) {
    current = ` ${shortenName(state.current, Math.min(40, room - MIN_BAR - 1))}`;
  }
  const barWidth = Math.max(1, room - current.length);
  const filled = Math.floor(clamped * barWidth);
  const bar = '#'.repeat(filled) + '-'.repeat(barWidth - filled);
  return `${head}[${bar}]${tail}${current}`.slice(0, Math.max(0, width));
}

function shortenName(name: string, max: number): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return base.length <= max ? base : `…${base.slice(base.length - max + 1)}`;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

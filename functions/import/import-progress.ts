import type { ImportProgress, ImportSummary } from './run-import';

/* What the operator sees: a live line on a terminal (rows, rate, ETA) and one summary line at the end. */

export function formatProgress(progress: ImportProgress): string {
  const { rows, bytesRead, totalBytes, elapsedMs, startBytes = 0, startRows = 0 } = progress;
  const seconds = elapsedMs / 1000;
  // A resumed run counts only its own part: what the previous run did took no time in this one.
  const rate = seconds > 0 ? (rows - startRows) / seconds : 0;
  const fraction = totalBytes > 0 ? Math.min(bytesRead / totalBytes, 1) : 0;
  const doneThisRun = totalBytes > startBytes ? (bytesRead - startBytes) / (totalBytes - startBytes) : 0;
  const eta = doneThisRun > 0 ? Math.max(seconds / doneThisRun - seconds, 0) : Number.NaN;
  const items =
    progress.itemsWritten === undefined
      ? ''
      : `  ${progress.itemsWritten.toLocaleString('en')} items written (${Math.round(seconds > 0 ? progress.itemsWritten / seconds : 0).toLocaleString('en')}/s, ${progress.retries ?? 0} retries)`;
  return `${rows.toLocaleString('en')} rows  ${Math.round(rate).toLocaleString('en')} rows/s  ${Math.round(fraction * 100)} %  ETA ${formatDuration(eta)}${items}`;
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '…';
  if (seconds < 120) return `${Math.ceil(seconds)} s`;
  if (seconds < 7200) return `${Math.ceil(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** Where stderr is not a terminal (a log file, CI): one plain line every `intervalMs`. */
export function createLineProgress(write: (text: string) => void, intervalMs = 10_000) {
  let last = 0;
  return {
    update(progress: ImportProgress): void {
      if (progress.elapsedMs - last < intervalMs) return;
      last = progress.elapsedMs;
      write(`${formatProgress(progress)}\n`);
    },
    clear(): void {},
  };
}

/** Redraws at most every `intervalMs` on the same terminal line. */
export function createTerminalProgress(write: (text: string) => void, intervalMs = 250) {
  let last = 0;
  return {
    update(progress: ImportProgress): void {
      if (progress.elapsedMs - last < intervalMs) return;
      last = progress.elapsedMs;
      write(`\r\x1b[2K${formatProgress(progress)}`);
    },
    clear(): void {
      write('\r\x1b[2K');
    },
  };
}

export function formatSummary(summary: ImportSummary): string {
  return (
    `rows ${summary.rows}, identifiers ${summary.identifiers}, subjects ${summary.subjects}, rejects ${summary.rejects}, ` +
    `${(summary.elapsedMs / 1000).toFixed(1)} s, ${Math.round(summary.rowsPerSecond)} rows/s on ${summary.workers} workers` +
    (summary.itemsWritten === undefined
      ? ''
      : `; items written ${summary.itemsWritten}, retries ${summary.retries ?? 0}`) +
    (summary.resumedAtLine === undefined ? '' : ` (resumed at line ${summary.resumedAtLine})`)
  );
}

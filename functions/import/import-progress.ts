import type { ImportProgress, ImportSummary } from './run-import';

/* What the operator sees: a live line on a terminal (rows, rate, ETA) and one summary line at the end. */

export function formatProgress({ rows, bytesRead, totalBytes, elapsedMs }: ImportProgress): string {
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? rows / seconds : 0;
  const fraction = totalBytes > 0 ? Math.min(bytesRead / totalBytes, 1) : 0;
  const eta = fraction > 0 ? Math.max(seconds / fraction - seconds, 0) : Number.NaN;
  return `${rows.toLocaleString('en')} rows  ${Math.round(rate).toLocaleString('en')} rows/s  ${Math.round(fraction * 100)} %  ETA ${Number.isFinite(eta) ? `${Math.ceil(eta)} s` : '…'}`;
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
    `${(summary.elapsedMs / 1000).toFixed(1)} s, ${Math.round(summary.rowsPerSecond)} rows/s on ${summary.workers} workers`
  );
}

import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { formatSummary } from '../import/import-progress';
import type { ImportSummary } from '../import/run-import';
import type { CliIo } from './cli-command';

/*
 * What `portal import` leaves behind once the rows are in: for the table targets the manifest `portal verify` checks
 * the table against (counts and a sample of item keys, hashes only), and the summary — as lines for a person, or with
 * --json as one JSON object on stdout (fields in docs/import.md → --json) for scripts.
 */

export interface ImportOutcome {
  summary: ImportSummary;
  target: 'local' | 'aws' | 's3-files';
  /** The table written (local, aws); empty for s3-files. */
  table: string;
  breachId: string;
  rejectsPath: string;
  /** The --out folder of an s3-files import (absolute). */
  outDir?: string;
}

/** The summary object of `portal import --json`: every field always present (null where it does not apply). */
export interface ImportJson {
  ok: true;
  target: ImportOutcome['target'];
  table: string | null;
  breachId: string;
  rows: number;
  identifiers: number;
  subjects: number;
  rejects: number;
  itemsWritten: number | null;
  retries: number | null;
  resumedAtLine: number | null;
  workers: number;
  elapsedMs: number;
  rowsPerSecond: number;
  maxRssKb: number;
  rejectsPath: string;
  manifestPath: string;
  dataDir: string | null;
  files: number | null;
}

export async function reportImport(format: 'text' | 'json', io: CliIo, outcome: ImportOutcome): Promise<void> {
  const { summary, target, table, breachId, rejectsPath, outDir } = outcome;
  let manifestPath = join(outDir ?? '', 'manifest.json');
  if (target !== 's3-files') {
    manifestPath = join(dirname(rejectsPath), 'import-manifest.json');
    const manifest = {
      table,
      breachId,
      completedAt: new Date().toISOString(),
      rows: summary.rows,
      items: summary.identifiers,
      subjects: summary.subjects,
      rejects: summary.rejects,
      sample: summary.sample ?? [],
    };
    await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  }
  const dataDir = summary.manifest ? join(outDir ?? '', 'data') : null;
  if (format === 'json') {
    const json: ImportJson = {
      ok: true,
      target,
      table: target === 's3-files' ? null : table,
      breachId,
      rows: summary.rows,
      identifiers: summary.identifiers,
      subjects: summary.subjects,
      rejects: summary.rejects,
      itemsWritten: summary.itemsWritten ?? null,
      retries: summary.retries ?? null,
      resumedAtLine: summary.resumedAtLine ?? null,
      workers: summary.workers,
      elapsedMs: summary.elapsedMs,
      rowsPerSecond: Math.round(summary.rowsPerSecond),
      maxRssKb: summary.maxRssKb,
      rejectsPath,
      manifestPath,
      dataDir,
      files: summary.manifest?.files.length ?? null,
    };
    io.out(JSON.stringify(json));
    return;
  }
  io.out(`Import complete: ${formatSummary(summary)}`);
  if (target !== 's3-files') {
    io.out(
      `Manifest: ${manifestPath} (check the table with \`portal verify --manifest ${manifestPath} --table ${table}\`)`,
    );
  }
  io.out(
    `Rejects: ${rejectsPath}${summary.manifest ? `\nFiles: ${dataDir} (manifest.json lists ${summary.manifest.files.length})` : ''}`,
  );
}

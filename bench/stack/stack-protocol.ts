import type { LocalStackUrls } from '../../functions/local/local-stack';

/* The IPC messages between a reliability script and the local stack it runs in a child process. */

export interface StackProcessOptions {
  /** Temporary LOCAL_DIR: emulator data, pepper, staff key; removed when the stack stops. */
  localDir: string;
  /** Overrides of the breach config's `limits` for this run (e.g. raised so a load test measures the stack). */
  limits?: Partial<
    Record<
      'checksPerAddressPerDay' | 'checksPerIpPerMinute' | 'staffLookupsPerHour' | 'assistRequestsPerIpPerHour',
      number
    >
  >;
  /** Overrides of the breach config's `sms` settings (limits and budget) for this run. */
  sms?: Partial<Record<'checksPerNumberPerDay' | 'checksPerIpPerHour' | 'dailyBudget', number>>;
  generatedCustomers?: number;
  /** Seeds breach records for benchHitPhone(0…n−1) (bench-addresses.ts). */
  seedHitPhones?: number;
  /** Seeds this many breach records for benchHitAddress(0…n−1) (bench-addresses.ts). */
  seedHitAddresses?: number;
  logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';
}

/** Memory of the stack's process after a full GC. */
export interface MemorySample {
  rss: number;
  heapUsed: number;
}

export type ChildRequest =
  | { id: number; op: 'settleMail' | 'memory' | 'stop' }
  /** Moves the stack's clock: its time becomes the machine's time plus offsetMs (abuse-limit windows). */
  | { id: number; op: 'setClockOffset'; offsetMs: number };

export type ChildReply =
  | { ready: true; urls: LocalStackUrls; demoRecords: number }
  | { id: number; ok: true; memory?: MemorySample }
  | { id: number; ok: false; error: string };

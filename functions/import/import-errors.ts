/*
 * What stops an import before (or instead of) finishing: each says what to fix, never quotes a row of the input
 * (it holds personal data). The CLI prints the message and exits non-zero.
 */
export class ImportError extends Error {
  constructor(
    readonly code:
      | 'not_csv'
      | 'missing_columns'
      | 'bad_column_map'
      | 'output_unwritable'
      | 'input_unreadable'
      | 'worker_failed'
      | 'table_not_found'
      | 'table_key_schema'
      | 'table_rejected_items'
      | 'table_access_denied'
      | 'table_unavailable'
      | 'table_throttled'
      | 'table_write_failed'
      | 'checkpoint_mismatch'
      | 'checkpoint_unreadable'
      | 'bad_pepper',
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

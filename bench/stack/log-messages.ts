/* The stack's JSON log lines counted by level, message and error class: what went wrong during a run, at a glance. */

export function countLogMessages(lines: readonly string[]): Map<string, number> {
  const messages = new Map<string, number>();
  for (const line of lines) {
    let key = 'not a JSON log line';
    try {
      const entry = JSON.parse(line) as { level?: string; message?: string; errorName?: string };
      key = `${entry.level} ${entry.message}${entry.errorName ? ` (${entry.errorName})` : ''}`;
    } catch {
      // A build message or a stack trace: counted as such.
    }
    messages.set(key, (messages.get(key) ?? 0) + 1);
  }
  return messages;
}

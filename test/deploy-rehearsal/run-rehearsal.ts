import { formatIamTable } from './iam-parity';
import { rehearse } from './rehearse';

/*
 * `npm run rehearse`: the deploy rehearsal from the command line (docs/rehearsal.md). Prints one line per route,
 * the IAM parity table, and one line per failure; exits non-zero if anything failed.
 */

try {
  const report = await rehearse({ breachConfigPath: process.env.BREACH_CONFIG || undefined });
  for (const step of report.steps) console.log(`${step.ok ? 'ok    ' : 'FAILED'} ${step.step} — ${step.detail}`);
  console.log(
    `\nIAM parity (calls made / granted / missing / granted-but-unused / allowed uncalled)\n${formatIamTable(report.iam)}`,
  );
  console.log(`\n${report.failures.length} failure(s), ${report.seconds.toFixed(1)} s`);
  for (const failure of report.failures) console.log(`FAILED ${failure}`);
  process.exitCode = report.failures.length > 0 ? 1 : 0;
} catch (error) {
  console.error(`rehearse: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  process.exitCode = 1;
}

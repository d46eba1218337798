import { byResource, formatIamTable } from './iam-parity';
import { REPORT_MARKER, rehearse } from './rehearse';

/*
 * `npm run rehearse`: the deploy rehearsal from the command line (docs/rehearsal.md). Prints one line per route,
 * the IAM parity table, and one line per failure; exits non-zero if anything failed. `--calls` also lists, per
 * function, the calls it made and the uncalled grants the allow-list accepts.
 */

try {
  const report = await rehearse({ breachConfigPath: process.env.BREACH_CONFIG || undefined });
  // For the jest test, which runs the rehearsal in its own process (fauxqs and the CDK app are ESM).
  if (process.argv.includes('--json')) console.log(`${REPORT_MARKER}${JSON.stringify(report)}`);
  for (const step of report.steps) console.log(`${step.ok ? 'ok    ' : 'FAILED'} ${step.step} — ${step.detail}`);
  console.log(
    `\nIAM parity (calls made / granted / missing / granted-but-unused / allowed uncalled)\n${formatIamTable(report.iam)}`,
  );
  if (process.argv.includes('--calls')) {
    for (const row of report.iam) {
      console.log(`\n${row.functionId}\n  called  ${byResource(row.calls).join('\n          ')}`);
      console.log(`  allowed ${byResource(row.allowed).join('\n          ')}`);
    }
  }
  const phases = Object.entries(report.phases).map(([phase, seconds]) => `${phase} ${seconds.toFixed(1)} s`);
  console.log(`\n${report.failures.length} failure(s), ${report.seconds.toFixed(1)} s (${phases.join(', ')})`);
  for (const failure of report.failures) console.log(`FAILED ${failure}`);
  process.exitCode = report.failures.length > 0 ? 1 : 0;
} catch (error) {
  console.error(`rehearse: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  process.exitCode = 1;
}

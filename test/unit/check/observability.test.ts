import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { createCheckHandler } from '../../../functions/handlers/create-check';
import { appLoggerOf, withObservability } from '../../../functions/observability/powertools';
import { invoke, jsonEvent } from './api-gateway-event';
import { config, createCheckFixture } from './check-fixture';

/* What the deployed handlers write to CloudWatch: EMF counts by route and outcome, and no identifier anywhere. */

async function capturedOutput(run: () => Promise<void>): Promise<string> {
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    await run();
  } finally {
    process.stdout.write = write;
  }
  return chunks.join('');
}

describe('withObservability', () => {
  it('counts each outcome per route in EMF and logs no address or IP', async () => {
    const { deps } = createCheckFixture();
    const output = await capturedOutput(async () => {
      const logger = new Logger({ serviceName: 'test' });
      const metrics = new Metrics({ namespace: 'Test', serviceName: 'test' });
      const handler = withObservability(
        createCheckHandler({ ...deps, logger: appLoggerOf(logger) }),
        logger,
        metrics,
        'CreateCheck',
      );
      for (let i = 0; i <= config.limits.checksPerIpPerMinute; i += 1) {
        await invoke(handler, jsonEvent({ email: `private${i}@example.nl` }, { sourceIp: '198.51.100.99' }));
      }
      await invoke(handler, jsonEvent({ email: 'x' }, { sourceIp: '198.51.100.98' }));
    });

    const records = output
      .split('\n')
      .filter((line) => line.includes('"_aws"'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const count = (name: string) => records.filter((record) => record[name] === 1).length;
    expect(count('Responses2xx')).toBe(config.limits.checksPerIpPerMinute);
    expect(count('Responses4xx')).toBe(2);
    expect(count('Error_rate_limited')).toBe(1);
    expect(count('Error_invalid_email')).toBe(1);
    expect(records.every((record) => record.route === 'CreateCheck')).toBe(true);
    expect(output).not.toMatch(/private\d*@|example\.nl|198\.51\.100/);
  });
});
